"""The messages table and the migrations of older databases:

- a message that named its shelter by typed text: a typed name that matches a shelter (NFKC,
  spaces folded, case folded) becomes its id; any other text makes the message area-wide and is
  kept as its ``area`` for display (without the characters the text rules refuse);
- a message of one template: its template and values become its one ``parts`` entry, and it is
  published (``published_at``, ``version_at``: its creation time) in version 1."""

from __future__ import annotations

import sqlite_utils

from phrasebook.shelters import list_shelters
from phrasebook.textsafety import fold_spaces, name_key, without_refused


def init_messages(db: sqlite_utils.Database) -> None:
    """Create the messages table, or migrate one that names its shelter by typed text (after
    ``init_shelters``; idempotent)."""
    db["messages"].create({
        "id": str, "template_id": str, "slot_values": str, "languages": str, "author": str,
        "shelter_id": int, "area": str, "created_at": str, "updated_at": str, "withdrawn_at": str, "drill": int,
        **PARTS_COLUMNS,
    }, pk="id", not_null={"template_id", "slot_values", "languages", "author", "created_at",
                          "updated_at"}, defaults={"drill": 0, "version": 1}, foreign_keys=[("shelter_id", "shelters", "id")],
        if_not_exists=True)
    if "shelter" in db["messages"].columns_dict:
        _link_shelters_by_id(db)
    if "parts" not in db["messages"].columns_dict:
        _add_parts(db)
    db["messages"].create_index(["created_at"], if_not_exists=True)
    db["messages"].create_index(["shelter_id"], if_not_exists=True)
    # Each message with its shelter's current name (what ``phrasebook.messages`` reads).
    db.create_view("message_places", "SELECT m.*, s.name AS shelter_name FROM messages m "
                   "LEFT JOIN shelters s ON s.id = m.shelter_id", ignore=True)


# ``parts``: JSON list of {"template_id", "values"} (``template_id``/``slot_values`` repeat the
# first, for listing and search); ``published_at`` NULL: a draft; ``version_at``: when the current
# version was published; ``previous``: JSON {"version_at", "updated_at"} of the version before
# (for CAP references); ``source``: JSON of where a draft came from (a JMA telegram).
PARTS_COLUMNS = {"parts": str, "published_at": str, "version": int, "version_at": str, "previous": str,
                 "source": str}


def _add_parts(db: sqlite_utils.Database) -> None:
    """The migration to parts: every existing message is a published one-part message, version 1."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, kind in PARTS_COLUMNS.items():
            sql_type = "INTEGER NOT NULL DEFAULT 1" if kind is int else "TEXT"
            conn.execute(f"ALTER TABLE messages ADD COLUMN {name} {sql_type}")
        conn.execute("UPDATE messages SET parts = json_array(json_object('template_id', template_id, "
                     "'values', json(slot_values))), published_at = created_at, version_at = created_at")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _link_shelters_by_id(db: sqlite_utils.Database) -> None:
    """The migration: the typed ``shelter`` column becomes ``shelter_id`` (a matching shelter)
    or ``area`` (any other text), all in one transaction."""
    by_key: dict[str, int] = {}
    for shelter in list_shelters(db):
        by_key.setdefault(name_key(shelter.name), shelter.id)
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("ALTER TABLE messages ADD COLUMN shelter_id INTEGER REFERENCES shelters(id)")
        conn.execute("ALTER TABLE messages ADD COLUMN area TEXT")
        for message_id, typed in conn.execute("SELECT id, shelter FROM messages").fetchall():
            shelter_id = by_key.get(name_key(typed or ""))
            area = fold_spaces(without_refused(typed or "")) if shelter_id is None else ""
            conn.execute("UPDATE messages SET shelter_id = ?, area = ? WHERE id = ?",
                         [shelter_id, area or None, message_id])
        conn.execute("ALTER TABLE messages DROP COLUMN shelter")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
