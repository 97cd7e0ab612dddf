"""Translation checks, like Weblate's: each problem is an ``Issue`` pointing at file:line.

Errors make ``bosai phrases check`` fail; warnings are reported for a translator to look at.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from phrasebook.catalog import Entry, PoFile, read_po
from phrasebook.errors import CatalogError, N_
from phrasebook.furigana import parse, plain
from phrasebook.glossary import SPACED_SCRIPTS, load_glossary, misses
from phrasebook.languages import LANGUAGES, SOURCE, Language
from phrasebook.paths import po_path, templates_dir
from phrasebook.scripts import EXPECTED, SCRIPT_NAMES, SIMPLIFIED_ONLY, TRADITIONAL_ONLY, script_of
from phrasebook.templates import Template, load_templates, placeholder_problem, placeholders
from phrasebook.textsafety import find_problem

_PARENS = re.compile(r"\([^()]*\)|（[^（）]*）|「[^「」]*」")
_SLOT = re.compile(r"\{\w+\}")
_SENTENCE_END = tuple("。．.？?！!।॥၊။")
# Sign length budgets are counted for Japanese; other scripts take more characters.
_BUDGET_FACTOR = {"Jpan": 1.0, "Hans": 1.2, "Hant": 1.2, "Kore": 2.0}
_OTHER_BUDGET_FACTOR = 4.0
# Easy Japanese: one sentence at most this many characters, spaces and readings left out.
EASY_SENTENCE_MAX = 75
_EASY_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


# What each check says, in English with %(name)s fields; the web app shows it translated.
STALE = N_("The Japanese source of this entry differs from the template definition: the catalog needs "
           "an update from the templates (staff can do it on the dashboard).")
UNTRANSLATED = N_("Not translated yet.")
FUZZY = N_("Marked as needing work (fuzzy): check the translation and remove the fuzzy mark.")
PLACEHOLDER_BROKEN = N_("A placeholder is broken (%(detail)s). Copy the placeholders exactly as in the "
                        "Japanese source: %(expected)s.")
PLACEHOLDERS_MISSING = N_("Placeholders missing: %(missing)s. Keep every placeholder of the Japanese "
                          "source, untranslated, in braces: %(expected)s.")
PLACEHOLDERS_RENAMED = N_("Placeholders changed: %(unknown)s instead of %(missing)s. Copy the placeholders "
                          "exactly as in the Japanese source, untranslated: %(expected)s.")
PLACEHOLDERS_UNKNOWN = N_("Unknown placeholders: %(unknown)s. Use only the placeholders of the Japanese "
                          "source, untranslated, in braces: %(expected)s.")
CONTROL = N_("The text contains control or invisible zero-width characters. Retype the text around them "
             "or delete them.")
WHITESPACE = N_("Spaces at the start or end, or two spaces in a row.")
SAME_AS_SOURCE = N_("The translation is identical to the Japanese source.")
WRONG_SCRIPT = N_("Expected %(script)s text, but most letters are %(found)s. Write the translation in "
                  "%(script)s (a term in other letters may stay in parentheses).")
SIMPLIFIED_IN_HANT = N_("Simplified characters in traditional Chinese: %(chars)s. Use the traditional forms.")
TRADITIONAL_IN_HANS = N_("Traditional characters in simplified Chinese: %(chars)s. Use the simplified forms.")
KANA_IN_CHINESE = N_("Japanese kana in Chinese text. Translate the words written in kana.")
KANA_IN_KOREAN = N_("Kana or kanji (Han characters) in Korean text. Write them in Hangul.")
FOREIGN_IN_LATIN = N_("%(found)s outside parentheses in Latin-script text. Put a Japanese term in "
                      "parentheses or translate it.")
FURIGANA = N_("Kanji without furigana: %(kanji)s. Add a reading to each kanji, like 避難所《ひなんじょ》.")
LENGTH = N_("%(length)s characters, but the sign allows %(limit)s. Shorten the text.")
END_PUNCTUATION = N_("The sentence-end punctuation differs from the source.")
EASY_LENGTH = N_("A sentence of %(length)s characters (at most %(limit)s in Easy Japanese): %(start)s… "
                 "Split it into shorter sentences.")
GLOSSARY = N_("%(term)s should be translated as %(want)s (the language's glossary).")
MISSING = N_("The catalog has no entry for %(id)s: it needs an update from the templates (staff can do "
             "it on the dashboard).")
UNKNOWN_ID = N_("No template has this id; the entry is not used.")
# Letters outside markup and placeholders must be at least this share in the language's script.
MIN_SCRIPT_SHARE = 1 / 3
_MARKUP = re.compile(r"<[^<>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


@dataclass(frozen=True)
class Issue:
    """One problem of one catalog entry (``entry`` is its template id): ``message`` is the
    English sentence, ``template`` and ``params`` what it was made from."""

    path: str
    line: int
    check: str
    message: str
    severity: str = "error"
    entry: str = ""
    template: str = field(default="", compare=False)
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def format(self) -> str:
        tag = self.check if self.severity == "error" else f"{self.check} (warning)"
        where = f"{self.entry}: " if self.entry else ""
        return f"{self.path}:{self.line}: [{tag}] {where}{self.message}"


def _letters(text: str) -> list[str]:
    """Letters and the marks of letters (Devanagari and Myanmar vowel signs) of known scripts."""
    return [c for c in text if c.isalpha() or (unicodedata.category(c).startswith("M") and script_of(c) != "other")]


def easy_length(sentence: str) -> int:
    """Characters of an Easy Japanese sentence as read, without the spaces between words."""
    return len(re.sub(r"\s", "", plain(sentence)))


def _names(scripts) -> list[str]:
    return [SCRIPT_NAMES.get(s, s) for s in sorted(set(scripts))]


def check_script(lang: Language, text: str) -> tuple[str, dict] | None:
    """Why ``text`` is not in ``lang``'s script, as (sentence, fields), or None.

    Counts letters outside markup, placeholders, parentheses and quotes (a Japanese term kept
    for showing at a counter): at least ``MIN_SCRIPT_SHARE`` of them must be in the script, so
    a Latin term or a number inside a translation passes."""
    body = _SLOT.sub("", _PARENS.sub("", _MARKUP.sub(" ", plain(text))))
    letters = _letters(body)
    if not letters:
        return None
    expected = EXPECTED[lang.script]
    found = [script_of(c) for c in letters]
    inside = sum(s in expected for s in found)
    if lang.script == "Hans" and (bad := sorted({c for c in letters if c in TRADITIONAL_ONLY})):
        return TRADITIONAL_IN_HANS, {"chars": "".join(bad)}
    if lang.script == "Hant" and (bad := sorted({c for c in letters if c in SIMPLIFIED_ONLY})):
        return SIMPLIFIED_IN_HANT, {"chars": "".join(bad)}
    if lang.script in ("Hans", "Hant") and any(script_of(c) == "Kana" for c in letters):
        return KANA_IN_CHINESE, {}
    if lang.script == "Kore" and any(script_of(c) in ("Kana", "Hani") for c in letters):
        return KANA_IN_KOREAN, {}
    if inside < len(letters) * MIN_SCRIPT_SHARE:
        return WRONG_SCRIPT, {"script": SCRIPT_NAMES[lang.script],
                              "found": _names(s for s in found if s not in expected)}
    if lang.script == "Latn" and (bad := {s for s in found if s in ("Kana", "Hani", "Hang", "Thai")}):
        return FOREIGN_IN_LATIN, {"found": _names(bad)}
    return None


_WELL_FORMED = re.compile(r"\{\{|\}\}|\{[^{}]*\}")  # escaped braces and whole {…}, broken or not


def broken_fragment(text: str) -> str:
    """The part of ``text`` that breaks its placeholders, quoted as it is (so the message needs no
    translation): a ``{…}`` that is not a plain name, or a stray brace with the text beside it."""
    for match in _WELL_FORMED.finditer(text):
        inner = match.group()[1:-1]
        if match.group() not in ("{{", "}}") and not inner.isidentifier():
            return match.group()
    rest = _WELL_FORMED.sub(lambda m: " " * len(m.group()), text)
    i = next((i for i, char in enumerate(rest) if char in "{}"), 0)
    return text[i:i + 12] if text[i:i + 1] != "}" else text[max(0, i - 11):i + 1]


def _placeholders(text: str, tpl: Template) -> tuple[str, dict] | None:
    """The placeholder problem of a translation (see ``placeholder_problem``) in words."""
    problem = placeholder_problem(text, tpl.slots)
    if problem is None:
        return None
    expected = " ".join(f"{{{name}}}" for name in tpl.slots) or "-"
    try:
        found = set(placeholders(text))
    except ValueError:
        return PLACEHOLDER_BROKEN, {"detail": broken_fragment(text), "expected": expected}
    missing = " ".join(f"{{{n}}}" for n in sorted(set(tpl.slots) - found))
    unknown = " ".join(f"{{{n}}}" for n in sorted(found - set(tpl.slots)))
    params = {"missing": missing, "unknown": unknown, "expected": expected}
    return (PLACEHOLDERS_RENAMED if missing and unknown else PLACEHOLDERS_MISSING if missing
            else PLACEHOLDERS_UNKNOWN), params


def _check_entry(lang: Language, tpl: Template, entry: Entry, path: str,
                 glossary: dict[str, str]) -> list[Issue]:
    issues: list[Issue] = []

    def add(check: str, template: str, params: dict | None = None, severity: str = "error") -> None:
        params = params or {}
        shown = {k: ", ".join(v) if isinstance(v, list) else v for k, v in params.items()}
        issues.append(Issue(path, entry.line, check, template % shown if shown else template, severity,
                            entry.id, template, params))

    if entry.source != tpl.ja:
        add("stale", STALE)
    if entry.state == "untranslated":
        add("untranslated", UNTRANSLATED)
        return issues
    if entry.state == "fuzzy":
        add("fuzzy", FUZZY)
    text = entry.text
    if problem := _placeholders(text, tpl):
        add("placeholders", *problem)
    if find_problem(text, multiline=True):
        add("control-chars", CONTROL)
    if text != text.strip() or "  " in text:
        add("whitespace", WHITESPACE, severity="warning")
    if lang.code == SOURCE:
        return issues
    if text == tpl.ja and lang.code != "ja@easy":  # kana-only Japanese is already easy
        # Chinese shares many words with Japanese (地震, 牛肉): there it is only worth a look.
        add("same-as-source", SAME_AS_SOURCE, severity="warning" if lang.script in ("Hans", "Hant") else "error")
    if why := check_script(lang, text):
        add("script", *why)
    if lang.code == "ja@easy":
        bare = [base for base, reading in parse(text) if not reading and any(script_of(c) == "Hani" for c in base)]
        if bare:
            kanji = "".join(sorted({c for b in bare for c in b if script_of(c) == "Hani"}))
            add("furigana", FURIGANA, {"kanji": kanji})
    budget = tpl.meta.get("budget")
    if tpl.kind == "sign" and budget:
        limit = int(budget * _BUDGET_FACTOR.get(lang.script, _OTHER_BUDGET_FACTOR))
        if len(plain(text)) > limit:
            add("length", LENGTH, {"length": len(plain(text)), "limit": limit})
    src_end = tpl.ja.rstrip().endswith(_SENTENCE_END)
    if lang.script != "Thai" and src_end != text.rstrip().endswith(_SENTENCE_END):
        add("end-punctuation", END_PUNCTUATION, severity="warning")
    if lang.code == "ja@easy":
        for sentence in _EASY_SENTENCE.findall(plain(text)):
            if (size := easy_length(sentence)) > EASY_SENTENCE_MAX:
                add("easy-length", EASY_LENGTH, {"length": size, "limit": EASY_SENTENCE_MAX,
                                                 "start": sentence.strip()[:20]})
    for term in misses(tpl.ja, text, glossary, lang.script in SPACED_SCRIPTS):
        add("glossary", GLOSSARY, {"term": term, "want": repr(glossary[term])}, "warning")
    return issues


# States of work in progress: reported, but a catalog may still have them.
NOT_BLOCKING = {"untranslated", "fuzzy"}


def blocking(issues: list[Issue]) -> list[Issue]:
    """The issues that refuse a catalog (an upload or an import): errors other than work in progress."""
    return [i for i in issues if i.severity == "error" and i.check not in NOT_BLOCKING]


def check_catalog(po: PoFile, templates: dict[str, Template],
                  glossary: dict[str, str] | None = None) -> list[Issue]:
    """Every problem in one parsed catalog."""
    lang = LANGUAGES[po.code]
    path = str(po.path)
    issues: list[Issue] = []
    for tid, tpl in templates.items():
        entry = po.entries.get(tid)
        if entry is None:
            issues.append(Issue(path, 1, "missing", MISSING % {"id": tid}, "error", tid, MISSING, {"id": tid}))
        else:
            issues.extend(_check_entry(lang, tpl, entry, path, glossary or {}))
    for tid, entry in po.entries.items():
        if tid not in templates:
            issues.append(Issue(path, entry.line, "unknown-id", UNKNOWN_ID, "warning", tid, UNKNOWN_ID))
    return issues


def run(codes: list[str] | None = None, root: Path | None = None) -> list[Issue]:
    """Check the catalogs of ``codes`` (all variants by default). A catalog that cannot be
    parsed is reported as an issue at its line rather than stopping the run."""
    templates = load_templates(templates_dir(root))
    issues: list[Issue] = []
    for code in codes or list(LANGUAGES):
        path = po_path(code, root)
        try:
            po = read_po(path, code)
        except CatalogError as exc:
            issues.append(Issue(exc.path, exc.line or 1, "syntax", exc.message, template=exc.template,
                                params=exc.params))
            continue
        issues.extend(check_catalog(po, templates, load_glossary(code, root)))
    return issues
