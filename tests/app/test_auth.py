"""Staff accounts: login, logout, CSRF, cookie flags, roles and the ``bosai user`` commands."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from app.auth.users import UserError, add_user, verify
from app.cli import main
from app.db import get_db
from tests.app.conftest import PASSWORD, csrf_token, login


def test_login_and_logout(client):
    response = login(client, "staff")
    assert response.status_code == 302 and response.headers["Location"] == "/messages/"
    assert client.get("/messages/").status_code == 200
    response = client.post("/logout", data={"csrf_token": csrf_token(client, "/messages/")})
    assert response.status_code == 302
    assert client.get("/messages/").status_code == 302


def test_wrong_password_is_refused(client):
    response = login(client, "staff", "wrong password")
    assert response.status_code == 401
    assert "Wrong user name or password" in response.get_data(as_text=True) or \
        "ユーザー名またはパスワードが違います" in response.get_data(as_text=True)
    assert client.get("/messages/").status_code == 302


def test_unknown_user_is_refused(client):
    assert login(client, "nobody").status_code == 401


@pytest.mark.parametrize("url, data", [
    ("/login", {"username": "staff", "password": PASSWORD}),
    ("/logout", {}),
])
def test_post_without_csrf_token_is_refused(client, url, data):
    response = client.post(url, data=data)
    assert response.status_code == 400
    assert client.get("/messages/").status_code == 302


def test_logout_needs_csrf_token(staff):
    assert staff.post("/logout").status_code == 400
    assert staff.get("/messages/").status_code == 200


@pytest.mark.parametrize("target, location", [
    ("/translate/", "/translate/"),
    ("https://evil.example/", "/messages/"),
    ("//evil.example/", "/messages/"),
    ("/\\evil.example", "/messages/"),
])
def test_next_goes_only_to_local_paths(client, target, location):
    data = {"username": "staff", "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login", query_string={"next": target}, data=data)
    assert response.headers["Location"] == location


def test_session_cookie_flags(client):
    response = login(client, "staff")
    cookie = next(v for v in response.headers.getlist("Set-Cookie") if v.startswith("bosai_session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_password_is_hashed(app):
    with app.app_context():
        row = next(get_db()["users"].rows_where("username = 'staff'"))
    assert PASSWORD not in row["password_hash"] and row["password_hash"].startswith(("scrypt:", "pbkdf2:"))


@pytest.mark.parametrize("role, url, status", [
    ("translator", "/messages/", 403),
    ("translator", "/signs/", 403),
    ("translator", "/cards/", 403),
    ("translator", "/translate/", 200),
    ("staff", "/translate/", 403),
    ("staff", "/messages/", 200),
    ("admin", "/translate/", 200),
    ("admin", "/messages/", 200),
])
def test_roles(as_role, role, url, status):
    assert as_role(role).get(url).status_code == status


def test_deleted_account_loses_its_session(app, staff):
    with app.app_context():
        get_db()["users"].update(2, {"active": 0})
    assert staff.get("/messages/").status_code == 302


@pytest.mark.parametrize("name, role, password, message", [
    ("staff", "staff", PASSWORD, "exists"),
    ("bob", "boss", PASSWORD, "role"),
    ("bob", "staff", "short", "at least"),
    ("b b", "staff", PASSWORD, "user name"),
])
def test_add_user_refuses(app, name, role, password, message):
    with app.app_context(), pytest.raises(UserError, match=message):
        add_user(get_db(), name, role, password)


def test_cli_user_add_asks_for_the_password(app, tmp_path):
    runner = CliRunner()
    instance = str(tmp_path / "instance")
    result = runner.invoke(main, ["user", "add", "carol", "--role", "translator", "--instance", instance],
                           input="a long password\na long password\n")
    assert result.exit_code == 0, result.output
    assert "added carol (translator)" in result.output
    assert "a long password" not in result.output
    with app.app_context():
        assert verify(get_db(), "carol", "a long password").role == "translator"
    listed = runner.invoke(main, ["user", "list", "--instance", instance])
    assert "carol\ttranslator" in listed.output
    result = runner.invoke(main, ["user", "password", "carol", "--instance", instance],
                           input="another password\nanother password\n")
    assert result.exit_code == 0
    with app.app_context():
        assert verify(get_db(), "carol", "another password") is not None


def test_cli_user_add_errors(app, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "staff", "--role", "staff", "--instance",
                                  str(tmp_path / "instance")], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 1 and "Error: user 'staff' exists" in result.output


def attempt(client, username: str, password: str = "wrong password", address: str = "10.0.0.1"):
    """A login from ``address``."""
    return client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_token(client)},
                       environ_base={"REMOTE_ADDR": address})


def test_five_failures_lock_the_user_name(client):
    for n in range(5):
        assert attempt(client, "staff", address=f"10.0.0.{n}").status_code == 401
    response = attempt(client, "staff", PASSWORD, address="10.0.1.1")  # right password, new address
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 14 * 60
    assert "ログインの失敗が多すぎます。15 分待ってから" in response.get_data(as_text=True)
    assert client.get("/messages/").status_code == 302
    assert attempt(client, "admin", PASSWORD, address="10.0.1.1").status_code == 302


def test_admin_lifts_a_lock_from_the_command_line(app, client):
    for n in range(5):
        attempt(client, "staff", address=f"10.0.0.{n}")
    assert attempt(client, "staff", PASSWORD, address="10.0.2.1").status_code == 429
    instance = app.instance_path
    result = CliRunner().invoke(main, ["user", "unlock", "staff", "--instance", instance])
    assert result.exit_code == 0 and "staff may log in again" in result.output
    assert attempt(client, "staff", PASSWORD, address="10.0.2.1").status_code == 302
    result = CliRunner().invoke(main, ["user", "unlock", "nobody", "--instance", instance])
    assert result.exit_code == 1 and "no user 'nobody'" in result.output


def test_five_failures_lock_the_client_address(client):
    for name in ("a", "b", "c", "d", "e"):
        assert attempt(client, name).status_code == 401
    response = attempt(client, "admin", PASSWORD, address="10.0.0.1")
    assert response.status_code == 429
    client.set_cookie("bosai_lang", "en")
    assert "Too many failed logins" in attempt(client, "admin", PASSWORD).get_data(as_text=True)
    assert attempt(client, "admin", PASSWORD, address="10.0.0.2").status_code == 302


def test_unknown_names_are_locked_alike(client):
    for n in range(5):
        assert attempt(client, "nobody", address=f"10.0.0.{n}").status_code == 401
    assert attempt(client, "nobody", address="10.0.1.1").status_code == 429


def test_success_clears_the_name_counter(client):
    for n in range(4):
        attempt(client, "staff", address=f"10.0.0.{n}")
    assert attempt(client, "staff", PASSWORD, address="10.0.1.1").status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/messages/")})
    for n in range(4):
        assert attempt(client, "staff", address=f"10.0.2.{n}").status_code == 401
    assert attempt(client, "staff", PASSWORD, address="10.0.3.1").status_code == 302


def test_lock_holds_across_restarts_and_ends_after_15_minutes(make_app, client):
    for n in range(5):
        attempt(client, "staff", address=f"10.0.0.{n}")
    restarted = make_app()  # a new app on the same instance database
    assert attempt(restarted.test_client(), "staff", PASSWORD, address="10.0.1.1").status_code == 429
    with restarted.app_context():
        db = get_db()
        with db.conn:
            db.execute("UPDATE login_throttle SET since = since - 900, locked_until = locked_until - 900")
    assert attempt(restarted.test_client(), "staff", PASSWORD, address="10.0.1.1").status_code == 302


def test_failures_from_many_threads_all_count(app):
    from concurrent.futures import ThreadPoolExecutor

    def fail(n: int) -> int:
        return attempt(app.test_client(), "staff", address=f"10.0.0.{n}").status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(fail, range(4))) == [401] * 4
    assert attempt(app.test_client(), "staff", address="10.0.1.1").status_code == 401  # the 5th failure
    assert attempt(app.test_client(), "staff", PASSWORD, address="10.0.1.2").status_code == 429
