"""Interface language: URL, then cookie, then Accept-Language; the UI catalogs themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import STAFF_LANGUAGES, match_tag
from phrasebook.languages import LANGUAGES

UI = Path(__file__).resolve().parents[2] / "locales" / "ui"
PUBLIC_STRINGS = [
    "Disaster information", "Choose your language", "Drill: this message is for practice only.",
    "This message has been withdrawn.", "Not available in this language yet.",
    "Not yet checked by a native speaker.", "Published: %(time)s", "Updated: %(time)s",
    "Other languages", "Page not found.", "Something went wrong. Please try again.",
    "All disaster information", "No current messages.", "Not available in this language yet: shown in Japanese.",
    "Withdrawn messages", "Drill", "Language",
]


def catalog(code: str):
    with (UI / code / "LC_MESSAGES" / "ui.po").open("rb") as fh:
        return read_po(fh)


@pytest.mark.parametrize("tag, code", [
    ("ne-NP", "ne"), ("zh-TW", "zh_Hant"), ("zh-CN", "zh_Hans"), ("zh", "zh_Hans"), ("zh-Hant-HK", "zh_Hant"),
    ("pt", "pt_BR"), ("pt-PT", "pt_BR"), ("fil", "tl"), ("ja-x-easy", "ja@easy"), ("ja@easy", "ja@easy"),
    ("EN-us", "en"), ("de", None), ("", None),
])
def test_match_tag(tag, code):
    assert match_tag(tag) == code


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_public_strings_are_translated_in_every_variant(code):
    translated = {m.id: m.string for m in catalog(code) if m.id}
    for msgid in PUBLIC_STRINGS:
        assert translated.get(msgid), (code, msgid)
        assert ("%(time)s" in msgid) == ("%(time)s" in translated[msgid])


@pytest.mark.parametrize("code", [c for c in STAFF_LANGUAGES if c != "en"])
def test_staff_strings_are_all_translated(code):
    pot = {m.id for m in read_po((UI / "ui.pot").open("rb")) if m.id}
    done = {m.id for m in catalog(code) if m.id and m.string}
    assert pot - done == set()


def test_catalogs_follow_the_template():
    pot = {m.id for m in read_po((UI / "ui.pot").open("rb")) if m.id}
    for code in LANGUAGES:
        if code != "en":
            assert {m.id for m in catalog(code) if m.id} == pot, code


def test_staff_language_by_url_then_cookie_then_accept_language(staff):
    assert '<html lang="ja"' in staff.get("/messages/").get_data(as_text=True)  # default
    assert '<html lang="en"' in staff.get("/messages/", headers={"Accept-Language": "en-GB"}).get_data(as_text=True)
    response = staff.get("/messages/?lang=en", headers={"Accept-Language": "ja"})
    assert '<html lang="en"' in response.get_data(as_text=True) and "<title>Messages · bosai-kit</title>" in response.get_data(as_text=True)
    assert "bosai_lang=en" in response.headers["Set-Cookie"]
    html = staff.get("/messages/", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert '<html lang="en"' in html  # the cookie beats Accept-Language
    assert '<html lang="ja"' in staff.get("/messages/?lang=ja").get_data(as_text=True)  # the URL beats the cookie


def test_staff_pages_only_in_japanese_and_english(staff):
    html = staff.get("/messages/?lang=ne", headers={"Accept-Language": "ne, en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="en"' in html


def test_staff_interface_in_japanese(staff):
    html = staff.get("/messages/").get_data(as_text=True)
    assert "<title>お知らせ · bosai-kit</title>" in html and "ログアウト" in html


def test_public_picker_follows_the_cookie(client, staff):
    from tests.app.test_messages import publish

    message_id = publish(staff)
    client.set_cookie("bosai_lang", "ko")
    html = client.get(f"/m/{message_id}", headers={"Accept-Language": "ne"}).get_data(as_text=True)
    assert '<html lang="ko"' in html and "언어를 선택하세요" in html
