"""Field-proofing through HTTP: closed shelters, messages linked to shelters by id (rename,
full-width spaces), native digits, the kiosk's privacy headers and countdown text, the staff
card keeping every field, and text-rule errors shown in the staff language."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from app.db import get_db
from phrasebook import messages as model
from phrasebook.registrations import list_registrations
from phrasebook.shelters import get_shelter, update_shelter
from tests.app.conftest import csrf_token
from tests.app.test_shelters_kiosk import kiosk_client, real_app, register, staff_client  # noqa: F401

CLOSED = {  # card.kiosk.closed as the kiosk shows it
    "en": "This evacuation shelter cannot take registrations right now.",
    "my": "ဤဘေးလွတ်ရာစခန်းတွင် ယခု စာရင်းသွင်း၍ မရပါ။",
    "ne": "यो आश्रयस्थलमा अहिले दर्ता गर्न सकिँदैन।",
    "ja": "この避難所は今、登録ができません。",
}


def close(app: Flask, shelter_id: int = 1) -> None:
    with app.app_context():
        shelter = get_shelter(get_db(), shelter_id)
        update_shelter(get_db(), shelter_id, shelter.name, shelter.address, shelter.capacity,
                       list(shelter.languages), False)


@pytest.mark.parametrize("lang", list(CLOSED))
def test_closed_shelter_kiosk_shows_a_translated_notice_instead_of_the_form(real_app, lang):  # noqa: F811
    client = kiosk_client(real_app)
    close(real_app)
    page = client.get(f"/kiosk/{lang}/register")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and CLOSED[lang] in html and 'name="name"' not in html
    home = client.get(f"/kiosk/{lang}/").get_data(as_text=True)
    assert CLOSED[lang] in home and f"/kiosk/{lang}/register" not in home


def test_form_sent_after_closing_keeps_everything_typed(real_app):  # noqa: F811
    client = kiosk_client(real_app)
    token = csrf_token(client, "/kiosk/my/register")
    close(real_app)
    response = client.post("/kiosk/my/register", data={"csrf_token": token, "name": "Aung <b>Aung</b>",
                                                        "phone": "၀၉၀-၁၂၃၄-၅၆၇၈", "allergy": ["egg"]})
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and CLOSED["my"] in html
    assert 'value="Aung &lt;b&gt;Aung&lt;/b&gt;"' in html and 'value="၀၉၀-၁၂၃၄-၅၆၇၈"' in html
    assert re.search(r'value="egg"\s+checked', html)
    with real_app.app_context():
        assert list_registrations(get_db(), 1) == []


def test_staff_card_at_a_closed_shelter_explains_and_keeps_the_card(real_app):  # noqa: F811
    staff = staff_client(real_app, "staff")
    url = "/shelters/1/registrations/new"
    token = csrf_token(staff, url)
    close(real_app)
    form = staff.get(url).get_data(as_text=True)
    assert "閉鎖中" in form
    response = staff.post(url, data={"csrf_token": token, "lang": "ne", "name": "Ram", "age": "३४"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and "閉鎖中" in html
    assert 'value="Ram"' in html and 'value="३४"' in html and '<option value="ne" lang="ne" selected>' in html


def test_staff_card_keeps_the_language_after_an_error_and_saves_it(real_app):  # noqa: F811
    staff = staff_client(real_app, "staff")
    url = "/shelters/1/registrations/new"
    response = staff.post(url, data={"csrf_token": csrf_token(staff, url), "lang": "ne", "name": "",
                                     "age": "abc", "nationality": "Nepal", "interpreter": "yes"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and '<option value="ne" lang="ne" selected>' in html
    assert 'value="Nepal"' in html and re.search(r'name="interpreter" value="yes"\s+checked', html)
    response = staff.post(url, data={"csrf_token": csrf_token(staff, url), "lang": "ne", "name": "Ram",
                                     "age": "३४", "interpreter": "yes"})
    assert response.status_code == 302
    with real_app.app_context():
        [reg] = list_registrations(get_db(), 1)
    assert reg.lang == "ne" and reg.answers["age"] == 34
    summary = staff.get("/shelters/1/").get_data(as_text=True)
    assert "通訳：ネパール語" in summary and "通訳：日本語" not in summary


@pytest.mark.parametrize("field, typed, stored", [
    ("age", "၃၄", 34), ("age", "３４", 34), ("age", "๓๔", 34), ("age", "३४", 34),
    ("phone", "０９０ー１２３４ー５６７８", "090-1234-5678"), ("birth_date", "၁၉၉၀-၀၄-၀၁", "1990-04-01"),
])
def test_kiosk_accepts_native_digits_and_stores_ascii(real_app, field, typed, stored):  # noqa: F811
    response = register(kiosk_client(real_app), name="Aung", **{field: typed})
    assert response.status_code == 302
    with real_app.app_context():
        [reg] = list_registrations(get_db(), 1)
    assert reg.answers[field] == stored


def test_out_of_range_number_names_the_range_in_the_evacuees_language(real_app):  # noqa: F811
    response = register(kiosk_client(real_app), name="Aung", household_count="၉၉")
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "၁ မှ ၅၀ အထိ ဂဏန်းကို ထည့်ပါ။" in html


def test_kiosk_pages_are_never_stored_and_the_form_has_no_autocomplete(real_app):  # noqa: F811
    client = kiosk_client(real_app)
    for url in ("/kiosk/", "/kiosk/my/", "/kiosk/my/register", "/kiosk/my/announcements"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    form = client.get("/kiosk/my/register").get_data(as_text=True)
    assert '<form method="post" class="kiosk-form" novalidate autocomplete="off">' in form
    register(client, name="Aung")
    assert client.get("/kiosk/my/done").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("lang, seconds", [("my", "၀"), ("ne", "०"), ("en", "0"), ("ja-x-easy", "0")])
def test_countdown_template_is_plain_text_in_the_language(real_app, lang, seconds):  # noqa: F811
    html = kiosk_client(real_app).get(f"/kiosk/{lang}/").get_data(as_text=True)
    template = re.search(r'class="countdown" data-template="([^"]*)"', html)[1]
    assert "<" not in template and "&lt;" not in template and "《" not in template and seconds in template


def test_composer_offers_shelters_and_rename_keeps_kiosk_announcements(real_app):  # noqa: F811
    staff = staff_client(real_app, "staff")
    url = "/messages/new/shelter.opened"
    form = staff_client(real_app, "admin").get(url).get_data(as_text=True)
    assert re.search(r'<select[^>]*name="shelter"', form)
    assert '<option value="1">市民体育館</option>' in form and '<option value="2">第二小学校</option>' in form
    own = staff.get(url).get_data(as_text=True)  # staff: only the shelters they work at, no whole area
    assert '<option selected value="1">市民体育館</option>' in own and 'value="2"' not in own
    response = staff.post(url, data={"csrf_token": csrf_token(staff, url), "place": "市民体育館", "time": "09:30",
                                     "languages": ["ja", "en"], "shelter": "1", "publish": "1"})
    assert response.status_code == 302
    message_id = response.location.rsplit("/", 1)[1]
    bad = staff.post(url, data={"csrf_token": csrf_token(staff, url), "place": "x", "time": "09:30",
                                "languages": ["ja"], "shelter": "北小学校", "publish": "1"})
    assert bad.status_code == 403  # not a shelter this staff member works at: refused, not stored
    with real_app.app_context():
        update_shelter(get_db(), 1, "市民体育館\u3000本館", "", 50, ["ja", "en"], True)
        assert [m.id for m in model.shelter_messages(get_db(), 1)] == [message_id]
        assert model.shelter_messages(get_db(), 2) == []
    kiosk = kiosk_client(real_app).get("/kiosk/en/").get_data(as_text=True)
    assert "09:30" in kiosk
    other = kiosk_client(real_app, 2).get("/kiosk/en/").get_data(as_text=True)
    assert "09:30" not in other
    public = real_app.test_client().get(f"/m/{message_id}/en").get_data(as_text=True)
    assert "市民体育館 本館" in public  # the shelter's current name (spaces folded)


@pytest.mark.parametrize("name, english, japanese", [
    ("体育館\u202e", "Remove the invisible text-direction character", "見えない文字方向の制御文字"),
    ("体育\u200b館", "Remove the invisible (zero-width) character.", "見えない（幅ゼロの）文字"),
    ("x" * 201, "Use at most 200 characters.", "200 文字以内"),
])
def test_shelter_name_follows_the_same_text_rules(real_app, name, english, japanese):  # noqa: F811
    admin = staff_client(real_app, "admin")
    for url, expected in (("/shelters/new?lang=en", english), ("/shelters/new?lang=ja", japanese)):
        response = admin.post(url, data={"csrf_token": csrf_token(admin, url), "name": name, "capacity": "10",
                                         "languages": ["ja"]})
        assert response.status_code == 200 and expected in response.get_data(as_text=True)
    with real_app.app_context():
        assert get_db()["shelters"].count == 2


def test_check_out_destination_and_kiosk_label_follow_the_text_rules(real_app):  # noqa: F811
    register(kiosk_client(real_app), lang="en", name="Jane")
    staff = staff_client(real_app, "staff")
    url = "/shelters/1/registrations/1"
    response = staff.post(f"{url}/presence", data={"csrf_token": csrf_token(staff, url), "present": "0",
                                                   "destination": "Osaka\u202e"}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "見えない文字方向の制御文字" in html
    with real_app.app_context():
        assert list_registrations(get_db(), 1)[0].present  # nothing changed
    response = staff.post("/shelters/1/kiosks", data={"csrf_token": csrf_token(staff, "/shelters/1/"),
                                                      "label": "Hall\u200b"}, follow_redirects=True)
    assert response.status_code == 200 and "見えない（幅ゼロの）文字" in response.get_data(as_text=True)
    assert "/kiosk/start/" not in response.get_data(as_text=True)
