"""The public pages as files, rendered by the app's own views through the test client (as
Frozen-Flask does), in two forms:

- the **mirror** (``bosai export-static``, and ``app.public.mirror`` after every change): the
  exact bytes the app serves at each URL, for nginx, a static host or a CDN in front of the app;
- the **portable** copy (``bosai export-static --portable``): relative links naming
  ``index.html`` (``page_url``), so the folder works opened from a USB stick (file://)."""

from __future__ import annotations

import logging
import os
import posixpath
import tempfile
from collections.abc import Iterable
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from app.db import get_db
from app.public import STATIC_EXPORT, page_file
from phrasebook import messages as model
from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES

ASSETS = ("bosai.css",)  # what the public pages load from /static
FEED = "/alerts.atom"  # the feed lists every message, as the index pages do
LEGACY_INDEX = "m/index.html"  # the index's file before it moved to /
log = logging.getLogger(__name__)


class ExportError(PhrasebookError):
    """A page could not be rendered for the export."""


def message_pages(message: model.Message) -> list[str]:
    """The HTML pages of a message: its language picker and its page in each language."""
    return [f"/m/{message.id}", *(f"/m/{message.id}/{LANGUAGES[code].bcp47}" for code in message.languages)]


def index_pages() -> list[str]:
    """The message index: ``/`` (for a reader without a language preference: Japanese) and
    ``/<lang>`` in each language (its language picker's links)."""
    return ["/", *(f"/{lang.bcp47}" for lang in LANGUAGES.values())]


def message_paths(message: model.Message) -> list[str]:
    """Every public URL of a message: its pages and its CAP XML."""
    return [*message_pages(message), f"/m/{message.id}.cap.xml"]


def file_for(path: str) -> str:
    """The file of a URL in the mirror: pages are folders with ``index.html``, documents with a
    file name (``/alerts.atom``, ``/m/<id>.cap.xml``) keep it."""
    name = posixpath.basename(path)
    return path.lstrip("/") if "." in name else page_file(path)


def write_atomic(out: Path, body: bytes) -> None:
    """Write ``out`` so that a reader sees the old file or the new one, never a part: a
    temporary file in the same folder, flushed, then renamed over it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; the web server must read it
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fetch_portable(client: FlaskClient, path: str, base_url: str) -> bytes:
    """The page with relative links; anything but 200 is an ``ExportError``."""
    response = client.get(path, base_url=base_url, environ_base={STATIC_EXPORT: True})
    if response.status_code != 200:
        raise ExportError(f"{path} answered {response.status}")
    return response.get_data()


def render_base(app: Flask) -> str:
    """The address the files are rendered for: ``BOSAI_BASE_URL`` (as the app sees it)."""
    return app.config.get("BASE_URL") or "http://localhost"


def write_paths(app: Flask, target: Path, paths: Iterable[str]) -> list[Path]:
    """Render ``paths`` as the app serves them and write each atomically into ``target``. A
    path the app does not answer with 200 has no file (the web server then asks the app), so
    one broken message never holds up the others."""
    client, base = app.test_client(), render_base(app)
    written = []
    for path in paths:
        out = target / file_for(path)
        try:
            response = client.get(path, base_url=base)
            status = response.status
        except Exception as exc:  # with TESTING the app raises what it would answer with a 500
            response, status = None, f"500 ({type(exc).__name__}: {exc})"
        if response is None or response.status_code != 200:
            log.warning("static mirror: %s answered %s, so it has no file", path, status)
            out.unlink(missing_ok=True)
            continue
        write_atomic(out, response.get_data())
        written.append(out)
    return written


def remove_stale_languages(target: Path, message: model.Message) -> None:
    """Delete the pages of languages an edit removed from the message (the app answers 404)."""
    keep = {LANGUAGES[code].bcp47 for code in message.languages}
    for page in (target / "m" / message.id).glob("*/index.html"):
        if page.parent.name not in keep:
            page.unlink()
            if not any(page.parent.iterdir()):
                page.parent.rmdir()


def copy_assets(app: Flask, target: Path) -> list[Path]:
    """The files the public pages load from ``/static``."""
    written = []
    for name in ASSETS:
        write_atomic(out := target / "static" / name, (Path(app.static_folder or "") / name).read_bytes())
        written.append(out)
    return written


def export_site(app: Flask, target: Path, portable: bool = False) -> list[Path]:
    """Write every public message (withdrawn ones say so; never drafts), the index pages (newest
    first), the stylesheet and, in the mirror, each CAP alert and the Atom feed into ``target``.
    Returns the files."""
    with app.app_context():
        messages = model.public_messages(get_db())
    written = copy_assets(app, target)
    if not portable:
        (target / LEGACY_INDEX).unlink(missing_ok=True)  # /m/ now redirects to /
        for message in messages:
            written += write_paths(app, target, message_paths(message))
            remove_stale_languages(target, message)
        return written + write_paths(app, target, (*index_pages(), FEED))
    client, base = app.test_client(), render_base(app)
    for path in [*(p for message in messages for p in message_pages(message)), *index_pages()]:
        out = target / page_file(path)
        write_atomic(out, fetch_portable(client, path, base))
        written.append(out)
    return written


def export_messages(app: Flask, target: Path, message_ids: Iterable[str]) -> list[Path]:
    """Write what changes in the mirror when these messages change: their pages in each
    language, their pickers and CAP alerts, the index pages and the feed."""
    with app.app_context():
        messages = [m for m in (model.get_public(get_db(), mid) for mid in message_ids) if m is not None]
    paths = [path for message in messages for path in message_paths(message)]
    for message in messages:
        remove_stale_languages(target, message)
    return write_paths(app, target, [*paths, *index_pages(), FEED])
