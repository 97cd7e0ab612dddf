"""The authorisation table: every registered staff route, walked with every role, a member of
another shelter, a kiosk and an anonymous visitor, answers what ``policy.TABLE`` says."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.auth.policy import MESSAGE, SHELTER, TABLE
from app.auth.users import add_user, find_user
from app.db import get_db
from phrasebook import messages as model
from phrasebook.places import create_place
from phrasebook.registrations import create_registration
from phrasebook.shelters import assign_staff, create_kiosk_token, create_shelter
from tests.app.conftest import PASSWORD, csrf_token, login
from tests.app.test_messages import COMPOSE, compose
from tests.app.test_shelters_kiosk import real_app  # noqa: F401  (fixture)

ACTORS = ("anonymous", "kiosk", "admin", "coordinator", "staff", "other", "translator")
ROLE_OF = {"other": "staff"}  # "other": a staff member of the second shelter only
OWN, ELSEWHERE = "北小学校", "南中学校"


@pytest.fixture
def world(real_app: Flask) -> tuple[Flask, dict[str, str]]:  # noqa: F811
    """Two shelters (staff and coordinator work at the first, "other" at the second), a
    message and a registration of the first; CSRF off, so the table is what refuses."""
    app = real_app
    app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        db = get_db()
        staff_ids = [find_user(db, "staff").id, find_user(db, "coordinator").id]
        assign_staff(db, 1, staff_ids)
        message = model.publish(db, "shelter.opened", {"place": "市民体育館", "time": "09:00"}, ["ja", "en"], "staff",
                                1, False)
        reg = create_registration(db, 1, "en", {"name": "Test Person"})
        token = create_kiosk_token(db, 1, "walk")
        place = create_place(db, "landmark", "市民体育館")
    args = {"place_id": str(place.id), "shelter_id": "1", "reg_id": str(reg.id), "message_id": message.id,
            "template_id": "shelter.opened", "code": "en", "lang": "en", "job_id": "0123456789abcdef",
            "token_hash": "x", "token": token}
    return app, args


def client_of(app: Flask, actor: str, token: str) -> FlaskClient:
    client = app.test_client()
    if actor == "kiosk":
        assert client.get(f"/kiosk/start/{token}").status_code == 302
    elif actor != "anonymous":  # CSRF is off here
        assert client.post("/login", data={"username": actor, "password": PASSWORD}).status_code == 302
    return client


def staff_routes(app: Flask, args: dict[str, str]) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) of every registered route that is not public or a kiosk route."""
    found = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if rule.endpoint == "static" or getattr(view, "bosai_public", False) or getattr(view, "bosai_kiosk", False):
            continue
        url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: args[m[1]], rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, url))
    return found


def expected(actor: str, endpoint: str, method: str) -> str:
    """The table's answer: "login", "403" or "allowed"."""
    if actor == "anonymous":
        return "login"
    if actor == "kiosk":
        return "403"
    rule = TABLE[endpoint]
    if ROLE_OF.get(actor, actor) not in rule.roles:
        return "403"
    if actor == "other" and rule.scope in (SHELTER, MESSAGE):
        return "403"
    return "allowed"


def answer(response, method: str) -> str:
    location = response.headers.get("Location", "")
    if response.status_code == 302 and location.startswith("/login?next="):
        return "login"
    if response.status_code == 401 and method == "POST":
        return "login"
    if response.status_code == 403:
        return "403"
    assert response.status_code < 500
    return "allowed"


# GETs that, with the sample arguments, answer something other than 200 when allowed.
NOT_200 = {"shelters.pack_status": 404, "shelters.pack_download": 404, "signs.pack": 400, "signs.preview": 400}


def test_every_route_has_a_row_and_every_row_a_route(world):
    app, _args = world
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    views = app.view_functions
    unmarked = {e for e in endpoints if e != "static" and not getattr(views[e], "bosai_public", False)
                and not getattr(views[e], "bosai_kiosk", False)}
    assert unmarked == set(TABLE)


