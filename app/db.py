"""The instance database: a connection per server thread (``get_db()``) and the schema."""

from __future__ import annotations

import threading

import sqlite_utils
from flask import Flask, current_app

from phrasebook.messages_schema import init_messages
from phrasebook.places import init_places
from phrasebook.registrations import init_registrations
from phrasebook.shelters import init_shelters
from phrasebook.store import import_phrases, init_db, open_db

_local = threading.local()


def get_db() -> sqlite_utils.Database:
    """This thread's connection to the instance database, kept open across requests (opening
    one, with its pragmas, costs more than a small page); one per server thread."""
    path = current_app.config["DATABASE"]
    cached = getattr(_local, "db", None)
    if cached is None or cached[0] != path:
        if cached is not None:
            cached[1].conn.close()
        _local.db = cached = (path, open_db(path))
    return cached[1]


def end_request(_exc: BaseException | None = None) -> None:
    """Never carry a transaction a request left open into the next request on this thread."""
    cached = getattr(_local, "db", None)
    if cached is not None and cached[1].conn.in_transaction:
        cached[1].conn.rollback()


def init_schema(db: sqlite_utils.Database) -> None:
    """Create every table the app needs (idempotent)."""
    from app.audit.trail import init_audit  # the audit package imports this module

    init_db(db)
    db["users"].create({
        "id": int, "username": str, "role": str, "password_hash": str, "created_at": str,
        "active": int, "session_epoch": int,
    }, pk="id", not_null={"username", "role", "password_hash"}, defaults={"active": 1, "session_epoch": 0},
        if_not_exists=True)
    if "session_epoch" not in db["users"].columns_dict:  # instances made before sessions had epochs
        db["users"].add_column("session_epoch", int, not_null_default=0)
    db["users"].create_index(["username"], unique=True, if_not_exists=True)
    db["login_throttle"].create({"key": str, "failures": int, "since": float, "locked_until": float},
                                pk="key", not_null={"failures", "since"}, if_not_exists=True)
    init_shelters(db)
    init_messages(db)
    init_places(db)
    init_registrations(db)
    init_audit(db)
    # The translation dashboard: catalog revisions handed out with downloads (to merge uploads
    # made from them) and uploads waiting for a confirmation.
    db["catalog_revisions"].create({"code": str, "revision": str, "text": str, "created_at": str},
                                   pk=("code", "revision"), if_not_exists=True)
    db["catalog_uploads"].create({"token": str, "code": str, "text": str, "username": str, "created_at": str},
                                 pk="token", if_not_exists=True)


def init_app(app: Flask) -> None:
    """Create the tables (and load the phrases into a new store) at start-up."""
    app.teardown_appcontext(end_request)
    store = open_db(app.config["DATABASE"])
    try:
        fresh = "phrases" not in store.table_names()
        init_schema(store)
        if fresh or not store["phrases"].count:
            import_phrases(store)
    finally:
        store.conn.close()
