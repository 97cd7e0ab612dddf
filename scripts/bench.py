#!/usr/bin/env python3
"""The benchmark suite behind ``bosai bench``: prints a table and optionally writes JSON.

usage: python scripts/bench.py [--quick] [--json FILE] [--only NAMES]

Every figure is the median over repeated runs; each comparison is measured side by side,
interleaved in the same run:

- ``sign_pack``: a 50-sign pack in ja, en, th, my, ne (``printables.signs.sign_pack_pdf``), built
  warm in this process; ``peak_rss_mb`` is the peak of a fresh child process building it once;
  ``weasyprint_ratio`` is WeasyPrint's time for the same pack from equivalent HTML (same texts,
  same font files through ``@font-face``, same colours; the pictogram is a one-circle SVG stand-in,
  which only spares WeasyPrint work) divided by ours; null with the reason when WeasyPrint fails.
- ``cards``: filled registration cards (the kiosk's answers, ``printables.card.card_pdf``) in ja,
  en, vi, th, my, ne, built warm in this process.
- ``message_page``: ``/m/<id>/<lang>`` through ``bosai serve`` (waitress) on loopback, loaded by
  Python threads on keep-alive connections; ``static_ratio`` compares with the same bytes served
  as a file by the same server: the page is written under a bench-only name into the app's static
  folder for the duration of the run and removed afterwards.
- ``registrations``: durable registrations per second on a WAL database with synchronous=FULL.
- ``cold_start``: seconds from launching ``bosai serve`` to the first served message page.
- ``import``: seconds to load every catalog into a fresh phrase store.
- ``mirror``: ``publish_to_mirror_s``, from publishing a message in every language the template
  has (16) to all its files being in the static mirror (pages, picker, CAP XML, index, feed),
  in this process; and, where Debian's nginx is installed, the same message page served by nginx
  from the mirror (the repository's ``deploy/nginx`` configuration) against ``bosai serve``,
  measured with ``wrk`` when installed (else the Python load threads, which cap nginx's rate).
"""

from __future__ import annotations

import argparse
import html
import http.client
import json
import os
import platform
import re
import shutil
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

SECTIONS = ("sign_pack", "cards", "message_page", "registrations", "cold_start", "import", "mirror")
SIGN_LANGS = ("ja", "en", "th", "my", "ne")
SIGN_COUNT = 50
CARD_LANGS = ("ja", "en", "vi", "th", "my", "ne")
WARM_UP_SIGNS = 2  # a small pack first loads fonts and catalogs on both sides
MESSAGE_TEMPLATE = "shelter.opened"
MESSAGE_VALUES = {"time": "15:00", "place": {"ja": "中央小学校体育館", "en": "Chuo Elementary School Gym"}}
PAGE_LANG = "en"
HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]  # the checkout measured, whatever else is installed
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """How much work each benchmark does."""

    pack_runs: int  # timed builds of each side, after a small warm-up pack
    rss_runs: int  # child processes for peak memory
    load_rounds: int  # rounds of each side under load
    load_requests: int  # requests per round (all connections together)
    load_seconds: float  # time limit per round
    connections: int
    registration_runs: int
    registrations: int  # per run
    cold_runs: int
    import_runs: int
    mirror_runs: int  # timed publishes
    serve_rounds: int  # rounds of nginx and the app, interleaved
    serve_seconds: float  # per round and side


WRK_THREADS, WRK_CONNECTIONS = 2, 64
MIRROR_SETTINGS = ("BOSAI_STATIC_MIRROR", "BOSAI_MIRROR_HOOK")
MIRROR_BACKLOG = 20  # messages published before the timed ones (the index and feed list them all)


FULL = Settings(pack_runs=5, rss_runs=3, load_rounds=5, load_requests=5000, load_seconds=20, connections=8,
                registration_runs=5, registrations=300, cold_runs=5, import_runs=5, mirror_runs=10,
                serve_rounds=3, serve_seconds=5)
QUICK = Settings(pack_runs=1, rss_runs=1, load_rounds=1, load_requests=600, load_seconds=5, connections=8,
                 registration_runs=3, registrations=30, cold_runs=1, import_runs=1, mirror_runs=3,
                 serve_rounds=1, serve_seconds=2)

