"""Evacuee registrations: validation of card answers, durable storage, check-in/out history,
headcount, needs summary, CSV export and anonymisation.

Every write is one transaction on a WAL database with ``synchronous=FULL``: once a function here
returns, the registration survives a crash. Reading functions take the shelters the caller may see.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Mapping
from zoneinfo import ZoneInfo

import sqlite_utils

from phrasebook.card import Field, fields, sections
from phrasebook.csvcells import excel_cell
from phrasebook.errors import PhrasebookError
from phrasebook.languages import get_language
from phrasebook.shelters import ShelterClosed, ShelterError, get_shelter, now
from phrasebook.templates import load_templates
from phrasebook.textsafety import (MAX_LINE, MAX_LONG_TEXT, MAX_PHONE, TextRefused, ascii_digits, clean_text, is_phone,
                                  reading, search_key)

MAX_TEXT = {"text": MAX_LINE, "textarea": MAX_LONG_TEXT, "phone": MAX_PHONE, "email": 254}
NUMBER_RANGE = {"age": (0, 130), "household_count": (1, 50), "pregnancy_weeks": (1, 45),
                "medication_left": (0, 365)}
REQUIRED = ("name",)
READINGS = ("name_reading",)  # fields in Latin letters or katakana (``textsafety.reading``)
DIGIT_INPUTS = ("number", "date", "phone")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


class RegistrationError(PhrasebookError, LookupError):
    """An unknown registration, or one the caller may not see."""


class RegistrationInvalid(PhrasebookError, ValueError):
    """Answers that do not validate: ``errors`` maps each field to its error code, ``clean``
    holds the answers that passed (nothing typed correctly is lost)."""

    def __init__(self, errors: dict[str, str], clean: dict[str, Any]) -> None:
        self.errors, self.clean = errors, clean
        super().__init__("registration refused: " + ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())))


@dataclass(frozen=True)
class Registration:
    id: int
    number: str
    shelter_id: int
    lang: str
    answers: dict[str, Any]
    created_at: str
    checked_out_at: str | None
    anonymised_at: str | None

    @property
    def present(self) -> bool:
        return self.checked_out_at is None and self.anonymised_at is None

    @property
    def people(self) -> int:
        return int(self.answers.get("household_count") or 1)


def init_registrations(db: sqlite_utils.Database) -> None:
    db["registrations"].create({
        "id": int, "number": str, "shelter_id": int, "lang": str, "answers": str, "source": str,
        "created_at": str, "updated_at": str, "checked_out_at": str, "anonymised_at": str,
    }, pk="id", foreign_keys=[("shelter_id", "shelters", "id")], if_not_exists=True)
    db["registrations"].create_index(["shelter_id"], if_not_exists=True)
    db["registration_events"].create({
        "id": int, "registration_id": int, "kind": str, "at": str, "actor": str, "detail": str,
    }, pk="id", foreign_keys=[("registration_id", "registrations", "id")], if_not_exists=True)
    db["registration_events"].create_index(["registration_id"], if_not_exists=True)


def number_limits(name: str) -> tuple[int, int]:
    """The smallest and largest answer a number field takes."""
    return NUMBER_RANGE.get(name, (0, 999))


def _check(field: Field, raw: Any) -> tuple[Any, str | None]:
    """(clean value, error code or None) for one answer; empty answers are None."""
    if field.input == "multi":
        values = [raw] if isinstance(raw, str) else list(raw or [])
        values = [v for v in values if v]
        if any(v not in field.options for v in values):
            return None, "choice"
        return (sorted(set(values), key=field.options.index) or None), None
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else ""
    text = str(raw if raw is not None else "")
    if not text or text.isspace():
        return None, None
    if field.input in DIGIT_INPUTS:
        text = ascii_digits(text)
    try:
        text = clean_text(text, MAX_TEXT.get(field.input, MAX_LINE), multiline=field.input == "textarea",
                          required=False)
    except TextRefused as exc:
        return None, "too_long" if exc.code == "too_long" else "invalid_chars"
    if not text:
        return None, None
    if field.input in ("choice", "yesno"):
        return (text, None) if text in field.options else (None, "choice")
    if field.input == "number":
        low, high = number_limits(field.name)
        if not text.isascii() or not text.isdigit():
            return None, "number"
        if not low <= int(text) <= high:
            return None, "number_range"
        return int(text), None
    if field.input == "date":
        try:
            value = date.fromisoformat(text)
        except ValueError:
            return None, "date"
        if not date(1900, 1, 1) <= value <= date.today() and field.section != "stay":
            return None, "date"
        return value.isoformat(), None
    if field.input == "phone" and not is_phone(text):
        return None, "phone"
    if field.input == "email" and not _EMAIL.match(text):
        return None, "email"
    if field.name in READINGS:
        try:
            return reading(text), None
        except TextRefused as exc:
            return None, "too_long" if exc.code == "too_long" else "reading"
    return text, None


def validate(answers: Mapping[str, Any], include_staff: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean answers and error codes by field (``required``, ``too_long``, ``number``,
    ``number_range``, ``date``, ``phone``, ``email``, ``choice``, ``invalid_chars``, ``reading``). Unknown keys are dropped; answers that
    pass are kept even when others fail, so nothing typed correctly is lost."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, field in fields(include_staff=include_staff).items():
        value, error = _check(field, answers.get(name))
        if error:
            errors[name] = error
        elif value is not None:
            clean[name] = value
    for name in REQUIRED:
        if name not in clean and name not in errors:
            errors[name] = "required"
    return clean, errors


def _row(row: dict) -> Registration:
    return Registration(row["id"], row["number"], row["shelter_id"], row["lang"],
                        json.loads(row["answers"] or "{}"), row["created_at"], row["checked_out_at"],
                        row["anonymised_at"])


def _event(db: sqlite_utils.Database, reg_id: int, kind: str, actor: str, detail: dict | None = None) -> None:
    db["registration_events"].insert({"registration_id": reg_id, "kind": kind, "at": now(), "actor": actor,
                                      "detail": json.dumps(detail or {}, ensure_ascii=False)})


def create_registration(db: sqlite_utils.Database, shelter_id: int, lang: str, answers: Mapping[str, Any],
                        source: str = "kiosk", actor: str = "kiosk") -> Registration:
    """Store a validated registration in one durable transaction and return it.

    Raises ``ShelterClosed`` when the shelter is closed and ``RegistrationInvalid`` (with the
    error codes) when the answers do not validate.
    """
    shelter = get_shelter(db, shelter_id)
    if not shelter.is_open:
        raise ShelterClosed(shelter)
    clean, errors = validate(answers, include_staff=source == "staff")
    if errors:
        raise RegistrationInvalid(errors, clean)
    code = get_language(lang).code
    stamp = now()
    with db.conn:
        cursor = db.execute(
            "INSERT INTO registrations (shelter_id, lang, answers, source, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [shelter_id, code, json.dumps(clean, ensure_ascii=False), source, stamp, stamp])
        reg_id = cursor.lastrowid
        number = f"{shelter_id}-{reg_id:05d}"
        db.execute("UPDATE registrations SET number = ? WHERE id = ?", [number, reg_id])
        _event(db, reg_id, "check_in", actor)
    return get_registration(db, reg_id, [shelter_id])


def get_registration(db: sqlite_utils.Database, reg_id: int, shelter_ids: list[int] | None) -> Registration:
    """One registration, if it belongs to a shelter in ``shelter_ids`` (None: any shelter)."""
    rows = list(db["registrations"].rows_where("id = ?", [reg_id]))
    if not rows or (shelter_ids is not None and rows[0]["shelter_id"] not in shelter_ids):
        raise RegistrationError(f"no registration {reg_id}")
    return _row(rows[0])


def list_registrations(db: sqlite_utils.Database, shelter_id: int, query: str = "",
                       present: bool | None = None, need: str | None = None) -> list[Registration]:
    """Registrations of one shelter, newest first; ``query`` matches number, name or reading."""
    regs = [_row(r) for r in db["registrations"].rows_where("shelter_id = ?", [shelter_id], order_by="id desc")]
    if present is not None:
        regs = [r for r in regs if r.present == present]
    if query:
        q = search_key(query)
        regs = [r for r in regs if q in r.number.casefold()
                or q in search_key(str(r.answers.get("name", "")))
                or q in search_key(str(r.answers.get("name_reading", "")))]
    if need:
        regs = [r for r in regs if need in needs_of(r)]
    return regs


def display_name(answers: Mapping[str, Any]) -> str:
    """The name as written with its reading beside it, for staff: ``မောင်မောင် (Maung Maung)``;
    the name alone when there is no reading or it is the same."""
    name, read = str(answers.get("name", "")), str(answers.get("name_reading", ""))
    return f"{name} ({read})" if read and read.casefold() != name.casefold() else name


def update_registration(db: sqlite_utils.Database, reg_id: int, shelter_ids: list[int] | None,
                        answers: Mapping[str, Any], actor: str) -> dict[str, str]:
    """Replace the answers (staff edit); returns error codes and changes nothing if any."""
    reg = get_registration(db, reg_id, shelter_ids)
    if reg.anonymised_at:
        raise RegistrationError(f"registration {reg_id} has been anonymised")
    clean, errors = validate(answers, include_staff=True)
    if errors:
        return errors
    changed = sorted(k for k in set(clean) | set(reg.answers) if clean.get(k) != reg.answers.get(k))
    with db.conn:
        db["registrations"].update(reg_id, {"answers": json.dumps(clean, ensure_ascii=False), "updated_at": now()})
        _event(db, reg_id, "edit", actor, {"fields": changed})
    return {}


def set_present(db: sqlite_utils.Database, reg_id: int, shelter_ids: list[int] | None, present: bool,
                actor: str, destination: str = "") -> None:
    """Check a registration out (or back in); every change is kept in the event log. Raises
    ``TextRefused`` for a destination the text rules refuse."""
    reg = get_registration(db, reg_id, shelter_ids)
    destination = clean_text(destination, MAX_LINE, required=False)
    if reg.present == present or reg.anonymised_at:
        return
    with db.conn:
        db["registrations"].update(reg_id, {"checked_out_at": None if present else now(), "updated_at": now()})
        _event(db, reg_id, "check_in" if present else "check_out", actor,
               {"destination": destination} if destination else None)


def history(db: sqlite_utils.Database, reg_id: int, shelter_ids: list[int] | None) -> list[dict]:
    """The registration's events, oldest first, each with its ``detail`` as a dict."""
    get_registration(db, reg_id, shelter_ids)
    return [{**row, "detail": json.loads(row["detail"] or "{}")}
            for row in db["registration_events"].rows_where("registration_id = ?", [reg_id], order_by="id")]


