"""The request's database connection (``get_db()`` on ``g``), opened on the instance file."""

from __future__ import annotations

import sqlite_utils
from flask import Flask, current_app, g

from phrasebook.registrations import init_registrations
from phrasebook.shelters import init_shelters
from phrasebook.store import import_phrases, init_db, open_db


def get_db() -> sqlite_utils.Database:
    if "db" not in g:
        g.db = open_db(current_app.config["DATABASE"])
    return g.db


def init_schema(db: sqlite_utils.Database) -> None:
    """Create every table the app needs (idempotent)."""
    init_db(db)
    db["users"].create({
        "id": int, "username": str, "role": str, "password_hash": str, "created_at": str,
        "active": int,
    }, pk="id", not_null={"username", "role", "password_hash"}, defaults={"active": 1},
        if_not_exists=True)
    db["users"].create_index(["username"], unique=True, if_not_exists=True)
    db["messages"].create({
        "id": str, "template_id": str, "slot_values": str, "languages": str, "author": str,
        "shelter": str, "created_at": str, "updated_at": str, "withdrawn_at": str, "drill": int,
    }, pk="id", not_null={"template_id", "slot_values", "languages", "author", "created_at",
                          "updated_at"}, defaults={"drill": 0}, if_not_exists=True)
    db["messages"].create_index(["created_at"], if_not_exists=True)
    init_shelters(db)
    init_registrations(db)


def close_db(_exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def init_app(app: Flask) -> None:
    """Create the tables (and load the phrases into a new store) at start-up."""
    app.teardown_appcontext(close_db)
    store = open_db(app.config["DATABASE"])
    try:
        fresh = "phrases" not in store.table_names()
        init_schema(store)
        if fresh or not store["phrases"].count:
            import_phrases(store)
    finally:
        store.conn.close()
