"""Property tests: whatever the text rules accept in a shelter name, a message's place or a
registration goes all the way out — stored, shown escaped in HTML (staff, public and kiosk
pages), exported to CSV and CAP — without an error."""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree as ET

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from app.db import get_db
from phrasebook import messages as model
from phrasebook.cap import NS
from phrasebook.errors import SlotError
from phrasebook.registrations import list_registrations, validate
from phrasebook.render import check_values
from phrasebook.shelters import ShelterError, create_kiosk_token, create_shelter
from phrasebook.templates import get_template
from phrasebook.textsafety import one_line
from tests.app.conftest import csrf_token
from tests.app.test_shelters_kiosk import real_app, staff_client  # noqa: F401  (fixture)

TRICKY = "<>&\"'=+-@ \u3000\u200b\u200d\u202e\ufeff\t\n|｜《》{}%"
SCRIPTS = "山田𠮷あカナ한글ကမ္ဘာनमस्तेสวัสดีالعربيةাংলা😀ÉŁ"
texts = st.text(st.sampled_from(TRICKY + SCRIPTS) | st.characters(codec="utf-8"), min_size=1, max_size=40)
PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.filter_too_much])  # refused texts are common by design


def cap_of(client, message_id: str) -> ET.Element:
    response = client.get(f"/m/{message_id}.cap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.data)


@PROPERTY
@given(name=texts, place=texts)
def test_accepted_shelter_name_and_place_go_all_the_way_out(real_app: Flask, name, place):  # noqa: F811
    with real_app.app_context():
        db = get_db()
        try:
            shelter = create_shelter(db, name, languages=["ja", "en"])
        except ShelterError as refused:
            assert refused.code in ("empty", "too_long", "control", "bidi", "invisible", "joiner")
            return
        values = {"place": place, "time": "09:30"}
        try:
            check_values(get_template("shelter.opened"), values)
        except SlotError as refused:
            assert set(refused.codes) == {"place"}
            return
        message = model.publish(db, "shelter.opened", values, ["ja", "en"], "staff", shelter.id, False)
        token = create_kiosk_token(db, shelter.id)
    public = real_app.test_client()
    assert public.get(f"/m/{message.id}").status_code == 200
    for path in (f"/m/{message.id}/en", f"/m/{message.id}/ja"):
        page = public.get(path)
        assert page.status_code == 200, path
        assert str(escape(shelter.name)) in page.get_data(as_text=True)
    root = cap_of(public, message.id)
    assert root.findtext(f"{{{NS}}}info/{{{NS}}}area/{{{NS}}}areaDesc") == shelter.name
    stored = message.values["place"]
    assert stored == one_line(place)  # as the slot rules read it: one line, stripped
    assert stored in root.findtext(f"{{{NS}}}info/{{{NS}}}description")
    kiosk = real_app.test_client()
    assert kiosk.get(f"/kiosk/start/{token}").status_code == 302
    home = kiosk.get("/kiosk/en/")
    assert home.status_code == 200 and str(escape(shelter.name)) in home.get_data(as_text=True)
    assert kiosk.get("/kiosk/ja/announcements").status_code == 200
    staff = staff_client(real_app, "admin")
    for path in ("/messages/", f"/messages/{message.id}", f"/messages/{message.id}/edit", "/shelters/"):
        page = staff.get(path)
        assert page.status_code == 200, path
        assert str(escape(shelter.name)) in page.get_data(as_text=True), path


@PROPERTY
@given(name=texts, address=st.text(st.sampled_from(TRICKY + SCRIPTS) | st.characters(codec="utf-8"), max_size=300),
       nationality=texts)
def test_accepted_registration_goes_all_the_way_out(real_app: Flask, name, address, nationality):  # noqa: F811
    answers = {"name": name, "address": address, "nationality": nationality}
    clean, errors = validate(answers)
    if errors:
        assert set(errors.values()) <= {"required", "too_long", "invalid_chars"}
        return
    with real_app.app_context():
        token = create_kiosk_token(get_db(), 1)
    kiosk = real_app.test_client()
    assert kiosk.get(f"/kiosk/start/{token}").status_code == 302
    sent = kiosk.post("/kiosk/en/register", data={"csrf_token": csrf_token(kiosk, "/kiosk/en/register"), **answers})
    assert sent.status_code == 302, sent.get_data(as_text=True)
    assert kiosk.get("/kiosk/en/done").status_code == 200
    staff = staff_client(real_app, "staff")
    listing = staff.get("/shelters/1/", query_string={"status": "all"}).get_data(as_text=True)
    assert str(escape(clean["name"])) in listing
    with real_app.app_context():
        reg_id = list_registrations(get_db(), 1)[0].id  # the newest
    detail = staff.get(f"/shelters/1/registrations/{reg_id}")
    assert detail.status_code == 200
    for value in clean.values():
        assert str(escape(value)) in detail.get_data(as_text=True)
    assert staff.get(f"/shelters/1/registrations/{reg_id}?edit=1").status_code == 200
    export = staff.get("/shelters/1/registrations.csv")
    rows = list(csv.reader(io.StringIO(export.data.decode("utf-8-sig"), newline="")))
    cells = {cell for row in rows for cell in row}
    assert all(value in cells or "'" + value in cells for value in clean.values())
