"""Glossary matching: a target term must stand for its source term, not merely occur somewhere."""

import pytest

from phrasebook import checks
from phrasebook.glossary import claim, load_glossary, misses
from phrasebook.paths import po_path

WARNINGS = {"特別警報": "emergency warning", "警報": "warning"}


def test_longest_term_claims_the_source_first():
    assert claim("レベル5大雨特別警報", ["警報", "特別警報", "レベル5大雨特別警報"]) == {"レベル5大雨特別警報"}
    assert claim("特別警報と警報", ["警報", "特別警報"]) == {"特別警報", "警報"}


@pytest.mark.parametrize("text, missed", [
    ("An emergency warning and a warning were issued.", []),
    ("An emergency warning was issued.", ["警報"]),        # 'warning' only inside the longer term
    ("A warning was issued.", ["特別警報"]),
])
def test_each_source_term_needs_its_own_target_term(text, missed):
    assert misses("特別警報と警報が発表されました。", text, WARNINGS, spaced=True) == missed


@pytest.mark.parametrize("text, missed", [
    ("Ask for an interpreter.", []),
    ("Interpreters are here.", []),                        # a stem may end inside a word
    ("A misinterpreter is here.", ["通訳"]),               # but must begin one
])
def test_term_must_begin_a_word_in_spaced_scripts(text, missed):
    assert misses("通訳がいます。", text, {"通訳": "interpreter"}, spaced=True) == missed


def test_scripts_without_spaces_match_inside_a_run():
    assert misses("通訳がいます。", "มีล่ามอยู่ที่นี่", {"通訳": "ล่าม"}) == []


def test_easy_japanese_terms_compare_without_furigana():
    glossary = {"避難指示": "｜避難指示《ひなんしじ》"}
    assert misses("避難指示を出しました。", "｜避難指示《ひなんしじ》を　｜出《だ》しました。", glossary) == []
    assert misses("避難指示を出しました。", "にげて　ください。", glossary) == ["避難指示"]


def test_glossary_term_inside_another_word_is_a_warning(locales):
    path = po_path("en", locales)
    old = "{place} opened as an evacuation shelter at {time}."
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, "{place} opened as a preevacuation shelter at {time}."), encoding="utf-8")
    found = [(i.check, i.severity) for i in checks.run(codes=["en"])]
    assert found == [("glossary", "warning")]
