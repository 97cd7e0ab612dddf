"""Fixtures for the web app: an app on a temporary instance and a copy of the fixture
catalogs (with the UI catalogs), accounts for each role, and logged-in test clients."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from app import create_app
from app.auth.users import add_user
from app.db import get_db
from phrasebook.catalog import read_po, render_po
from phrasebook.paths import po_path

UI_LOCALES = Path(__file__).resolve().parents[2] / "locales" / "ui"
PASSWORD = "correct horse battery"
ROLES = ("admin", "coordinator", "staff", "translator")
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def set_translation(code: str, template_id: str, text: str, fuzzy: bool = False) -> None:
    """Write a translation into the (temporary) catalog of ``code``."""
    path = po_path(code)
    po = read_po(path, code)
    for message in po.catalog:
        if message.context == template_id:
            message.string = text
            message.flags.discard("fuzzy")
            if fuzzy:
                message.flags.add("fuzzy")
    path.write_text(render_po(po.catalog, code), encoding="utf-8")


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap password hashes in tests (production keeps werkzeug's default, scrypt)."""
    import app.auth.users as users

    monkeypatch.setattr(users, "generate_password_hash",
                        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1000"))
    monkeypatch.setattr(users, "_DUMMY_HASH", generate_password_hash("x", method="pbkdf2:sha256:1000"))


@pytest.fixture
def app_locales(locales: Path) -> Path:
    """The fixture catalogs (3 templates, 16 variants) plus the real UI catalogs."""
    shutil.copytree(UI_LOCALES, locales / "ui")
    return locales


@pytest.fixture
def shipped_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped catalogs (every template in 16 variants, and the UI catalogs)."""
    root = tmp_path / "locales"
    shutil.copytree(UI_LOCALES.parent, root)
    monkeypatch.setenv("BOSAI_LOCALES", str(root))
    return root


@pytest.fixture
def make_app(app_locales: Path, tmp_path: Path) -> Callable[..., Flask]:
    def make(**config) -> Flask:
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), **config})
        with app.app_context():
            db = get_db()
            for role in ROLES:
                if not list(db["users"].rows_where("username = ?", [role])):
                    add_user(db, role, role, PASSWORD)
        return app
    return make


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_token(client: FlaskClient, url: str = "/login") -> str:
    """A CSRF token as a page's form carries it."""
    html = client.get(url).get_data(as_text=True)
    match = _CSRF.search(html)
    assert match, f"no CSRF token on {url}"
    return match[1] or match[2]


def login(client: FlaskClient, username: str, password: str = PASSWORD):
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": csrf_token(client)})


@pytest.fixture
def as_role(app: Flask) -> Callable[[str], FlaskClient]:
    """A new test client logged in with the account of that role."""
    def make(role: str) -> FlaskClient:
        client = app.test_client()
        response = login(client, role)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client
    return make


def work_at(app: Flask, username: str, shelter_name: str) -> int:
    """Let ``username`` work at the shelter called ``shelter_name`` (created if missing)."""
    from phrasebook.shelters import assign_staff, create_shelter, list_shelters, staff_of

    with app.app_context():
        db = get_db()
        found = [s.id for s in list_shelters(db) if s.name == shelter_name]
        shelter_id = found[0] if found else create_shelter(db, shelter_name).id
        user_id = next(db["users"].rows_where("username = ?", [username]))["id"]
        assign_staff(db, shelter_id, [*staff_of(db, shelter_id), user_id])
    return shelter_id


@pytest.fixture
def staff(app: Flask, as_role) -> FlaskClient:
    """The staff account, working at 北小学校 (the shelter the composer tests publish for)."""
    work_at(app, "staff", "北小学校")
    return as_role("staff")


@pytest.fixture
def translator(as_role) -> FlaskClient:
    return as_role("translator")
