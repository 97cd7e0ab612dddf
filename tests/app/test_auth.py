"""Staff accounts: login, logout, CSRF, cookie flags, roles and the ``bosai user`` commands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


# Open-redirect bypasses: as a query value each is percent-decoded once by the server.
BYPASSES = [
    "https://evil.example/", "//evil.example/", "///evil.example/", "////evil.example", "/\\evil.example",
    "\\/evil.example", "\\\\evil.example", "/\t/evil.example", "/%09/evil.example", "%09//evil.example",
    "/\n/evil.example", "/\r\n/evil.example", "/%0a/evil.example", "/%0d/evil.example", " //evil.example",
    "\x00//evil.example", "\x1f//evil.example", "/%2f/evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example",
    "/%5cevil.example", "/%5C/evil.example", "/%255c/evil.example", "/%2509/evil.example", "http:/evil.example",
    "http:evil.example", "https:\\\\evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>", "evil.example", "@evil.example", "/\u3000/evil.example",
    "/ /evil.example", "/.\\evil.example", "//evil.example@bosai.example.jp/", "/%2e%2e//evil.example",
]


def browser_location(location: str, base: str = "http://localhost/login") -> str:
    """Where a browser goes for a Location header: tabs and newlines removed, controls and
    spaces stripped at the ends, backslashes read as slashes (WHATWG URL parsing)."""
    from urllib.parse import urljoin

    cleaned = location.strip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "").replace("\r", "")
    return urljoin(base, cleaned.replace("\\", "/"))


@pytest.mark.parametrize("target", BYPASSES)
def test_next_never_leaves_the_site(client, target):
    data = {"username": "staff", "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login", query_string={"next": target}, data=data)
    assert response.status_code == 302
    from urllib.parse import urlsplit

    went = urlsplit(browser_location(response.headers["Location"]))
    assert (went.scheme, went.hostname) == ("http", "localhost"), response.headers["Location"]


def test_the_issue_bypass_lands_on_the_start_page(client):
    """``/login?next=/%09/evil.example``: the tab once sent browsers to //evil.example."""
    data = {"username": "staff", "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login?next=/%09/evil.example", data=data)
    assert response.headers["Location"] == "/messages/"


@pytest.mark.parametrize("role, target, location", [
    ("staff", "/shelters/", "/shelters/"),
    ("staff", "/messages/new?q=%E9%81%BF%E9%9B%A3", "/messages/new?q=%E9%81%BF%E9%9B%A3"),
    ("staff", "/translate/", "/messages/"),        # a page the role may not open
    ("translator", None, "/translate/"),           # each role lands on a page it may open
    ("translator", "/messages/", "/translate/"),
    ("translator", "/translate/en", "/translate/en"),
    ("coordinator", None, "/messages/"),
    ("admin", "/audit/", "/audit/"),
    ("staff", "/audit/", "/messages/"),
    ("staff", "/no/such/page", "/messages/"),
])
def test_login_lands_on_a_page_the_role_may_open(client, role, target, location):
    data = {"username": role, "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login", query_string={"next": target} if target else None, data=data)
    assert response.headers["Location"] == location
    assert client.get(location).status_code == 200


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
        db = get_db()
        with db.conn:
            db.execute("UPDATE users SET active = 0 WHERE username = 'staff'")
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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("/\\\t\n\r %0925cfFC:.@?#evil\x00\x1f\u3000"), max_size=24))
def test_safe_next_never_names_another_site(target):
    """Whatever ``next`` holds, what is accepted is read by a browser as a path on this site."""
    from urllib.parse import unquote, urlsplit

    from app.auth.views import safe_next

    accepted = safe_next(target)
    if accepted is not None:
        for form in (accepted, unquote(accepted), unquote(unquote(accepted))):
            went = urlsplit(browser_location(form))
            assert (went.scheme, went.hostname) == ("http", "localhost"), (target, accepted)