# (section, figure) -> (comparison, bound, label); shown in the table, enforced by no test
TARGETS: dict[tuple[str, str], tuple[str, float, str]] = {
    ("sign_pack", "weasyprint_ratio"): (">=", 10, "≥ 10×"),
    ("sign_pack", "bytes_per_page"): ("<", 30 * 1024, "< 30 KB"),
    ("message_page", "p50_ms"): ("<", 10, "< 10 ms"),
    ("message_page", "static_ratio"): (">=", 0.5, "≥ 0.5"),
    ("cold_start_s", ""): ("<", 1.5, "< 1.5 s"),
    ("mirror", "publish_to_mirror_s"): ("<", 1.0, "< 1 s"),
    ("mirror", "nginx_ratio"): (">=", 50, "≥ 50×"),
}


_STARTED = time.perf_counter()


def progress(text: str) -> None:
    print(f"[bench {time.perf_counter() - _STARTED:5.1f} s] {text}", file=sys.stderr, flush=True)


def child_env() -> dict[str, str]:
    """The environment for child processes: they import this checkout too, and never write into
    a static mirror of this machine or run its hook."""
    env = {name: value for name, value in os.environ.items() if name not in MIRROR_SETTINGS}
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}


def clock(func: Callable[[], T]) -> tuple[T, float]:
    """The result of ``func()`` and the seconds it took."""
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


# --- sign pack ---------------------------------------------------------------------------------

_RSS_CHILD = """
import json, resource, sys
from printables.signs import sign_pack_pdf
sign_pack_pdf(json.loads(sys.argv[1]), json.loads(sys.argv[2]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def pack_signs() -> list[str]:
    """The first 50 sign ids that render in every pack language."""
    from phrasebook.render import MissingTranslation, render
    from printables.signs import sign_templates

    ids = []
    for tpl in sign_templates():
        try:
            for code in SIGN_LANGS:
                render(tpl.id, code)
        except MissingTranslation:
            continue
        ids.append(tpl.id)
        if len(ids) == SIGN_COUNT:
            return ids
    raise RuntimeError(f"only {len(ids)} signs render in {', '.join(SIGN_LANGS)}; the pack needs {SIGN_COUNT}")


def _hex(colour: Any) -> str:
    return "#" + "".join(f"{round(v * 255):02x}" for v in (colour.red, colour.green, colour.blue))


def sign_pack_html(sign_ids: list[str]) -> str:
    """The pack as HTML for WeasyPrint: same texts, font files, colours and page geometry."""
    from phrasebook.languages import get_language
    from phrasebook.render import render
    from printables.colours import GREY, RULE, scheme
    from printables.fonts import font
    from printables.pdf import page_size
    from printables.signs import sign_template

    langs = [get_language(code) for code in SIGN_LANGS]
    keys = sorted({lang.font for lang in langs} | {"latin"})
    faces = "".join(
        f"@font-face {{ font-family: bosai-{key}; font-weight: {weight}; "
        f"src: url({font(key, bold).path.resolve().as_uri()}); }}\n"
        for key in keys for weight, bold in ((400, False), (700, True)))
    width, height = page_size("A4", "portrait")
    css = f"""{faces}
