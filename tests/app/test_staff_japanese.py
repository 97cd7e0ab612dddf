"""A staff member who reads only Japanese meets no English and no raw ids: every staff page, on a
lived-in instance (shelters, registrations, a published message), and the forms' error messages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.app.conftest import csrf_token
from tests.app.test_shelters_kiosk import kiosk_client, real_app, register, staff_client  # noqa: F401

# Latin words a Japanese office reads as Japanese: file formats, the product name, units.
ALLOWED = {"csv", "pdf", "qr", "excel", "bosai", "kit", "po", "url", "id", "cap", "xml", "zip", "utf",
           "a4", "a3", "mm", "ok", "english",
           # proper nouns inside the Japanese source texts: NHK WORLD-JAPAN, the Safety tips app, Wi-Fi, SNS, AED, web171, Japan Visitor Hotline
           "nhk", "world", "japan", "safety", "tips", "wi", "fi", "sns", "aed", "web", "visitor", "hotline"}
# Text in the page that is not the interface's: user data, and content in other languages
# (elements with a lang other than ja), code samples and template ids.
SKIPPED_TAGS = {"code", "script", "style", "kbd", "samp"}
USER_DATA = {"Nguyen", "Aung", "Example", "aiko", "staff", "admin", "translator", "other", "test",
             "coordinator"}


class VisibleText(HTMLParser):
    """Text a reader sees in Japanese, leaving out other-language passages and code."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # True where the element is skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            return
        lang = dict(attrs).get("lang")
        skip = tag in SKIPPED_TAGS or (lang is not None and not lang.startswith("ja"))
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def english_in(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    for value in USER_DATA:
        text = text.replace(value, " ")
    # settings an admin types, addresses, and {placeholders} a translator copies as they are
    text = re.sub(r"BOSAI_\w+|https?://\S+|\{\w+\}", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z_]+", text)
    return [word for word in words if word.lower() not in ALLOWED]


def staff_get_routes(app) -> list[str]:
    """Every staff GET route without parameters, plus the parameterised ones on shelter 1,
    registration 1 and the first message."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.split(".")[0] in {"static", "public", "kiosk", "errors"}:
            continue
        urls.append(rule)
    return urls


@pytest.fixture
def lived_in(real_app):
    register(kiosk_client(real_app, 1), lang="my", name="Aung", household_count="2", allergy=["egg"],
             interpreter="yes")
    admin = staff_client(real_app, "admin")
    token = csrf_token(admin, "/shelters/1/registrations/1")
    admin.post("/shelters/1/registrations/1/presence", data={"csrf_token": token, "present": "0",
                                                             "destination": "親戚の家"})
    return real_app, admin


def test_every_staff_page_is_japanese(lived_in):
    app, admin = lived_in
    checked = 0
    problems = {}
    for rule in staff_get_routes(app):
        values = {"shelter_id": 1, "reg_id": 1, "code": "my", "lang": "my", "template_id": "shelter.opened"}
        if set(rule.arguments) - set(values):
            continue
        with app.test_request_context():
            from flask import url_for
            url = url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})
        response = admin.get(url, headers={"Accept-Language": "ja"})
        if response.status_code != 200 or not response.mimetype == "text/html":
            continue
        found = english_in(response.get_data(as_text=True))
        problems[url] = sorted(set(found))
        checked += 1
    assert {url: words for url, words in problems.items() if words} == {}
    assert checked >= 8


def test_form_errors_are_japanese(lived_in):
    app, admin = lived_in
    token = csrf_token(admin, "/shelters/new")
    html = admin.post("/shelters/new", data={"csrf_token": token, "name": "", "capacity": "200000"},
                      headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "入力してください。" in html and "0から100000までの数を入力してください。" in html
    assert english_in(html) == []


def test_every_id_staff_can_meet_has_words():
    from app.labels import CATEGORIES, HAZARDS, PHASES
    from phrasebook import templates

    used = {tpl.category for tpl in templates.load_templates().values() if tpl.kind in ("message", "sign")}
    assert set(templates.HAZARDS) - set(HAZARDS) == set()
    assert set(templates.PHASES) - set(PHASES) == set()
    assert used - set(CATEGORIES) == set()


def test_the_translation_dashboard_checks_an_upload_in_japanese(lived_in):
    from phrasebook.paths import po_path
    from tests.app.test_translate import upload

    app, admin = lived_in
    with app.app_context():
        text = po_path("my").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("msgstr") and "{place}" in line)
    broken = text.replace(line, line.replace("{place}", "{plac}"), 1).encode("utf-8")
    html = upload(admin, "my", broken, action="check", lang="ja").get_data(as_text=True)
    assert "プレースホルダー" in html and '<code class="placeholder">{place}</code>' in html  # in the entries
    assert english_in(html) == []
    broken = text.replace(line, line.replace("{place}", "{place"), 1).encode("utf-8")
    html = upload(admin, "my", broken, action="check", lang="ja").get_data(as_text=True)
    assert "プレースホルダーが壊れています（<code>{place" in html
    assert english_in(html) == []


def test_composer_preview_and_message_page_are_japanese(lived_in):
    """The preview names each language in Japanese (English（英語）), as does the published page."""
    app, admin = lived_in
    url = "/messages/new/shelter.opened"
    data = {"csrf_token": csrf_token(admin, url), "place": "市民体育館", "time": "09:30", "shelter": "1",
            "languages": ["ja", "en", "my"]}
    preview = admin.post(url, data={**data, "preview": "1"}, headers={"Accept-Language": "ja"})
    html = preview.get_data(as_text=True)
    assert "（英語）" in html and "（ミャンマー語）" in html and english_in(html) == []
    published = admin.post(url, data={**data, "publish": "1"}, headers={"Accept-Language": "ja"})
    assert published.status_code == 302
    page = published.headers["Location"]
    html = admin.get(page, headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "（英語）" in html and english_in(html.replace(page.rsplit("/", 1)[1], "")) == []  # its id is data
