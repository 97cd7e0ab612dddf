"""The browser test: a real ``bosai serve`` on a loopback port, a user made with the CLI, and
Debian's chromium driven by Playwright: log in, compose and publish, read it in Nepali."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from phrasebook.shelters import create_shelter
from phrasebook.store import open_db
from tests.app.live import BROWSER, CHROMIUM, CHROMIUM_ARGS, free_port, start_server, stop_server

PASSWORD = "a browser password"

pytestmark = BROWSER


@pytest.fixture
def server(app_locales: Path, tmp_path: Path):
    """``bosai serve`` in a subprocess on a temporary instance with one staff account, working
    at one shelter."""
    instance = tmp_path / "served"
    result = CliRunner().invoke(main, ["user", "add", "mika", "--role", "staff", "--instance", str(instance)],
                                input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    from app.cli.common import instance_db
    from phrasebook.shelters import assign_staff, create_shelter

    db = instance_db(instance)  # mika works at 北小学校, the shelter the message is for
    assign_staff(db, create_shelter(db, "北小学校").id, [next(db["users"].rows_where("username = 'mika'"))["id"]])
    db.conn.close()
    port = free_port()
    process = start_server(instance, port, {"BOSAI_LOCALES": str(app_locales)})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


def test_login_publish_and_read_in_nepali(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(locale="en-US")
            outside: list[str] = []
            page.on("request", lambda request: None if request.url.startswith(server) else outside.append(request.url))
            page.goto(f"{server}/messages/")
            assert "/login" in page.url
            page.fill("input[name=username]", "mika")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{server}/messages/")

            page.click("text=New message")
            page.fill("input[name=q]", "避難所")
            page.click("form.search button[type=submit]")
            page.click("a[href$='/messages/new/shelter.opened']")
            page.fill("input[name=place]", "市民体育館")
            page.click("summary")
            page.fill("input[name=place__ne]", "सिटी जिम")
            page.fill("input[name=time]", "09:30")
            page.select_option("select[name=shelter]", label="北小学校")
            page.check("input[name=languages][value=ne]")
            page.click("input[name=preview]")
            assert page.locator("section.preview").count() == 1, page.content()[-3000:]
            assert "०९:३० बजे" in page.inner_text("section.preview")
            page.click("input[name=publish]")
            page.wait_for_url(f"{server}/messages/*")
            message_id = page.url.rsplit("/", 1)[1]

            reader = browser.new_page(locale="ne-NP")
            reader.goto(f"{server}/m/{message_id}")
            assert reader.inner_text("h1") == "आफ्नो भाषा छान्नुहोस्"
            reader.click("a[lang=ne]")
            reader.wait_for_url(f"{server}/m/{message_id}/ne")
            assert reader.get_attribute("html", "lang") == "ne"
            text = reader.inner_text("p.message")
            assert text == "०९:३० बजे सिटी जिम (市民体育館) लाई आश्रयस्थलको रूपमा खोलिएको छ।"
            assert reader.get_attribute("p.message", "lang") == "ne"
            assert reader.inner_text("p.where") == "Kita Shogakko (北小学校)"  # its reading, for a reader without Japanese
            assert outside == []
        finally:
            browser.close()
