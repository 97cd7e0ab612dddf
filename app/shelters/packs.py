"""A shelter's drill pack from the instance database, for ``bosai pack`` and the shelter page,
and the reasons a part can be left out of it in the staff's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from app.i18n import lazy
from app.jobs import Skip
from phrasebook.messages import shelter_messages
from phrasebook.shelters import Shelter, get_shelter
from printables.pack import PackMessage, PackPart, Progress, build_pack, plan_pack

# printables.pack.SKIP_REASONS codes, for the progress page
SKIP_REASONS = {
    "too_long": lazy("the text is too long for its space"),
    "bad_text": lazy("the text holds characters that cannot be printed"),
    "font": lazy("a font it needs is not installed"),
    "layout": lazy("it cannot be laid out with this content"),
    "error": lazy("an error occurred while building it"),
}


@dataclass(frozen=True)
class ShelterPack:
    shelter: Shelter
    parts: list[PackPart]

    @property
    def title(self) -> str:
        return f"bosai-kit drill pack: {self.shelter.name}"

    def filename(self, fmt: str) -> str:
        return f"drill-pack-{self.shelter.id}.{fmt}"

    def build(self, fmt: str, progress: Progress | None = None, skip: Skip | None = None) -> bytes:
        """The pack; each part left out is passed to ``skip(title, reason code)``."""
        return build_pack(self.parts, fmt, progress, self.title,
                          (lambda left_out: skip(left_out.part.title, left_out.reason)) if skip else None)


def shelter_pack(db: sqlite_utils.Database, shelter_id: int, base_url: str,
                 langs: Sequence[str] | None = None) -> ShelterPack:
    """The pack of the shelter in its languages (or ``langs``), with its published messages."""
    shelter = get_shelter(db, shelter_id)
    messages = [PackMessage(m.id, m.parts, m.languages)
                for m in shelter_messages(db, shelter_id)]
    return ShelterPack(shelter, plan_pack(langs or shelter.languages, messages, base_url))
