import string
from datetime import date, time, timedelta

import pytest

from phrasebook.catalog import read_po
from phrasebook.furigana import plain
from phrasebook.errors import SLOT_PROBLEMS, SlotError, SlotValueError, UnknownLanguage
from phrasebook.languages import LANGUAGES
from phrasebook.paths import po_path
from phrasebook.render import MissingTranslation, check_values, render
from phrasebook.slots import Place, parse_value
from phrasebook.templates import get_template

VALUES = {"place": {"ja": "市民体育館", "en": "City Gymnasium"}, "date": "2026-09-01", "time": "15:00"}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_renders_in_every_variant(locales, code):
    text = render("water.distribution", code, VALUES)
    assert "{" not in text and "市民体育館" in plain(text)
    expected_time = {"my": "၁၅:၀၀", "ne": "१५:००", "id": "15.00"}.get(code, "15:00")
    assert expected_time in text
    source = read_po(po_path(code, locales)).entries["water.distribution"].text
    for literal, *_ in string.Formatter().parse(source):
        assert literal in text


@pytest.mark.parametrize("code, expected", [
    ("ja", "9月1日(火)15:00から市民体育館で給水を行います。"),
    ("en", "at City Gymnasium (市民体育館) from 15:00 on Tue, Sep 1."),
    ("zh_Hans", "9月1日周二15:00起在市民体育馆"),
    ("ne", "सेप्टेम्बर १, मङ्गल १५:०० बजेदेखि"),
])
def test_dates_times_and_places_are_localised(locales, code, expected):
    values = dict(VALUES, place={"ja": "市民体育館", "en": "City Gymnasium", "zh_Hans": "市民体育馆"})
    assert expected in render("water.distribution", code, values).replace("（市民体育館）", "")


def test_place_keeps_japanese_name_beside_translation():
    from phrasebook.languages import get_language

    place = Place("市民体育館", {"en": "City Gym", "zh_Hans": "市民体育馆"})
    assert place.name_in(get_language("en")) == "City Gym (市民体育館)"
    assert place.name_in(get_language("zh_Hans")) == "市民体育馆（市民体育館）"
    assert place.name_in(get_language("ja")) == "市民体育館"


@pytest.mark.parametrize("code, expected", [
    ("en", "Shimin Taiikukan (市民体育館)"), ("vi", "Shimin Taiikukan (市民体育館)"),
    ("th", "Shimin Taiikukan (市民体育館)"), ("ko", "Shimin Taiikukan (市民体育館)"),
    ("ru", "Shimin Taiikukan (市民体育館)"), ("ne", "Shimin Taiikukan (市民体育館)"),
    ("zh_Hans", "市民体育館"), ("zh_Hant", "市民体育館"), ("ja", "市民体育館"),
    ("ja@easy", "｜市民《しみん》｜体育《たいいく》｜館《かん》"),
])
def test_place_without_a_translation_shows_its_reading(code, expected):
    from phrasebook.languages import get_language

    assert Place("市民体育館").name_in(get_language(code)) == expected


def test_place_reading_given_by_staff_wins_and_kana_names_read_in_latin_for_chinese():
    from phrasebook.languages import get_language

    assert Place("市民体育館", romaji="Shimin Gym").name_in(get_language("en")) == "Shimin Gym (市民体育館)"
    assert Place("さくら小学校").name_in(get_language("zh_Hans")) == "Sakura Shogakko（さくら小学校）"
    assert Place("ABC Hall").name_in(get_language("en")) == "ABC Hall"
    assert Place("Москва").name_in(get_language("en")) == "Москва"
    value = parse_value("place", {"ja": "市民体育館", "romaji": "Shimin Gym", "en": ""})
    assert value == Place("市民体育館", {}, "Shimin Gym") and parse_value("place", value.as_value()) == value


def test_all_slot_problems_in_one_error(locales):
    with pytest.raises(SlotError) as info:
        render("water.distribution", "en", {"date": "next Tuesday", "colour": "red", "time": "15:00"})
    assert set(info.value.problems) == {"date", "colour", "place"}
    assert "missing" in info.value.problems["place"]
    assert "unknown slot" in info.value.problems["colour"]
    assert "2026-09-01" in info.value.problems["date"]
    assert info.value.codes == {"date": "date", "colour": "unknown", "place": "missing"}