@page {{ size: {width}pt {height}pt; margin: 12mm; }}
body {{ margin: 0; font-family: bosai-latin; }}
section {{ height: 268mm; break-after: page; display: flex; flex-direction: column; }}
section:last-child {{ break-after: auto; }}
.band {{ height: 46%; box-sizing: border-box; padding: 4mm; border-radius: 4mm; text-align: center; }}
.panel {{ width: 72mm; height: 72mm; margin: 0 auto; background: white; border-radius: 3mm; }}
.ja {{ font: bold 64pt bosai-ja; margin: 3mm 0 0; white-space: pre-line; }}
.langs {{ flex: 1; margin-top: 5mm; display: flex; flex-direction: column; gap: 2.5mm; }}
.cell {{ flex: 1; border-top: 0.6pt solid {_hex(RULE)}; }}
.label {{ font-size: 8pt; color: {_hex(GREY)}; margin: 0.5mm 0; }}
.text {{ font-weight: bold; font-size: 32pt; text-align: center; margin: 0; white-space: pre-line; }}
.footer {{ font-size: 6.5pt; color: {_hex(GREY)}; margin: 0; }}
"""
    pages = []
    for sign_id in sign_ids:
        tpl = sign_template(sign_id)
        colours = scheme(tpl.category)
        cells = "".join(
            f'<div class="cell"><p class="label" lang="{lang.bcp47}" style="font-family: bosai-{lang.font}">'
            f'{html.escape(lang.native)}</p><p class="text" lang="{lang.bcp47}" style="font-family: '
            f'bosai-{lang.font}">{html.escape(render(tpl.id, lang.code))}</p></div>'
            for lang in langs[1:])
        pages.append(
            f'<section><div class="band" style="background: {_hex(colours.band)}; color: {_hex(colours.text)}">'
            f'<div class="panel"><svg viewBox="0 0 100 100" width="72mm" height="72mm">'
            f'<circle cx="50" cy="50" r="40" fill="{_hex(colours.figure)}"/></svg></div>'
            f'<p class="ja" lang="ja">{html.escape(render(tpl.id, "ja"))}</p></div>'
            f'<div class="langs">{cells}</div><p class="footer">{html.escape(tpl.id)} · bosai-kit</p></section>')
    return f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>{css}</style></head>' \
           f'<body>{"".join(pages)}</body></html>'


def peak_rss_mb(sign_ids: list[str], runs: int) -> float:
    """Median peak RSS of a fresh process that imports the printables and builds the pack once."""
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    peaks = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _RSS_CHILD, json.dumps(sign_ids), json.dumps(SIGN_LANGS)],
                             capture_output=True, text=True, check=True, env=child_env())
        peaks.append(int(out.stdout.split()[-1]) * unit / 2**20)
    return statistics.median(peaks)


def weasyprint_peer(sign_ids: list[str], warm_ids: list[str]) -> tuple[Callable[[], bytes] | None, str | None]:
    """A warmed-up WeasyPrint build of the pack's HTML (parsed once), or None and the reason."""
    try:
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: Pango or its friends missing
        return None, f"WeasyPrint cannot be imported: {type(exc).__name__}: {exc}"
    fonts = FontConfiguration()
    HTML(string=sign_pack_html(warm_ids)).write_pdf(font_config=fonts)  # warm-up: font files loaded
    document = HTML(string=sign_pack_html(sign_ids))
    return (lambda: document.write_pdf(font_config=fonts)), None


def bench_sign_pack(s: Settings) -> dict[str, Any]:
    from printables.signs import sign_pack_pdf

    sign_ids = pack_signs()
    warm_ids = sign_ids[:WARM_UP_SIGNS]
    sign_pack_pdf(warm_ids, SIGN_LANGS)  # warm-up: fonts registered, catalogs parsed
    peer, reason = weasyprint_peer(sign_ids, warm_ids)
    ours_s, peer_s = [], []
    pdf = b""
    for i in range(s.pack_runs):
        progress(f"sign_pack: run {i + 1}/{s.pack_runs}")
        pdf, seconds = clock(lambda: sign_pack_pdf(sign_ids, SIGN_LANGS, "A4", "portrait"))
        ours_s.append(seconds)
        if peer:
            peer_s.append(clock(peer)[1])
    progress("sign_pack: peak memory in a child process")
    ours_median = statistics.median(ours_s)
    result: dict[str, Any] = {
        "pages": SIGN_COUNT, "languages": list(SIGN_LANGS), "pack_s": ours_median,
        "pages_per_s": SIGN_COUNT / ours_median, "bytes_per_page": len(pdf) / SIGN_COUNT,
        "peak_rss_mb": peak_rss_mb(sign_ids, s.rss_runs),
        "weasyprint_s": statistics.median(peer_s) if peer_s else None,
        "weasyprint_ratio": statistics.median(peer_s) / ours_median if peer_s else None,
    }
    if reason:
        result["weasyprint_error"] = reason
    return result


