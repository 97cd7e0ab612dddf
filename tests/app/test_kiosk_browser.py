"""The kiosk in a real browser (Playwright driving Debian's chromium) against a real server:
choose Myanmar, read an announcement, register, see the confirmation; the inactivity warning
and reset; a kiosk session refused on a staff page."""

from __future__ import annotations

from datetime import datetime
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


def _nothing_of(page, typed: str) -> bool:
    """The page shows nothing of what the previous person typed (text or form values)."""
    values = page.eval_on_selector_all("input, textarea", "els => els.map(e => e.value)")
    return typed not in page.content() and typed not in " ".join(values)


def test_countdown_escape_touch_and_back_after_reset(kiosk):
    """The countdown shows its seconds in Myanmar digits; Escape and a touch on the warning both
    stop it; after the idle reset and after a registration, Back shows nothing of the person.
    The page's clock is driven by Playwright, so no test waits for real seconds."""
    from playwright.sync_api import expect, sync_playwright

    base, token, _instance, _shelter_id = kiosk
    typed = "Walked Away Person"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1080, "height": 1400})
            page.clock.install(time=datetime(2026, 9, 1, 9, 0))
            page.clock.pause_at(datetime(2026, 9, 1, 9, 0, 1))  # from here on, only run_for moves time
            page.goto(f"{base}/kiosk/start/{token}")
            page.click("a[lang=my]")
            page.wait_for_url(f"{base}/kiosk/my/")
            page.click("a.primary")
            page.wait_for_url(f"{base}/kiosk/my/register")
            page.fill("#f-name", typed)
            page.fill("#f-phone", "၀၉၀-၁၁၁၁-၂၂၂၂")
            dialog = page.locator("#kiosk-warning")
            countdown = page.locator("#kiosk-warning .countdown")

            page.clock.run_for(IDLE_S * 1000 + 100)
            expect(dialog).to_be_visible()
            expect(countdown).to_contain_text("၂၀")  # 20 in Myanmar digits
            page.clock.run_for(3000)
            expect(countdown).to_contain_text("၁၇")
            assert "<" not in countdown.inner_text() and not any(c in "0123456789" for c in countdown.inner_text())

            page.keyboard.press("Escape")
            expect(dialog).to_be_hidden()
            # Had the countdown gone on, it would have cleared the form 17 s after Escape.
            page.clock.run_for((WARN_S - 3) * 1000 + 1000)
            assert page.url == f"{base}/kiosk/my/register" and page.input_value("#f-name") == typed
            expect(dialog).to_be_visible()  # warned again after the idle time, counting afresh

            page.locator("#kiosk-warning .still-there").click()  # a touch on the warning continues
            expect(dialog).to_be_hidden()
            page.clock.run_for(WARN_S * 1000)
            assert page.url == f"{base}/kiosk/my/register" and page.input_value("#f-name") == typed

            page.clock.run_for((IDLE_S + WARN_S + 2) * 1000)  # nobody answers: reset
            page.wait_for_url(f"{base}/kiosk/")
            for _ in range(3):
                page.go_back()
                page.wait_for_load_state()
                assert _nothing_of(page, typed), page.url

            page.goto(f"{base}/kiosk/en/register")
            page.fill("#f-name", typed)
            page.click("button.primary")
            page.wait_for_url(f"{base}/kiosk/en/done")
            page.go_back()
            page.wait_for_load_state()
            assert _nothing_of(page, typed), page.url
        finally:
            browser.close()
