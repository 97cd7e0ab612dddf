"""Template definitions: ids, Japanese source text, kind, category, hazards, phases, slots.

They are kept once, in ``locales/templates/*.toml`` (one file per kind); the catalogs carry only
text. Each file sets ``kind`` and lists ``[[template]]`` tables.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from phrasebook.errors import CatalogError, UnknownTemplate
from phrasebook.paths import templates_dir

KINDS = ("message", "sign", "card", "board", "food", "term")
# A ``term:FAMILY`` slot takes one of the terms ``FAMILY.<key>`` (templates of kind term, each
# translated in the catalogs); a slot listed in ``free_text`` also takes other text.
TERM = "term:"
SLOT_TYPES = ("text", "place", "date", "time", "datetime", "number", "phone", "url")
HAZARDS = (
    "earthquake", "tsunami", "typhoon", "heavy_rain", "flood", "landslide", "snow", "heat",
    "volcano", "missile", "fire", "infection", "tornado", "lightning", "nuclear",
)
PHASES = ("before", "onset", "evacuation", "shelter", "lifeline", "recovery")
_CORE_KEYS = {"id", "ja", "category", "hazards", "phases", "pictogram", "slots", "free_text", "note"}


@dataclass(frozen=True)
class Template:
    """One phrase template; ``ja`` is the Japanese source with ``{slot}`` placeholders."""

    id: str
    kind: str
    ja: str
    category: str
    hazards: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    pictogram: str | None = None
    slots: dict[str, str] = field(default_factory=dict)
    # the ``term:`` slots that also take other text (kept in Japanese, between 「」 for others)
    free_text: tuple[str, ...] = ()
    note: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # file the definition came from


def term_id(kind: str, key: str) -> str:
    """The template id of the term ``key`` of a ``term:FAMILY`` slot: ``FAMILY.key``."""
    return f"{kind[len(TERM):]}.{key}"


def family_of(tpl: Template) -> tuple[str, str]:
    """A term template's family and key: ``jma.intensity.5-`` is ``("jma.intensity", "5-")``."""
    family, _, key = tpl.id.rpartition(".")
    return family, key


def placeholders(text: str) -> list[str]:
    """Names of the ``{name}`` placeholders in ``text``, in order.

    Raises ``ValueError`` for broken braces and for anything but a plain name (attribute access,
    indexing, conversions or format specs are refused: translations are untrusted input).
    """
    names = []
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"placeholder {{{name}{'!' + conversion if conversion else ''}"
                             f"{':' + spec if spec else ''}}} is not a plain {{name}}")
        names.append(name)
    return names


def placeholder_problem(text: str, slots: dict[str, str]) -> str | None:
    """Why the placeholders of ``text`` do not fit ``slots`` (broken, missing or unknown), or None."""
    try:
        found = set(placeholders(text))
    except ValueError as exc:
        return str(exc)
    missing, unknown = sorted(set(slots) - found), sorted(found - set(slots))
    parts = [f"missing {{{'}, {'.join(missing)}}}" if missing else "",
             f"unknown {{{'}, {'.join(unknown)}}}" if unknown else ""]
    return "; ".join(p for p in parts if p) or None