def bench_cards(s: Settings) -> dict[str, Any]:
    from printables.card import card_pdf

    def cards() -> list[bytes]:
        return [card_pdf(lang, registration_answers(i)) for i, lang in enumerate(CARD_LANGS)]

    cards()  # warm-up: fonts registered, catalogs parsed
    times = []
    for i in range(s.pack_runs):
        progress(f"cards: run {i + 1}/{s.pack_runs}")
        times.append(clock(cards)[1])
    return {"languages": list(CARD_LANGS), "cards_per_s": len(CARD_LANGS) / statistics.median(times)}


# --- the web server ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    """A temporary instance with one published message."""

    instance: Path
    path: str  # the message page: /m/<id>/<lang>
    langs: tuple[str, ...]  # every language the message template renders in


def bosai_command() -> list[str]:
    """``bosai`` of this interpreter: its console script, else the same entry point via -c."""
    script = Path(sys.executable).with_name("bosai")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from app.cli import main; main()"]


@contextmanager
def site() -> Iterator[Site]:
    """A fresh instance (``bosai db init``) with the message published in every language it has."""
    from phrasebook.languages import LANGUAGES
    from phrasebook.messages import publish
    from phrasebook.shelters import create_shelter
    from phrasebook.render import MissingTranslation, render
    from phrasebook.store import open_db

    with tempfile.TemporaryDirectory(prefix="bosai-bench-") as tmp:
        instance = Path(tmp) / "instance"
        subprocess.run([*bosai_command(), "db", "init", "--instance", str(instance)], check=True,
                       stdout=subprocess.DEVNULL, env=child_env())
        langs = []
        for code in LANGUAGES:
            try:
                render(MESSAGE_TEMPLATE, code, MESSAGE_VALUES)
                langs.append(code)
            except MissingTranslation:
                continue
        db = open_db(instance / "bosai.sqlite3")
        shelter = create_shelter(db, "中央小学校")
        message = publish(db, MESSAGE_TEMPLATE, MESSAGE_VALUES, langs, "bench", shelter.id, False)
        db.conn.close()
        yield Site(instance, f"/m/{message.id}/{PAGE_LANG}", tuple(langs))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}")
    return body


