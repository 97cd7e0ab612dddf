"""``bosai jma import`` and ``bosai jma watch`` against files and a local HTTP server."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "jma"
LAST_MODIFIED = "Mon, 09 Oct 2023 03:00:03 GMT"


class FeedServer:
    """A JMA-like PULL feed on 127.0.0.1: an Atom feed with ETag and Last-Modified, and telegrams."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str, str]] = []  # (id, title, path)
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str], int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                status, body, headers = server.answer(self.path, dict(self.headers))
                server.requests.append((self.path, dict(self.headers), status))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def add(self, title: str, name: str, data: bytes | None = None) -> None:
        path = f"/data/{name}"
        self.files[path] = data if data is not None else (FIXTURES / name).read_bytes()
        self.entries.append((f"urn:uuid:{hashlib.sha1(name.encode()).hexdigest()}", title, path))

    def feed(self) -> bytes:
        items = "".join(
            f'<entry><title>{title}</title><id>{eid}</id><updated>2023-10-09T03:00:03Z</updated>'
            f'<author><name>気象庁</name></author><link type="application/xml" href="{path}"/>'
            f'<content type="text">{title}</content></entry>'
            for eid, title, path in reversed(self.entries))  # newest first, as JMA lists them
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" lang="ja">'
                f'<title>高頻度（地震火山）</title><id>urn:feed</id><updated>2023-10-09T03:00:03Z</updated>{items}</feed>').encode()

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
        if path == "/feed.xml":
            body = self.feed()
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if headers.get("If-None-Match") == etag:
                return 304, b"", {"ETag": etag}
            return 200, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "application/atom+xml"}
        if path in self.files:
            return 200, self.files[path], {"Content-Type": "application/xml"}
        return 404, b"not found", {}

    def fetched(self, path: str) -> int:
        return sum(p == path for p, _, _ in self.requests)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = FeedServer()
    srv.add("震度速報", "20210217140808_0_VXSE51_010000.xml")
    srv.add("気象特別警報・警報・注意報", "not-ours.xml", b"<Report/>")
    srv.add("津波警報・注意報・予報a", "20231009064018_06274659_VTSE41.xml")
    srv.add("震度速報", "broken.xml", b"<Report><Control><Title>")
    srv.add("津波警報・注意報・予報a", "20231009120003_08446949_VTSE41.xml")
    yield srv
    srv.close()


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


FAST = {"BOSAI_JMA_MIN_INTERVAL": "0", "BOSAI_JMA_WATCH": ""}


def test_watch_polls_with_conditional_get_and_fetches_each_telegram_once(server, tmp_path):
    result = run("jma", "watch", "--feed", f"{server.url}/feed.xml", "--interval", "0", "--max-polls", "3",
                 "--instance", str(tmp_path), env=FAST)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"watching {server.url}/feed.xml every 0 s (Ctrl-C stops)"
    assert lines[-1] == "stopped"
    actions = [words[:2] if words[0] == "refused" else [words[0], words[2]]
               for words in (line.split(" ") for line in lines[1:-1])]
    assert actions == [["draft", "jma:20210217230627:earthquake:"], ["draft", "jma:20231009052500:tsunami:"],
                       ["refused", f"{server.url}/data/broken.xml:"], ["update", "jma:20231009052500:tsunami:"]]
    # stored: two drafts, the tsunami one showing the later telegram (津波予報 after the advisory)
    listed = json.loads(run("messages", "list", "--json", "--instance", str(tmp_path)).output)
    assert sorted((m["status"], m["source"]["event_key"]) for m in listed) == [
        ("draft", "jma:20210217230627:earthquake"), ("draft", "jma:20231009052500:tsunami")]
    tsunami = next(m for m in listed if m["source"]["event_key"].endswith("tsunami"))
    assert tsunami["source"]["file"] == f"{server.url}/data/20231009120003_08446949_VTSE41.xml"
    assert "津波警報・注意報はすべて解除されました。" in tsunami["texts"]["ja"]
    feed_requests = [(h, status) for p, h, status in server.requests if p == "/feed.xml"]
    assert [status for _, status in feed_requests] == [200, 304, 304]
    assert all(h.get("If-None-Match") and h.get("If-Modified-Since") == LAST_MODIFIED for h, _ in feed_requests[1:])
    assert {path: server.fetched(path) for path in server.files} == {
        "/data/20210217140808_0_VXSE51_010000.xml": 1, "/data/not-ours.xml": 0,
        "/data/20231009064018_06274659_VTSE41.xml": 1, "/data/broken.xml": 1,
        "/data/20231009120003_08446949_VTSE41.xml": 1}

    # a restart remembers what the instance fetched; only a new entry is fetched
    server.add("遠地地震に関する情報", "32-39_05_01_100831_VXSE53.xml")
    again = run("jma", "watch", "--feed", f"{server.url}/feed.xml", "--interval", "0", "--max-polls", "2",
                "--instance", str(tmp_path), "--lang", "en", env=FAST)
    assert again.exit_code == 0
    assert [line.split(" ", 1)[0] for line in again.output.splitlines() if line.startswith(("draft", "update"))] == ["draft"]
    assert "The epicenter was in Chile Chubu Engan (チリ中部沿岸)." in again.output
    assert server.fetched("/data/32-39_05_01_100831_VXSE53.xml") == 1
    assert server.fetched("/data/20210217140808_0_VXSE51_010000.xml") == 1


