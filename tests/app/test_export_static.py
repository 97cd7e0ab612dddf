"""``bosai export-static``: the public pages as plain files with relative links only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from app.cli import main
from app.db import get_db
from phrasebook import messages as model

VALUES = {"place": "市民体育館", "time": "09:30"}


@pytest.fixture
def site(app, tmp_path: Path) -> tuple[Path, dict[str, model.Message]]:
    """Three messages published on different days (one withdrawn, one a drill), exported."""
    with app.app_context():
        db = get_db()
        made = {}
        for name, day, langs, drill in [("first", "01", ["ja", "en"], False), ("latest", "03", ["ja", "ja@easy", "ne"], False),
                                        ("drill", "02", ["en", "ja"], True)]:
            message = model.publish(db, "shelter.opened", VALUES, langs, "staff", None, drill)
            stamp = f"2026-09-{day}T06:00:00+00:00"
            db["messages"].update(message.id, {"created_at": stamp, "published_at": stamp, "version_at": stamp, "updated_at": stamp})
            made[name] = message
        model.withdraw(db, made["latest"].id)
        made = {name: model.get(db, m.id) for name, m in made.items()}
    out = tmp_path / "usb"
    result = CliRunner().invoke(main, ["export-static", str(out), "--portable", "--instance", app.instance_path],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote 28 files")  # 7 message pages, 17 index pages, 3 pickers, css
    return out, made


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.links += [attrs[name] for name in ("href", "src") if attrs.get(name)]


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_and_the_stylesheet_exist(site):
    out, made = site
    assert (out / "index.html").is_file() and (out / "static" / "bosai.css").is_file()
    for message in made.values():
        assert (out / "m" / message.id / "index.html").is_file()
        for code in message.languages:
            tag = {"ja@easy": "ja-x-easy"}.get(code, code)
            assert (out / "m" / message.id / tag / "index.html").is_file()


def test_links_are_relative_and_resolve_to_files(site):
    out, _made = site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 27
    checked = 0
    for page in pages:
        for link in parse(page).links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (page, link)
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), (page, link)
            assert target.is_relative_to(out.resolve()), (page, link)
            checked += 1
    assert checked > 30


def test_every_page_and_passage_says_its_language(site):
    out, made = site
    for page in out.rglob("*.html"):
        tags = parse(page).tags
        html_tag = next(attrs for tag, attrs in tags if tag == "html")
        assert html_tag.get("lang"), page
        for tag, attrs in tags:
            if tag == "a" or attrs.get("class") in ("message", "original", "where"):
                assert attrs.get("lang"), (page, tag, attrs)
    nepali = (out / "m" / made["latest"].id / "ne" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ne"' in nepali


def test_index_lists_the_messages_newest_first(site, client):
    out, made = site
    html = (out / "index.html").read_text(encoding="utf-8")
    order = re.findall(r'href="m/(\w+)/ja/index.html"', html)
    assert order == [made["drill"].id, made["first"].id, made["latest"].id]  # the withdrawn one last
    assert "9:30に市民体育館を避難所として開設しました。" in html
    assert 'href="en/index.html"' in html and 'href="ne/index.html"' in html  # the language picker
    english = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="../m/(\w+)/(\w+)/index.html"', english) == [
        (made["drill"].id, "en"), (made["first"].id, "en"), (made["latest"].id, "ja")]
    assert english.count("shown in Japanese") == 1
    assert 'href="../ja/index.html"' in english and 'href="../ne/index.html"' in english
    live = client.get("/", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert re.findall(r'href="/m/(\w+)/ja"', live) == order


def test_withdrawn_and_drill_messages_say_so(site):
    out, made = site
    gone = (out / "m" / made["latest"].id / "ja" / "index.html").read_text(encoding="utf-8")
    assert 'class="withdrawn"' in gone and 'class="message"' not in gone
    drill = (out / "m" / made["drill"].id / "en" / "index.html").read_text(encoding="utf-8")
    assert "Drill: this message is for practice only." in drill and "opened as an evacuation shelter" in drill


def test_the_live_pages_keep_root_relative_links(client, site):
    _out, made = site
    html = client.get(f"/m/{made['first'].id}").get_data(as_text=True)
    assert f'href="/m/{made["first"].id}/en"' in html and 'href="/static/bosai.css"' in html