@pytest.mark.parametrize("kind, value, code", [
    ("phone", "call me", "phone"), ("phone", "12", "phone"), ("url", "javascript:alert(1)", "url"),
    ("url", "ftp://x", "url"), ("number", "many", "number"), ("number", True, "number"),
    ("time", "25:00", "time"), ("date", "1 Sept", "date"), ("datetime", "soon", "datetime"),
    ("text", "a\u202eb", "text_bidi"), ("text", "a\x07b", "text_control"), ("text", "a\u200bb", "text_invisible"),
    ("place", "体育館\u200d", "text_invisible"), ("number", "1e999", "number"), ("number", "NaN", "number"),
    ("text", "x" * 501, "text_long"), ("text", "   ", "text_empty"),
    ("text", 5, "text"), ("place", {"en": "no Japanese"}, "place_ja"), ("colour", "red", "slot_type"),
])
def test_ill_typed_values(kind, value, code):
    with pytest.raises(ValueError) as info:
        parse_value(kind, value)
    assert isinstance(info.value, SlotValueError) and info.value.code == code and info.value.code in SLOT_PROBLEMS


def test_slot_error_codes_beside_english_reasons(locales):
    tpl = get_template("water.distribution")
    with pytest.raises(SlotError) as info:
        check_values(tpl, {"place": {"ja": "体育館", "en": "a\x07b"}, "date": "2026-09-01", "time": "noon"})
    assert info.value.codes == {"place": "text_control", "time": "time"}
    assert "control" in info.value.problems["place"] and "15:30" in info.value.problems["time"]


def test_typed_values_accept_python_objects():
    assert parse_value("date", date(2026, 9, 1)) == date(2026, 9, 1)
    assert parse_value("time", time(9, 5)) == time(9, 5)
    assert parse_value("phone", "+81 3-1234-5678") == "+81 3-1234-5678"


def test_easy_japanese_keeps_furigana(locales):
    text = render("shelter.opened", "ja@easy", {"place": "市民体育館", "time": "09:00"})
    assert "｜避難所《ひなんじょ》" in text


def test_untranslated_entry_is_not_shown_in_another_language(locales):
    path = po_path("fr", locales)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Toilettes"', 'msgstr ""'), encoding="utf-8")
    with pytest.raises(MissingTranslation, match="sign.toilet has no usable fr text"):
        render("sign.toilet", "fr")


def test_broken_placeholder_is_never_rendered(locales):
    path = po_path("fr", locales)
    path.write_text(path.read_text(encoding="utf-8").replace("a été ouvert comme centre d'évacuation à {time}",
                                                             "a été ouvert à {heure}"), encoding="utf-8")
    with pytest.raises(MissingTranslation, match="placeholders do not match"):
        render("shelter.opened", "fr", {"place": "体育館", "time": "09:00"})


def test_unknown_language(locales):
    with pytest.raises(UnknownLanguage):
        render("sign.toilet", "xx")


# Dates, on the shipped content (real catalogs).
from phrasebook.render import fill  # noqa: E402


@pytest.mark.parametrize("code, start", [("ru", "Вт, 1 сент."), ("ja", "9月1日(火)")])
def test_a_date_that_begins_a_sentence_begins_with_a_capital(code, start):
    text = render("shelter.supplies_distribution", code,
                  {"date": "2026-09-01", "time": "10:00", "place": "体育館", "item": "毛布"})
    assert text.startswith(start)


def test_a_date_inside_a_sentence_keeps_its_case():
    assert fill("El {date} a las 10.", {"date": "martes, 1 de septiembre"}, {"date": "date"}) == \
        "El martes, 1 de septiembre a las 10."
    assert fill("Ya. {date}", {"date": "вт, 1 сент."}, {"date": "date"}) == "Ya. Вт, 1 сент."
    assert fill("{place} …", {"place": "abc"}, {"place": "place"}) == "abc …"


def test_tagalog_weekday_is_not_read_as_a_month():
    text = render("shelter.supplies_distribution", "tl",
                  {"date": "2026-09-01", "time": "10:00", "place": "体育館", "item": "毛布"})
    assert "Martes, Setyembre 1" in text and "Mar," not in text


WEEKDAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


@pytest.mark.parametrize("day", range(7))
def test_spanish_weekday_is_spelled_out(day):
    """"El mar, 1 de septiembre" would read "the sea": every weekday is written in full."""
    when = date(2026, 8, 31) + timedelta(days=day)  # a Monday, then the days of that week
    text = render("shelter.supplies_distribution", "es",
                  {"date": when.isoformat(), "time": "10:00", "place": "体育館", "item": "毛布"})
    assert text.startswith(f"El {WEEKDAYS_ES[day]}, {when.day} de ")
    lifted = render("evac.order_lifted", "es", {"datetime": f"{when.isoformat()}T10:00", "area": "北町",
                                                  "order": "避難指示"})
    assert lifted.startswith(f"{WEEKDAYS_ES[day].capitalize()}, {when.day} de ")
