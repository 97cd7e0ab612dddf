"""Rendering: a template's text in one language with typed slot values filled in."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from phrasebook.catalog import PoFile, read_po
from phrasebook.errors import PhrasebookError, SlotError, SlotValueError, UnknownTemplate
from phrasebook.glossary import choice_terms
from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.paths import po_path, templates_dir
from phrasebook.slots import canonical, format_value, parse_value
from phrasebook.templates import Template, get_template, load_templates, placeholder_problem, term_id


_SENTENCE_END = tuple(".!?。！？।॥။")


class MissingTranslation(PhrasebookError, LookupError):
    """The template has no usable (translated, non-fuzzy) text in that language."""

    def __init__(self, template_id: str, code: str, state: str) -> None:
        self.template_id, self.code, self.state = template_id, code, state
        super().__init__(f"{template_id} has no usable {code} text ({state})")


@lru_cache(maxsize=64)
def _po(path: str, code: str, stamp: tuple[int, int, int]) -> PoFile:
    return read_po(path, code)


def catalog(code: str, root: Path | None = None) -> PoFile:
    """The parsed catalog for a variant, cached until the file changes (its modification time,
    size or inode: an upload replaces the file by renaming a new one into place)."""
    path = po_path(code, root)
    st = path.stat()
    return _po(str(path), code, (st.st_mtime_ns, st.st_size, st.st_ino))


def text_of(tpl: Template, code: str, root: Path | None = None) -> str:
    """The raw translated text (with ``{slots}`` and furigana markup) of a template; never one
    whose placeholders would not fill."""
    entry = catalog(code, root).entries.get(tpl.id)
    if entry is None:
        raise MissingTranslation(tpl.id, code, "missing")
    if entry.state in ("untranslated", "fuzzy"):
        raise MissingTranslation(tpl.id, code, entry.state)
    if placeholder_problem(entry.text, tpl.slots):
        raise MissingTranslation(tpl.id, code, "placeholders do not match the template")
    return entry.text


def check_values(tpl: Template, values: Mapping[str, Any], root: Path | None = None) -> dict[str, Any]:
    """Parse every slot value; one ``SlotError`` lists all missing, unknown and bad slots
    (a ``term:`` slot's value must name an existing term)."""
    problems: dict[str, str] = {}
    codes: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    for name in values:
        if name not in tpl.slots:
            problems[name] = "unknown slot" + (f" (slots: {', '.join(tpl.slots)})" if tpl.slots else
                                               " (this template has no slots)")
            codes[name] = "unknown"
    for name, kind in tpl.slots.items():
        if name not in values or values[name] in (None, ""):
            problems[name], codes[name] = f"missing ({kind})", "missing"
            continue
        try:
            parsed[name] = parse_value(kind, values[name], tpl.choices.get(name, ()))
            if (tid := term_id(kind, parsed[name])) and tid not in load_templates(templates_dir(root)):
                raise SlotValueError("term", f"unknown term {parsed[name]!r}")
        except SlotValueError as exc:
            problems[name], codes[name] = f"{exc} ({kind})", exc.code
    if problems:
        raise SlotError(tpl.id, problems, codes)
    return parsed


def canonical_values(template_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Slot values as they are stored: digits of dates, times, numbers and phone numbers in
    ASCII, text stripped (``phrasebook.slots.canonical``); a place's names likewise."""
    try:
        kinds = get_template(template_id).slots
    except UnknownTemplate:
        kinds = {}
    return {name: {code: canonical("text", text) for code, text in value.items()} if isinstance(value, dict)
            else canonical(kinds.get(name, "text"), value) for name, value in values.items()}


def render(template_id: str, lang: str, values: Mapping[str, Any] | None = None,
           root: Path | None = None) -> str:
    """The message ``template_id`` in ``lang`` with ``values`` formatted for that language.

    Easy Japanese keeps its furigana markup (see ``phrasebook.furigana``).
    """
    language = get_language(lang)
    tpl = get_template(template_id, templates_dir(root))
    parsed = check_values(tpl, values or {}, root)
    text = tpl.ja if language.code == SOURCE else text_of(tpl, language.code, root)
    terms = choice_terms(language.code, root) if "choice" in tpl.slots.values() else {}
    formatted = {name: _formatted(tpl.slots[name], value, language, terms, root) for name, value in parsed.items()}
    return fill(text, formatted, tpl.slots)


def _formatted(kind: str, value: Any, language: Language, terms: Mapping[str, str], root: Path | None) -> str:
    """A slot value for a reader of ``language``; a term is its own translated template."""
    if tid := term_id(kind, value):
        return render(tid, language.code, root=root)
    return format_value(kind, value, language, terms)


def fill(text: str, formatted: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """``text`` with its placeholders filled; a date that begins a sentence begins with a capital
    letter (CLDR writes weekdays in lower case in Russian, Spanish, French...), and so does a choice."""
    out: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(literal)
        if name is None:
            continue
        value = formatted[name]
        before = "".join(out).rstrip()
        if kinds.get(name) in ("date", "datetime", "choice") and (not before or before.endswith(_SENTENCE_END)):
            value = value[:1].upper() + value[1:]
        out.append(value)
    return "".join(out)
