"""Trusted hosts for QR and CAP links, the warning before printing QR codes phones cannot
open, and the login page's explanation of a dropped Secure cookie."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import PASSWORD, login
from tests.app.test_messages import publish

LAN = "http://192.168.1.10:8000"
WARNING_JA = "携帯電話"  # part of the Japanese warning: phones cannot open the address


def detail(app, message_id: str, base_url: str = "http://localhost", lang: str = "en") -> str:
    """The message's staff page as a staff member reaches it through ``base_url``."""
    client, host = app.test_client(), {"Host": base_url.split("://", 1)[1]}
    page = client.get("/login", headers=host).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    response = client.post("/login", data={"username": "staff", "password": PASSWORD, "csrf_token": token},
                           headers=host)
    assert response.status_code == 302
    html = client.get(f"/messages/{message_id}?lang={lang}", headers=host).get_data(as_text=True)
    assert "Public page" in html or "公開ページ" in html
    return html


def test_a_forged_host_never_reaches_qr_or_cap_links(app, staff, client):
    message_id = publish(staff)
    html = detail(app, message_id, "http://evil.example")
    assert "evil.example" not in html and f"http://localhost/m/{message_id}" in html
    cap = client.get(f"/m/{message_id}.cap.xml", base_url="http://evil.example").get_data(as_text=True)
    assert "evil.example" not in cap and f"http://localhost/m/{message_id}/en" in cap


def test_qr_links_to_loopback_or_private_addresses_are_warned_about(app, staff):
    message_id = publish(staff)
    html = detail(app, message_id, LAN)
    assert f"http://localhost:8000/m/{message_id}" in html  # 192.168.1.10 is not a trusted host
    assert "phones on the mobile network cannot open" in html and "BOSAI_BASE_URL" in html
    assert WARNING_JA in detail(app, message_id, LAN, lang="ja")
    assert "phones on the mobile network cannot open" in staff.get("/signs/?lang=en").get_data(as_text=True)


def test_a_trusted_lan_host_is_used_and_still_warned_about(make_app):
    app = make_app(TRUSTED_LINK_HOSTS="192.168.1.10,localhost")
    from tests.app.conftest import work_at

    work_at(app, "staff", "北小学校")
    client = app.test_client()
    login(client, "staff")
    message_id = publish(client)
    html = detail(app, message_id, LAN)
    assert f"{LAN}/m/{message_id}" in html and "phones on the mobile network cannot open" in html


@pytest.mark.parametrize("base", ["https://bosai.example.jp", "https://bosai.example.jp/"])
def test_a_public_base_url_wins_and_needs_no_warning(make_app, base):
    app = make_app(BASE_URL=base)
    from tests.app.conftest import work_at

    work_at(app, "staff", "北小学校")
    client = app.test_client()
    login(client, "staff")
    message_id = publish(client)
    html = detail(app, message_id, LAN)
    assert f"https://bosai.example.jp/m/{message_id}" in html and "cannot open" not in html
    assert "cannot open" not in client.get("/signs/?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("base, secure_cookie, explained", [
    ("http://192.168.1.10:8000", True, True),
    ("http://bosai.lan", True, True),
    ("http://localhost:8000", True, False),
    ("http://127.0.0.1", True, False),
    ("https://192.168.1.10", True, False),
    ("http://192.168.1.10:8000", False, False),
])
def test_login_page_explains_a_dropped_secure_cookie(make_app, base, secure_cookie, explained):
    client = make_app(SESSION_COOKIE_SECURE=secure_cookie).test_client()
    html = client.get("/login?lang=en", base_url=base).get_data(as_text=True)
    assert ("BOSAI_SESSION_COOKIE_SECURE=false" in html) == explained
    assert ("The form expired" in html) == explained


def test_the_expired_form_error_says_why_over_plain_http(client):
    client.set_cookie("bosai_lang", "en")
    response = client.post("/login", data={"username": "staff", "password": "x"}, base_url=LAN)
    assert response.status_code == 400
    assert "BOSAI_SESSION_COOKIE_SECURE=false" in response.get_data(as_text=True)
    response = client.post("/login", data={"username": "staff", "password": "x"})
    assert "BOSAI_SESSION_COOKIE_SECURE" not in response.get_data(as_text=True)
