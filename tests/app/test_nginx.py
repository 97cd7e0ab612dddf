"""The shipped nginx configuration (deploy/nginx) in front of a real ``bosai serve`` with the
static mirror: public pages come from the mirror's files, staff pages, the kiosk and uploads
reach the app, and a page the mirror does not have yet is asked of the app.

Skipped without Debian's nginx on a developer machine; on CI a missing nginx fails."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from app.auth.users import add_user
from app.cli.common import instance_db
from app.security import HEADERS
from phrasebook.shelters import assign_staff, create_shelter
from tests.app.conftest import PASSWORD
from tests.app.live import BOSAI, free_port, start_server, stop_server
from tests.app.nginx import LOCATIONS, NGINX, nginx_conf, running_nginx

pytestmark = [pytest.mark.server, pytest.mark.slow,
              pytest.mark.skipif(not NGINX.exists() and not os.environ.get("CI"),
                                 reason="Debian's nginx (/usr/sbin/nginx) is not installed")]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping client that does not follow redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def request(self, path: str, data: dict | bytes | None = None,
                headers: dict | None = None) -> tuple[int, Message, bytes]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(req, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers, exc.read()

    def csrf(self, path: str) -> str:
        html = self.request(path)[2].decode()
        return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)[1]


def wait_for(file: Path, text: str) -> str:
    """The file's text once it contains ``text`` (the mirror's thread writes it in milliseconds;
    20 s at most on a loaded machine)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if file.exists() and text in (content := file.read_text(encoding="utf-8")):
            return content
        time.sleep(0.05)
    raise AssertionError(f"{file} never contained {text!r}")


@pytest.fixture
def served(tmp_path: Path):
    """(nginx client, app client, mirror folder): the app with a mirror, nginx in front."""
    instance, mirror = tmp_path / "instance", tmp_path / "mirror"
    subprocess.run([*BOSAI, "db", "init", "--instance", str(instance)], check=True, capture_output=True)
    db = instance_db(instance)
    staff = add_user(db, "staff", "staff", PASSWORD)
    assign_staff(db, create_shelter(db, "北小学校").id, [staff.id])  # shelter 1, where the staff member works
    db.conn.close()
    app_port, port = free_port(), free_port()
    server = start_server(instance, app_port, {
        "BOSAI_STATIC_MIRROR": str(mirror), "BOSAI_BASE_URL": f"http://127.0.0.1:{port}",
        "BOSAI_PROXY_FIX": "1", "BOSAI_SESSION_COOKIE_SECURE": "false"})
    try:
        with running_nginx(tmp_path / "nginx", mirror, app_port, port):
            yield Browser(f"http://127.0.0.1:{port}"), Browser(f"http://127.0.0.1:{app_port}"), mirror
    finally:
        stop_server(server)


def publish(staff: Browser) -> str:
    login = staff.request("/login", {"username": "staff", "password": PASSWORD, "csrf_token": staff.csrf("/login")})
    assert login[0] == 302, login
    url = "/messages/new/shelter.opened"
    status, headers, _ = staff.request(url, {
        "place": "市民体育館", "place__en": "City Gym", "time": "09:30", "languages": ["ja", "en", "vi"],
        "shelter": "1", "publish": "1", "csrf_token": staff.csrf(url)})
    assert status == 302, status
    return headers["Location"].rsplit("/", 1)[1]


def test_public_pages_come_from_the_mirror_and_equal_the_app(served):
    nginx, app, mirror = served
    message_id = publish(nginx)
    wait_for(mirror / "alerts.atom", message_id)
    wait_for(mirror / "index.html", message_id)
    for path, file, mimetype in [
        (f"/m/{message_id}/en", f"m/{message_id}/en/index.html", "text/html; charset=utf-8"),
        (f"/m/{message_id}", f"m/{message_id}/index.html", "text/html; charset=utf-8"),
        (f"/m/{message_id}.cap.xml", f"m/{message_id}.cap.xml", "application/cap+xml; charset=utf-8"),
        ("/alerts.atom", "alerts.atom", "application/atom+xml; charset=utf-8"),
        ("/static/bosai.css", "static/bosai.css", "text/css; charset=utf-8"),
    ]:
        status, headers, body = nginx.request(path)
        assert status == 200, path
        assert "Last-Modified" in headers, f"{path} was not served from the mirror"
        assert body == (mirror / file).read_bytes() == app.request(path)[2], path
        assert headers["Content-Type"] == app.request(path)[1]["Content-Type"] == mimetype
        assert headers["Cache-Control"] == "public, max-age=60"
        for name, value in HEADERS.items():
            assert headers.get_all(name) == [value], (path, name)


