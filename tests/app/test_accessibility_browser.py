"""axe-core in chromium finds no serious or critical accessibility violation on the public message
pages, the kiosk and the staff pages (a real ``bosai serve`` with a shelter, a kiosk link and a
published message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from app.cli.common import instance_db
from phrasebook.shelters import create_kiosk_token, create_shelter
from tests.app.live import BROWSER, CHROMIUM, CHROMIUM_ARGS, free_port, start_server, stop_server

PASSWORD = "an accessible password"
SERIOUS = {"serious", "critical"}
STAFF_PAGES = ["/messages/", "/messages/new", "/messages/new/shelter.opened", "/signs/", "/cards/",
               "/shelters/", "/shelters/1/", "/shelters/1/edit", "/shelters/1/registrations/new", "/overview",
               "/translate/", "/translate/my", "/places/", "/places/new", "/messages/drafts"]
KIOSK_PAGES = ["/kiosk/", "/kiosk/my/", "/kiosk/my/register", "/kiosk/ne/register"]

pytestmark = BROWSER


@pytest.fixture
def server(app_locales: Path, tmp_path: Path):
    instance = tmp_path / "served"
    result = CliRunner().invoke(main, ["user", "add", "aiko", "--role", "admin", "--instance", str(instance)],
                                input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    db = instance_db(instance)
    create_shelter(db, "市民体育館", "本町1-1", 120, ["ja", "en", "my"])
    token = create_kiosk_token(db, 1, "entrance")
    port = free_port()
    process = start_server(instance, port, {"BOSAI_LOCALES": str(app_locales),
                                            "BOSAI_SESSION_COOKIE_SECURE": "false"})
    try:
        yield f"http://127.0.0.1:{port}", token
    finally:
        stop_server(process)


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


def test_no_serious_accessibility_violations(server):
    from playwright.sync_api import sync_playwright

    base, token = server
    found: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            staff = browser.new_page(locale="ja-JP")
            staff.goto(f"{base}/login")
            found["/login"] = serious_violations(staff)
            staff.fill("input[name=username]", "aiko")
            staff.fill("input[name=password]", PASSWORD)
            staff.click("button[type=submit]")
            staff.wait_for_load_state()
            staff.goto(f"{base}/messages/new/shelter.opened")
            staff.fill("input[name=place]", "市民体育館")
            staff.fill("input[name=time]", "09:30")
            staff.check("input[name=languages][value=my]")
            staff.click("input[name=publish]")
            staff.wait_for_url(f"{base}/messages/*")
            message_id = staff.url.rsplit("/", 1)[1]
            for path in [*STAFF_PAGES, f"/messages/{message_id}"]:
                staff.goto(base + path)
                found[path] = serious_violations(staff)

            phone = browser.new_page(locale="my-MM")
            for path in ["/", "/en", f"/m/{message_id}", f"/m/{message_id}/my", f"/m/{message_id}/ja@easy"]:
                phone.goto(base + path)
                found[path] = serious_violations(phone)

            kiosk = browser.new_page(locale="ja-JP")
            kiosk.goto(f"{base}/kiosk/start/{token}")
            for path in KIOSK_PAGES:
                kiosk.goto(base + path)
                found[path] = serious_violations(kiosk)
        finally:
            browser.close()
    assert {path: problems for path, problems in found.items() if problems} == {}
    assert len(found) >= 20
