"""Debian's nginx on a loopback port, configured with the repository's
``deploy/nginx/bosai-locations.conf`` in front of a running ``bosai serve``: for the serving
tests and for ``bosai bench``. Everything it writes stays in a temporary prefix folder."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX = Path("/usr/sbin/nginx")
LOCATIONS = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "bosai-locations.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_conf(prefix: Path, http: str) -> str:
    """A whole nginx.conf with ``http`` in its http block; logs, pid and temp files under ``prefix``."""
    temp = "\n".join(f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                              "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # a root master's workers must read tmp folders
    return f"""{user}worker_processes auto;
daemon off;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
{temp}
{http}
}}
"""


def mirror_server(mirror: Path, port: int, app_port: int) -> str:
    """The shipped locations in a server on 127.0.0.1:``port`` whose root is ``mirror``, with the
    app at 127.0.0.1:``app_port``."""
    return f"""    upstream bosai_app {{ server 127.0.0.1:{app_port}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {mirror};
        include {LOCATIONS};
    }}"""


@contextmanager
def running_nginx(prefix: Path, mirror: Path, app_port: int, port: int | None = None) -> Iterator[int]:
    """nginx serving ``mirror`` in front of the app; yields its port (10 s to start at most)."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(prefix, mirror_server(mirror, port, app_port)), encoding="utf-8")
    with (prefix / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(conf)],
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    said = "".join(log.read_text(errors="replace") for log in
                                   (prefix / "stderr.log", prefix / "error.log") if log.exists())
                    raise RuntimeError(f"nginx did not start: {said}") from None
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