@pytest.mark.parametrize("actor", ACTORS)
def test_every_staff_route_answers_what_the_table_says(world, actor):
    app, args = world
    client = client_of(app, actor, args["token"])
    walked = 0
    for endpoint, method, url in staff_routes(app, args):
        if endpoint == "auth.password" and method == "POST":
            continue  # would change the password this walk logs in with
        data = {"format": "none"} if method == "POST" else None  # never start a real pack build
        response = client.open(url, method=method, data=data)
        want, got = expected(actor, endpoint, method), answer(response, method)
        assert got == want, (actor, endpoint, method, url, response.status_code)
        if want == "allowed" and method == "GET":
            assert response.status_code == NOT_200.get(endpoint, 200), (actor, endpoint, url)
        walked += 1
    assert walked >= 35


def test_an_endpoint_missing_from_the_table_is_refused_to_everyone(make_app):
    app = make_app()
    app.add_url_rule("/forgotten", "forgotten", lambda: "secret")
    for role in ("admin", "coordinator", "staff", "translator"):
        client = app.test_client()
        login(client, role)
        assert client.get("/forgotten").status_code == 403, role


@pytest.fixture
def shelters(make_app) -> Flask:
    app = make_app()
    with app.app_context():
        db = get_db()
        add_user(db, "other", "staff", PASSWORD)
        assign_staff(db, create_shelter(db, OWN).id, [find_user(db, "staff").id])
        assign_staff(db, create_shelter(db, ELSEWHERE).id, [find_user(db, "other").id])
    return app


def logged_in(app: Flask, name: str) -> FlaskClient:
    client = app.test_client()
    assert login(client, name).status_code == 302
    return client


def write(client: FlaskClient, url: str, **fields: str):
    """Post the composer form to ``url`` (the CSRF token from a page the client may open)."""
    data = {"place": "市民体育館", "place__en": "City Gym", "time": "09:30", "languages": ["ja", "en"],
            "publish": "1", **fields, "csrf_token": csrf_token(client, "/messages/")}
    return client.post(url, data=data)


def test_a_member_of_another_shelter_gets_403_on_every_write(shelters):
    own = logged_in(shelters, "staff")
    message_id = compose(own, shelter=OWN).headers["Location"].rsplit("/", 1)[1]
    other = logged_in(shelters, "other")
    page = other.get(f"/messages/{message_id}")
    assert page.status_code == 200  # reading is for every staff member, without the buttons to write
    assert f"/messages/{message_id}/edit" not in page.get_data(as_text=True)
    assert f"/messages/{message_id}/withdraw" not in page.get_data(as_text=True)
    assert f"/messages/{message_id}/withdraw" in own.get(f"/messages/{message_id}").get_data(as_text=True)
    assert compose(other, shelter=OWN).status_code == 403  # create for shelter A
    edit = f"/messages/{message_id}/edit"
    assert other.get(edit).status_code == 403
    assert write(other, edit, time="10:00", shelter=ELSEWHERE).status_code == 403  # edit, even to move it
    assert other.post(f"/messages/{message_id}/withdraw",
                      data={"csrf_token": csrf_token(other, "/messages/")}).status_code == 403
    with shelters.app_context():
        message = model.get(get_db(), message_id)
    assert not message.withdrawn and message.values["time"] == "09:30" and message.shelter_name == OWN
    # own staff may move nothing to a shelter they do not work at, but may edit and withdraw
    assert compose(own, url=edit, time="10:00", shelter=ELSEWHERE).status_code == 403
    assert compose(own, url=edit, time="10:00", shelter=OWN).status_code == 302
    assert own.post(f"/messages/{message_id}/withdraw",
                    data={"csrf_token": csrf_token(own, "/messages/")}).status_code == 302


def test_area_wide_messages_need_a_coordinator_or_an_admin(shelters):
    staff = logged_in(shelters, "staff")
    response = compose(staff, shelter="")
    assert response.status_code == 403
    assert "area-wide" in response.get_data(as_text=True) or "地域全体" in response.get_data(as_text=True)
    for role in ("coordinator", "admin"):
        client = logged_in(shelters, role)
        message_id = compose(client, shelter="").headers["Location"].rsplit("/", 1)[1]
        assert compose(client, url=f"/messages/{message_id}/edit", shelter=ELSEWHERE).status_code == 302
    assert compose(staff, url=COMPOSE, shelter=OWN).status_code == 302
