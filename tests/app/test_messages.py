"""The message composer through HTTP: find, fill, preview, publish, list, edit, withdraw."""

from __future__ import annotations

import re

import pytest

from app.db import get_db
from phrasebook import messages as model
from phrasebook.shelters import create_shelter, list_shelters
from tests.app.conftest import csrf_token, set_translation

COMPOSE = "/messages/new/shelter.opened"


def shelter_id(client, name: str) -> str:
    """The id (as the composer's select sends it) of the shelter called ``name``, made if new."""
    with client.application.app_context():
        db = get_db()
        found = [s.id for s in list_shelters(db) if s.name == name]
        return str(found[0] if found else create_shelter(db, name).id)


def compose(client, url=COMPOSE, action="publish", **fields):
    """Post the composer; ``shelter`` is a shelter's name (made if new), "" for the whole area."""
    data = {"place": "市民体育館", "place__en": "City Gym", "time": "09:30",
            "languages": ["ja", "en", "ne", "ja@easy"], "shelter": "北小学校", action: "1"}
    data.update(fields)
    if data["shelter"]:
        data["shelter"] = shelter_id(client, data["shelter"])
    data["csrf_token"] = csrf_token(client, url)
    return client.post(url, data={k: v for k, v in data.items() if v is not None})


def publish(client, **fields) -> str:
    response = compose(client, **fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


@pytest.mark.parametrize("query, found", [
    ("", ["shelter.opened", "water.distribution"]),
    ("避難所", ["shelter.opened"]),
    ("City", []),
    ("shelter", ["shelter.opened"]),          # English text
    ("आश्रयस्थल", ["shelter.opened"]),          # Nepali text
])
def test_template_finder_searches_any_language(staff, query, found):
    html = staff.get("/messages/new", query_string={"q": query}).get_data(as_text=True)
    assert sorted(re.findall(r"/messages/new/([\w.]+)", html)) == sorted(found)


@pytest.mark.parametrize("params, found", [
    ({"phase": "evacuation"}, ["shelter.opened"]),
    ({"phase": "lifeline"}, ["water.distribution"]),
    ({"hazard": "earthquake"}, []),
])
def test_template_finder_filters_by_hazard_and_phase(staff, params, found):
    html = staff.get("/messages/new", query_string=params).get_data(as_text=True)
    assert sorted(re.findall(r"/messages/new/([\w.]+)", html)) == found


def test_compose_form_has_typed_inputs(staff):
    html = staff.get("/messages/new/water.distribution").get_data(as_text=True)
    assert re.search(r'name="date" type="date"|type="date"[^>]*name="date"', html)
    assert re.search(r'name="time" type="time"|type="time"[^>]*name="time"', html)
    assert 'name="place__en"' in html and 'name="place__ne"' in html
    assert 'value="ja" checked' in html or re.search(r'checked[^>]*value="ja"', html)


def test_preview_shows_every_chosen_language(staff):
    response = compose(staff, action="preview")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "City Gym (市民体育館) opened as an evacuation shelter at 09:30." in html
    assert "०९:३० बजे" in html  # Nepali digits
    assert "<ruby>避難所<rt>ひなんじょ</rt></ruby>" in html
    assert 'lang="ne"' in html and 'lang="ja-x-easy"' in html


def test_publish_stores_the_message(app, staff):
    message_id = publish(staff, drill="y")
    with app.app_context():
        message = model.get(get_db(), message_id)
    assert message.template_id == "shelter.opened"
    assert message.values == {"place": {"ja": "市民体育館", "en": "City Gym"}, "time": "09:30"}
    assert message.languages == ("ja", "en", "ne", "ja@easy")
    assert message.author == "staff" and message.shelter_name == "北小学校" and message.drill
    page = staff.get(f"/messages/{message_id}").get_data(as_text=True)
    assert f"/m/{message_id}" in page and "City Gym" in page
    listing = staff.get("/messages/").get_data(as_text=True)
    assert message_id in listing


@pytest.mark.parametrize("fields, english, japanese, reason", [
    ({"time": "25:99"}, "Enter a time like 15:30.", "15:30 のように時刻を入力してください。", "expected a time"),
    ({"time": ""}, "Please fill this in.", "入力してください。", "missing"),
    ({"place": "", "place__en": ""}, "Please fill this in.", "入力してください。", "missing"),
    ({"place": "", "place__en": "City Gym"}, "Give the Japanese name of the place.", "場所の日本語名を入力してください。",
     "needs a Japanese name"),
    ({"place__en": "City\u202eGym"}, "Remove the invisible text-direction character: it can disguise what the text says.",
     "見えない文字方向の制御文字を削除してください。文字の見え方をごまかすことができます。", "U+202E"),
    ({"place": "体育館\u200b"}, "Remove the invisible (zero-width) character.", "見えない（幅ゼロの）文字を削除してください。",
     "U+200B"),
])
def test_bad_slot_values_are_shown_in_the_staff_language(staff, fields, english, japanese, reason):
    html = compose(staff, **fields).get_data(as_text=True)  # Japanese, the default
    assert japanese in html and english not in html and reason not in html
    response = compose(staff, url=f"{COMPOSE}?lang=en", **fields)
    assert response.status_code == 200
    assert english in response.get_data(as_text=True) and reason not in response.get_data(as_text=True)


def test_every_slot_problem_has_a_ui_string():
    from app.messages.forms import SLOT_PROBLEMS
    from phrasebook.errors import SLOT_PROBLEMS as CODES

    assert set(SLOT_PROBLEMS) == set(CODES)


def test_no_language_chosen(staff):
    response = compose(staff, languages=None)
    assert response.status_code == 200 and "language" in response.get_data(as_text=True).lower()


def test_publish_refuses_a_language_without_translation(staff):
    set_translation("ne", "shelter.opened", "")
    response = compose(staff)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "नेपाली" in html and ("No usable translation" in html or "使える翻訳" in html)


def test_fuzzy_translation_is_not_used(staff):
    set_translation("en", "shelter.opened", "Opened {place} at {time}.", fuzzy=True)
    assert compose(staff).status_code == 200


def test_markup_in_user_text_is_escaped(staff, as_role, client):
    evil = '<script>alert("x")</script>'
    message_id = publish(as_role("coordinator"), place=evil, place__en=evil, shelter=evil)
    for page in (staff.get(f"/messages/{message_id}"), staff.get("/messages/"),
                 client.get(f"/m/{message_id}/en"), client.get(f"/m/{message_id}/ja-x-easy")):
        html = page.get_data(as_text=True)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html


def test_edit_changes_values_and_languages(app, staff):
    message_id = publish(staff)
    url = f"/messages/{message_id}/edit"
    form = staff.get(url).get_data(as_text=True)
    assert 'value="市民体育館"' in form and 'value="City Gym"' in form
    response = compose(staff, url=url, time="10:15", languages=["ja", "en"])
    assert response.status_code == 302
    with app.app_context():
        message = model.get(get_db(), message_id)
    assert message.values["time"] == "10:15" and message.languages == ("ja", "en")
    assert message.updated_at >= message.created_at and message.author == "staff"


def test_withdraw(app, staff):
    message_id = publish(staff)
    token = csrf_token(staff, f"/messages/{message_id}")
    assert staff.post(f"/messages/{message_id}/withdraw", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert model.get(get_db(), message_id).withdrawn


@pytest.mark.parametrize("url", ["/messages/nosuchid", "/messages/nosuchid/edit", "/messages/new/no.such",
                                 "/messages/new/sign.toilet"])
def test_unknown_is_404(staff, url):
    assert staff.get(url).status_code == 404


def test_language_checkboxes_are_not_each_required(staff):
    """An HTML ``required`` on every checkbox would make browsers demand all sixteen."""
    html = staff.get(COMPOSE).get_data(as_text=True)
    boxes = re.findall(r'<input[^>]*name="languages"[^>]*>', html)
    assert len(boxes) == 16 and not any("required" in box for box in boxes)


@pytest.fixture
def choice_template(app_locales):
    """A message with a term slot that also takes free text, translated into English, with the
    English term."""
    from phrasebook.catalog import update_catalogs

    (app_locales / "templates" / "handout.toml").write_text(
        'kind = "message"\n[[template]]\nid = "supplies.handout"\ncategory = "supplies"\n'
        'slots = { item = "term:supply" }\nfree_text = ["item"]\nja = "{item}を配ります。"\n', encoding="utf-8")
    (app_locales / "templates" / "supply.toml").write_text(
        'kind = "term"\n[[template]]\nid = "supply.blankets"\nja = "毛布"\n'
        '[[template]]\nid = "supply.diapers"\nja = "おむつ"\n', encoding="utf-8")
    update_catalogs(app_locales)
    set_translation("en", "supplies.handout", "We hand out: {item}.")
    set_translation("en", "supply.blankets", "blankets")
    return "/messages/new/supplies.handout"


def test_choice_slot_offers_its_terms_and_translates_them(staff, choice_template):
    html = staff.get(choice_template).get_data(as_text=True)
    assert re.search(r'list="item-choices"', html)
    assert '<datalist id="item-choices"><option value="毛布"><option value="おむつ"></datalist>' in html
    data = {"item": "毛布", "languages": ["ja", "en"], "preview": "1", "csrf_token": csrf_token(staff, choice_template)}
    html = staff.post(choice_template, data=data).get_data(as_text=True)
    assert "毛布を配ります。" in html and "We hand out: blankets." in html


def test_other_choice_is_published_in_japanese_and_marked(staff, client, choice_template):
    data = {"item": "<b>カイロ</b>", "languages": ["ja", "en"], "publish": "1",
            "csrf_token": csrf_token(staff, choice_template)}
    response = staff.post(choice_template, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.headers["Location"].replace("/messages/", "/m/") + "/en").get_data(as_text=True)
    assert "We hand out: 「&lt;b&gt;カイロ&lt;/b&gt;」." in page


def test_stored_term_values_reopen_in_japanese_and_untranslated_terms_are_marked(app, as_role, client,
                                                                                 choice_template):
    """A message stored with a term's key (as the JMA drafts store them) or its Japanese (as typed
    in the composer) is edited with the Japanese term; a term without English is shown marked."""
    with app.app_context():
        by_key = model.publish(get_db(), "supplies.handout", {"item": "blankets"}, ["ja", "en"], "staff", None, False)
        by_japanese = model.publish(get_db(), "supplies.handout", {"item": "おむつ"}, ["ja", "en"], "staff", None,
                                    False)
    form = as_role("coordinator").get(f"/messages/{by_key.id}/edit").get_data(as_text=True)
    assert re.search(r'<input[^>]*name="item"[^>]*value="毛布"', form)
    assert "We hand out: blankets." in client.get(f"/m/{by_key.id}/en").get_data(as_text=True)
    assert "We hand out: 「おむつ」." in client.get(f"/m/{by_japanese.id}/en").get_data(as_text=True)