@contextmanager
def server(where: Site, log: Path, env: dict[str, str] | None = None) -> Iterator[tuple[int, float]]:
    """``bosai serve`` on a free loopback port; yields the port and the seconds from launch to
    the first served message page."""
    port = free_port()
    with log.open("ab") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([*bosai_command(), "serve", "--host", HOST, "--port", str(port),
                                 "--instance", str(where.instance)], stdout=out, stderr=out,
                                env={**child_env(), **(env or {})})
    try:
        deadline = start + 30
        while True:
            try:
                get(port, where.path)
                break
            except (ConnectionError, socket.timeout):
                if proc.poll() is not None or time.perf_counter() > deadline:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"bosai serve did not serve {where.path}:\n{tail}") from None
                time.sleep(0.005)
        yield port, time.perf_counter() - start
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass(frozen=True)
class Load:
    """One load round: requests done, wall time, latencies in seconds."""

    done: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.done / self.seconds

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def load(port: int, path: str, connections: int, requests: int, seconds: float) -> Load:
    """``requests`` GETs of ``path`` over ``connections`` keep-alive connections, or as many as
    fit in ``seconds``; any answer but 200 stops the benchmark."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    issued = 0
    start_gate = threading.Barrier(connections + 1)
    deadline = 0.0

    def worker() -> None:
        nonlocal issued
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        mine = []
        start_gate.wait()
        try:
            while time.perf_counter() < deadline and not errors:
                with lock:
                    if issued >= requests:
                        break
                    issued += 1
                t0 = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                mine.append(time.perf_counter() - t0)
                if response.status != 200:
                    errors.append(f"GET {path}: HTTP {response.status}")
        except OSError as exc:
            errors.append(f"GET {path}: {exc}")
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    deadline = start + seconds
    start_gate.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(errors[0])
    return Load(len(latencies), elapsed, latencies)


def static_folder() -> Path:
    """The folder the app serves under ``/static``."""
    import app

    return Path(app.__file__).resolve().parent / "static"


def bench_message_page(s: Settings, port: int, where: Site) -> dict[str, Any]:
    page = get(port, where.path)
    copy = static_folder() / f"_bench-{secrets.token_hex(6)}.html"
    copy.write_bytes(page)
    try:
        static_path = f"/static/{copy.name}"
        if get(port, static_path) != page:
            raise RuntimeError(f"{static_path} is not the page just written to {copy}")
        ours, static = [], []
        args = (s.connections, s.load_requests, s.load_seconds)
        for i in range(s.load_rounds):
            progress(f"message_page: round {i + 1}/{s.load_rounds}")
            ours.append(load(port, where.path, *args))
            static.append(load(port, static_path, *args))
    finally:
        copy.unlink()
    rps = statistics.median(r.rps for r in ours)
    static_rps = statistics.median(r.rps for r in static)
    return {
        "path": where.path, "bytes": len(page), "connections": s.connections,
        "requests": sum(r.done for r in ours), "rps": rps,
        "p50_ms": statistics.median(r.percentile(50) for r in ours) * 1000,
        "p99_ms": statistics.median(r.percentile(99) for r in ours) * 1000,
        "static_rps": static_rps, "static_p50_ms": statistics.median(r.percentile(50) for r in static) * 1000,
        "static_ratio": rps / static_rps,
    }


def bench_cold_start(s: Settings, where: Site, log: Path) -> float:
    starts = []
    for i in range(s.cold_runs):
        progress(f"cold_start: launch {i + 1}/{s.cold_runs}")
        with server(where, log) as (_port, seconds):
            starts.append(seconds)
    return statistics.median(starts)


# --- the static mirror -------------------------------------------------------------------------

def bench_publish_to_mirror(s: Settings, where: Site, folder: Path) -> dict[str, Any]:
    """Publish the message ``s.mirror_runs`` times and wait each time until the mirror has it."""
    from app import create_app
    from app.db import get_db
    from phrasebook.messages import publish
    from app.public.mirror import get_mirror

    app = create_app({"INSTANCE_PATH": str(where.instance), "STATIC_MIRROR": str(folder),
                      "BASE_URL": "https://bosai.example.jp", "MIRROR_HOOK": ""})
    mirror = get_mirror(app)
    assert mirror is not None

    def publish_one() -> str:
        with app.app_context():
            message = publish(get_db(), MESSAGE_TEMPLATE, MESSAGE_VALUES, list(where.langs), "bench", None, False)
        mirror.message_changed(message.id)
        return message.id

    for _ in range(MIRROR_BACKLOG):
        publish_one()
    if not mirror.flush(120):
        raise RuntimeError(f"the mirror in {folder} was not written within 120 s")
    times = []
    for i in range(s.mirror_runs):
        progress(f"mirror: publish {i + 1}/{s.mirror_runs}")
        start = time.perf_counter()
        message_id = publish_one()
        if not mirror.flush(60):
            raise RuntimeError(f"message {message_id} did not reach the mirror within 60 s")
        times.append(time.perf_counter() - start)
    pages = sorted((folder / "m" / message_id).rglob("index.html"))
    return {"languages": len(where.langs), "messages_before": MIRROR_BACKLOG, "files_per_publish": len(pages) + 3,
            "publish_to_mirror_s": statistics.median(times)}


def wrk_load(port: int, path: str, seconds: float) -> tuple[float, float]:
    """(requests per second, p50 ms) of ``wrk`` on ``path`` for ``seconds``."""
    out = subprocess.run(["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds:g}s", "--latency",
                          f"http://{HOST}:{port}{path}"], capture_output=True, text=True, check=True,
                         timeout=seconds + 60).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk on {path} saw errors:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", out).groups()
    return rps, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def served_rate(s: Settings, port: int, path: str) -> tuple[float, float]:
    """(requests per second, p50 ms) for one round: wrk if installed, else the Python threads."""
    if shutil.which("wrk"):
        return wrk_load(port, path, s.serve_seconds)
    done = load(port, path, s.connections, s.load_requests * 10, s.serve_seconds)
    return done.rps, done.percentile(50) * 1000


def bench_nginx(s: Settings, where: Site, folder: Path, log: Path) -> dict[str, Any]:
    """The message page from nginx (the mirror) against ``bosai serve``, rounds interleaved."""
    from tests.app.nginx import NGINX, running_nginx

    if not NGINX.exists():
        return {"nginx_ratio": None, "nginx_error": f"{NGINX} is not installed"}
    env = {"BOSAI_STATIC_MIRROR": str(folder), "BOSAI_BASE_URL": "https://bosai.example.jp"}
    with server(where, log, env) as (port, _seconds):
        page = get(port, where.path)
        with running_nginx(where.instance.parent / "nginx", folder, port) as nginx_port:
            deadline = time.perf_counter() + 60  # the server rebuilds the mirror as it starts
            while get(nginx_port, where.path) != page or not (folder / where.path.lstrip("/") / "index.html").exists():
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"nginx does not serve {where.path} from the mirror as the app does")
                time.sleep(0.1)
            ours, theirs = [], []
            for i in range(s.serve_rounds):
                progress(f"mirror: nginx and app, round {i + 1}/{s.serve_rounds}")
                ours.append(served_rate(s, nginx_port, where.path))
                theirs.append(served_rate(s, port, where.path))
    nginx_rps, app_rps = statistics.median(r for r, _ in ours), statistics.median(r for r, _ in theirs)
    return {"path": where.path, "load_tool": f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS}" if shutil.which("wrk")
            else f"python threads x{s.connections}", "nginx_rps": nginx_rps, "app_rps": app_rps,
            "nginx_p50_ms": statistics.median(p for _, p in ours),
            "app_p50_ms": statistics.median(p for _, p in theirs),
            "nginx_ratio": nginx_rps / app_rps}


def bench_mirror(s: Settings) -> dict[str, Any]:
    with site() as where:
        folder = where.instance.parent / "mirror"
        result = bench_publish_to_mirror(s, where, folder)
        result.update(bench_nginx(s, where, folder, where.instance / "serve.log"))
    return result


# --- the store ---------------------------------------------------------------------------------

def registration_answers(i: int) -> dict[str, Any]:
    """A filled-in card, as a kiosk would send it."""
    return {"name": f"Nguyen Van {i}", "sex": "male", "age": str(20 + i % 60), "nationality": "Viet Nam",
            "phone": "090-1234-5678", "household_count": str(1 + i % 5), "allergy": ["egg", "milk"],
            "languages": "vi, en", "japanese_level": "basic", "interpreter": "yes"}


def bench_registrations(s: Settings) -> dict[str, Any]:
    from phrasebook.registrations import create_registration, init_registrations
    from phrasebook.shelters import create_shelter, init_shelters
    from phrasebook.store import open_db

    with tempfile.TemporaryDirectory(prefix="bosai-bench-") as tmp:
        db = open_db(Path(tmp) / "bench.sqlite3")
        init_shelters(db)
        init_registrations(db)
        shelter = create_shelter(db, "中央小学校", capacity=500, languages=["ja", "en", "vi"])
        rates = []
        for run in range(s.registration_runs):
            progress(f"registrations: run {run + 1}/{s.registration_runs}")
            _, seconds = clock(lambda: [create_registration(db, shelter.id, "vi", registration_answers(i))
                                        for i in range(s.registrations)])
            rates.append(s.registrations / seconds)
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
        db.conn.close()
    if (journal, synchronous) != ("wal", 2):
        raise RuntimeError(f"open_db gave journal_mode={journal}, synchronous={synchronous}; expected wal, 2 (FULL)")
    return {"per_s": statistics.median(rates), "per_run": s.registrations}


def bench_import(s: Settings) -> float:
    from phrasebook.store import import_phrases, open_db

    times = []
    for run in range(s.import_runs):
        progress(f"import: run {run + 1}/{s.import_runs}")
        with tempfile.TemporaryDirectory(prefix="bosai-bench-") as tmp:
            db = open_db(Path(tmp) / "bench.sqlite3")
            times.append(clock(lambda: import_phrases(db))[1])
            db.conn.close()
    return statistics.median(times)


# --- report ------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu, ram = platform.processor() or platform.machine(), None
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    if meminfo.exists():
        kib = next(int(line.split()[1]) for line in meminfo.read_text().splitlines() if line.startswith("MemTotal"))
        ram = round(kib / 2**20, 1)
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": nproc, "cpu": cpu, "ram_gib": ram, "python": platform.python_version(),
            "os": platform.platform()}


def figures(results: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(section, figure, value) for every reported number; scalar sections have figure ''."""
    for section, value in results.items():
        if isinstance(value, dict):
            for name in ("pages_per_s", "bytes_per_page", "peak_rss_mb", "weasyprint_ratio", "cards_per_s",
                         "rps", "p50_ms", "p99_ms", "static_ratio", "per_s", "publish_to_mirror_s",
                         "nginx_rps", "app_rps", "nginx_ratio"):
                if name in value:
                    yield section, name, value[name]
        else:
            yield section, "", value


