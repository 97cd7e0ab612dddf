"""The place registry as staff use it: register a place in Japanese only, see and correct its
generated reading, pick it in the composer; readers see the reading (Latin letters beside the
Japanese, furigana in Easy Japanese) on public pages, in CAP and on the printed QR sheet."""

from __future__ import annotations

import subprocess
from xml.etree import ElementTree as ET

import pytest
import sqlite_utils
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.db import get_db
from phrasebook.cap import NS
from phrasebook.furigana import plain
from phrasebook.languages import LANGUAGES
from phrasebook.places import PlaceError, create_place, find_place, init_places, list_places
from phrasebook.render import render
from phrasebook.slots import parse_value
from printables.sheet import message_sheet_pdf
from tests.app.conftest import csrf_token
from phrasebook.shelters import create_kiosk_token
from tests.app.test_messages import COMPOSE, compose, publish
from tests.app.test_shelters_kiosk import real_app  # noqa: F401  (fixture)
from tests.pixels import render as render_page


@pytest.fixture
def coordinator(as_role):
    return as_role("coordinator")


def register(client, **fields):
    data = {"kind": "shelter", "ja": "市民体育館", "romaji": "", "kana": "", "save": "1", **fields}
    data["csrf_token"] = csrf_token(client, "/places/new")
    return client.post("/places/new", data=data)


def description(client, message_id: str, lang: str) -> str:
    root = ET.fromstring(client.get(f"/m/{message_id}.cap.xml").data)
    for info in root.findall(f"{{{NS}}}info"):
        if info.findtext(f"{{{NS}}}language") == lang:
            return info.findtext(f"{{{NS}}}description") or ""
    raise AssertionError(f"no {lang} info")


def test_a_place_typed_only_in_japanese_reads_in_latin_letters_and_with_furigana(coordinator, staff, client):
    response = register(coordinator)
    assert response.status_code == 302
    edit = coordinator.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="Shimin Taiikukan"' in edit and 'value="しみんたいいくかん"' in edit  # shown and editable
    assert '<span lang="en">Shimin Taiikukan (市民体育館)</span>' in edit and "<rt>しみん</rt>" in edit
    assert "市民体育館" in staff.get("/places/").get_data(as_text=True)

    message_id = publish(staff, place__en=None, languages=["ja", "en", "vi", "ja@easy", "zh_Hans"])
    english = client.get(f"/m/{message_id}/en").get_data(as_text=True)
    assert "Shimin Taiikukan (市民体育館) opened as an evacuation shelter at 09:30." in english
    assert "Shimin Taiikukan (市民体育館)" in client.get(f"/m/{message_id}/vi").get_data(as_text=True)
    assert "市民体育館" in client.get(f"/m/{message_id}/zh-Hans").get_data(as_text=True)
    easy = client.get(f"/m/{message_id}/ja-x-easy").get_data(as_text=True)
    assert "<ruby>市民<rt>しみん</rt></ruby><ruby>体育<rt>たいいく</rt></ruby><ruby>館<rt>かん</rt></ruby>" in easy
    assert description(client, message_id, "en").startswith("Shimin Taiikukan (市民体育館)")

    sheet = staff.get(f"/messages/{message_id}/qr.pdf")
    assert sheet.status_code == 200 and sheet.mimetype == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=sheet.data, capture_output=True, check=True).stdout.decode()
    assert "Shimin Taiikukan" in " ".join(text.split())
    page = render_page(sheet.data, 1, 60)
    assert page.share() > 0.01, "the QR sheet renders with ink"


def test_a_corrected_reading_and_a_given_name_win(coordinator, staff, client):
    register(coordinator, ja="中央公民館", kind="distribution", romaji="Chuo Community Center", name__vi="Nhà văn hóa")
    message_id = publish(staff, place="中央公民館", place__en=None, languages=["ja", "en", "vi", "th", "ja@easy"])
    assert "Chuo Community Center (中央公民館)" in client.get(f"/m/{message_id}/en").get_data(as_text=True)
    assert "Nhà văn hóa (中央公民館)" in client.get(f"/m/{message_id}/vi").get_data(as_text=True)
    # a name typed in the composer's boxes wins over the registry's
    second = publish(staff, place="中央公民館", place__en="Central Hall", languages=["ja", "en"])
    assert "Central Hall (中央公民館)" in client.get(f"/m/{second}/en").get_data(as_text=True)


def test_edit_shows_the_generated_reading_and_a_renamed_place_gets_a_new_one(app, coordinator):
    register(coordinator, ja="中央公園", kind="landmark")
    with app.app_context():
        place = find_place(get_db(), "中央公園")
    assert place.romaji == "Chuo Koen" and place.kana == "ちゅうおうこうえん"
    page = f"/places/{place.id}/edit"
    data = {"kind": "landmark", "ja": "市民会館", "romaji": place.romaji, "kana": place.kana, "save": "1",
            "csrf_token": csrf_token(coordinator, page)}
    assert coordinator.post(page, data=data).status_code == 302
    with app.app_context():
        renamed = find_place(get_db(), "市民会館")
    assert (renamed.romaji, renamed.kana) == ("Shimin Kaikan", "しみんかいかん")


