"""Messages: a list of parts (template and slot values, ``phrasebook.parts``) in chosen
languages, stored in the instance DB; each for one shelter by its id or for the whole area
(table and migrations: ``messages_schema``).

A message is a **draft** until published (``published_at``; drafts come from JMA's telegrams and
are never shown publicly), then **published**, and **withdrawn** once withdrawn. A published
message given new parts (a later telegram) becomes its next ``version``."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Sequence

import sqlite_utils

from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, SOURCE, Language
from phrasebook.parts import Part, join_sentences
from phrasebook.render import MissingTranslation, canonical_values, catalog, render
from phrasebook.shelters import get_shelter

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are typed from paper
ID_LENGTH = 8


STATUSES = ("draft", "published", "withdrawn")
_STATES = ("error", "missing", "untranslated", "fuzzy", "unreviewed", "reviewed")  # worst first


class MessageNotFound(PhrasebookError, LookupError):
    """No message has this id."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id
        super().__init__(f"no message {message_id!r}")


@dataclass(frozen=True)
class Message:
    id: str
    parts: tuple[Part, ...]
    languages: tuple[str, ...]
    author: str
    shelter_id: int | None  # None: the whole area
    shelter_name: str  # the shelter's current name ("" for area-wide messages)
    area: str  # area-wide messages migrated from a typed place that matched no shelter
    created_at: str
    updated_at: str
    withdrawn_at: str | None
    drill: bool
    published_at: str | None = None  # None: a draft
    version: int = 1
    version_at: str | None = None  # when the current version was published
    previous: dict[str, str] | None = None  # {"version_at", "updated_at"} of the version before
    source: dict[str, Any] | None = None  # where a draft came from: {"kind": "jma", "event_key", ...}

    @property
    def template_id(self) -> str:
        """The first part's template (what lists and searches show)."""
        return self.parts[0].template_id

    @property
    def values(self) -> dict[str, Any]:
        """The first part's slot values (a composer message has one part)."""
        return self.parts[0].values

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def public(self) -> bool:
        """Whether the public pages, feed, CAP, kiosk and packs show it: it was published (a
        withdrawn one then says so)."""
        return self.published_at is not None

    @property
    def status(self) -> str:
        """One of ``STATUSES``."""
        return "withdrawn" if self.withdrawn else ("published" if self.public else "draft")

    @property
    def where(self) -> str:
        """Where the message is for, as shown to people: the shelter's name, else the area."""
        return self.shelter_name or self.area

    def for_shelter(self, shelter_id: int) -> bool:
        """Whether a shelter posts this message: its own, or area-wide; never a draft or a
        withdrawn one."""
        return self.status == "published" and self.shelter_id in (None, shelter_id)


@dataclass(frozen=True)
class Rendition:
    """The message in one language: its text, or why there is none; and the review state."""

    lang: Language
    text: str | None
    state: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None


def _from_row(row: dict) -> Message:
    return Message(
        id=row["id"], parts=tuple(Part.from_json(p) for p in json.loads(row["parts"])),
        languages=tuple(json.loads(row["languages"])), author=row["author"],
        shelter_id=row["shelter_id"], shelter_name=row["shelter_name"] or "", area=row["area"] or "",
        created_at=row["created_at"], updated_at=row["updated_at"],
        withdrawn_at=row["withdrawn_at"], drill=bool(row["drill"]), published_at=row["published_at"],
        version=row["version"] or 1, version_at=row["version_at"], previous=_json(row["previous"]),
        source=_json(row["source"]),
    )


def _rendition(part: Part, lang: Language) -> Rendition:
    try:
        text = render(part.template_id, lang.code, part.values)
    except MissingTranslation as exc:
        return Rendition(lang, None, exc.state)
    except PhrasebookError:  # slots changed since publishing, template removed, ...
        return Rendition(lang, None, "error")
    entry = catalog(lang.code).entries.get(part.template_id)
    return Rendition(lang, text, "reviewed" if lang.is_source else (entry.state if entry else "missing"))


def renditions(parts: Sequence[Part], languages: Sequence[str]) -> list[Rendition]:
    """The message in each language, its parts' sentences one a line; a language that cannot
    show every part gets ``text=None`` (and the state of the part that failed); the review
    state is the least reviewed part's."""
    out = []
    for code in languages:
        shown = [_rendition(part, LANGUAGES[code]) for part in parts]
        worst = min((r.state for r in shown), key=lambda state: _STATES.index(state) if state in _STATES else 0)
        text = None if any(r.text is None for r in shown) else join_sentences(r.text or "" for r in shown)
        out.append(Rendition(LANGUAGES[code], text, worst))
    return out


def first_sentence(message: Message) -> str:
    """The message's first sentence in Japanese, for lists (its template id if it cannot be shown)."""
    return (renditions(message.parts, (SOURCE,))[0].text or message.template_id).splitlines()[0]


def _checked_shelter(db: sqlite_utils.Database, shelter_id: int | None) -> int | None:
    if shelter_id is not None:
        get_shelter(db, shelter_id)  # ShelterError if there is no such shelter
    return shelter_id


