"""Published messages: a template, its slot values and languages, stored in the instance DB.

A message belongs to one shelter by its id (``shelter_id``) or to the whole area (NULL), so a
renamed shelter keeps its announcements. Databases from before that link are migrated by
``init_messages``: a typed shelter name that matches a shelter (NFKC, spaces folded, case
folded) becomes its id; any other text makes the message area-wide and stays as its ``area``.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from phrasebook.errors import PhrasebookError, UnknownTemplate
from phrasebook.languages import LANGUAGES, Language
from phrasebook.render import MissingTranslation, catalog, render
from phrasebook.shelters import get_shelter, list_shelters
from phrasebook.slots import canonical
from phrasebook.templates import get_template
from phrasebook.textsafety import name_key

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are typed from paper
ID_LENGTH = 8


class MessageNotFound(PhrasebookError, LookupError):
    """No published message has this id."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id
        super().__init__(f"no published message {message_id!r}")


@dataclass(frozen=True)
class Message:
    id: str
    template_id: str
    values: dict[str, Any]
    languages: tuple[str, ...]
    author: str
    shelter_id: int | None  # None: the whole area
    shelter_name: str  # the shelter's current name ("" for area-wide messages)
    area: str  # area-wide messages migrated from a typed place that matched no shelter
    created_at: str
    updated_at: str
    withdrawn_at: str | None
    drill: bool

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def where(self) -> str:
        """Where the message is for, as shown to people: the shelter's name, else the area."""
        return self.shelter_name or self.area

    def for_shelter(self, shelter_id: int) -> bool:
        """Whether a shelter posts this message: its own, or area-wide; never a withdrawn one."""
        return not self.withdrawn and self.shelter_id in (None, shelter_id)


@dataclass(frozen=True)
class Rendition:
    """The message in one language: its text, or why there is none; and the review state."""

    lang: Language
    text: str | None
    state: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_SELECT = ("SELECT m.*, s.name AS shelter_name FROM messages m "
           "LEFT JOIN shelters s ON s.id = m.shelter_id")


def _from_row(row: dict) -> Message:
    return Message(
        id=row["id"], template_id=row["template_id"], values=json.loads(row["slot_values"]),
        languages=tuple(json.loads(row["languages"])), author=row["author"],
        shelter_id=row["shelter_id"], shelter_name=row["shelter_name"] or "", area=row["area"] or "",
        created_at=row["created_at"], updated_at=row["updated_at"],
        withdrawn_at=row["withdrawn_at"], drill=bool(row["drill"]),
    )


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


def renditions(template_id: str, languages: list[str] | tuple[str, ...],
               values: dict[str, Any]) -> list[Rendition]:
    """The message in each language; a language that cannot show it gets ``text=None``."""
    out = []
    for code in languages:
        lang = LANGUAGES[code]
        try:
            text = render(template_id, code, values)
        except MissingTranslation as exc:
            out.append(Rendition(lang, None, exc.state))
            continue
        except PhrasebookError:  # slots changed since publishing, template removed, ...
            out.append(Rendition(lang, None, "error"))
            continue
        entry = catalog(code).entries.get(template_id)
        out.append(Rendition(lang, text, "reviewed" if lang.is_source else (entry.state if entry else "missing")))
    return out


def stored_values(template_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """Slot values as they are stored: digits of dates, times, numbers and phone numbers in
    ASCII (``phrasebook.slots.canonical``)."""
    try:
        kinds = get_template(template_id).slots
    except UnknownTemplate:
        kinds = {}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dict):
            out[name] = {code: canonical("text", text) for code, text in value.items()}
        else:
            out[name] = canonical(kinds.get(name, "text"), value)
    return out


def _checked_shelter(db: sqlite_utils.Database, shelter_id: int | None) -> int | None:
    if shelter_id is not None:
        get_shelter(db, shelter_id)  # ShelterError if there is no such shelter
    return shelter_id


def publish(db: sqlite_utils.Database, template_id: str, values: dict[str, Any],
            languages: list[str], author: str, shelter_id: int | None, drill: bool) -> Message:
    """Store a new message under a fresh short id (``shelter_id`` None: for the whole area)."""
    now = _now()
    shelter_id = _checked_shelter(db, shelter_id)
    while True:
        new_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if get(db, new_id) is None:
            break
    with db.conn:
        db["messages"].insert({
            "id": new_id, "template_id": template_id,
            "slot_values": json.dumps(stored_values(template_id, values), ensure_ascii=False),
            "languages": json.dumps(languages), "author": author, "shelter_id": shelter_id, "area": None,
            "created_at": now, "updated_at": now, "withdrawn_at": None, "drill": int(drill),
        })
    message = get(db, new_id)
    assert message is not None
    return message


def update(db: sqlite_utils.Database, message_id: str, values: dict[str, Any],
           languages: list[str], shelter_id: int | None, drill: bool) -> None:
    """Replace a message's values, languages, shelter and drill flag. Choosing a shelter or the
    whole area again replaces a migrated ``area`` text."""
    shelter_id = _checked_shelter(db, shelter_id)
    message = get(db, message_id)
    if message is None:
        raise MessageNotFound(message_id)
    area = message.area if shelter_id is None and message.shelter_id is None else None
    with db.conn:
        db["messages"].update(message_id, {
            "slot_values": json.dumps(stored_values(message.template_id, values), ensure_ascii=False),
            "languages": json.dumps(languages), "shelter_id": shelter_id, "area": area,
            "drill": int(drill), "updated_at": _now(),
        })


def withdraw(db: sqlite_utils.Database, message_id: str) -> None:
    now = _now()
    with db.conn:
        db["messages"].update(message_id, {"withdrawn_at": now, "updated_at": now})


def _query(db: sqlite_utils.Database, sql: str, params: list[Any] | None = None) -> list[Message]:
    cursor = db.execute(f"{_SELECT} {sql}", params or [])
    names = [c[0] for c in cursor.description]
    return [_from_row(dict(zip(names, row))) for row in cursor.fetchall()]


def get(db: sqlite_utils.Database, message_id: str) -> Message | None:
    found = _query(db, "WHERE m.id = ?", [message_id])
    return found[0] if found else None


def all_messages(db: sqlite_utils.Database) -> list[Message]:
    """Every message, newest first."""
    return _query(db, "ORDER BY m.created_at DESC, m.id")


def shelter_messages(db: sqlite_utils.Database, shelter_id: int) -> list[Message]:
    """The messages a shelter posts (kiosk, drill pack): its own and area-wide ones, not
    withdrawn, newest first."""
    return [m for m in all_messages(db) if m.for_shelter(shelter_id)]
