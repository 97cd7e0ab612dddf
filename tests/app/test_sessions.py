"""Sessions: a new password or a disabled account ends the other sessions at their next
request; idle staff sessions end; ``bosai user disable/enable``."""

from __future__ import annotations

import time

from click.testing import CliRunner

from app.cli import main
from tests.app.conftest import PASSWORD, csrf_token, login

NEW = "a brand new password"


def change_password(client, current: str = PASSWORD, new: str = NEW, repeat: str | None = None):
    return client.post("/account/password", data={"current": current, "new": new, "repeat": repeat or new,
                                                  "csrf_token": csrf_token(client, "/account/password")})


def test_a_password_change_ends_the_other_sessions(as_role):
    old, current = as_role("staff"), as_role("staff")
    assert old.get("/messages/").status_code == 200
    response = change_password(current)
    assert response.status_code == 302 and response.headers["Location"] == "/messages/"
    assert current.get("/messages/").status_code == 200  # the session that changed it stays
    response = old.get("/messages/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert login(old, "staff").status_code == 401  # the old password is gone
    assert login(old, "staff", NEW).status_code == 302


def test_a_password_change_needs_the_current_password(as_role):
    client = as_role("translator")
    assert change_password(client, current="wrong password").status_code == 400
    assert change_password(client, new="short", repeat="short").status_code == 400
    assert change_password(client, repeat="something else").status_code == 400
    assert login(as_role("admin"), "translator").status_code == 302  # still the old password


def test_a_password_set_on_the_command_line_ends_every_session(app, as_role):
    client = as_role("staff")
    result = CliRunner().invoke(main, ["user", "password", "staff", "--instance", app.instance_path],
                                input=f"{NEW}\n{NEW}\n")
    assert result.exit_code == 0, result.output
    assert client.get("/messages/").status_code == 302


def test_disable_and_enable(app, as_role):
    client = as_role("staff")
    runner, instance = CliRunner(), app.instance_path
    result = runner.invoke(main, ["user", "disable", "staff", "--instance", instance])
    assert result.exit_code == 0 and "staff disabled" in result.output
    assert client.get("/messages/").status_code == 302
    assert login(app.test_client(), "staff").status_code == 401
    assert "staff\tstaff\tdisabled" in runner.invoke(main, ["user", "list", "--instance", instance]).output
    result = runner.invoke(main, ["user", "enable", "staff", "--instance", instance])
    assert result.exit_code == 0 and "staff enabled" in result.output
    assert client.get("/messages/").status_code == 302  # the old session stays ended
    assert login(app.test_client(), "staff").status_code == 302
    assert runner.invoke(main, ["user", "disable", "nobody", "--instance", instance]).exit_code == 1
    assert runner.invoke(main, ["user", "add", "staff", "--role", "staff", "--instance", instance],
                         input=f"{PASSWORD}\n{PASSWORD}\n").exit_code == 1


def test_an_idle_session_ends(make_app, monkeypatch):
    app = make_app(SESSION_IDLE_MINUTES=20)
    client = app.test_client()
    assert login(client, "staff").status_code == 302
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 19 * 60)
    assert client.get("/messages/").status_code == 200  # active again: the clock restarts
    monkeypatch.setattr(time, "time", lambda: now + 38 * 60)
    assert client.get("/messages/").status_code == 200
    monkeypatch.setattr(time, "time", lambda: now + 59 * 60)
    response = client.get("/messages/?lang=en")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "logged out after 20 minutes without activity" in html


def test_public_pages_never_touch_the_session(as_role):
    client = as_role("staff")
    response = client.get("/")
    assert "Set-Cookie" not in response.headers
