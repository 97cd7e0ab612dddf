"""Rendering: a template's text in one language with typed slot values filled in."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from phrasebook.catalog import PoFile, read_po
from phrasebook.errors import PhrasebookError, SlotError, SlotValueError, UnknownTemplate
from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.paths import po_path, templates_dir
from phrasebook.slots import Term, canonical, format_value, parse_value
from phrasebook.templates import TERM, Template, family_terms, get_template, placeholder_problem, term_id


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
    (a ``term:`` slot's value must be one of its family's terms, unless it takes free text)."""
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
            terms = family_terms(kind, templates_dir(root)) if kind.startswith(TERM) else None
            parsed[name] = parse_value(kind, values[name], terms, name in tpl.free_text)
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
    formatted = {name: _formatted(tpl.slots[name], value, language, root) for name, value in parsed.items()}
    return fill(text, formatted, tpl.slots)


def _formatted(kind: str, value: Any, language: Language, root: Path | None) -> str:
    return term_text(kind, value, language, root) if isinstance(value, Term) else format_value(kind, value, language)


def term_text(kind: str, term: Term, language: Language, root: Path | None = None) -> str:
    """A term for a reader of ``language``: its own catalog entry. Other text, or a term not
    translated yet, stays in Japanese, between 「」 (the mark of a term left untranslated) for
    readers of other languages."""
    if term.key is not None and language.code != SOURCE:
        try:
            return text_of(get_template(term_id(kind, term.key), templates_dir(root)), language.code, root)
        except MissingTranslation:
            pass
    return term.ja if language.code.startswith("ja") else f"「{term.ja}」"


def fill(text: str, formatted: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """``text`` with its placeholders filled; a date that begins a sentence begins with a capital
    letter (CLDR writes weekdays in lower case in Russian, Spanish, French...), and so does a term."""
    out: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(literal)
        if name is None:
            continue
        value = formatted[name]
        before = "".join(out).rstrip()
        kind = kinds.get(name, "")
        if (kind in ("date", "datetime") or kind.startswith(TERM)) and (not before or before.endswith(_SENTENCE_END)):
            value = value[:1].upper() + value[1:]
        out.append(value)
    return "".join(out)
