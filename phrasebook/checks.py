"""Translation checks, like Weblate's: each problem is an ``Issue`` pointing at file:line.

Errors make ``bosai phrases check`` fail; warnings are reported for a translator to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from phrasebook.catalog import Entry, PoFile, read_po
from phrasebook.errors import CatalogError
from phrasebook.furigana import parse, plain
from phrasebook.glossary import SPACED_SCRIPTS, load_glossary, misses
from phrasebook.languages import LANGUAGES, SOURCE, Language
from phrasebook.paths import po_path, templates_dir
from phrasebook.scripts import EXPECTED, SIMPLIFIED_ONLY, TRADITIONAL_ONLY, script_of
from phrasebook.templates import Template, load_templates, placeholder_problem
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


@dataclass(frozen=True)
class Issue:
    path: str
    line: int
    check: str
    message: str
    severity: str = "error"

    def format(self) -> str:
        tag = self.check if self.severity == "error" else f"{self.check} (warning)"
        return f"{self.path}:{self.line}: [{tag}] {self.message}"


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def easy_length(sentence: str) -> int:
    """Characters of an Easy Japanese sentence as read, without the spaces between words."""
    return len(re.sub(r"\s", "", plain(sentence)))


def check_script(lang: Language, text: str) -> str | None:
    """Why ``text`` is not in ``lang``'s script, or None. Parenthesised or quoted terms (a
    Japanese term kept for showing at a counter) and slots are left out."""
    body = _SLOT.sub("", _PARENS.sub("", plain(text)))
    letters = _letters(body)
    if not letters:
        return None
    expected = EXPECTED[lang.script]
    found = [script_of(c) for c in letters]
    inside = sum(s in expected for s in found)
    if lang.script == "Hans" and (bad := sorted({c for c in letters if c in TRADITIONAL_ONLY})):
        return f"traditional characters in simplified Chinese: {''.join(bad)}"
    if lang.script == "Hant" and (bad := sorted({c for c in letters if c in SIMPLIFIED_ONLY})):
        return f"simplified characters in traditional Chinese: {''.join(bad)}"
    if lang.script in ("Hans", "Hant") and any(script_of(c) == "Kana" for c in letters):
        return "Japanese kana in Chinese text"
    if lang.script == "Kore" and any(script_of(c) in ("Kana", "Hani") for c in letters):
        return "kana or Han characters in Korean text"
    if inside == 0 or inside < len(letters) / 2:
        stray = sorted({s for s in found if s not in expected})
        return f"expected {lang.script} text, found mostly {', '.join(stray)}"
    if lang.script == "Latn" and (bad := sorted({s for s in found if s in ("Kana", "Hani", "Hang", "Thai")})):
        return f"{', '.join(bad)} characters outside parentheses in Latin-script text"
    return None


def _check_entry(lang: Language, tpl: Template, entry: Entry, path: str,
                 glossary: dict[str, str]) -> list[Issue]:
    issues: list[Issue] = []

    def add(check: str, message: str, severity: str = "error") -> None:
        issues.append(Issue(path, entry.line, check, message, severity))

    if entry.source != tpl.ja:
        add("stale", f"{tpl.id}: source differs from the template definition; run 'bosai phrases update'")
    if entry.state == "untranslated":
        add("untranslated", f"{tpl.id}: no translation")
        return issues
    if entry.state == "fuzzy":
        add("fuzzy", f"{tpl.id}: marked fuzzy (needs work)")
    text = entry.text
    if problem := placeholder_problem(text, tpl.slots):
        add("placeholders", f"{tpl.id}: {problem}")
    if problem := find_problem(text, multiline=True):
        add("control-chars", f"{tpl.id}: {problem.reason}")
    if text != text.strip() or "  " in text:
        add("whitespace", f"{tpl.id}: leading, trailing or double spaces", "warning")
    if lang.code == SOURCE:
        return issues
    if text == tpl.ja and lang.code != "ja@easy":  # kana-only Japanese is already easy
        # Chinese shares many words with Japanese (地震, 牛肉): there it is only worth a look.
        add("same-as-source", f"{tpl.id}: identical to the Japanese source",
            "warning" if lang.script in ("Hans", "Hant") else "error")
    if why := check_script(lang, text):
        add("script", f"{tpl.id}: {why}")
    if lang.code == "ja@easy":
        bare = [base for base, reading in parse(text) if not reading and any(script_of(c) == "Hani" for c in base)]
        if bare:
            kanji = "".join(sorted({c for b in bare for c in b if script_of(c) == "Hani"}))
            add("furigana", f"{tpl.id}: kanji without furigana: {kanji}")
    budget = tpl.meta.get("budget")
    if tpl.kind == "sign" and budget:
        limit = int(budget * _BUDGET_FACTOR.get(lang.script, _OTHER_BUDGET_FACTOR))
        if len(plain(text)) > limit:
            add("length", f"{tpl.id}: {len(plain(text))} characters, sign budget is {limit}")
    src_end = tpl.ja.rstrip().endswith(_SENTENCE_END)
    if lang.script != "Thai" and src_end != text.rstrip().endswith(_SENTENCE_END):
        add("end-punctuation", f"{tpl.id}: sentence-end punctuation differs from the source", "warning")
    if lang.code == "ja@easy":
        for sentence in _EASY_SENTENCE.findall(plain(text)):
            if (size := easy_length(sentence)) > EASY_SENTENCE_MAX:
                add("easy-length", f"{tpl.id}: a sentence of {size} characters "
                    f"(at most {EASY_SENTENCE_MAX} in Easy Japanese): {sentence.strip()[:20]}…")
    for term in misses(tpl.ja, text, glossary, lang.script in SPACED_SCRIPTS):
        add("glossary", f"{tpl.id}: {term} should be translated as {glossary[term]!r}", "warning")
    return issues


def check_catalog(po: PoFile, templates: dict[str, Template],
                  glossary: dict[str, str] | None = None) -> list[Issue]:
    """Every problem in one parsed catalog."""
    lang = LANGUAGES[po.code]
    path = str(po.path)
    issues: list[Issue] = []
    for tid, tpl in templates.items():
        entry = po.entries.get(tid)
        if entry is None:
            issues.append(Issue(path, 1, "missing", f"{tid}: no entry; run 'bosai phrases update'"))
        else:
            issues.extend(_check_entry(lang, tpl, entry, path, glossary or {}))
    for tid, entry in po.entries.items():
        if tid not in templates:
            issues.append(Issue(path, entry.line, "unknown-id", f"{tid}: no such template", "warning"))
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
            issues.append(Issue(exc.path, exc.line or 1, "syntax", exc.message))
            continue
        issues.extend(check_catalog(po, templates, load_glossary(code, root)))
    return issues
