"""Forms read well on a desktop and a phone: every checkbox sits beside its label as one unit that
never splits across columns (composer, sign builder, shelter form), checked in chromium at 1280 px
and 390 px wide, with a screenshot of each page kept in the test's folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from app.cli.common import instance_db
from phrasebook.shelters import create_shelter
from tests.app.live import BROWSER, CHROMIUM, CHROMIUM_ARGS, free_port, start_server, stop_server

PASSWORD = "a layout password"
PAGES = ["/messages/new/shelter.opened", "/signs/", "/shelters/1/edit"]
WIDTHS = [1280, 390]

pytestmark = BROWSER

# For each checkbox label: fragments (1 = not split by a column break), and whether the box and its
# words share a line with the box first.
MEASURE = """() => [...document.querySelectorAll('label.check')].map(label => {
  const box = label.querySelector('input').getBoundingClientRect();
  const words = label.querySelector('span').getBoundingClientRect();
  return {text: label.innerText.trim(), fragments: label.getClientRects().length,
          sameLine: box.top < words.bottom && words.top < box.bottom, boxFirst: box.right <= words.left + 1,
          visible: box.width > 0 && words.width > 0};
})"""


@pytest.fixture
def server(app_locales: Path, tmp_path: Path):
    instance = tmp_path / "served"
    for name, role in (("aiko", "admin"), ("ken", "staff")):
        result = CliRunner().invoke(main, ["user", "add", name, "--role", role, "--instance", str(instance)],
                                    input=f"{PASSWORD}\n{PASSWORD}\n")
        assert result.exit_code == 0, result.output
    create_shelter(instance_db(instance), "市民体育館", "本町1-1", 120, ["ja", "en", "my"])
    port = free_port()
    process = start_server(instance, port, {"BOSAI_LOCALES": str(app_locales),
                                            "BOSAI_SESSION_COOKIE_SECURE": "false"})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


def test_checkboxes_stay_beside_their_labels(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for width in WIDTHS:
                page = browser.new_page(locale="ja-JP", viewport={"width": width, "height": 900})
                page.goto(f"{server}/login")
                page.fill("input[name=username]", "aiko")
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state()
                for path in PAGES:
                    page.goto(server + path)
                    labels = page.evaluate(MEASURE)
                    assert len(labels) >= 2, (path, page.content()[-2000:])
                    bad = [label for label in labels
                           if not (label["fragments"] == 1 and label["sameLine"] and label["boxFirst"]
                                   and label["visible"])]
                    assert bad == [], (width, path, bad)
                    name = path.strip("/").replace("/", "_")
                    page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
                    scroll = page.evaluate("document.documentElement.scrollWidth")
                    assert scroll <= width, (width, path, "the page scrolls sideways")
                page.close()
        finally:
            browser.close()
