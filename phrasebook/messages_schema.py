"""The messages table, and the migration of databases that named a message's shelter by typed
text: a typed name that matches a shelter (NFKC, spaces folded, case folded) becomes its id; any
other text makes the message area-wide and is kept as its ``area`` for display."""

from __future__ import annotations

import sqlite_utils

from phrasebook.shelters import list_shelters
from phrasebook.textsafety import name_key


def init_messages(db: sqlite_utils.Database) -> None:
    """Create the messages table, or migrate one that names its shelter by typed text (after
    ``init_shelters``; idempotent)."""
    db["messages"].create({
        "id": str, "template_id": str, "slot_values": str, "languages": str, "author": str,
        "shelter_id": int, "area": str, "created_at": str, "updated_at": str, "withdrawn_at": str, "drill": int,
    }, pk="id", not_null={"template_id", "slot_values", "languages", "author", "created_at",
                          "updated_at"}, defaults={"drill": 0}, foreign_keys=[("shelter_id", "shelters", "id")],
        if_not_exists=True)
    if "shelter" in db["messages"].columns_dict:
        _link_shelters_by_id(db)
    db["messages"].create_index(["created_at"], if_not_exists=True)
    db["messages"].create_index(["shelter_id"], if_not_exists=True)
    # Each message with its shelter's current name (what ``phrasebook.messages`` reads).
    db.create_view("message_places", "SELECT m.*, s.name AS shelter_name FROM messages m "
                   "LEFT JOIN shelters s ON s.id = m.shelter_id", ignore=True)


def _link_shelters_by_id(db: sqlite_utils.Database) -> None:
    """The migration: the typed ``shelter`` column becomes ``shelter_id`` (a matching shelter)
    or ``area`` (any other text), in one transaction."""
    by_key = {}
    for shelter in list_shelters(db):
        by_key.setdefault(name_key(shelter.name), shelter.id)
    with db.conn:
        rows = db.execute("SELECT id, shelter FROM messages").fetchall()
        table = db["messages"]
        table.transform(add={"shelter_id": int, "area": str}, drop={"shelter"},
                        add_foreign_keys=[("shelter_id", "shelters", "id")],
                        column_order=["id", "template_id", "slot_values", "languages", "author", "shelter_id",
                                      "area"])
        for message_id, typed in rows:
            shelter_id = by_key.get(name_key(typed or ""))
            area = None if shelter_id is not None or not (typed or "").strip() else typed.strip()
            db.execute("UPDATE messages SET shelter_id = ?, area = ? WHERE id = ?", [shelter_id, area, message_id])