def needs_of(reg: Registration) -> set[str]:
    """Need keys of one registration: ``allergy:egg``, ``dietary:halal``, ``interpreter:ne``,
    ``medical``, ``care``, ``pregnancy``, ``infant``."""
    a = reg.answers
    found = {f"allergy:{v}" for v in a.get("allergy", [])} | {f"dietary:{v}" for v in a.get("dietary", [])}
    if a.get("interpreter") == "yes":
        found.add(f"interpreter:{reg.lang}")
    if "yes" in (a.get("injury"), a.get("chronic_illness"), a.get("medication")):
        found.add("medical")
    if a.get("care_needs"):
        found.add("care")
    if a.get("pregnancy") == "yes":
        found.add("pregnancy")
    if a.get("infant") == "yes":
        found.add("infant")
    return found


def headcount(db: sqlite_utils.Database, shelter_id: int) -> tuple[int, int]:
    """(people present, capacity): a registration counts its household."""
    present = sum(r.people for r in list_registrations(db, shelter_id, present=True))
    return present, get_shelter(db, shelter_id).capacity


def needs_summary(db: sqlite_utils.Database, shelter_id: int) -> Counter:
    """How many present registrations have each need."""
    counts: Counter = Counter()
    for reg in list_registrations(db, shelter_id, present=True):
        counts.update(needs_of(reg))
    return counts