def _template(raw: dict[str, Any], kind: str, path: Path, index: int) -> Template:
    where = f"template #{index + 1}"
    tid = raw.get("id")
    if not isinstance(tid, str) or not tid:
        raise CatalogError(str(path), None, f"{where}: missing id")
    if not isinstance(raw.get("ja"), str) or not raw["ja"].strip():
        raise CatalogError(str(path), None, f"{tid}: missing Japanese source 'ja'")
    slots = dict(raw.get("slots", {}))
    for name, kind_ in slots.items():
        if kind_ not in SLOT_TYPES and not (kind_.startswith(TERM) and len(kind_) > len(TERM)):
            raise CatalogError(str(path), None, f"{tid}: slot {name!r} has unknown type {kind_!r}")
    free_text = raw.get("free_text", [])
    if not isinstance(free_text, list) or not all(isinstance(name, str) for name in free_text):
        raise CatalogError(str(path), None, f"{tid}: 'free_text' must be a list of slot names")
    if extra := sorted(name for name in free_text if not slots.get(name, "").startswith(TERM)):
        raise CatalogError(str(path), None, f"{tid}: free_text names slots that are not term slots: {extra}")
    if kind == "term" and (slots or "." not in tid.strip(".")):
        raise CatalogError(str(path), None, f"{tid}: a term has no slots and an id FAMILY.KEY")
    if problem := placeholder_problem(raw["ja"], slots):
        raise CatalogError(str(path), None, f"{tid}: placeholders do not match slots: {problem}")
    for key, vocab in (("hazards", HAZARDS), ("phases", PHASES)):
        bad = [v for v in raw.get(key, ()) if v not in vocab]
        if bad:
            raise CatalogError(str(path), None, f"{tid}: unknown {key} {bad}")
    return Template(
        id=tid, kind=kind, ja=raw["ja"], category=str(raw.get("category", "")),
        hazards=tuple(raw.get("hazards", ())), phases=tuple(raw.get("phases", ())),
        pictogram=raw.get("pictogram"), slots=slots,
        free_text=tuple(free_text), note=str(raw.get("note", "")),
        meta={k: v for k, v in raw.items() if k not in _CORE_KEYS}, source=str(path),
    )


def read_templates(folder: Path) -> dict[str, Template]:
    """Read every ``*.toml`` definition file in ``folder``; ids must be unique."""
    found: dict[str, Template] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CatalogError(str(path), None, f"TOML syntax error: {exc}") from None
        kind = data.get("kind")
        if kind not in KINDS:
            raise CatalogError(str(path), None, f"'kind' must be one of {', '.join(KINDS)}")
        for index, raw in enumerate(data.get("template", [])):
            tpl = _template(raw, kind, path, index)
            if tpl.id in found:
                raise CatalogError(str(path), None, f"duplicate template id {tpl.id!r}")
            found[tpl.id] = tpl
    families = _families(found)
    for tpl in found.values():
        for name, kind in tpl.slots.items():
            if kind.startswith(TERM) and kind[len(TERM):] not in families:
                raise CatalogError(tpl.source, None, f"{tpl.id}: slot {name!r}: no term {kind[len(TERM):]}.KEY "
                                                     "(a template of kind term)")
    return found


def _families(templates: dict[str, Template]) -> dict[str, dict[str, str]]:
    """Each term family's keys and their Japanese terms, in definition order."""
    families: dict[str, dict[str, str]] = {}
    for tpl in templates.values():
        if tpl.kind == "term":
            family, key = family_of(tpl)
            families.setdefault(family, {})[key] = tpl.ja
    return families


@lru_cache(maxsize=4)
def _cached(folder: str, stamp: tuple[float, ...]) -> dict[str, Template]:
    return read_templates(Path(folder))


def _stamp(folder: Path) -> tuple[float, ...]:
    return tuple(p.stat().st_mtime for p in sorted(folder.glob("*.toml")))


def load_templates(folder: Path | None = None) -> dict[str, Template]:
    """All template definitions, keyed by id (cached until a file changes)."""
    folder = folder or templates_dir()
    return _cached(str(folder), _stamp(folder))


@lru_cache(maxsize=4)
def _cached_terms(folder: str, stamp: tuple[float, ...]) -> dict[str, dict[str, str]]:
    return _families(_cached(folder, stamp))


def family_terms(kind: str, folder: Path | None = None) -> dict[str, str]:
    """The terms a ``term:FAMILY`` slot takes: each key and its Japanese term, in definition order."""
    folder = folder or templates_dir()
    return dict(_cached_terms(str(folder), _stamp(folder)).get(kind[len(TERM):], {}))


def get_template(template_id: str, folder: Path | None = None) -> Template:
    try:
        return load_templates(folder)[template_id]
    except KeyError:
        raise UnknownTemplate(template_id) from None
