"""Security: every non-public route refuses anonymous and kiosk sessions (found by walking
``app.url_map``, so new routes are covered), headers, upload limit, no outside assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from app.auth.access import is_public

APP_DIR = Path(__file__).resolve().parents[2] / "app"
SAMPLE_ARGS = {"message_id": "abcdefgh", "template_id": "shelter.opened", "code": "en", "lang": "en"}
PUBLIC_ENDPOINTS = {"public.home", "public.home_in", "public.index", "public.message", "public.message_in", "public.message_cap",
                    "public.feed", "auth.login", "auth.logout", "static"}


def routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every rule, with sample values for its arguments."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            url = rule.rule
            for arg in rule.arguments:
                url = re.sub(rf"<int:{arg}>", "1", url)
                url = re.sub(rf"<(?:\w+:)?{arg}>", SAMPLE_ARGS.get(arg, "x"), url)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                found.append((rule.endpoint, method, url))
    return found


def is_public_view(app: Flask, endpoint: str) -> bool:
    return bool(getattr(app.view_functions[endpoint], "bosai_public", False))


@pytest.fixture
def no_csrf_app(make_app) -> Flask:
    """CSRF off, so that the access guard itself is what refuses POSTs here."""
    return make_app(WTF_CSRF_ENABLED=False)


def staff_only(app: Flask, endpoint: str) -> bool:
    """A staff route: one with a row in the authorisation table."""
    from app.auth.policy import TABLE

    return endpoint in TABLE


def test_public_endpoints_are_exactly_the_expected_ones(app):
    """Of the areas here (the kiosk's device routes have their own tests)."""
    with app.test_request_context():
        public = {endpoint for endpoint in app.view_functions
                  if is_public(endpoint) and not endpoint.startswith("kiosk.")}
    assert public == PUBLIC_ENDPOINTS


def test_every_staff_view_declares_its_roles(app):
    undeclared = [endpoint for endpoint in app.view_functions if endpoint not in PUBLIC_ENDPOINTS
                  and not endpoint.startswith("kiosk.") and not staff_only(app, endpoint)]
    assert undeclared == []


def test_every_staff_route_refuses_anonymous_users(no_csrf_app):
    client = no_csrf_app.test_client()
    checked = 0
    for endpoint, method, url in routes(no_csrf_app):
        if endpoint == "static" or is_public_view(no_csrf_app, endpoint):
            continue
        response = client.open(url, method=method)
        assert response.status_code in (302, 401, 403), (endpoint, method, url)
        if not staff_only(no_csrf_app, endpoint):
            continue
        if method == "GET":
            assert response.status_code == 302, (endpoint, url)
            assert response.headers["Location"].startswith("/login?next="), (endpoint, url)
        else:
            assert response.status_code == 401, (endpoint, method, url)
        checked += 1
    assert checked >= 15


def test_every_staff_route_refuses_kiosk_sessions(no_csrf_app):
    """A real kiosk session (bound by a kiosk token) gets 403 everywhere but the kiosk."""
    from app.db import get_db
    from phrasebook.shelters import create_kiosk_token, create_shelter

    with no_csrf_app.app_context():
        token = create_kiosk_token(get_db(), create_shelter(get_db(), "市民体育館").id)
    client = no_csrf_app.test_client()
    assert client.get(f"/kiosk/start/{token}").status_code == 302
    checked = 0
    for endpoint, method, url in routes(no_csrf_app):
        if staff_only(no_csrf_app, endpoint):
            assert client.open(url, method=method).status_code == 403, (endpoint, method, url)
            checked += 1
    assert checked >= 15
    assert client.post("/kiosk/reset").status_code == 302  # while its own pages stay open


def test_every_post_needs_a_csrf_token(app, as_role):
    client = as_role("admin")
    for endpoint, method, url in routes(app):
        if method == "POST":
            response = client.post(url, data={})
            assert response.status_code == 400, (endpoint, url)


@pytest.mark.parametrize("url", ["/", "/login", "/nowhere"])
def test_security_headers(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_staff_pages_are_not_stored(staff):
    assert staff.get("/messages/").headers["Cache-Control"] == "no-store"


def test_upload_size_limit(translator, app):
    from tests.app.conftest import csrf_token

    token = csrf_token(translator, "/translate/en")
    big = b"#" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    from io import BytesIO

    response = translator.post("/translate/en/upload", data={"csrf_token": token, "catalog": (BytesIO(big), "en.po")},
                               content_type="multipart/form-data")
    assert response.status_code == 413


def test_nothing_is_loaded_from_outside_the_server():
    """No template or stylesheet refers to another host (no CDN: shelter LANs have no internet)."""
    outside = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//""", re.I)
    files = [*APP_DIR.glob("templates/**/*.html"), *APP_DIR.glob("static/**/*")]
    assert files
    for path in files:
        if path.is_file():
            assert not outside.search(path.read_text(encoding="utf-8")), path


def test_no_script_tags_on_staff_and_public_pages():
    """No JavaScript needed (the kiosk, a touch-screen device, has its own rules)."""
    for path in APP_DIR.glob("templates/**/*.html"):
        if "kiosk" not in path.parts:
            assert "<script" not in path.read_text(encoding="utf-8"), path
