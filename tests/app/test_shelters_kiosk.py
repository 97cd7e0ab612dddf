"""Shelters, kiosks and registrations through HTTP, on the real card content."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from app.auth.users import add_user, find_user
from app.db import get_db
from phrasebook.registrations import list_registrations
from phrasebook.shelters import assign_staff, create_kiosk_token, create_shelter

from tests.app.conftest import PASSWORD, ROLES, csrf_token, login

MYANMAR = "my"


@pytest.fixture
def real_app(tmp_path: Path, shipped_locales: Path) -> Flask:
    """The app on a copy of the real catalogs, with one account per role, two shelters and
    the staff account working at the first one only."""
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        db = get_db()
        for role in ROLES:
            add_user(db, role, role, PASSWORD)
        add_user(db, "other", "staff", PASSWORD)
        first = create_shelter(db, "市民体育館", "Example 1-1", 50, ["ja", "en", MYANMAR])
        second = create_shelter(db, "第二小学校", "Example 2-2", 30)
        assign_staff(db, first.id, [find_user(db, "staff").id])
        assign_staff(db, second.id, [find_user(db, "other").id])
    return app


def kiosk_client(app: Flask, shelter_id: int = 1) -> FlaskClient:
    with app.app_context():
        token = create_kiosk_token(get_db(), shelter_id, "test")
    client = app.test_client()
    assert client.get(f"/kiosk/start/{token}").status_code == 302
    return client


def staff_client(app: Flask, name: str) -> FlaskClient:
    client = app.test_client()
    assert login(client, name).status_code == 302
    return client


def register(client: FlaskClient, lang: str = MYANMAR, **answers) -> object:
    token = csrf_token(client, f"/kiosk/{lang}/register")
    return client.post(f"/kiosk/{lang}/register", data={"csrf_token": token, **answers})


def test_kiosk_language_picker_lists_all_sixteen_native_names(real_app):
    html = kiosk_client(real_app).get("/kiosk/").get_data(as_text=True)
    for native in ("日本語", "やさしい日本語", "မြန်မာ", "नेपाली", "ไทย", "Tiếng Việt", "Português (Brasil)"):
        assert native in html
    assert "/messages" not in html and "/shelters" not in html


def test_kiosk_registers_in_the_chosen_language(real_app):
    client = kiosk_client(real_app)
    form = client.get(f"/kiosk/{MYANMAR}/register").get_data(as_text=True)
    assert 'lang="my"' in form and 'name="allergy"' in form and 'name="registration_number"' not in form
    response = register(client, name="Aung Aung", household_count="2", allergy=["egg", "peanut"],
                        interpreter="yes", sex="male")
    assert response.status_code == 302 and response.location.endswith("/kiosk/my/done")
    done = client.get("/kiosk/my/done").get_data(as_text=True)
    assert "1-00001" in done
    with real_app.app_context():
        [reg] = list_registrations(get_db(), 1)
    assert reg.lang == "my" and reg.answers["allergy"] == ["egg", "peanut"] and reg.answers["household_count"] == 2


def test_kiosk_validation_keeps_what_was_typed(real_app):
    client = kiosk_client(real_app)
    response = register(client, name="", age="abc", nationality="Myanmar", phone="<script>")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="err-name"' in html and 'id="err-age"' in html and 'id="err-phone"' in html
    assert 'value="Myanmar"' in html and "<script>" not in html and "&lt;script&gt;" in html
    with real_app.app_context():
        assert list_registrations(get_db(), 1) == []


def test_kiosk_prints_only_its_own_new_card(real_app):
    client = kiosk_client(real_app)
    assert client.get("/kiosk/en/card.pdf").status_code == 404
    register(client, lang="en", name="Jane")
    pdf = client.get("/kiosk/en/card.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    client.post("/kiosk/reset", data={"csrf_token": csrf_token(client, "/kiosk/en/")})
    assert client.get("/kiosk/en/card.pdf").status_code == 404


@pytest.mark.parametrize("url", ["/shelters/", "/shelters/1/", "/shelters/1/registrations.csv",
                                 "/shelters/1/registrations/1", "/messages/", "/translate/"])
def test_kiosk_session_never_reaches_staff_pages(real_app, url):
    client = kiosk_client(real_app)
    register(client, lang="en", name="Jane")
    response = client.get(url)
    assert response.status_code == 403
    assert b"Jane" not in response.data


def test_revoked_kiosk_is_refused(real_app):
    client = kiosk_client(real_app)
    admin = staff_client(real_app, "admin")
    html = admin.get("/shelters/1/").get_data(as_text=True)
    token_hash = html.split("/kiosks/")[1].split("/revoke")[0]
    admin.post(f"/shelters/1/kiosks/{token_hash}/revoke", data={"csrf_token": csrf_token(admin, "/shelters/1/")})
    assert client.get("/kiosk/").status_code == 403
    assert real_app.test_client().get("/kiosk/start/not-a-token").status_code == 403


def test_kiosk_shows_the_shelters_announcements(real_app):
    with real_app.app_context():
        from phrasebook import messages as model

        model.publish(get_db(), "shelter.opened", {"place": "市民体育館", "time": "09:00"}, ["ja", "en"],
                      "staff", 1, False)
        model.publish(get_db(), "shelter.opened", {"place": "第二小学校", "time": "10:00"}, ["ja"],
                      "other", 2, False)
    html = kiosk_client(real_app).get("/kiosk/en/").get_data(as_text=True)
    assert "市民体育館" in html and "第二小学校" not in html
    assert 'http-equiv="refresh"' not in html and "kiosk.js" in html


def test_staff_see_only_their_shelters(real_app):
    register(kiosk_client(real_app, 1), lang="en", name="Jane")
    register(kiosk_client(real_app, 2), lang="en", name="Bob")
    staff = staff_client(real_app, "staff")
    listing = staff.get("/shelters/").get_data(as_text=True)
    assert "市民体育館" in listing and "第二小学校" not in listing
    assert "Jane" in staff.get("/shelters/1/?status=all").get_data(as_text=True)
    assert staff.get("/shelters/2/").status_code == 403
    assert staff.get("/shelters/2/registrations.csv").status_code == 403
    assert staff.get("/shelters/99/").status_code == 403  # the same answer: no id is revealed
    assert staff.get("/shelters/1/registrations/2").status_code == 404
    assert "Bob" in staff_client(real_app, "admin").get("/shelters/2/?status=all").get_data(as_text=True)
    assert staff_client(real_app, "translator").get("/shelters/").status_code == 403


def test_checkout_history_headcount_and_csv(real_app):
    register(kiosk_client(real_app), lang="vi", name="Nguyen", household_count="3", dietary=["pork", "halal"])
    staff = staff_client(real_app, "staff")
    page = staff.get("/shelters/1/").get_data(as_text=True)
    assert "3 / 50" in page and "ハラール" in page
    token = csrf_token(staff, "/shelters/1/registrations/1")
    staff.post("/shelters/1/registrations/1/presence", data={"csrf_token": token, "present": "0",
                                                             "destination": "親戚の家"})
    detail = staff.get("/shelters/1/registrations/1").get_data(as_text=True)
    assert "入所" in detail and "（行き先: 親戚の家）" in detail  # history in words, with the destination
    assert "check_out" not in detail and "check_in" not in detail
    assert "0 / 50" in staff.get("/shelters/1/").get_data(as_text=True)
    data = staff.get("/shelters/1/registrations.csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert row[header.index("氏名")] == "Nguyen"


def test_staff_edit_is_validated(real_app):
    register(kiosk_client(real_app), lang="en", name="Jane")
    staff = staff_client(real_app, "staff")
    token = csrf_token(staff, "/shelters/1/registrations/1?edit=1")
    bad = staff.post("/shelters/1/registrations/1", data={"csrf_token": token, "name": "Jane", "age": "-1"})
    assert bad.status_code == 422
    good = staff.post("/shelters/1/registrations/1", data={"csrf_token": token, "name": "Jane Doe", "age": "41"})
    assert good.status_code == 302
    assert "Jane Doe" in staff.get("/shelters/1/registrations/1").get_data(as_text=True)


def test_admin_creates_shelter_and_anonymises_after_closing(real_app):
    register(kiosk_client(real_app), lang="en", name="Jane")
    admin = staff_client(real_app, "admin")
    token = csrf_token(admin, "/shelters/new")
    response = admin.post("/shelters/new", data={"csrf_token": token, "name": "公民館", "capacity": "20",
                                                  "languages": ["ja", "ne"], "is_open": "y"})
    assert response.status_code == 302
    token = csrf_token(admin, "/shelters/1/edit")
    admin.post("/shelters/1/edit", data={"csrf_token": token, "name": "市民体育館", "capacity": "50",
                                         "languages": ["ja"]})
    admin.post("/shelters/1/anonymise", data={"csrf_token": csrf_token(admin, "/shelters/1/")})
    assert "Jane" not in admin.get("/shelters/1/?status=all").get_data(as_text=True)
    assert "Jane" not in admin.get("/shelters/1/registrations.csv").data.decode("utf-8-sig")


def test_new_kiosk_link_shown_once(real_app):
    staff = staff_client(real_app, "staff")
    page = staff.post("/shelters/1/kiosks", data={"csrf_token": csrf_token(staff, "/shelters/1/"), "label": "hall"})
    link = page.get_data(as_text=True).split('class="kiosk-link">')[1].split("<")[0]
    assert "/kiosk/start/" in link
    assert link.split("/kiosk/start/")[1] not in staff.get("/shelters/1/").get_data(as_text=True)


def test_the_reading_is_checked_in_the_kiosk_language_and_shown_beside_the_name(real_app):
    client = kiosk_client(real_app)
    refused = register(client, name="မောင်မောင်", name_reading="မောင်မောင်", household_count="1")
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert "အမည်၏ အသံထွက်ကို ခတခန သို့မဟုတ် ရိုမန်အက္ခရာဖြင့်သာ ရေးပါ။" in html  # in Myanmar
    assert 'value="မောင်မောင်"' in html  # nothing typed is lost
    assert register(client, name="မောင်မောင်", name_reading="Maung Maung", household_count="1").status_code == 302
    staff = staff_client(real_app, "staff")
    assert "<td>မောင်မောင် (Maung Maung)</td>" in staff.get("/shelters/1/").get_data(as_text=True)
    assert "မောင်မောင် (Maung Maung)" in staff.get("/shelters/1/registrations/1").get_data(as_text=True)
    assert "<td>မောင်မောင် (Maung Maung)</td>" in staff.get("/shelters/1/", query_string={"q": "maung"}).get_data(as_text=True)
    header, row = list(csv.reader(io.StringIO(staff.get("/shelters/1/registrations.csv").data.decode("utf-8-sig"))))
    assert row[header.index("氏名")] == "မောင်မောင်" and row[header.index("氏名") + 1] == "Maung Maung"
    assert register(client, name="阮文安", name_reading="ぐえん", household_count="1").status_code == 302
    found = staff.get("/shelters/1/", query_string={"q": "グエン"}).get_data(as_text=True)  # stored in katakana
    assert "<td>阮文安 (グエン)</td>" in found and "Maung" not in found
    assert "<td>阮文安 (グエン)</td>" in staff.get("/shelters/1/", query_string={"q": "ぐえ"}).get_data(as_text=True)


def test_staff_typing_a_paper_card_get_the_reading_error_in_japanese(real_app):
    staff = staff_client(real_app, "staff")
    token = csrf_token(staff, "/shelters/1/registrations/new")
    response = staff.post("/shelters/1/registrations/new", data={"csrf_token": token, "name": "王芳", "name_reading": "王芳",
                                                                 "lang": "zh_Hans"})
    assert response.status_code == 422
    assert "名前の読み方は、カタカナかローマ字で書いてください。" in response.get_data(as_text=True)
