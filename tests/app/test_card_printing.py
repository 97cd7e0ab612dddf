"""The filled card as evacuees and staff print it: the kiosk's card of the registration it just
made and the staff's card of a registration answer 200 for names in any script and for the
longest answers the forms accept, and the rendered page shows the text."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.printing import PRINT_WARNINGS
from phrasebook.card import fields
from phrasebook.languages import LANGUAGES
from phrasebook.registrations import MAX_TEXT, validate
from printables import notices
from printables.card import card_pdf
from printables.fonts import fallback, font
from tests.app.test_shelters_kiosk import kiosk_client, real_app, register, staff_client  # noqa: F401
from tests.pixels import render

# a name in each script beyond our 16 variants, the font that must draw it, the kiosk language
NAMES = {
    "bengali": ("রহিম উদ্দিন", "bn", "en"), "sinhala": ("සුනිල් පෙරේරා", "si", "ja"),
    "arabic": ("محمد علي", "ar", "en"), "urdu": ("احمد رضا خان", "ar", "ne"),
    "amharic": ("አበበ ቢቂላ", "am", "en"), "khmer": ("សុខ ចាន់", "km", "th"),
    "lao": ("ສົມພອນ ແກ້ວ", "lo", "th"), "mongolian": ("ᠪᠠᠲᠤ ᠪᠣᠯᠣᠳ", "mn", "en"),
    "kanji": ("𠮷田 太郎", "han_ext", "ja"), "emoji": ("Maria 😀", "symbols", "my"),
}


def font_names(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page.get("/Resources", {}).get("/Font", {}).values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return names


def kiosk_card(app, lang: str, **answers):
    """Register at the kiosk in ``lang``, then print the card it just made."""
    client = kiosk_client(app)
    response = register(client, lang=lang, **answers)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return client.get(f"/kiosk/{lang}/card.pdf")


def blank_with_number(app, lang: str) -> bytes:
    """The same card with nothing but the registration number: what the answers add is the rest."""
    with app.app_context():
        return card_pdf(lang, {"registration_number": "0001"})


def assert_name_printed(app, response, lang: str, key: str) -> None:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert PRINT_WARNINGS not in response.headers, response.headers.get(PRINT_WARNINGS)
    data = response.get_data()
    stem = font(key).path.stem.split("-")[0].split("_")[0].lower()
    assert any(stem in name.lower() for name in font_names(data)), (stem, font_names(data))
    added = render(data).diff(render(blank_with_number(app, lang)))
    assert added > 15, "the name left no ink on the page"


@pytest.mark.parametrize("script", NAMES)
def test_kiosk_and_staff_cards_print_a_name_in_any_script(real_app, script):  # noqa: F811
    name, key, lang = NAMES[script]
    assert_name_printed(real_app, kiosk_card(real_app, lang, name=name), lang, key)
    response = staff_client(real_app, "staff").get("/shelters/1/registrations/1/card.pdf")
    assert_name_printed(real_app, response, lang, key)


def test_filled_cards_print_the_shelter_name_and_the_date_of_entry(real_app):  # noqa: F811
    import subprocess
    from datetime import datetime
    from zoneinfo import ZoneInfo

    kiosk = kiosk_card(real_app, "en", name="Jane Doe")
    staff = staff_client(real_app, "staff").get("/shelters/1/registrations/1/card.pdf")
    today = datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    for response in (kiosk, staff):
        assert response.status_code == 200
        data = response.get_data()
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
        text = text.decode("utf-8")
        assert "市民体育館" in text and today in text and "1-00001" in text and "Jane Doe" in text
        pages = [render(data, page) for page in range(1, len(PdfReader(io.BytesIO(data)).pages) + 1)]
        blank = card_pdf("en", {"registration_number": "1-00001", "name": "Jane Doe"})
        blank_pages = [render(blank, page) for page in range(1, len(pages) + 1)]
        assert sum(page.diff(empty) for page, empty in zip(pages, blank_pages)) > 30  # the name and date add ink


def _longest(lang_text: str) -> dict[str, str]:
    """The longest value of every write-in field the kiosk form shows (the reading of the name
    in Latin letters, the only letters it takes besides katakana)."""
    answers = {}
    for name, f in fields().items():
        if f.input in ("text", "textarea"):
            text = "Wolfeschlegelsteinhausen " if name == "name_reading" else lang_text
            answers[name] = (text * MAX_TEXT[f.input])[:MAX_TEXT[f.input]].strip()
    return answers


@pytest.mark.parametrize("lang, text", [("my", "Wolfeschlegelsteinhausen "), ("my", "ကျွန်တော့်မိသားစု "),
                                        ("en", "x"), ("ja", "東京都新宿区西新宿二丁目"), ("th", "ครอบครัวของฉัน ")])
def test_cards_print_the_longest_answers_whole(real_app, lang, text):  # noqa: F811
    answers = _longest(text)
    response = kiosk_card(real_app, lang, **answers)
    assert response.status_code == 200 and PRINT_WARNINGS not in response.headers
    data = response.get_data()
    assert render(data).diff(render(blank_with_number(real_app, lang))) > 1000
    if text.isascii():
        printed = "".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())
        assert "".join(answers["address"].split()) in printed
    staff = staff_client(real_app, "staff").get("/shelters/1/registrations/1/card.pdf")
    assert staff.status_code == 200 and render(staff.get_data()).ink() > 0


def test_a_character_no_font_has_prints_a_placeholder_and_warns(real_app):  # noqa: F811
    response = kiosk_card(real_app, "en", name="Jane \U000f0003")
    assert response.status_code == 200
    assert "U+F0003" in response.headers[PRINT_WARNINGS]
    assert "Jane" not in response.headers[PRINT_WARNINGS]


TEXT_FIELDS = ["name", "name_reading", "address", "household_members", "nationality"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(lang=st.sampled_from(sorted(LANGUAGES)),
       values=st.lists(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=1000),
                       min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)))
def test_whatever_validation_accepts_prints(real_app, lang, values):  # noqa: F811
    """Any text the registration accepts prints: no exception, and the placeholder only for
    characters no installed font has."""
    with real_app.app_context():
        clean, _errors = validate(dict(zip(TEXT_FIELDS, values)))
        with notices.collect() as warnings:
            data = card_pdf(lang, clean)
    assert data.startswith(b"%PDF")
    for warning in warnings:
        assert fallback(chr(int(re.search(r"U\+([0-9A-F]+)", warning).group(1), 16))) is None, warning


def _chars(low: int, high: int) -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=low, max_codepoint=high)


# what people type as a reading: Latin letters with accents, katakana (full and half width),
# hiragana, full-width Latin, combining accents, and the separators between words
READING_CHARS = st.one_of(
    st.characters(categories=("Lu", "Ll"), max_codepoint=0x24F), _chars(0x30A1, 0x30FE), _chars(0x3041, 0x3096),
    _chars(0xFF66, 0xFF9F), _chars(0xFF21, 0xFF5A), _chars(0x0300, 0x036F), st.sampled_from(" -'’.,=・\u3000"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(typed=st.text(READING_CHARS, min_size=1, max_size=60))
def test_any_accepted_reading_prints_on_the_card_and_shows_in_the_list(real_app, typed):  # noqa: F811
    import subprocess
    import unicodedata

    from markupsafe import escape

    clean, errors = validate({"name": "王芳", "name_reading": typed})
    if errors:
        assert errors == {"name_reading": "reading"}  # no letter at all, or an accent on nothing
        event("refused")
        return
    reading = clean["name_reading"]
    client = kiosk_client(real_app)
    assert register(client, lang="zh_Hans", name="王芳", name_reading=typed).status_code == 302
    staff = staff_client(real_app, "staff")
    listing = staff.get("/shelters/1/", query_string={"status": "all"}).get_data(as_text=True)
    assert f"<td>{escape('王芳 (' + reading + ')')}</td>" in listing
    with real_app.app_context():
        from app.db import get_db
        from phrasebook.registrations import list_registrations

        newest = list_registrations(get_db(), 1)[0]
    assert newest.answers["name_reading"] == reading
    response = staff.get(f"/shelters/1/registrations/{newest.id}/card.pdf")
    assert response.status_code == 200 and PRINT_WARNINGS not in response.headers
    data = response.get_data()
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8")

    def bare(value: str) -> str:
        return "".join(unicodedata.normalize("NFKC", value).split()).replace("-", "").replace("\u00ad", "")

    assert bare(reading) in bare(text)