def local_time(stamp: str, tz: str) -> datetime:
    """A stored UTC time (ISO 8601) in the time zone ``tz`` (``BOSAI_TIMEZONE``)."""
    when = datetime.fromisoformat(stamp)
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(ZoneInfo(tz))


def card_answers(reg: Registration, shelter_name: str, tz: str) -> dict[str, Any]:
    """The answers to print on the registration's card, with the staff box filled from the
    record: the shelter's name, the registration number, the date of entry and, once checked
    out, the date of leaving (dates in ``tz``). What staff typed into those boxes wins, except
    the number."""
    record = {"shelter_name": shelter_name, "check_in": local_time(reg.created_at, tz).date().isoformat()}
    if reg.checked_out_at:
        record["check_out"] = local_time(reg.checked_out_at, tz).date().isoformat()
    return record | reg.answers | {"registration_number": reg.number}


RECORD_COLUMNS = ["受付番号", "言語", "登録日時", "退所日時"]  # the CSV's first columns, from the record


def csv_headers(cols: list[Field]) -> list[str]:
    """The CSV's Japanese column names, each unique: a field label already used (氏名 of the
    emergency contact, 受付番号 of the staff box) gets its section's title in front."""
    templates = load_templates()
    titles = {s.key: templates[s.title_id].ja for s in sections()}
    seen = set(RECORD_COLUMNS)
    headers = list(RECORD_COLUMNS)
    for f in cols:
        label = templates[f.label_id].ja
        headers.append(f"{titles[f.section]}：{label}" if label in seen else label)
        seen.add(label)
    return headers


