"""Storing JMA telegrams as draft messages, for ``bosai jma import``/``watch`` and the drafts
page's upload: every telegram is read first, and one that cannot be used refuses them all
(nothing changes); then each change is applied and audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import sqlite_utils

from app import audit
from phrasebook.jma.drafts import Watched
from phrasebook.jma.store import Applied, apply_telegrams
from phrasebook.jma.telegram import Telegram, TelegramError

AUDIT_ACTIONS = {"draft": "draft", "update": "draft_update", "withdraw": "withdraw"}


@dataclass(frozen=True)
class Imported:
    """The outcome: the telegrams refused (then nothing was applied), or what each did."""

    refused: list[TelegramError] = field(default_factory=list)
    applied: list[Applied] = field(default_factory=list)

    @property
    def public_ids(self) -> list[str]:
        """Messages whose public pages changed (the mirror must follow)."""
        return [a.message_id for a in self.applied if a.public]


def store_telegrams(db: sqlite_utils.Database, read: Sequence[Telegram | TelegramError], watched: Watched,
                    user: str, role: str = "", address: str = "") -> Imported:
    """Apply the telegrams unless one of them could not be read; audit each change as ``user``."""
    refused = [item for item in read if isinstance(item, TelegramError)]
    if refused:
        return Imported(refused=refused)
    applied = apply_telegrams(db, [item for item in read if isinstance(item, Telegram)], watched)
    for done in applied:
        if done.action in AUDIT_ACTIONS:
            audit.write(db, AUDIT_ACTIONS[done.action], user, role, target=done.message_id,
                        detail=f"{done.event_key}: {done.reason}", address=address)
    return Imported(applied=applied)
