"""``/alerts.atom``: a valid Atom feed of the published messages, newest first, whose entries
link each language's page and the CAP alert; withdrawn messages as cancelled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.db import get_db
from phrasebook import messages as model
from phrasebook.shelters import ShelterError, create_shelter

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://bosai.example.jp"
VALUES = {"place": "市民体育館", "time": "09:30"}


@pytest.fixture
def app(make_app):
    return make_app(BASE_URL=BASE, CAP_AREA="札幌市")


def publish_on(app, day: str, langs: list[str], drill: bool = False, shelter: str = "") -> model.Message:
    """A message for a new shelter of that name (the whole area without one), published on ``day``."""
    with app.app_context():
        db = get_db()
        shelter_id = create_shelter(db, shelter).id if shelter else None
        message = model.publish(db, "shelter.opened", VALUES, langs, "staff", shelter_id, drill)
        stamp = f"2026-09-{day}T06:00:00+00:00"
        db["messages"].update(message.id, {"created_at": stamp, "published_at": stamp, "version_at": stamp, "updated_at": stamp})
        return model.get(db, message.id)


def withdraw(app, message: model.Message) -> None:
    with app.app_context():
        model.withdraw(get_db(), message.id)


def fetch(client) -> tuple[bytes, feedparser.FeedParserDict]:
    response = client.get("/alerts.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    assert response.headers["Cache-Control"].startswith("public")
    body = response.get_data()
    ET.fromstring(body)  # well-formed XML
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return body, parsed


def test_entries_newest_first_with_language_and_cap_links(app, client):
    first = publish_on(app, "01", ["ja", "en"])
    latest = publish_on(app, "03", ["en", "ja@easy", "ne", "ja"], shelter="北小学校")
    drill = publish_on(app, "02", ["ja", "vi"], drill=True)
    _body, parsed = fetch(client)
    assert parsed.feed.title == "災害情報（札幌市）"
    assert parsed.feed.updated == "2026-09-03T06:00:00+00:00"
    assert [e.id for e in parsed.entries] == [f"{BASE}/m/{m.id}" for m in (latest, drill, first)]
    entry = parsed.entries[0]
    assert entry.title == "9:30に市民体育館を避難所として開設しました。"
    assert entry.summary == "9:30に市民体育館を避難所として開設しました。（北小学校）"
    assert entry.title_detail.language == "ja"
    assert [t.term for t in entry.tags] == ["Alert"]
    pages = [(link.hreflang, link.href) for link in entry.links if link.type == "text/html"]
    assert pages == [(tag, f"{BASE}/m/{latest.id}/{tag}") for tag in ("ja", "en", "ja-x-easy", "ne")]
    [cap] = [link for link in entry.links if link.type == "application/cap+xml"]
    assert cap.href == f"{BASE}/m/{latest.id}.cap.xml" and cap.rel == "alternate"
    assert client.get(cap.href.removeprefix(BASE)).status_code == 200
    for _tag, href in pages:
        assert client.get(href.removeprefix(BASE)).status_code == 200
    assert parsed.entries[1].title.startswith("【訓練】")
    assert {t.term for t in parsed.entries[1].tags} == {"Alert", "Exercise"}


def test_a_withdrawn_message_is_cancelled(app, client):
    message = publish_on(app, "01", ["ja", "en"])
    withdraw(app, message)
    body, parsed = fetch(client)
    [entry] = parsed.entries
    assert entry.title.startswith("【取消】")
    assert entry.summary.startswith("この情報は取り消されました。")
    assert [t.term for t in entry.tags] == ["Cancel"]
    assert entry.updated > entry.published
    cap = client.get(f"/m/{message.id}.cap.xml").get_data(as_text=True)
    assert "<msgType>Cancel</msgType>" in cap
    root = ET.fromstring(body)
    [category] = root.iter(f"{ATOM}category")
    assert category.get("label") == "取消"


def test_an_empty_feed_is_valid(client):
    _body, parsed = fetch(client)
    assert parsed.entries == [] and parsed.feed.updated.startswith("1970-01-01")


def test_the_feed_is_the_same_on_every_request(app, client):
    publish_on(app, "01", ["ja", "en"])
    assert client.get("/alerts.atom").get_data() == client.get("/alerts.atom").get_data()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shelter=st.text(max_size=60))
def test_any_shelter_text_gives_a_valid_feed(app, client, shelter):
    """Whatever shelter name the text rules accept (markup, quotes, any script) ends up escaped
    in a well-formed feed."""
    try:
        message = publish_on(app, "01", ["ja"], shelter=shelter)
    except ShelterError:
        assume(False)  # refused with a clear error when typed: nothing to show
    body, parsed = fetch(client)
    assert any(e.id == f"{BASE}/m/{message.id}" for e in parsed.entries)
    summary = ET.fromstring(body).find(f"{ATOM}entry[{ATOM}id='{BASE}/m/{message.id}']/{ATOM}summary")
    expected = "9:30に市民体育館を避難所として開設しました。" + (f"（{message.where}）" if shelter else "")
    assert summary is not None and summary.text == expected
