"""Drill packs through the command line (``bosai pack``) and the shelter page (background build,
self-refreshing progress page, download), on the real catalogs."""

from __future__ import annotations

import io
import json
import re
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from app.cli import main
from app.db import get_db
from app.jobs import INTERRUPTED, JobFolder
from phrasebook import messages as model
from phrasebook.parts import Part
from app.shelters.packs import ShelterPack
from printables.errors import LayoutError
from printables.signs import sign_templates
from tests.app.conftest import csrf_token
from tests.app.test_shelters_kiosk import real_app, staff_client  # noqa: F401  (fixture)

VALUES = {"place": "市民体育館", "time": "09:30"}


@pytest.fixture
def messages(real_app: Flask) -> dict[str, str]:  # noqa: F811
    """Messages for shelter 1 (own, area-wide, withdrawn) and for shelter 2."""
    with real_app.app_context():
        db = get_db()
        ids = {name: model.publish(db, "shelter.opened", VALUES, ["ja", "en"], "staff", shelter, False).id
               for name, shelter in [("own", 1), ("area", None), ("gone", 1), ("other", 2)]}
        model.withdraw(db, ids["gone"])
    return ids


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_cli_pack_as_one_pdf(real_app, messages, tmp_path):  # noqa: F811
    out = tmp_path / "drill.pdf"
    result = run("pack", "--shelter", "1", "--lang", "en", "--base-url", "https://bosai.example.jp",
                 "--instance", real_app.instance_path, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Building the drill pack" in result.output and f"wrote {out}" in result.output
    reader = PdfReader(out)
    titles = [item.title for item in reader.outline]
    assert len([t for t in titles if "Signs" in t]) == len({t.category for t in sign_templates()})
    assert sorted(t for t in titles if "QR sheet" in t) == sorted(
        f"QRメッセージシート QR sheet: {messages[name]} (shelter.opened)" for name in ("own", "area"))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait (signs, cards, sheets), landscape (boards)
    assert len(reader.pages) > len(sign_templates())


def test_cli_pack_as_zip_in_the_shelters_languages(real_app, messages, tmp_path):  # noqa: F811
    out = tmp_path / "drill.zip"
    result = run("pack", "--shelter", "1", "--base-url", "https://bosai.example.jp",
                 "--instance", real_app.instance_path, "-o", str(out))
    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(out)
    names = set(archive.namelist())
    assert {"index.txt", "cards/card-ja.pdf", "cards/card-en.pdf", "cards/card-my.pdf",
            "boards/common-my.pdf", "boards/staff-en.pdf", "boards/evacuee-my.pdf",
            f"sheets/message-{messages['own']}.pdf", f"sheets/message-{messages['area']}.pdf"} <= names
    assert f"sheets/message-{messages['gone']}.pdf" not in names
    assert f"sheets/message-{messages['other']}.pdf" not in names
    assert not any(name.startswith("boards/") and name.endswith("-ja.pdf") for name in names)
    assert "bosai-kit drill pack: 市民体育館" in archive.read("index.txt").decode("utf-8")
    for name in names - {"index.txt"}:
        assert page_count(archive.read(name)) >= 1


@pytest.mark.parametrize("args, message", [
    (["--shelter", "1", "-o", "x.docx"], "must end in .pdf or .zip"),
    (["--shelter", "1", "-o", "x.pdf"], "base URL"),
    (["--shelter", "9", "--base-url", "https://b.example.jp", "-o", "x.pdf"], "no shelter 9"),
    (["--shelter", "1", "--lang", "xx", "--base-url", "https://b.example.jp", "-o", "x.pdf"], "unknown language"),
])
def test_cli_pack_errors(real_app, messages, tmp_path, monkeypatch, args, message):  # noqa: F811
    monkeypatch.delenv("BOSAI_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["pack", "--instance", real_app.instance_path, *args])
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "x.pdf").exists()


def start(client: FlaskClient, fmt: str = "pdf", shelter_id: int = 1):
    token = csrf_token(client, f"/shelters/{shelter_id}/")
    return client.post(f"/shelters/{shelter_id}/pack", data={"csrf_token": token, "format": fmt})


def wait_until_finished(client: FlaskClient, url: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        html = client.get(url).get_data(as_text=True)
        if 'http-equiv="refresh"' not in html:
            return html
        time.sleep(0.2)
    raise AssertionError(f"{url} still building after {timeout} s")


def test_web_pack_end_to_end(real_app, messages):  # noqa: F811
    client = staff_client(real_app, "staff")
    detail = client.get("/shelters/1/").get_data(as_text=True)
    assert 'action="/shelters/1/pack"' in detail and 'value="zip"' in detail
    response = start(client, "zip")
    assert response.status_code == 302
    url = response.location
    assert re.fullmatch(r"/shelters/1/pack/[0-9a-f]{16}", url)
    html = wait_until_finished(client, url)
    download = f"{url}/download"
    assert f'href="{download}"' in html
    got = client.get(download)
    assert got.status_code == 200 and got.mimetype == "application/zip"
    assert 'filename=drill-pack-1.zip' in got.headers["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(got.data)).namelist()
    assert f"sheets/message-{messages['own']}.pdf" in names and "cards/card-my.pdf" in names
    assert f"sheets/message-{messages['other']}.pdf" not in names
    assert url in client.get("/shelters/1/").get_data(as_text=True)  # the last pack stays reachable
    # an admin builds the one-PDF pack; it replaces the previous result
    admin = staff_client(real_app, "admin")
    second = start(admin).location
    wait_until_finished(admin, second)
    pdf = admin.get(f"{second}/download")
    assert pdf.mimetype == "application/pdf" and page_count(pdf.data) > len(sign_templates())
    assert client.get(download).status_code == 404


def test_a_message_whose_sheet_cannot_be_built_does_not_stop_the_pack(real_app, messages):  # noqa: F811
    """Ten sentences naming a 500-character place do not fit a QR sheet (a language's block may
    grow to a page): that sheet is listed with the reason in the staff's language on the progress
    page and in index.txt; everything else is in the pack."""
    with real_app.app_context():
        long_part = Part("shelter.opened", {**VALUES, "place": "市民体育館" * 100})
        long_id = model.create(get_db(), [long_part] * 10, ["ja", "en"], "staff", 1, False).id
        emoji_id = model.publish(get_db(), "shelter.opened", {**VALUES, "place": "市民体育館 🏫"}, ["ja", "en"],
                                 "staff", 1, False).id
    client = staff_client(real_app, "staff")
    url = start(client, "zip").location
    wait_until_finished(client, url)
    for lang, reason in [("ja", "文字が多すぎて、決まった大きさに入りません"), ("en", "the text is too long for its space")]:
        html = client.get(url, query_string={"lang": lang}).get_data(as_text=True)
        assert f"QR sheet: {long_id}" in html and reason in html, html
        assert f"QR sheet: {emoji_id}" not in html
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{url}/download").data))
    assert f"sheets/message-{emoji_id}.pdf" in archive.namelist()
    assert f"sheets/message-{long_id}.pdf" not in archive.namelist()
    assert f"sheets/message-{long_id}.pdf" in archive.read("index.txt").decode("utf-8")
    result = run("pack", "--shelter", "1", "--lang", "en", "--base-url", "https://bosai.example.jp",
                 "--instance", real_app.instance_path, "-o", str(Path(real_app.instance_path) / "p.pdf"))
    assert result.exit_code == 0 and f"not built: QRメッセージシート QR sheet: {long_id}" in result.output


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Builds report one part done, then wait for the gate to open."""
    opened = threading.Event()

    def build(self: ShelterPack, fmt: str, progress=None, skip=None) -> bytes:
        progress(1, len(self.parts), self.parts[0].title)
        assert opened.wait(30)
        return b"%PDF-1.4 fake"

    monkeypatch.setattr(ShelterPack, "build", build)
    return opened


def test_progress_page_refreshes_itself_while_building(real_app, gate):  # noqa: F811
    client = staff_client(real_app, "staff")
    url = start(client).location
    deadline = time.monotonic() + 10
    while "Building: 1 of" not in (html := client.get(url, query_string={"lang": "en"}).get_data(as_text=True)):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert '<meta http-equiv="refresh" content="2">' in html
    assert re.search(r"Building: 1 of \d+ parts", html) and "<progress" in html and "<script" not in html
    assert client.get(f"{url}/download").status_code == 404
    assert start(client).location == url  # one build per shelter at a time
    gate.set()
    html = wait_until_finished(client, url)
    assert client.get(f"{url}/download").data == b"%PDF-1.4 fake"


def test_failed_build_is_shown_clearly(real_app, monkeypatch):  # noqa: F811
    def build(self: ShelterPack, fmt: str, progress=None, skip=None) -> bytes:
        raise LayoutError("text does not fit sign.toilet")

    monkeypatch.setattr(ShelterPack, "build", build)
    client = staff_client(real_app, "staff")
    url = start(client).location
    html = wait_until_finished(client, url)
    assert 'class="error"' in html and "text does not fit sign.toilet" in html
    assert client.get(f"{url}/download").status_code == 404


def test_only_staff_of_the_shelter_or_admin(real_app, gate):  # noqa: F811
    gate.set()
    other = staff_client(real_app, "other")
    assert start(other, shelter_id=2).status_code == 302
    token = csrf_token(other, "/shelters/2/")
    assert other.post("/shelters/1/pack", data={"csrf_token": token}).status_code == 403
    url = start(staff_client(real_app, "staff")).location
    assert other.get(url).status_code == 403 and other.get(f"{url}/download").status_code == 403
    client = staff_client(real_app, "staff")
    assert client.get("/shelters/1/pack/0123456789abcdef").status_code == 404
    assert client.get("/shelters/1/pack/..%2f..%2fsecret_key").status_code == 404
    token = csrf_token(client, "/shelters/1/")
    assert client.post("/shelters/1/pack", data={"csrf_token": token, "format": "exe"}).status_code == 400


def test_a_job_left_running_by_a_stopped_server_has_failed(tmp_path: Path):
    folder = JobFolder(tmp_path)
    (tmp_path / "0123456789abcdef.json").write_text(json.dumps(
        {"id": "0123456789abcdef", "filename": "p.pdf", "total": 5, "done": 2}), encoding="utf-8")
    job = folder.get("0123456789abcdef")
    assert job.state == "failed" and job.error == INTERRUPTED and job.percent == 40
    assert folder.latest() == job
    assert folder.get("nothing") is None
