"""Draft specs applied to the stored messages: a new draft, new parts for an event's message (a
published one becomes its next version), or its withdrawal. The messages drafted from JMA's
telegrams carry ``source`` ``{"kind": "jma", "event_key", "telegram", "file", "report_time"}``;
the events they show (``known``) tell ``draft_specs`` what is new."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

import sqlite_utils

from phrasebook import messages as model
from phrasebook.errors import N_, Sentence, english
from phrasebook.jma.drafts import DraftSpec, Watched, draft_specs
from phrasebook.jma.telegram import Telegram
from phrasebook.languages import LANGUAGES

AUTHOR = "jma"  # the author of drafted messages


@dataclass(frozen=True)
class Applied:
    """What one spec did: the action, the message it concerned (``""``: none) and why."""

    action: str
    message_id: str
    event_key: str
    why: tuple[Sentence, ...]  # clauses of the reason (the web app shows them translated)
    source: str = ""  # the telegram's file or URL
    drill: bool = False
    public: bool = False  # whether a published message changed (its public pages must follow)

    @property
    def reason(self) -> str:
        return english(self.why)

    def line(self) -> str:
        """One line for the command line and the upload page."""
        drill = " [drill]" if self.drill else ""
        return f"{self.action}{drill} {self.message_id or '-'} {self.event_key}: {self.reason} [{self.source}]"


def source_of(spec: DraftSpec) -> dict[str, Any]:
    return {"kind": "jma", "event_key": spec.event_key, "telegram": spec.telegram, "file": spec.source,
            "report_time": spec.report_time.isoformat() if spec.report_time else ""}


def event_messages(db: sqlite_utils.Database) -> dict[str, model.Message]:
    """The current (not withdrawn) message of each JMA event, by event key."""
    found: dict[str, model.Message] = {}
    for message in reversed(model.all_messages(db)):  # oldest first: the newest wins
        source = message.source or {}
        if source.get("kind") == "jma" and not message.withdrawn:
            found[source["event_key"]] = message
    return found


def known(db: sqlite_utils.Database) -> dict[str, datetime]:
    """Event key -> the report time of the telegram its message shows (for ``draft_specs``)."""
    return {key: datetime.fromisoformat(m.source["report_time"]) for key, m in event_messages(db).items()
            if m.source and m.source.get("report_time")}


def apply_spec(db: sqlite_utils.Database, spec: DraftSpec) -> Applied:
    """Store what ``spec`` says; drafts are area-wide, in every language."""
    current = event_messages(db).get(spec.event_key)
    said = dict(event_key=spec.event_key, source=spec.source, drill=spec.drill)
    if spec.action == "draft" or (spec.action == "update" and current is None):
        created = model.create(db, spec.parts, list(LANGUAGES), AUTHOR, None, spec.drill, published=False,
                               source=source_of(spec))
        return Applied("draft", created.id, why=spec.why, **said)
    if current is None:
        return Applied("skip", "", why=spec.why, **said)
    if spec.action == "update":
        updated = model.replace_parts(db, current.id, spec.parts, source_of(spec))
        why = spec.why + ((Sentence(N_("; published, now version %(version)s"), {"version": updated.version}),)
                          if updated.public else ())
        return Applied("update", current.id, why=why, public=updated.public, **said)
    if spec.action == "withdraw":
        model.withdraw(db, current.id)
        return Applied("withdraw", current.id, why=spec.why, public=current.public, **said)
    return Applied("skip", current.id, why=spec.why, **said)


def apply_telegrams(db: sqlite_utils.Database, telegrams: Sequence[Telegram],
                    watched: Watched | None = None) -> list[Applied]:
    """Apply telegrams in the order JMA reported them."""
    return [apply_spec(db, spec) for tg in sorted(telegrams, key=lambda t: t.report_time)
            for spec in draft_specs(tg, watched, known(db))]
