import re

import pytest

from phrasebook import checks
from phrasebook.languages import get_language
from phrasebook.paths import po_path


def _set(locales, code, old, new):
    path = po_path(code, locales)
    text = path.read_text(encoding="utf-8")
    assert f'msgstr "{old}"' in text
    path.write_text(text.replace(f'msgstr "{old}"', f'msgstr "{new}"'), encoding="utf-8")
    return path


def test_fixture_catalogs_are_clean(locales):
    assert [i.format() for i in checks.run()] == []


@pytest.mark.parametrize("code, old, new, check", [
    ("en", "{place} opened as an evacuation shelter at {time}.",
     "{place} opened as an evacuation shelter at {tme}.", "placeholders"),
    ("en", "{place} opened as an evacuation shelter at {time}.", "{place} opened {place.x}", "placeholders"),
    ("en", "Toilet", "トイレ", ("same-as-source", "script")),
    ("en", "Toilet", "お手洗い", "script"),
    ("th", "ห้องน้ำ", "Toilet", "script"),
    ("my", "အိမ်သာ", "Toilet", "script"),
    ("ne", "शौचालय", "Toilet", "script"),
    ("ko", "화장실", "化粧室", "script"),
    ("ru", "Туалет", "Toilet", "script"),
    ("zh_Hans", "厕所", "廁所", "script"),
    ("zh_Hant", "廁所", "厕所", "script"),
    ("zh_Hans", "厕所", "トイレ", "script"),
    ("ja@easy", "トイレ", "お手洗《てあら》い", None),
    ("ja@easy", "トイレ", "お手洗い", "furigana"),
    ("fr", "Toilettes", "Toilettes\u200b", "control-chars"),
    ("fr", "Toilettes", "Toilettes pour les personnes à mobilité réduite et les familles avec bébés", "length"),
    ("es", "Baños", "", "untranslated"),
])
def test_each_check_fires_at_file_and_line(locales, code, old, new, check):
    _set(locales, code, old, new)
    found = checks.run(codes=[code])
    errors = [i for i in found if i.severity == "error"]
    if check is None:
        assert errors == []
        return
    expected = list(check) if isinstance(check, tuple) else [check]
    assert [i.check for i in errors] == expected, [i.format() for i in found]
    line = errors[-1].format()
    assert re.match(rf".*{re.escape(code)}/LC_MESSAGES/bosai\.po:\d+: \[{expected[-1]}\] ", line)


@pytest.mark.parametrize("text, stray", [
    ("भर्\u200dयाङ", False), ("क्\u200cष", False), ("Toilet\u200d", True), ("\u200cशौचालय", True),
    ("शौचालय\u200b", True), ("a\u202eb", True),
])
def test_joiners_only_inside_complex_scripts(locales, text, stray):
    _set(locales, "ne", "शौचालय", text)
    found = [i.check for i in checks.run(codes=["ne"]) if i.check == "control-chars"]
    assert found == (["control-chars"] if stray else [])


def test_fuzzy_is_an_error(locales):
    path = po_path("vi", locales)
    text = path.read_text(encoding="utf-8").replace('msgctxt "sign.toilet"', '#, fuzzy\nmsgctxt "sign.toilet"')
    path.write_text(text, encoding="utf-8")
    assert [i.check for i in checks.run(codes=["vi"])] == ["fuzzy"]


def test_japanese_term_in_parentheses_is_allowed():
    assert checks.check_script(get_language("en"), "Evacuation order (避難指示)") is None
    assert checks.check_script(get_language("th"), "คำสั่งอพยพ (避難指示)") is None


def test_latin_digits_and_brand_names_inside_other_scripts():
    assert checks.check_script(get_language("th"), "ชาร์จโทรศัพท์ USB 5V") is None
    assert checks.check_script(get_language("ne"), "१७१ मा फोन गर्नुहोस् (171)") is None


@pytest.mark.parametrize("code, old, new, check", [
    ("en", "{place} opened as an evacuation shelter at {time}.",
     "{place} opened as an evacuation center at {time}.", "glossary"),
    ("en", "{place} opened as an evacuation shelter at {time}.",
     "{place} opened as an evacuation shelter at {time}", "end-punctuation"),
    ("zh_Hant", "廁所", "トイレ", None),
])
def test_warnings_do_not_fail(locales, code, old, new, check):
    """Glossary, punctuation and, in Chinese, text identical to the Japanese are warnings."""
    _set(locales, code, old, new)
    found = checks.run(codes=[code])
    if check is None:  # kana in Chinese is an error, sameness only a warning
        assert [(i.check, i.severity) for i in found] == [("same-as-source", "warning"), ("script", "error")]
        return
    assert [(i.check, i.severity) for i in found] == [(check, "warning")]


def test_unparseable_catalog_is_reported_not_raised(locales):
    path = po_path("id", locales)
    path.write_text(path.read_text(encoding="utf-8") + "\nnonsense\n", encoding="utf-8")
    [issue] = checks.run(codes=["id"])
    assert issue.check == "syntax" and issue.line == len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("sentence, over", [
    ("あ" * 74 + "。", False),                    # 75 with the full stop
    ("あ　" * 74 + "。", False),                  # the spaces between words do not count
    ("｜避難所《ひなんじょ》" + "あ" * 71 + "。", False),  # nor the readings
    ("あ" * 75 + "。", True),
    ("あ" * 40 + "。" + "い" * 40 + "。", False),   # two sentences
])
def test_easy_japanese_sentence_length(locales, sentence, over):
    _set(locales, "ja@easy", "{time}に　{place}を　｜避難所《ひなんじょ》に　しました。", "{time}{place}。" + sentence)
    found = [i for i in checks.run(codes=["ja@easy"]) if i.check == "easy-length"]
    assert [(i.severity, "at most 75" in i.message) for i in found] == ([("error", True)] if over else [])


@pytest.mark.parametrize("text, fragment", [
    ("{time に開設", "{time に開設"), ("at time} now", "at time}"), ("{ti me} x", "{ti me}"), ("{x.y}", "{x.y}"),
    ("{place} {time:>3}", "{time:>3}"), ("{time}{", "{"), ("{{time}", "{{time}"),
])
def test_a_broken_placeholder_is_quoted_not_explained_in_english(text, fragment):
    """The check names the broken part as it is, so the dashboard's sentence stays in the UI language."""
    from phrasebook.checks import broken_fragment

    assert broken_fragment(text) == fragment
