"""The municipality overview: every shelter's headcount and needs side by side, with totals, so a
disaster multilingual support centre sees where interpreters and special food are needed."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import sqlite_utils

from phrasebook.csvcells import excel_cell
from phrasebook.registrations import list_registrations, needs_of
from phrasebook.shelters import Shelter, list_shelters

# Need kinds in the order staff read them; a need key is ``kind`` or ``kind:what``.
NEED_KINDS = ("allergy", "dietary", "interpreter", "medical", "care", "pregnancy", "infant")


@dataclass
class ShelterNeeds:
    """One shelter (or, with ``shelter`` None, the totals): people present (households counted),
    present registrations, needs, people by language, and the latest registration time."""

    shelter: Shelter | None
    capacity: int = 0
    people: int = 0
    registrations: int = 0
    needs: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)  # people present by registration language
    last_registration: str | None = None

    @property
    def free(self) -> int | None:
        """Places left (negative when over capacity), or None when no capacity is set."""
        return self.capacity - self.people if self.capacity else None


@dataclass
class Overview:
    shelters: list[ShelterNeeds]

    @property
    def totals(self) -> ShelterNeeds:
        """The sums over every shelter (open or closed), as one pseudo-row without a shelter."""
        total = ShelterNeeds(shelter=None)
        for row in self.shelters:
            total.capacity += row.capacity
            total.people += row.people
            total.registrations += row.registrations
            total.needs.update(row.needs)
            total.languages.update(row.languages)
            if row.last_registration and (total.last_registration or "") < row.last_registration:
                total.last_registration = row.last_registration
        return total

    def need_keys(self) -> list[str]:
        """Every need present anywhere, grouped by kind in NEED_KINDS order."""
        keys = set(self.totals.needs)
        return sorted(keys, key=lambda key: (NEED_KINDS.index(key.partition(":")[0])
                                             if key.partition(":")[0] in NEED_KINDS else len(NEED_KINDS), key))


def municipality_overview(db: sqlite_utils.Database, shelter_ids: list[int] | None = None) -> Overview:
    """Headcount, needs and languages of the people present at each shelter (all when ``None``)."""
    rows = []
    for shelter in list_shelters(db, shelter_ids):
        row = ShelterNeeds(shelter=shelter, capacity=shelter.capacity)
        for reg in list_registrations(db, shelter.id):
            if row.last_registration is None or reg.created_at > row.last_registration:
                row.last_registration = reg.created_at
            if not reg.present:
                continue
            row.registrations += 1
            row.people += reg.people
            row.needs.update(needs_of(reg))
            row.languages[reg.lang] += reg.people
        rows.append(row)
    return Overview(rows)


def overview_csv(overview: Overview, need_label: Callable[[str], str], language_name: Callable[[str], str],
                 headings: dict[str, str], time: Callable[[str], str]) -> bytes:
    """The overview as CSV (UTF-8 with BOM for Excel): one row per shelter, then the totals.
    Labels come from the caller so the file is in the staff member's language."""
    keys = overview.need_keys()
    languages = sorted(overview.totals.languages)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([headings["shelter"], headings["status"], headings["people"], headings["capacity"],
                     headings["registrations"], headings["last"]]
                    + [need_label(key) for key in keys]
                    + [f"{headings['language']}: {language_name(code)}" for code in languages])
    for row in [*overview.shelters, overview.totals]:
        shelter = row.shelter
        writer.writerow([excel_cell(shelter.name) if shelter else headings["total"],
                         headings["open" if shelter.is_open else "closed"] if shelter else "",
                         row.people, row.capacity or "", row.registrations,
                         time(row.last_registration) if row.last_registration else ""]
                        + [row.needs.get(key, 0) for key in keys]
                        + [row.languages.get(code, 0) for code in languages])
    return ("\ufeff" + out.getvalue()).encode("utf-8")

