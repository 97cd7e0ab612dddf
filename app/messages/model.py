"""Published messages: a template, its slot values and languages, stored in the instance DB."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, Language
from phrasebook.render import MissingTranslation, catalog, render

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are typed from paper
ID_LENGTH = 8


@dataclass(frozen=True)
class Message:
    id: str
    template_id: str
    values: dict[str, Any]
    languages: tuple[str, ...]
    author: str
    shelter: str
    created_at: str
    updated_at: str
    withdrawn_at: str | None
    drill: bool

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


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
        shelter=row["shelter"] or "", created_at=row["created_at"], updated_at=row["updated_at"],
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


def publish(db: sqlite_utils.Database, template_id: str, values: dict[str, Any],
            languages: list[str], author: str, shelter: str, drill: bool) -> Message:
    """Store a new message under a fresh short id."""
    now = _now()
    while True:
        new_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if get(db, new_id) is None:
            break
    db["messages"].insert({
        "id": new_id, "template_id": template_id, "slot_values": json.dumps(values, ensure_ascii=False),
        "languages": json.dumps(languages), "author": author, "shelter": shelter,
        "created_at": now, "updated_at": now, "withdrawn_at": None, "drill": int(drill),
    })
    message = get(db, new_id)
    assert message is not None
    return message


def update(db: sqlite_utils.Database, message_id: str, values: dict[str, Any],
           languages: list[str], shelter: str, drill: bool) -> None:
    db["messages"].update(message_id, {
        "slot_values": json.dumps(values, ensure_ascii=False), "languages": json.dumps(languages),
        "shelter": shelter, "drill": int(drill), "updated_at": _now(),
    })


def withdraw(db: sqlite_utils.Database, message_id: str) -> None:
    now = _now()
    db["messages"].update(message_id, {"withdrawn_at": now, "updated_at": now})


def get(db: sqlite_utils.Database, message_id: str) -> Message | None:
    rows = list(db["messages"].rows_where("id = ?", [message_id]))
    return _from_row(rows[0]) if rows else None


def all_messages(db: sqlite_utils.Database) -> list[Message]:
    return [_from_row(r) for r in db["messages"].rows_where(order_by="created_at DESC, id")]
