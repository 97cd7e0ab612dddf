"""The text rules (``phrasebook.textsafety``): what every field accepts, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrasebook.registrations import validate
from phrasebook.slots import parse_value
from phrasebook.textsafety import TextRefused, ascii_digits, clean_text, find_problem, name_key

ZEROS = {"Myanmar": 0x1040, "Devanagari": 0x0966, "Thai": 0x0E50, "full-width": 0xFF10, "ASCII": 0x30}
# Text people write, with the characters the rules are about mixed in.
TRICKY = "<>&\"'=+-@ \u3000\u200b\u200c\u200d\u202e\u2066\u061c\ufeff\x07\t\n\ufffe"
SCRIPTS = "山田𠮷ああカナ한글ကမ္ဘာनमस्तेสวัสดีالعربيةাংলা😀ÉéŁ"
texts = st.text(st.sampled_from(TRICKY + SCRIPTS) | st.characters(), max_size=60)


def native(number: int, zero: int, width: int = 1) -> str:
    return "".join(chr(zero + int(d)) for d in f"{number:0{width}d}")


@pytest.mark.parametrize("text, code", [
    ("a\u202eb", "bidi"), ("a\u2067b", "bidi"), ("a\u200fb", "bidi"), ("a\u200bb", "invisible"),
    ("a\ufeffb", "invisible"), ("a\u2060b", "invisible"), ("a\x07b", "control"), ("a\x85b", "control"),
    ("a\ufffeb", "control"), ("a\u200db", "joiner"), ("\u200dक", "joiner"), ("山\u200c田", "joiner"),
])
def test_refused_characters_are_named(text, code):
    with pytest.raises(TextRefused) as refused:
        clean_text(text, 100)
    assert refused.value.code == code and f"U+{ord(refused.value.char):04X}" in str(refused.value)


@pytest.mark.parametrize("text", ["क्\u200dष", "न्\u200cह", "သ\u200dြ", "𠮷田", "😀", "ＡＢＣ", "Ngô Bảo Châu"])
def test_joiners_inside_devanagari_and_myanmar_and_other_scripts_are_accepted(text):
    assert clean_text(text, 100) == text


def test_single_line_fields_turn_line_breaks_into_spaces_and_long_text_keeps_them():
    assert clean_text("a\r\nb\tc", 100) == "a b c"
    assert clean_text("a\r\nb\tc", 100, multiline=True) == "a\r\nb\tc"
    with pytest.raises(TextRefused, match="longer than 3"):
        clean_text("abcd", 3)


def test_names_compare_after_nfkc_and_folded_spaces():
    assert name_key("  北小学校\u3000 体育館 ") == name_key("北小学校 体育館")
    assert name_key("ＡＢＣ会館") == name_key("abc会館")


@settings(deadline=None)
@given(texts, st.booleans())
def test_accepted_text_has_no_refused_character_and_is_storable(text, multiline):
    try:
        clean = clean_text(text, 1000, multiline=multiline, required=False)
    except TextRefused as refused:
        assert refused.code in ("control", "bidi", "invisible", "joiner", "too_long")
        return
    assert find_problem(clean, multiline) is None and clean == clean.strip()
    clean.encode("utf-8")  # no lone surrogates


@settings(deadline=None)
@given(st.integers(0, 10**9), st.sampled_from(sorted(ZEROS)))
def test_digits_of_every_set_become_ascii(number, digits):
    assert ascii_digits(native(number, ZEROS[digits])) == str(number)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 130), st.integers(0, 9999), st.sampled_from(sorted(ZEROS)))
def test_registration_numbers_and_phones_in_any_digits_are_stored_in_ascii(age, line, digits):
    zero = ZEROS[digits]
    phone = f"{native(90, zero, 3)}-{native(line, zero)}-{native(1234, zero)}"
    clean, errors = validate({"name": "A", "age": native(age, zero), "phone": phone,
                              "birth_date": f"{native(1990, zero)}-{native(4, zero, 2)}-{native(10, zero)}"})
    assert errors == {}
    assert clean["age"] == age and clean["phone"] == f"090-{line}-1234" and clean["birth_date"] == "1990-04-10"


@settings(deadline=None)
@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(sorted(ZEROS)))
def test_slot_times_and_numbers_in_any_digits(hour, minute, digits):
    zero = ZEROS[digits]
    parsed = parse_value("time", f"{native(hour, zero, 2)}:{native(minute, zero, 2)}")
    assert (parsed.hour, parsed.minute) == (hour, minute)
    assert parse_value("number", native(hour * 100 + minute, zero)) == hour * 100 + minute


@pytest.mark.parametrize("typed, stored", [
    ("Maung Maung", "Maung Maung"), ("NGUYỄN Văn An", "NGUYỄN Văn An"), ("O'Brien-Smith", "O'Brien-Smith"),
    ("ぐえん", "グエン"), ("ｸﾞｴﾝ　ﾊﾞﾝ", "グエン バン"), ("Ｊｏｈｎ", "John"), ("ジョン・スミス", "ジョン・スミス"),
    ("Zoë  Ann", "Zoë Ann"),
])
def test_a_reading_is_latin_or_katakana(typed, stored):
    from phrasebook.textsafety import reading

    assert reading(typed) == stored


@pytest.mark.parametrize("typed", ["မောင်မောင်", "山田", "Иван", "Nguyen 2", "...", "Maung😀"])
def test_a_reading_in_other_letters_is_refused_naming_the_character(typed):
    from phrasebook.textsafety import reading

    with pytest.raises(TextRefused) as refused:
        reading(typed)
    assert refused.value.code == "reading"


def test_a_reading_is_checked_when_registering():
    clean, errors = validate({"name": "မောင်မောင်", "name_reading": "မောင်"})
    assert errors == {"name_reading": "reading"} and clean == {"name": "မောင်မောင်"}
    clean, errors = validate({"name": "グエン", "name_reading": "ぐえん"})
    assert not errors and clean["name_reading"] == "グエン"
    assert validate({"name": "x", "name_reading": "㌔" * 150})[1] == {"name_reading": "too_long"}