def test_the_index_comes_from_the_app_and_the_old_address_redirects(served):
    nginx, app, mirror = served
    message_id = publish(nginx)
    wait_for(mirror / "vi" / "index.html", message_id)
    status, headers, body = nginx.request("/")  # it follows the reader's language: the app answers
    assert status == 200 and "Last-Modified" not in headers and body == (mirror / "index.html").read_bytes()
    assert nginx.request("/vi")[2] == (mirror / "vi" / "index.html").read_bytes() == app.request("/vi")[2]
    status, headers, _body = nginx.request("/m/")
    assert status == 302 and headers["Location"].endswith("/")


def test_withdrawal_reaches_the_pages_nginx_serves(served):
    nginx, _app, mirror = served
    message_id = publish(nginx)
    page = mirror / "m" / message_id / "vi" / "index.html"
    wait_for(page, 'class="message"')
    token = nginx.csrf(f"/messages/{message_id}")
    assert nginx.request(f"/messages/{message_id}/withdraw", {"csrf_token": token})[0] == 302
    wait_for(page, 'class="withdrawn"')
    status, headers, body = nginx.request(f"/m/{message_id}/vi")
    assert status == 200 and b'class="withdrawn"' in body and "Last-Modified" in headers


def test_staff_pages_kiosk_and_uploads_reach_the_app(served):
    nginx, _app, _mirror = served
    status, headers, body = nginx.request("/login")
    assert status == 200 and b'name="csrf_token"' in body and "Last-Modified" not in headers
    assert headers["Cache-Control"] == "no-store"
    assert nginx.request("/messages/")[0] == 302  # to the login page
    assert nginx.request("/kiosk/start/not-a-token")[0] in (403, 404)
    upload = b"x" * 1_500_000  # under the app's 2 MiB limit: the app answers, not nginx's 413
    status, _headers, body = nginx.request("/translate/en/upload", upload,
                                           {"Content-Type": "application/octet-stream"})
    assert status in (400, 403) and b"nginx" not in body


def test_a_page_not_in_the_mirror_is_asked_of_the_app(served):
    nginx, _app, mirror = served
    message_id = publish(nginx)
    wait_for(mirror / "alerts.atom", message_id)
    (mirror / "m" / message_id / "en" / "index.html").unlink()
    status, headers, body = nginx.request(f"/m/{message_id}/en")
    assert status == 200 and "Last-Modified" not in headers and b"City Gym" in body
    for name, value in HEADERS.items():  # the app's headers, once: nginx adds none of its own
        assert headers.get_all(name) == [value], name
    status, headers, body = nginx.request("/m/nosuchid/en")
    assert status == 404 and b"nginx" not in body
    assert headers.get_all("Content-Security-Policy") == [HEADERS["Content-Security-Policy"]]


def test_the_site_configuration_passes_nginx_t(tmp_path: Path):
    """deploy/nginx/bosai.conf as installed (snippets/ beside it), with a throw-away certificate
    and loopback ports in place of the real ones."""
    (tmp_path / "snippets").mkdir()
    shutil.copy(LOCATIONS, tmp_path / "snippets")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=bosai.example.jp", "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
                   check=True, capture_output=True)
    site = (LOCATIONS.parent / "bosai.conf").read_text(encoding="utf-8")
    for old, new in [("/etc/ssl/bosai/fullchain.pem", str(tmp_path / "cert.pem")),
                     ("/etc/ssl/bosai/privkey.pem", str(tmp_path / "key.pem")),
                     ("listen [::]:443 ssl;", ""), ("listen [::]:80;", ""),
                     ("listen 443 ssl;", f"listen 127.0.0.1:{free_port()} ssl;"),
                     ("listen 80;", f"listen 127.0.0.1:{free_port()};")]:
        assert old in site
        site = site.replace(old, new)
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(nginx_conf(tmp_path, "    include site.conf;"), encoding="utf-8")
    done = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr
