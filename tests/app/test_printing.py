"""Sign builder, blank cards and QR sheets through HTTP (PDFs from ``printables``)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.app.test_messages import publish

SIGN_ARGS = {"ids": ["sign.toilet"], "languages": ["en", "ne", "zh_Hans"], "paper": "A4", "orientation": "portrait"}


def pages(response) -> int:
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "application/pdf"
    return len(PdfReader(io.BytesIO(response.get_data())).pages)


@pytest.mark.parametrize("query, shown", [("", True), ("トイレ", True), ("Toilet", True), ("शौचालय", True),
                                          ("nothing like it", False)])
def test_sign_search_in_any_language(staff, query, shown):
    html = staff.get("/signs/", query_string={"q": query}).get_data(as_text=True)
    assert ('value="sign.toilet"' in html) is shown


def test_sign_page_defaults_to_the_configured_languages(staff):
    html = staff.get("/signs/").get_data(as_text=True)
    assert 'checked id="languages-1" name="languages" type="checkbox" value="ja@easy"' in html or \
        'value="ja@easy" checked' in html or 'checked' in html.split('value="ja@easy"')[0].rsplit("<input", 1)[1]


def test_sign_preview_page_shows_the_png_and_downloads_what_the_form_holds(staff):
    response = staff.get("/signs/", query_string=SIGN_ARGS)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "/signs/preview.png?" in html
    form = html.split('<form method="get">', 1)[1].split("</form>", 1)[0]
    assert 'formaction="/signs/pack.pdf"' in form and "/signs/pack.pdf?" not in html


def test_sign_pack_pdf(staff):
    assert pages(staff.get("/signs/pack.pdf", query_string=SIGN_ARGS)) == 1


def test_sign_preview_png(staff):
    response = staff.get("/signs/preview.png", query_string=SIGN_ARGS)
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.get_data().startswith(b"\x89PNG")


@pytest.mark.parametrize("args", [
    {**SIGN_ARGS, "ids": ["sign.nothing"]},
    {**SIGN_ARGS, "languages": []},
    {**SIGN_ARGS, "paper": "B5"},
])
def test_sign_pack_refuses_bad_choices(staff, args):
    assert staff.get("/signs/pack.pdf", query_string=args).status_code == 400


def test_sign_without_translation_says_why(staff):
    from tests.app.conftest import set_translation

    set_translation("ko", "sign.toilet", "")
    response = staff.get("/signs/pack.pdf", query_string={**SIGN_ARGS, "languages": ["ko"]})
    assert response.status_code == 400 and "sign.toilet" in response.get_data(as_text=True)


def test_blank_card(staff):
    assert staff.get("/cards/").status_code == 200
    assert pages(staff.get("/cards/blank.pdf", query_string={"lang": "ne"})) >= 1
    assert staff.get("/cards/blank.pdf", query_string={"lang": "xx"}).status_code == 400


def test_qr_sheet_for_a_published_message(staff):
    message_id = publish(staff)
    response = staff.get(f"/messages/{message_id}/qr.pdf")
    assert pages(response) >= 1
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.get_data())).pages)
    assert f"/m/{message_id}/ne" in text.replace("\n", "")
    assert staff.get("/messages/nosuchid/qr.pdf").status_code == 404


@pytest.fixture
def shelters(app) -> dict[str, int]:
    """Two shelters; the staff account works at the first only."""
    from app.auth.users import find_user
    from app.db import get_db
    from phrasebook.shelters import assign_staff, create_shelter

    with app.app_context():
        db = get_db()
        own = create_shelter(db, "北小学校", languages=["ja", "th", "my"])
        other = create_shelter(db, "南中学校", languages=["ja", "ko"])
        assign_staff(db, own.id, [find_user(db, "staff").id])
    return {"own": own.id, "other": other.id}


def ticked(html: str) -> set[str]:
    """The values of the ticked language checkboxes."""
    tags = [tag for tag in re.findall(r"<input[^>]*>", html) if 'name="languages"' in tag and "checked" in tag]
    return {re.search(r'value="([^"]+)"', tag)[1] for tag in tags}


def test_sign_builder_ticks_the_languages_of_a_chosen_shelter(staff, shelters):
    html = staff.get("/signs/").get_data(as_text=True)
    assert "北小学校" in html and "南中学校" not in html and 'name="use_shelter"' in html
    assert ticked(html) == {"ja", "ja@easy", "en", "zh_Hans", "ko", "vi"}
    html = staff.get("/signs/", query_string={**SIGN_ARGS, "shelter": shelters["own"], "use_shelter": "1"}
                     ).get_data(as_text=True)
    assert ticked(html) == {"ja", "th", "my"}
    assert 'value="sign.toilet" checked' in html and "/signs/preview.png?" not in html  # not sent yet
    assert ticked(staff.get("/signs/", query_string={"shelter": shelters["own"], "q": "トイレ"}).get_data(as_text=True)) \
        == {"ja", "th", "my"}
    response = staff.get("/signs/", query_string={**SIGN_ARGS, "shelter": shelters["own"]})
    assert "/signs/preview.png?" in response.get_data(as_text=True)  # the ticked languages, as sent
    assert ticked(response.get_data(as_text=True)) == set(SIGN_ARGS["languages"])


def test_sign_builder_offers_only_the_users_shelters(staff, as_role, shelters):
    html = staff.get("/signs/", query_string={"shelter": shelters["other"], "use_shelter": "1", "paper": "A4"}
                     ).get_data(as_text=True)
    assert "南中学校" not in html and ticked(html) == {"ja", "ja@easy", "en", "zh_Hans", "ko", "vi"}
    html = as_role("admin").get("/signs/", query_string={"shelter": shelters["other"]}).get_data(as_text=True)
    assert "南中学校" in html and ticked(html) == {"ja", "ko"}


def test_sign_builder_without_shelters_has_no_shelter_choice(as_role):
    assert 'name="use_shelter"' not in as_role("staff").get("/signs/").get_data(as_text=True)


def test_card_page_links_a_card_per_language_of_a_shelter(staff, shelters):
    html = staff.get("/cards/").get_data(as_text=True)
    assert "北小学校" in html and "南中学校" not in html and "/cards/blank.pdf?lang=th" not in html
    html = staff.get("/cards/", query_string={"shelter": shelters["own"]}).get_data(as_text=True)
    assert all(f"/cards/blank.pdf?lang={code}" in html for code in ("ja", "th", "my"))
    html = staff.get("/cards/", query_string={"shelter": shelters["other"]}).get_data(as_text=True)
    assert "/cards/blank.pdf?lang=ko" not in html
