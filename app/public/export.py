"""``bosai export-static``: the public message pages as plain files that work from a USB stick
(file://) and on any static host. The app's own views and templates render every page (through
the test client, as Frozen-Flask does); ``page_url`` makes the links relative."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import Flask, render_template

from app.public import STATIC_EXPORT, page_file
from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, SOURCE
from phrasebook.messages import Message, renditions

ASSETS = ("bosai.css",)  # what the public pages load from /static


class ExportError(PhrasebookError):
    """A page could not be rendered for the export."""


def _write(target: Path, path: str, body: bytes) -> Path:
    out = target / page_file(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    return out


def export_site(app: Flask, target: Path, messages: list[Message]) -> list[Path]:
    """Write ``index.html`` (``messages``: every message, newest first), each message's language
    picker and its page in each language (withdrawn ones say so), and the stylesheet into
    ``target``. Returns the pages written."""
    client = app.test_client()
    written = []
    for message in messages:
        for path in (f"/m/{message.id}", *(f"/m/{message.id}/{LANGUAGES[code].bcp47}" for code in message.languages)):
            response = client.get(path, environ_base={STATIC_EXPORT: True})
            if response.status_code != 200:
                raise ExportError(f"{path} answered {response.status}")
            written.append(_write(target, path, response.get_data()))
    with app.test_request_context("/", environ_base={STATIC_EXPORT: True}):
        entries = [(m, renditions(m.template_id, (SOURCE,), m.values)[0]) for m in messages]
        written.append(_write(target, "/", render_template("public/index.html", entries=entries).encode("utf-8")))
    (target / "static").mkdir(exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(Path(app.static_folder or "") / name, target / "static" / name)
    return written
