"""The audit trail: logins, publishing, exports and reading registrations are recorded with
user and time; admins read it at /audit and with ``bosai audit``; nothing can change it."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from app.cli import main
from app.db import get_db
from tests.app.conftest import csrf_token, login
from tests.app.test_shelters_kiosk import kiosk_client, real_app, register, staff_client  # noqa: F401

TIME = re.compile(r'<time datetime="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)">')


def rows(html: str) -> list[str]:
    return re.findall(r"<tr><td><time.*?</tr>", html, re.S)


def publish_own(client) -> str:
    data = {"place": "市民体育館", "time": "09:30", "languages": ["ja", "en"], "shelter": "1",
            "publish": "1", "csrf_token": csrf_token(client, "/messages/new/shelter.opened")}
    response = client.post("/messages/new/shelter.opened", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


def test_the_audit_page_lists_a_publish_a_csv_export_and_a_registration_view(real_app):  # noqa: F811
    register(kiosk_client(real_app, 1), lang="en", name="Jane")
    staff = staff_client(real_app, "staff")
    message_id = publish_own(staff)
    assert staff.get("/shelters/1/registrations.csv").status_code == 200
    assert staff.get("/shelters/1/registrations/1").status_code == 200
    assert staff.get("/shelters/1/registrations/1/card.pdf").status_code == 200
    admin = staff_client(real_app, "admin")
    html = admin.get("/audit/?lang=en").get_data(as_text=True)
    listed = rows(html)
    for label, target in (("Published a message", message_id), ("Exported registrations (CSV)", "1"),
                          ("Viewed a registration", "1"), ("Printed a registration card", "1"),
                          ("Logged in", "")):
        found = [row for row in listed if label in row and f"<td>{target}</td>" in row and "staff (staff)" in row]
        assert found, label
        assert TIME.search(found[0])
    assert "Jane" not in html  # ids only, never the person's data
    only = rows(admin.get("/audit/", query_string={"action": "csv_export", "lang": "en"}).get_data(as_text=True))
    assert len(only) == 1 and "Exported registrations (CSV)" in only[0]
    assert rows(admin.get("/audit/", query_string={"user": "nobody"}).get_data(as_text=True)) == []
    assert len(rows(admin.get("/audit/", query_string={"since": "1h", "user": "staff"}).get_data(as_text=True))) == 5
    assert rows(admin.get("/audit/", query_string={"until": "2020-01-01"}).get_data(as_text=True)) == []
    assert admin.get("/audit/", query_string={"since": "yesterday"}).status_code == 400


def test_failed_logins_are_recorded_and_only_admins_read_the_trail(app, client):
    assert login(client, "staff", "wrong password").status_code == 401
    assert login(client, "nobody", "wrong password").status_code == 401
    for role in ("coordinator", "staff", "translator"):
        other = app.test_client()
        login(other, role)
        assert other.get("/audit/").status_code == 403
    admin = app.test_client()
    login(admin, "admin")
    listed = rows(admin.get("/audit/", query_string={"action": "login_failed", "lang": "en"}).get_data(as_text=True))
    assert len(listed) == 2 and any("<td>nobody</td>" in row for row in listed)


def test_nothing_can_change_the_trail(app, client):
    login(client, "staff")
    with app.app_context():
        db = get_db()
        assert db["audit_log"].count == 1
        for sql in ("UPDATE audit_log SET user = 'someone'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
                with db.conn:
                    db.execute(sql)
        assert db["audit_log"].count == 1
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("audit.")]
    assert [sorted(rule.methods - {"HEAD", "OPTIONS"}) for rule in rules] == [["GET"]]


def test_cli_audit_since(app, client):
    login(client, "staff")
    runner, instance = CliRunner(), app.instance_path
    result = runner.invoke(main, ["user", "disable", "translator", "--instance", instance])
    assert result.exit_code == 0
    result = runner.invoke(main, ["audit", "--since", "1h", "--instance", instance])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [(line[1], line[3]) for line in lines][:1] == [("staff", "login")]
    assert lines[-1][3:6] == ["user", "translator", "disable"] and lines[-1][1].startswith("cli:")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00", lines[0][0])
    result = runner.invoke(main, ["audit", "--since", "2020-01-01", "--until", "2020-01-02", "--instance", instance])
    assert result.exit_code == 0 and result.output == ""
    result = runner.invoke(main, ["audit", "--since", "soon", "--instance", instance])
    assert result.exit_code == 1 and "give times as" in result.output