def export_csv(db: sqlite_utils.Database, shelter_id: int, tz: str = "Asia/Tokyo") -> bytes:
    """All registrations of a shelter as CSV in UTF-8 with BOM (Excel opens it with Japanese
    intact), headed and labelled in Japanese for staff, times in ``tz`` as 2026-11-26 09:30."""
    templates = load_templates()
    cols = list(fields(include_staff=True).values())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_headers(cols))

    def shown(stamp: str | None) -> str:
        return local_time(stamp, tz).strftime("%Y-%m-%d %H:%M") if stamp else ""

    for reg in reversed(list_registrations(db, shelter_id)):
        row = [reg.number, get_language(reg.lang).japanese, shown(reg.created_at), shown(reg.checked_out_at)]
        for f in cols:
            value = reg.answers.get(f.name, "")
            labels = dict(zip(f.options, f.option_ids))
            if isinstance(value, list):
                value = "・".join(templates[labels[v]].ja for v in value if v in labels)
            elif value in labels and f.input in ("choice", "yesno"):
                value = templates[labels[value]].ja
            row.append(excel_cell(value))
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def anonymise_closed_shelter(db: sqlite_utils.Database, shelter_id: int, actor: str) -> int:
    """Remove the personal data of every registration of a closed shelter, keeping only the
    language, the household size and the dates. Returns how many were anonymised."""
    if get_shelter(db, shelter_id).is_open:
        raise ShelterError("close the shelter before anonymising its registrations")
    regs = [r for r in list_registrations(db, shelter_id) if not r.anonymised_at]
    with db.conn:
        for reg in regs:
            kept = {"household_count": reg.answers["household_count"]} if "household_count" in reg.answers else {}
            db["registrations"].update(reg.id, {"answers": json.dumps(kept), "anonymised_at": now(),
                                                "updated_at": now()})
            db.execute("UPDATE registration_events SET detail = '{}' WHERE registration_id = ?", [reg.id])
            _event(db, reg.id, "anonymise", actor)
    return len(regs)
