"""Published messages: a template, its slot values and languages, stored in the instance DB;
each for one shelter by its id or for the whole area (table and migration: ``messages_schema``)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, Language
from phrasebook.render import MissingTranslation, canonical_values, catalog, render
from phrasebook.shelters import get_shelter

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


def _from_row(row: dict) -> Message:
    return Message(
        id=row["id"], template_id=row["template_id"], values=json.loads(row["slot_values"]),
        languages=tuple(json.loads(row["languages"])), author=row["author"],
        shelter_id=row["shelter_id"], shelter_name=row["shelter_name"] or "", area=row["area"] or "",
        created_at=row["created_at"], updated_at=row["updated_at"],
        withdrawn_at=row["withdrawn_at"], drill=bool(row["drill"]),
    )


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
    db["messages"].insert({
        "id": new_id, "template_id": template_id,
        "slot_values": json.dumps(canonical_values(template_id, values), ensure_ascii=False),
        "languages": json.dumps(languages), "author": author, "shelter_id": shelter_id, "area": None,
        "created_at": now, "updated_at": now, "withdrawn_at": None, "drill": int(drill),
    })
    message = get(db, new_id)
    assert message is not None
    return message


def update(db: sqlite_utils.Database, message_id: str, values: dict[str, Any],
           languages: list[str], shelter_id: int | None, drill: bool) -> None:
    """Replace values, languages, shelter and drill flag (a chosen shelter replaces an ``area``)."""
    shelter_id = _checked_shelter(db, shelter_id)
    message = get(db, message_id)
    if message is None:
        raise MessageNotFound(message_id)
    area = message.area if shelter_id is None else None
    db["messages"].update(message_id, {
        "slot_values": json.dumps(canonical_values(message.template_id, values), ensure_ascii=False),
        "languages": json.dumps(languages), "shelter_id": shelter_id, "area": area,
        "drill": int(drill), "updated_at": _now(),
    })


def withdraw(db: sqlite_utils.Database, message_id: str) -> None:
    now = _now()
    db["messages"].update(message_id, {"withdrawn_at": now, "updated_at": now})


def get(db: sqlite_utils.Database, message_id: str) -> Message | None:
    rows = list(db["message_places"].rows_where("id = ?", [message_id]))
    return _from_row(rows[0]) if rows else None


def all_messages(db: sqlite_utils.Database) -> list[Message]:
    return [_from_row(r) for r in db["message_places"].rows_where(order_by="created_at DESC, id")]


def shelter_messages(db: sqlite_utils.Database, shelter_id: int) -> list[Message]:
    """The messages a shelter posts (kiosk, drill pack): its own and area-wide ones, not
    withdrawn, newest first."""
    return [m for m in all_messages(db) if m.for_shelter(shelter_id)]