def verdict(section: str, name: str, value: Any) -> tuple[str, bool | None]:
    """The target's label and whether the value meets it (None: no target or no value)."""
    if (section, name) not in TARGETS:
        return "", None
    op, bound, label = TARGETS[section, name]
    if value is None:
        return label, None
    return label, value >= bound if op == ">=" else value < bound


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table with targets."""
    rows = ["| benchmark | figure | value | target | met |", "|---|---|--:|---|---|"]
    for section, name, value in figures(results):
        label, met = verdict(section, name, value)
        shown = "null" if value is None else f"{value:,.3f}" if value < 10 else f"{value:,.0f}"
        reason = results[section].get(f"{name.split('_')[0]}_error") if isinstance(results[section], dict) else None
        if value is None and reason:
            shown = f"null ({reason})"
        rows.append(f"| {section} | {name or '-'} | {shown} | {label} | "
                    f"{'' if met is None else 'yes' if met else 'NO'} |")
    return "\n".join(rows)


def parse_only(text: str) -> list[str]:
    """``--only``: comma-separated benchmark names."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown benchmark {', '.join(unknown) or '(none)'}; "
                                         f"choose from {', '.join(SECTIONS)}")
    return names


def run(names: list[str], s: Settings) -> dict[str, Any]:
    """Run the named benchmarks; results keyed as in the JSON output."""
    results: dict[str, Any] = {}
    if "sign_pack" in names:
        results["sign_pack"] = bench_sign_pack(s)
    if "cards" in names:
        results["cards"] = bench_cards(s)
    if "message_page" in names or "cold_start" in names:
        with site() as where:
            log = where.instance / "serve.log"
            if "message_page" in names:
                progress("message_page: starting bosai serve")
                with server(where, log) as (port, _seconds):
                    results["message_page"] = bench_message_page(s, port, where)
            if "cold_start" in names:
                results["cold_start_s"] = bench_cold_start(s, where, log)
    if "registrations" in names:
        results["registrations"] = bench_registrations(s)
    if "import" in names:
        results["import_s"] = bench_import(s)
    if "mirror" in names:
        results["mirror"] = bench_mirror(s)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bosai bench", description="Run the bosai-kit benchmarks.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: well under a minute")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", type=parse_only, default=list(SECTIONS), metavar="NAMES",
                        help=f"comma-separated subset of: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    if sys.path[:1] != [str(ROOT)]:
        sys.path.insert(0, str(ROOT))
    settings = QUICK if args.quick else FULL
    started = time.perf_counter()
    results = run(args.only, settings)
    report = {"machine": machine(), "quick": args.quick, "settings": settings.__dict__,
              "duration_s": time.perf_counter() - started, **results,
              "targets": [{"figure": f"{section}.{name}" if name else section, "target": label, "met": met}
                          for section, name, value in figures(results)
                          for label, met in [verdict(section, name, value)] if label]}
    print(table(results))
    info = report["machine"]
    print(f"\n{info['nproc']} CPUs ({info['cpu']}), {info['ram_gib']} GiB RAM, Python {info['python']}; "
          f"{'quick' if args.quick else 'full'} run in {report['duration_s']:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
