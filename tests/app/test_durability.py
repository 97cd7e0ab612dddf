"""An acknowledged registration survives a crash: a real server, a burst of kiosk
registrations, SIGKILL in the middle, a restart, and every acknowledged one is there intact."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from phrasebook.registrations import list_registrations
from phrasebook.shelters import create_kiosk_token, create_shelter
from phrasebook.store import open_db
from tests.app.live import BOSAI, free_port, start_server, stop_server

WORKERS = 4
PER_WORKER = 40
PLAIN_HTTP = {"BOSAI_SESSION_COOKIE_SECURE": "false"}  # urllib sends no Secure cookie over http


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def kiosk_session(base: str, token: str) -> tuple[urllib.request.OpenerDirector, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/kiosk/start/{token}", timeout=10)
    html = opener.open(f"{base}/kiosk/en/register", timeout=10).read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html)[1]
    no_redirect = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    return no_redirect, csrf


@pytest.mark.server
@pytest.mark.slow
def test_acknowledged_registrations_survive_sigkill(tmp_path):
    instance = tmp_path / "instance"
    subprocess.run([*BOSAI, "db", "init", "--instance", str(instance)], check=True, capture_output=True)
    db = open_db(instance / "bosai.sqlite3")
    shelter = create_shelter(db, "市民体育館", capacity=500)
    token = create_kiosk_token(db, shelter.id)
    db.conn.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(instance, port, PLAIN_HTTP)
    acknowledged: dict[str, dict] = {}
    lock = threading.Lock()
    killed = threading.Event()

    def worker(n: int) -> None:
        opener, csrf = kiosk_session(base, token)
        for i in range(PER_WORKER):
            answers = {"name": f"evacuee {n}-{i}", "household_count": str(1 + i % 5),
                       "allergy": ["egg", "wheat"], "nationality": "ネパール"}
            body = urllib.parse.urlencode({"csrf_token": csrf, **answers}, doseq=True).encode()
            try:
                opener.open(f"{base}/kiosk/en/register", data=body, timeout=10)
            except urllib.error.HTTPError as exc:
                if exc.code == 302:
                    with lock:
                        acknowledged[answers["name"]] = answers
                continue
            except OSError:
                if killed.is_set():
                    return
                raise

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
    for t in threads:
        t.start()
    while len(acknowledged) < WORKERS * PER_WORKER // 3:
        time.sleep(0.01)
    killed.set()
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    for t in threads:
        t.join(30)
    assert 0 < len(acknowledged) < WORKERS * PER_WORKER, "the kill should land in the middle of the burst"

    server = start_server(instance, port, PLAIN_HTTP)
    try:
        db = open_db(instance / "bosai.sqlite3")
        stored = {r.answers["name"]: r.answers for r in list_registrations(db, shelter.id)}
        db.conn.close()
    finally:
        stop_server(server)
    missing = [name for name in acknowledged if name not in stored]
    assert missing == []
    for name, sent in acknowledged.items():
        got = stored[name]
        assert got["household_count"] == int(sent["household_count"])
        assert got["allergy"] == ["egg", "wheat"] and got["nationality"] == "ネパール"