def test_watch_never_polls_more_than_once_a_minute(server, tmp_path):
    env = {k: v for k, v in FAST.items() if k != "BOSAI_JMA_MIN_INTERVAL"}
    result = run("jma", "watch", "--feed", f"{server.url}/feed.xml", "--interval", "5", "--max-polls", "1",
                 "--instance", str(tmp_path), env=env)
    assert "every 60 s" in result.output


def test_watch_reports_an_unreachable_feed_and_goes_on(tmp_path):
    result = run("jma", "watch", "--feed", "http://127.0.0.1:9/feed.xml", "--interval", "0", "--max-polls", "2",
                 "--instance", str(tmp_path), env=FAST)
    assert result.exit_code == 0
    assert result.output.count("refused http://127.0.0.1:9/feed.xml: cannot fetch") == 2


def test_watch_refuses_a_feed_that_is_not_a_web_address(tmp_path):
    result = CliRunner().invoke(main, ["jma", "watch", "--feed", "file:///etc/passwd", "--instance", str(tmp_path)])
    assert result.exit_code == 2 and "http:// or https://" in result.output


def test_feed_links_to_local_files_are_refused(server, tmp_path):
    from phrasebook.jma.feed import FeedWatcher

    server.entries.append(("urn:uuid:local", "震度速報", "file:///etc/passwd"))
    watcher = FeedWatcher(f"{server.url}/feed.xml", tmp_path / "seen.txt", min_interval=0)
    refused = [str(item) for item in watcher.poll() if not hasattr(item, "event_id")]
    assert refused == [f"{server.url}/data/broken.xml: not well-formed XML: no element found: line 1, column 24",
                       "file:///etc/passwd: not an http:// or https:// link"]
    assert (tmp_path / "seen.txt").read_text().split()[-1] == "urn:uuid:local"


def test_ctrl_c_stops_watch_cleanly(server, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BOSAI_JMA_WATCH": ""}
    env.pop("BOSAI_JMA_MIN_INTERVAL", None)
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", "from app.cli import main; main()", "jma", "watch", "--feed",
         f"{server.url}/feed.xml", "--instance", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        seen = [proc.stdout.readline() for _ in range(4)]  # watching, draft, draft, refused: then it waits a minute
        assert seen[0].startswith("watching") and seen[3].startswith("refused")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert out.splitlines()[-1] == "stopped"
    assert "Traceback" not in err


def test_import_applies_telegrams_in_report_order_and_refuses_broken_files(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Report><Head>", encoding="utf-8")
    files = [FIXTURES / "32-35_06_06_100915_VXSE53.xml", FIXTURES / "32-35_06_05_100915_VXSE53.xml",
             FIXTURES / "32-35_01_02_100514_VXSE52.xml"]
    instance = str(tmp_path / "instance")
    refused = run("jma", "import", str(files[0]), str(broken), "--instance", instance, env={"BOSAI_JMA_WATCH": ""})
    assert refused.exit_code == 1
    assert refused.output.splitlines() == [f"refused {broken}: not well-formed XML: no element found: line 1, column 14"]
    assert json.loads(run("messages", "list", "--json", "--instance", instance).output) == []

    result = run("jma", "import", *map(str, files), "--lang", "ja,en", "--instance", instance,
                 env={"BOSAI_JMA_WATCH": ""})
    assert result.exit_code == 0, result.output
    lines = [line.split(" ") for line in result.output.splitlines() if not line.startswith(" ")]
    assert [words[:3] for words in lines] == [
        ["draft", lines[0][1], "jma:20080614084350:earthquake:"], ["withdraw", lines[0][1], "jma:20080614084350:earthquake:"],
        ["draft", "[drill]", lines[2][2]]]
    assert "    最大震度6強を観測しました。" in result.output
    assert "    The strongest shaking observed was Seismic Intensity 6 Upper." in result.output


def test_import_with_watched_areas_says_why_it_skips(tmp_path):
    eew = str(FIXTURES / "20240116184225_02245216_VXSE43.xml")
    result = run("jma", "import", eew, "--watch", "宮城県,04", "--instance", str(tmp_path))
    assert result.exit_code == 0
    assert result.output.startswith("skip - jma:20240116184216:eew")
    assert "none of the watched areas is named" in result.output
    ishikawa = run("jma", "import", eew, "--watch", "石川県", "--instance", str(tmp_path))
    assert ishikawa.output.startswith("draft ") and " jma:20240116184216:eew: " in ishikawa.output
    assert "information only" in ishikawa.output
