"""Public message pages: picker, one language, lang attributes, ruby, caching, withdrawn, 404."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import csrf_token
from tests.app.test_messages import publish


@pytest.fixture
def message_id(staff) -> str:
    return publish(staff)


def test_picker_lists_the_languages_by_native_name(client, message_id):
    response = client.get(f"/m/{message_id}", headers={"Accept-Language": "ne-NP, en;q=0.5"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ne"' in html and "आफ्नो भाषा छान्नुहोस्" in html
    links = re.findall(rf'href="/m/{message_id}/([\w-]+)" lang="([\w-]+)"', html)
    assert [tag for tag, _ in links] == ["ne", "ja", "en", "ja-x-easy"]  # the reader's own first
    assert all(tag == lang for tag, lang in links)
    assert "नेपाली" in html and "やさしい日本語" in html and "日本語" in html


def test_message_in_nepali(client, message_id):
    response = client.get(f"/m/{message_id}/ne")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ne"' in html
    assert re.search(r'<p class="message" lang="ne"[^>]*>०९:३० बजे City Gym \(市民体育館\)|'
                     r'<p class="message" lang="ne"[^>]*>०९:३० बजे Shimin Taiikukan \(市民体育館\)', html)
    assert '<p class="original" lang="ja">' in html
    assert "प्रकाशित:" in html and "अन्य भाषाहरू" in html
    assert "<script" not in html


def test_every_passage_has_a_lang_attribute(client, message_id):
    html = client.get(f"/m/{message_id}/en").get_data(as_text=True)
    body = html.split("<main>", 1)[1]
    for tag in re.findall(r"<(p|a|li|h1|h2|span)\b([^>]*)>", body):
        if tag[0] in ("p",):
            assert "lang=" in tag[1] or 'class="time"' in tag[1] or 'class="note"' in tag[1], tag


def test_easy_japanese_has_ruby(client, message_id):
    html = client.get(f"/m/{message_id}/ja-x-easy").get_data(as_text=True)
    assert "<ruby>避難所<rt>ひなんじょ</rt></ruby>" in html
    assert '<html lang="ja-x-easy"' in html


@pytest.mark.parametrize("tag", ["ne", "NE", "ja@easy", "ja-x-easy"])
def test_language_tags_and_codes_both_work(client, message_id, tag):
    assert client.get(f"/m/{message_id}/{tag}").status_code == 200


def test_etag_and_conditional_get(client, message_id):
    first = client.get(f"/m/{message_id}/en")
    etag = first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"] and "max-age=60" in first.headers["Cache-Control"]
    assert "Set-Cookie" not in first.headers
    again = client.get(f"/m/{message_id}/en", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    picker = client.get(f"/m/{message_id}")
    assert client.get(f"/m/{message_id}", headers={"If-None-Match": picker.headers["ETag"]}).status_code == 304
    assert "Accept-Language" in picker.headers["Vary"]


def test_etag_changes_when_the_message_changes(client, staff, message_id):
    etag = client.get(f"/m/{message_id}/en").headers["ETag"]
    token = csrf_token(staff, f"/messages/{message_id}")
    staff.post(f"/messages/{message_id}/withdraw", data={"csrf_token": token})
    response = client.get(f"/m/{message_id}/en", headers={"If-None-Match": etag})
    assert response.status_code == 200


def test_withdrawn_message_says_so(client, staff, message_id):
    token = csrf_token(staff, f"/messages/{message_id}")
    staff.post(f"/messages/{message_id}/withdraw", data={"csrf_token": token})
    html = client.get(f"/m/{message_id}/ne").get_data(as_text=True)
    assert "यो सन्देश फिर्ता लिइएको छ।" in html
    assert "City Gym" not in html and "市民体育館" not in html
    assert "This message has been withdrawn." in client.get(f"/m/{message_id}/en").get_data(as_text=True)


def test_drill_is_marked(client, staff):
    message_id = publish(staff, drill="y")
    assert "अभ्यास: यो सन्देश अभ्यासका लागि मात्र हो।" in client.get(f"/m/{message_id}/ne").get_data(as_text=True)


@pytest.mark.parametrize("path, accept", [("/m/nosuchid", "ne"), ("/m/nosuchid/ne", "en")])
def test_unknown_message_is_404_in_the_readers_language(client, path, accept):
    """The URL's language first, then Accept-Language."""
    response = client.get(path, headers={"Accept-Language": accept})
    assert response.status_code == 404
    assert "पृष्ठ फेला परेन।" in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["ko", "xx", "zz-Latn"])
def test_language_not_published_is_404(client, message_id, lang):
    assert client.get(f"/m/{message_id}/{lang}").status_code == 404


