"""Published messages as CAP 1.2 alerts: ``/m/<id>.cap.xml`` and ``bosai cap ID``, validated
against the OASIS schema."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from click.testing import CliRunner

from app.cli import main
from phrasebook.cap import CAP_SCHEMA as XSD, NS
from tests.app.conftest import csrf_token
from tests.app.test_messages import compose, publish




@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    assert XSD.exists(), f"the CAP 1.2 schema is expected at {XSD}"
    return xmlschema.XMLSchema(str(XSD))


def text(root: ET.Element, path: str) -> str | None:
    return root.findtext("/".join(f"{{{NS}}}{step}" for step in path.split("/")))


def infos(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{{{NS}}}info")


def fetch(client, message_id: str, schema: xmlschema.XMLSchema) -> ET.Element:
    response = client.get(f"/m/{message_id}.cap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/cap+xml"
    schema.validate(response.data)
    return ET.fromstring(response.data)


def test_published_message_as_cap(client, staff, schema):
    message_id = publish(staff)
    response = client.get(f"/m/{message_id}.cap.xml")
    assert "public" in response.headers["Cache-Control"] and "Set-Cookie" not in response.headers
    assert client.get(f"/m/{message_id}.cap.xml", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    root = fetch(client, message_id, schema)
    assert text(root, "identifier") == message_id
    assert text(root, "sender") == "bosai@localhost"
    assert text(root, "sent").endswith("+09:00")  # BOSAI_TIMEZONE, Asia/Tokyo
    assert (text(root, "status"), text(root, "msgType"), text(root, "scope")) == ("Actual", "Alert", "Public")
    assert [text(i, "language") for i in infos(root)] == ["ja", "en", "ne", "ja-x-easy"]
    english = infos(root)[1]
    assert text(english, "description") == "City Gym (市民体育館) opened as an evacuation shelter at 09:30."
    assert text(english, "web") == f"http://localhost/m/{message_id}/en"
    assert text(english, "area/areaDesc") == "北小学校"


def test_drill_edit_and_withdrawal(client, staff, schema):
    message_id = publish(staff, drill="y")
    first = fetch(client, message_id, schema)
    assert text(first, "status") == "Exercise"
    url = f"/messages/{message_id}/edit"
    assert compose(staff, url=url, time="10:00", drill="y").status_code == 302
    # edited and withdrawn within the same second as the first version: still a Cancel of it
    staff.post(f"/messages/{message_id}/withdraw", data={"csrf_token": csrf_token(staff, f"/messages/{message_id}")})
    cancel = fetch(client, message_id, schema)
    assert (text(cancel, "status"), text(cancel, "msgType")) == ("Exercise", "Cancel")
    assert text(cancel, "identifier").startswith(f"{message_id}-")
    assert text(cancel, "references") == f"bosai@localhost,{message_id},{text(first, 'sent')}"
    assert text(infos(cancel)[1], "web") == f"http://localhost/m/{message_id}/en"


def test_update_refers_to_the_first_version(app, client, as_role, schema):
    from app.db import get_db

    message_id = publish(as_role("coordinator"), shelter="")  # area-wide: a coordinator
    with app.app_context():
        first = "2026-09-01T06:00:00+00:00"
        get_db()["messages"].update(message_id, {"created_at": first, "published_at": first, "version_at": first,
                                                 "updated_at": "2026-09-01T07:30:00+00:00"})
    root = fetch(client, message_id, schema)
    assert text(root, "msgType") == "Update"
    assert text(root, "identifier") == f"{message_id}-20260901T163000"
    assert text(root, "sent") == "2026-09-01T16:30:00+09:00"
    assert text(root, "references") == f"bosai@localhost,{message_id},2026-09-01T15:00:00+09:00"
    assert text(infos(root)[0], "area/areaDesc") == "Japan"  # area-wide: BOSAI_CAP_AREA's default


def test_unknown_message(client):
    assert client.get("/m/nosuchid.cap.xml").status_code == 404


def test_cli_prints_the_same_alert_with_the_configured_sender(app, as_role, schema, monkeypatch):
    message_id = publish(as_role("coordinator"), shelter="")
    monkeypatch.setenv("BOSAI_BASE_URL", "https://bosai.example.jp")
    monkeypatch.setenv("BOSAI_CAP_SENDER", "bousai@city.example.jp")
    monkeypatch.setenv("BOSAI_CAP_AREA", "Example City")
    result = CliRunner().invoke(main, ["cap", message_id, "--instance", app.instance_path], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    schema.validate(result.output)
    root = ET.fromstring(result.output.encode("utf-8"))
    assert text(root, "sender") == "bousai@city.example.jp"
    assert text(infos(root)[2], "web") == f"https://bosai.example.jp/m/{message_id}/ne"
    assert text(infos(root)[0], "area/areaDesc") == "Example City"


def test_cli_unknown_message(app):
    result = CliRunner().invoke(main, ["cap", "nosuchid", "--instance", app.instance_path])
    assert result.exit_code == 1 and "no published message 'nosuchid'" in result.output
