"""The sign builder in a real browser: "Download PDF" prints the boxes as they are ticked now,
not the selection of the last preview. A real ``bosai serve`` on the project's own catalogs
(every sign), Debian's chromium driven by Playwright; the downloaded PDF opened with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from app.cli import main
from tests.app.live import BROWSER, CHROMIUM, CHROMIUM_ARGS, free_port, start_server, stop_server

PASSWORD = "a browser password"
LOCALES = Path(__file__).resolve().parents[2] / "locales"

pytestmark = BROWSER


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BOSAI_LOCALES", str(LOCALES))
    instance = tmp_path / "served"
    result = CliRunner().invoke(main, ["user", "add", "mika", "--role", "staff", "--instance", str(instance)],
                                input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    port = free_port()
    process = start_server(instance, port, {"BOSAI_LOCALES": str(LOCALES), "BOSAI_SESSION_COOKIE_SECURE": "false"})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


def test_download_follows_the_boxes_changed_after_the_preview(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(locale="en-US", accept_downloads=True)
            page.goto(f"{server}/login")
            page.fill("input[name=username]", "mika")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.goto(f"{server}/signs/")
            page.check("input[name=ids][value='sign.toilet']")
            page.click("button:text-is('Preview')")
            page.wait_for_selector("img.sheet")
            assert page.is_checked("input[name=languages][value=ko]")  # a default language, previewed

            page.check("input[name=ids][value='sign.drinking_water']")
            page.uncheck("input[name=languages][value=ko]")
            page.check("input[name=languages][value=ne]")
            page.select_option("select[name=paper]", "A3")
            with page.expect_download() as download:
                page.click("button:text-is('Download PDF')")
            pdf = tmp_path / "signs.pdf"
            download.value.save_as(pdf)
        finally:
            browser.close()
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2  # both signs ticked now, not the one previewed
    width, height = (round(float(v) / 72 * 25.4) for v in reader.pages[0].mediabox[2:])
    assert (width, height) == (297, 420)  # A3, chosen after the preview
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Toilet" in text and "Drinking Water" in text
    assert "नेपाली" in text and "शौचालय" in text  # Nepali was ticked after the preview
    assert "한국어" not in text and "화장실" not in text  # Korean was unticked