def test_show_the_reading_before_saving(app, coordinator):
    data = {"kind": "shelter", "ja": "さくら小学校", "reading": "1", "csrf_token": csrf_token(coordinator, "/places/new")}
    page = coordinator.post("/places/new", data=data).get_data(as_text=True)
    assert 'value="Sakura Shogakko"' in page and 'value="さくらしょうがっこう"' in page
    with app.app_context():
        assert list_places(get_db()) == []  # nothing saved yet


@pytest.mark.parametrize("fields, error", [
    ({"romaji": "市民"}, "ローマ字で入力"),
    ({"kana": "市民"}, "ひらがなかカタカナで入力"),
    ({"ja": "市民体育館\u202e"}, "文字方向"),
])
def test_bad_input_is_explained_in_japanese_and_nothing_is_lost(coordinator, fields, error):
    coordinator.get("/places/?lang=ja")  # the staff language is Japanese from here on
    response = register(coordinator, name__en="City Gym", **fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and error in html
    assert 'value="City Gym"' in html and "<details class=\"names\" open>" in html


def test_the_same_place_cannot_be_registered_twice(coordinator):
    assert register(coordinator).status_code == 302
    coordinator.get("/places/?lang=ja")
    html = register(coordinator, ja="市民体育館　").get_data(as_text=True)
    assert "この名前の場所はすでに登録されています。" in html


def test_staff_read_the_registry_and_only_the_area_roles_change_it(staff, coordinator):
    assert staff.get("/places/").status_code == 200
    assert staff.get("/places/new").status_code == 403
    assert coordinator.get("/places/new").status_code == 200


def test_the_composer_offers_registered_places_and_shows_a_new_names_reading(app, coordinator, staff):
    register(coordinator)
    form = staff.get(COMPOSE).get_data(as_text=True)
    assert 'list="registered-places"' in form and '<option value="市民体育館" label="Shimin Taiikukan">' in form
    assert '<option value="北小学校">' in form  # shelters not registered are offered too
    preview = compose(staff, action="preview", place="南公民館", place__en=None).get_data(as_text=True)
    assert "Minami Kominkan (南公民館)" in preview  # the reading under the field and in the preview
    assert "<ruby>南<rt>みなみ</rt></ruby>" in preview


def test_editing_a_message_keeps_the_boxes_for_what_differs_from_the_registry(coordinator, staff, client):
    register(coordinator)
    message_id = publish(staff, place__en=None)
    form = staff.get(f"/messages/{message_id}/edit").get_data(as_text=True)
    assert 'value="Shimin Taiikukan"' not in form  # the registry's reading is not frozen into a box
    url = f"/messages/{message_id}/edit"
    assert compose(staff, url=url, place="南公民館", place__en=None).status_code == 302
    assert "Minami Kominkan (南公民館)" in client.get(f"/m/{message_id}/en").get_data(as_text=True)


def test_a_database_made_before_the_registry_gains_it(make_app, tmp_path):
    app = make_app()
    with app.app_context():
        db = get_db()
        db["places"].drop()
        publish_id = None
    path = app.config["DATABASE"]
    old = sqlite_utils.Database(path)
    assert "places" not in old.table_names()
    old.conn.close()
    again = make_app()
    with again.app_context():
        db = get_db()
        assert "places" in db.table_names()
        create_place(db, "landmark", "駅前広場")
        assert [p.romaji for p in list_places(db)] == ["Ekimae Hiroba"]
    assert publish_id is None


# --- any accepted place name prints and renders ----------------------------------------------

TRICKY = "<>&\"'|｜《》{}%?・/ \u3000"
SCRIPTS = "市民体育館東西南北第二小学校公園駅前あいうカタカナｱｲｳ한글ไทยनमस्तेМосква😀ÉŁ𠮷々ヶ0123"
names = st.text(st.sampled_from(TRICKY + SCRIPTS) | st.characters(codec="utf-8"), min_size=1, max_size=30)
PRINTED = ["ja", "en", "ja@easy", "zh_Hans", "ko", "th", "my", "ne", "ru"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names)
def test_any_accepted_place_name_renders_and_prints(locales, tmp_path, name):
    db = sqlite_utils.Database(memory=True)
    init_places(db)
    try:
        place = create_place(db, "landmark", name)
    except PlaceError as refused:
        assert refused.code in ("empty", "too_long", "control", "bidi", "invisible", "joiner")
        return
    value = place.place().as_value()
    assert parse_value("place", value) == place.place()  # stored as JSON, read back the same
    for code in LANGUAGES:
        text = render("shelter.opened", code, {"place": value, "time": "09:30"})
        shown = plain(text) if code == "ja@easy" else text
        assert place.ja in shown or code == "ja@easy", (code, text)
        if place.romaji and code in ("en", "ko", "ru"):
            assert f"{place.romaji} ({place.ja})" in text or place.romaji == place.ja
    sheet = message_sheet_pdf("shelter.opened", {"place": value, "time": "09:30"}, PRINTED, "http://localhost",
                              "abcdefgh")
    assert render_page(sheet, 1, 30).share() > 0.005
    text = subprocess.run(["pdftotext", "-", "-"], input=sheet, capture_output=True, check=True).stdout.decode()
    if place.romaji.isascii() and place.romaji.replace(" ", "").isalnum():
        assert place.romaji.split()[0] in text


def test_shelter_names_on_public_and_kiosk_pages_use_the_reading(app, coordinator, staff, client):
    register(coordinator, ja="北小学校", romaji="Kita Elementary School")
    message_id = publish(staff, languages=["ja", "en", "ja@easy"])  # for the shelter 北小学校
    english = client.get(f"/m/{message_id}/en").get_data(as_text=True)
    assert '<p class="where" lang="en">Kita Elementary School (<span lang="ja">北小学校</span>)</p>' in english
    easy = client.get(f"/m/{message_id}/ja-x-easy").get_data(as_text=True)
    assert '<ruby>北<rt>きた</rt></ruby><ruby>小<rt>しょう</rt></ruby><ruby>学校<rt>がっこう</rt></ruby>' in easy
    assert '<p class="where" lang="ja"><span lang="ja">北小学校</span></p>' in client.get(
        f"/m/{message_id}/ja").get_data(as_text=True)


def test_the_kiosk_shows_its_shelter_by_the_reading(real_app):  # noqa: F811
    with real_app.app_context():
        token = create_kiosk_token(get_db(), 1)  # 市民体育館, not registered: the generated reading
    kiosk = real_app.test_client()
    assert kiosk.get(f"/kiosk/start/{token}").status_code == 302
    home = kiosk.get("/kiosk/en/").get_data(as_text=True)
    assert '<p class="shelter" lang="en">Shimin Taiikukan (<span lang="ja">市民体育館</span>)</p>' in home
    easy = kiosk.get("/kiosk/ja-x-easy/").get_data(as_text=True)
    assert "<ruby>市民<rt>しみん</rt></ruby>" in easy


def test_the_static_mirror_carries_the_reading(make_app, tmp_path):
    from app.public.mirror import get_mirror
    from tests.app.conftest import login

    folder = tmp_path / "mirror"
    app = make_app(STATIC_MIRROR=str(folder), BASE_URL="https://bosai.example.jp")
    coordinator = app.test_client()
    login(coordinator, "coordinator")
    register(coordinator, ja="南公民館", kind="distribution")
    message_id = publish(coordinator, place="南公民館", place__en=None, shelter="")
    mirror = get_mirror(app)
    assert mirror is not None and mirror.flush(20)
    page = (folder / "m" / message_id / "en" / "index.html").read_text(encoding="utf-8")
    assert "Minami Kominkan (南公民館)" in page
    easy = (folder / "m" / message_id / "ja-x-easy" / "index.html").read_text(encoding="utf-8")
    assert "<ruby>南<rt>みなみ</rt></ruby>" in easy
    assert "Minami Kominkan (南公民館)" in (folder / "m" / f"{message_id}.cap.xml").read_text(encoding="utf-8")


def test_a_corrected_shelter_reading_reaches_the_published_pages(coordinator, staff, client):
    message_id = publish(staff, languages=["ja", "en"])  # for 北小学校, not registered yet
    assert "Kita Shogakko (<span lang=\"ja\">北小学校</span>)" in client.get(f"/m/{message_id}/en").get_data(as_text=True)
    register(coordinator, ja="北小学校", romaji="Kita Elementary School")
    assert "Kita Elementary School (<span lang=\"ja\">北小学校</span>)" in client.get(
        f"/m/{message_id}/en").get_data(as_text=True)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, romaji=st.text(st.sampled_from(TRICKY + "AbcÉ 1-"), max_size=20))
def test_any_name_the_registry_accepts_is_listed_offered_and_published(app, name, romaji):
    from markupsafe import escape

    from tests.app.conftest import login

    coordinator = app.test_client()
    login(coordinator, "coordinator")
    response = register(coordinator, ja=name, romaji=romaji)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # refused: the form says why and keeps what was typed
        assert 'class="error"' in response.get_data(as_text=True)
        return
    with app.app_context():
        place = find_place(get_db(), name)
    assert place is not None
    assert str(escape(place.ja)) in coordinator.get("/places/").get_data(as_text=True)
    assert f'<option value="{escape(place.ja)}"' in coordinator.get(COMPOSE).get_data(as_text=True)
    event("published")
    message_id = publish(coordinator, place=place.ja, place__en=None, shelter="")
    english = coordinator.get(f"/m/{message_id}/en").get_data(as_text=True)
    shown = f"{place.romaji} ({place.ja})" if place.romaji and place.romaji != place.ja else place.ja
    assert str(escape(shown)) in english
    assert coordinator.get(f"/messages/{message_id}/qr.pdf").status_code == 200
