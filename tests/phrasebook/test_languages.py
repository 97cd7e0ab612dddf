import pytest

from phrasebook.errors import UnknownLanguage
from phrasebook.languages import LANGUAGES, get_language, native_digits

EXPECTED = {
    "ja": "日本語", "ja@easy": "やさしい日本語", "en": "English", "zh_Hans": "中文（简体）",
    "zh_Hant": "中文（繁體）", "ko": "한국어", "vi": "Tiếng Việt", "tl": "Tagalog", "th": "ไทย",
    "id": "Bahasa Indonesia", "es": "Español", "pt_BR": "Português (Brasil)", "my": "မြန်မာ",
    "ne": "नेपाली", "ru": "Русский", "fr": "Français",
}


def test_sixteen_variants_with_native_names():
    assert {code: lang.native for code, lang in LANGUAGES.items()} == EXPECTED


def test_tags_are_unique():
    assert len({lang.bcp47 for lang in LANGUAGES.values()}) == 16


@pytest.mark.parametrize("code", list(EXPECTED))
def test_lookup_by_code_and_tag(code):
    lang = get_language(code)
    assert get_language(lang.bcp47) is lang
    assert lang.font and lang.script and lang.japanese and lang.english


@pytest.mark.parametrize("bad", ["xx", "", "ja@hard", "../etc"])
def test_unknown_language(bad):
    with pytest.raises(UnknownLanguage, match="unknown language"):
        get_language(bad)


def test_native_digits():
    assert native_digits(get_language("ne"), "15:00") == "१५:००"
    assert native_digits(get_language("my"), "15:00") == "၁၅:၀၀"
    assert native_digits(get_language("th"), "15:00") == "15:00"
