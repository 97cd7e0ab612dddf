"""The kiosk in a real browser (Playwright driving Debian's chromium) against a real server:
choose Myanmar, read an announcement, register, see the confirmation; the inactivity warning
and reset; a kiosk session refused on a staff page."""

from __future__ import annotations

from pathlib import Path

import pytest

from phrasebook import messages as model
from phrasebook.registrations import list_registrations
from phrasebook.shelters import create_kiosk_token, create_shelter
from phrasebook.store import open_db
from tests.app.live import BOSAI, BROWSER, CHROMIUM, CHROMIUM_ARGS, free_port, start_server, stop_server

pytestmark = BROWSER
IDLE_S = 2
WARN_S = 20  # the shortest answer time the kiosk allows (WCAG 2.2.1)


@pytest.fixture
def kiosk(tmp_path: Path):
    """A served instance with one shelter, an announcement for it, and a kiosk link."""
    import subprocess

    instance = tmp_path / "instance"
    subprocess.run([*BOSAI, "db", "init", "--instance", str(instance)], check=True, capture_output=True)
    db = open_db(instance / "bosai.sqlite3")
    shelter = create_shelter(db, "市民体育館", capacity=80, languages=["ja", "my", "en"])
    model.publish(db, "shelter.opened", {"place": "市民体育館", "time": "09:00"}, ["ja", "my"], "staff",
                  shelter.id, False)
    token = create_kiosk_token(db, shelter.id)
    db.conn.close()
    port = free_port()
    process = start_server(instance, port, {"BOSAI_KIOSK_IDLE_SECONDS": str(IDLE_S),
                                            "BOSAI_KIOSK_WARN_SECONDS": str(WARN_S)})
    try:
        yield f"http://127.0.0.1:{port}", token, instance, shelter.id
    finally:
        stop_server(process)


def test_kiosk_in_myanmar(kiosk):
    from playwright.sync_api import expect, sync_playwright

    base, token, instance, shelter_id = kiosk
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1080, "height": 1400})
            outside: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
            page.goto(f"{base}/kiosk/start/{token}")
            assert page.url == f"{base}/kiosk/"
            myanmar = page.locator("a[lang=my]")
            box = myanmar.bounding_box()
            assert box["height"] >= 48 and box["width"] >= 48
            myanmar.click()
            page.wait_for_url(f"{base}/kiosk/my/")
            announcement = page.locator(".announcements li").first
            assert "市民体育館" in announcement.inner_text() and "ဖွင့်" in announcement.inner_text()
            assert announcement.locator("[lang=my]").count() == 1

            page.click("a.primary")
            page.wait_for_url(f"{base}/kiosk/my/register")
            page.click("button.primary")  # empty form: the name is required
            assert page.locator("#err-name").is_visible()
            assert page.locator("#err-name [lang=my]").count() == 1
            page.fill("#f-name", "Aung Aung")
            page.fill("#f-household_count", "3")
            page.check("input[name=allergy][value=peanut]")
            page.check("input[name=interpreter][value=yes]")
            page.click("button.primary")
            page.wait_for_url(f"{base}/kiosk/my/done")
            assert page.locator(".number").inner_text() == f"{shelter_id}-00001"
            assert page.locator(".done [lang=my]").count() == 1

            staff = page.request.get(f"{base}/shelters/")
            assert staff.status == 403 and "Aung" not in staff.text()

            page.goto(f"{base}/kiosk/my/register")
            page.fill("#f-name", "someone who walked away")
            dialog = page.locator("#kiosk-warning")
            expect(dialog).to_be_visible(timeout=(IDLE_S + 5) * 1000)
            page.click("#kiosk-continue")
            expect(dialog).to_be_hidden()
            assert page.input_value("#f-name") == "someone who walked away"
            expect(dialog).to_be_visible(timeout=(IDLE_S + 5) * 1000)
            page.wait_for_url(f"{base}/kiosk/", timeout=(WARN_S + 10) * 1000)
            page.goto(f"{base}/kiosk/my/register")
            assert page.input_value("#f-name") == ""
            assert outside == []
            page.screenshot(path=str(instance / "kiosk.png"))
        finally:
            browser.close()
    db = open_db(instance / "bosai.sqlite3")
    [reg] = list_registrations(db, shelter_id)
    assert reg.answers["name"] == "Aung Aung" and reg.lang == "my" and reg.answers["allergy"] == ["peanut"]