def _parts_columns(parts: Sequence[Part]) -> dict[str, str]:
    """The stored parts (values canonical, ``phrasebook.render.canonical_values``), and the
    first one's template and values in their own columns."""
    if not parts:
        raise ValueError("a message needs at least one part")
    stored = [{"template_id": p.template_id, "values": canonical_values(p.template_id, p.json_values())}
              for p in parts]
    return {"parts": json.dumps(stored, ensure_ascii=False), "template_id": stored[0]["template_id"],
            "slot_values": json.dumps(stored[0]["values"], ensure_ascii=False)}


def create(db: sqlite_utils.Database, parts: Sequence[Part], languages: Sequence[str], author: str,
           shelter_id: int | None, drill: bool, published: bool = True,
           source: dict[str, Any] | None = None) -> Message:
    """Store a new message under a fresh short id (``shelter_id`` None: for the whole area),
    published now or (``published=False``) as a draft."""
    now = _now()
    shelter_id = _checked_shelter(db, shelter_id)
    while True:
        new_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if get(db, new_id) is None:
            break
    db["messages"].insert({
        "id": new_id, **_parts_columns(parts),
        "languages": json.dumps(list(languages)), "author": author, "shelter_id": shelter_id, "area": None,
        "created_at": now, "updated_at": now, "withdrawn_at": None, "drill": int(drill),
        "published_at": now if published else None, "version": 1, "version_at": now if published else None,
        "previous": None, "source": json.dumps(source, ensure_ascii=False) if source else None,
    })
    message = get(db, new_id)
    assert message is not None
    return message


def publish(db: sqlite_utils.Database, template_id: str, values: dict[str, Any],
            languages: list[str], author: str, shelter_id: int | None, drill: bool) -> Message:
    """Publish a one-part message now (the composer)."""
    return create(db, [Part(template_id, values)], languages, author, shelter_id, drill)


def _get_or_fail(db: sqlite_utils.Database, message_id: str) -> Message:
    message = get(db, message_id)
    if message is None:
        raise MessageNotFound(message_id)
    return message


def update(db: sqlite_utils.Database, message_id: str, values: dict[str, Any],
           languages: list[str], shelter_id: int | None, drill: bool) -> None:
    """Replace a one-part message's values, languages, shelter and drill flag (a chosen shelter
    replaces an ``area``)."""
    shelter_id = _checked_shelter(db, shelter_id)
    message = _get_or_fail(db, message_id)
    area = message.area if shelter_id is None else None
    db["messages"].update(message_id, {
        **_parts_columns([Part(message.template_id, values)]),
        "languages": json.dumps(languages), "shelter_id": shelter_id, "area": area,
        "drill": int(drill), "updated_at": _now(),
    })


def replace_parts(db: sqlite_utils.Database, message_id: str, parts: Sequence[Part],
                  source: dict[str, Any] | None = None) -> Message:
    """Give a message new parts (and source): a draft stays a draft; a published message
    becomes its next version, published now."""
    message = _get_or_fail(db, message_id)
    now = _now()
    change: dict[str, Any] = {**_parts_columns(parts), "updated_at": now}
    if source is not None:
        change["source"] = json.dumps(source, ensure_ascii=False)
    if message.status == "published":
        change.update(version=message.version + 1, version_at=now,
                      previous=json.dumps({"version_at": message.version_at, "updated_at": message.updated_at}))
    db["messages"].update(message_id, change)
    return _get_or_fail(db, message_id)


def publish_draft(db: sqlite_utils.Database, message_id: str) -> None:
    """Make a draft public now (its first version)."""
    now = _now()
    db["messages"].update(message_id, {"published_at": now, "version_at": now, "updated_at": now})


def discard(db: sqlite_utils.Database, message_id: str) -> None:
    """Delete a draft (never public, so nothing refers to it)."""
    if _get_or_fail(db, message_id).status != "draft":
        raise ValueError(f"message {message_id!r} is not a draft")
    db["messages"].delete(message_id)


def withdraw(db: sqlite_utils.Database, message_id: str) -> None:
    now = _now()
    db["messages"].update(message_id, {"withdrawn_at": now, "updated_at": now})


def get(db: sqlite_utils.Database, message_id: str) -> Message | None:
    rows = list(db["message_places"].rows_where("id = ?", [message_id]))
    return _from_row(rows[0]) if rows else None


def get_public(db: sqlite_utils.Database, message_id: str) -> Message | None:
    """The message if the public may see it (never a draft)."""
    message = get(db, message_id)
    return message if message is not None and message.public else None


def all_messages(db: sqlite_utils.Database) -> list[Message]:
    """Every message, drafts too, newest first (staff pages)."""
    return [_from_row(r) for r in db["message_places"].rows_where(order_by="created_at DESC, id")]


def public_messages(db: sqlite_utils.Database) -> list[Message]:
    """The messages the public pages list, newest first: published and withdrawn ones, never
    drafts."""
    return [m for m in all_messages(db) if m.public]


def drafts(db: sqlite_utils.Database) -> list[Message]:
    """The drafts waiting for a person to publish or discard them, newest first."""
    return [m for m in all_messages(db) if m.status == "draft"]


def shelter_messages(db: sqlite_utils.Database, shelter_id: int) -> list[Message]:
    """The messages a shelter posts (kiosk, drill pack): its own and area-wide ones, published
    and not withdrawn, newest first."""
    return [m for m in all_messages(db) if m.for_shelter(shelter_id)]
