"""A shelter's drill pack from the instance database, for ``bosai pack`` and the shelter page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from phrasebook.messages import shelter_messages
from phrasebook.shelters import Shelter, get_shelter
from printables.pack import PackMessage, PackPart, Progress, build_pack, plan_pack


@dataclass(frozen=True)
class ShelterPack:
    shelter: Shelter
    parts: list[PackPart]

    @property
    def title(self) -> str:
        return f"bosai-kit drill pack: {self.shelter.name}"

    def filename(self, fmt: str) -> str:
        return f"drill-pack-{self.shelter.id}.{fmt}"

    def build(self, fmt: str, progress: Progress | None = None) -> bytes:
        return build_pack(self.parts, fmt, progress, self.title)


def shelter_pack(db: sqlite_utils.Database, shelter_id: int, base_url: str,
                 langs: Sequence[str] | None = None) -> ShelterPack:
    """The pack of the shelter in its languages (or ``langs``), with its published messages."""
    shelter = get_shelter(db, shelter_id)
    messages = [PackMessage(m.id, m.template_id, m.values, m.languages)
                for m in shelter_messages(db, shelter_id)]
    return ShelterPack(shelter, plan_pack(langs or shelter.languages, messages, base_url))
