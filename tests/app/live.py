"""A real ``bosai serve`` on a free loopback port, for browser and crash tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BOSAI = [sys.executable, "-c", "from app.cli import main; main()"]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Browser tests: skipped on a developer machine without chromium, but on CI a missing chromium fails.
BROWSER = [pytest.mark.browser, pytest.mark.server,
           pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                              reason="Debian's chromium (/usr/bin/chromium) is not installed")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(instance: Path, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start the server and wait until it answers (30 s at most)."""
    process = subprocess.Popen([*BOSAI, "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--instance", str(instance)], env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return process
        except OSError:
            if process.poll() is not None:
                raise AssertionError(f"server exited: {process.stdout.read().decode()}")
            time.sleep(0.1)
    process.kill()
    raise AssertionError("server did not start")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)