def test_translation_withdrawn_later_is_shown_as_unavailable(client, message_id):
    from tests.app.conftest import set_translation

    set_translation("ne", "shelter.opened", "")
    html = client.get(f"/m/{message_id}/ne").get_data(as_text=True)
    assert "यो भाषामा अझै उपलब्ध छैन।" in html


def test_a_corrected_translation_is_served_at_once(client, message_id):
    """Pages are rendered once per message and catalog version; a new catalog shows at once."""
    from tests.app.conftest import set_translation

    before = client.get(f"/m/{message_id}/ne").get_data(as_text=True)
    assert client.get(f"/m/{message_id}/ne").get_data(as_text=True) == before
    set_translation("ne", "shelter.opened", "{time} बजे {place} आश्रयस्थल खुलेको छ।")
    after = client.get(f"/m/{message_id}/ne").get_data(as_text=True)
    assert after != before and "आश्रयस्थल खुलेको छ।" in after


def index_links(html: str) -> list[tuple[str, str]]:
    """(message id, language tag) of each message link on an index page, in order."""
    return re.findall(r'<p class="entry-text"[^>]*><a href="/m/(\w+)/([\w@-]+)"', html)


def published_on(app, message_id: str, day: int) -> None:
    from app.db import get_db

    with app.app_context():
        stamp = f"2026-09-{day:02d}T06:00:00+00:00"
        get_db()["messages"].update(message_id, {"created_at": stamp, "updated_at": stamp})


def test_home_lists_current_messages_newest_first_in_the_readers_language(app, client, staff):
    first = publish(staff)
    drill = publish(staff, drill="y")
    only_ja = publish(staff, languages=["ja", "en"])
    gone = publish(staff)
    for day, message in enumerate((first, drill, only_ja, gone), start=1):
        published_on(app, message, day)
    staff.post(f"/messages/{gone}/withdraw", data={"csrf_token": csrf_token(staff, f"/messages/{gone}")})
    response = client.get("/", headers={"Accept-Language": "ne-NP, en;q=0.5"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="ne"' in html
    current, withdrawn = html.split("फिर्ता लिइएका सन्देशहरू")  # the heading of the withdrawn ones
    assert index_links(current) == [(only_ja, "ja"), (drill, "ne"), (first, "ne")]
    assert index_links(withdrawn) == [(gone, "ne")]
    assert current.count("यो भाषामा अझै उपलब्ध छैन: जापानी भाषामा देखाइएको छ।") == 1  # only_ja, in Japanese
    assert current.count('class="tag drill"') == 1 and "अभ्यास" in current
    assert "०९:३० बजे" in current  # Nepali text, Nepali digits
    assert "Accept-Language" in response.headers["Vary"] and "public" in response.headers["Cache-Control"]
    assert "<script" not in html


def test_home_has_a_language_picker_and_each_language_its_own_page(client, staff):
    message_id = publish(staff)
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="ja"' in html and index_links(html) == [(message_id, "ja")]
    picker = re.findall(r'<li><a href="/([\w-]+)" lang="([\w-]+)"', html)
    assert len(picker) == 16 and all(tag == lang for tag, lang in picker)
    assert 'href="/ja" lang="ja" hreflang="ja" dir="ltr" aria-current="page">日本語' in html
    english = client.get("/en")
    assert english.status_code == 200 and "Accept-Language" not in english.headers.get("Vary", "")
    page = english.get_data(as_text=True)
    assert '<html lang="en"' in page and index_links(page) == [(message_id, "en")]
    assert "City Gym (市民体育館) opened as an evacuation shelter at 09:30." in page
    easy = client.get("/ja-x-easy").get_data(as_text=True)
    assert "<ruby>避難所<rt>ひなんじょ</rt></ruby>" in easy and index_links(easy) == [(message_id, "ja-x-easy")]
    assert client.get("/ja@easy").status_code == 200
    assert client.get("/xx").status_code == 404 and client.get("/favicon.ico").status_code == 404


def test_home_follows_the_cookie_and_says_when_there_is_nothing(client):
    client.set_cookie("bosai_lang", "vi")
    html = client.get("/", headers={"Accept-Language": "ne"}).get_data(as_text=True)
    assert '<html lang="vi"' in html and "Hiện không có thông báo nào." in html


def test_old_index_address_redirects_home(client):
    response = client.get("/m/")
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_message_pages_link_back_to_the_index_in_their_language(client, message_id):
    assert 'href="/ne" lang="ne">सबै विपद् सम्बन्धी जानकारी</a>' in client.get(f"/m/{message_id}/ne").get_data(as_text=True)
