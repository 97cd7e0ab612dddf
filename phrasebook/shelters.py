"""Shelters and the kiosk devices bound to them.

A kiosk token is shown once when created; only its SHA-256 is stored, and staff can revoke it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils

from phrasebook.errors import PhrasebookError
from phrasebook.languages import get_language
from phrasebook.textsafety import MAX_ADDRESS, MAX_SHELTER_NAME, TextRefused, clean_text, fold_spaces

MAX_KIOSK_LABEL = 100


class ShelterError(PhrasebookError, ValueError):
    """Bad shelter data or an unknown shelter: ``field`` and ``code`` say which rule (a
    ``phrasebook.textsafety`` code, or ``capacity``) when a field was refused."""

    def __init__(self, message: str, field: str = "", code: str = "", char: str = "") -> None:
        self.field, self.code, self.char = field, code, char
        super().__init__(message)


class ShelterClosed(PhrasebookError):
    """The shelter is closed: it takes no registrations."""

    def __init__(self, shelter: "Shelter") -> None:
        self.shelter = shelter
        super().__init__(f"shelter {shelter.id} ({shelter.name}) is closed")


@dataclass(frozen=True)
class Shelter:
    id: int
    name: str
    address: str
    capacity: int
    languages: tuple[str, ...]
    is_open: bool


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def init_shelters(db: sqlite_utils.Database) -> None:
    db["shelters"].create({"id": int, "name": str, "address": str, "capacity": int, "languages": str,
                           "is_open": int, "created_at": str, "closed_at": str},
                          pk="id", if_not_exists=True)
    db["kiosk_tokens"].create({"token_hash": str, "shelter_id": int, "label": str, "created_at": str,
                               "revoked_at": str}, pk="token_hash",
                              foreign_keys=[("shelter_id", "shelters", "id")], if_not_exists=True)
    db["shelter_staff"].create({"shelter_id": int, "user_id": int}, pk=("shelter_id", "user_id"),
                               foreign_keys=[("shelter_id", "shelters", "id")], if_not_exists=True)


def _row(row: dict) -> Shelter:
    return Shelter(row["id"], row["name"], row["address"] or "", row["capacity"] or 0,
                   tuple(json.loads(row["languages"] or "[]")), bool(row["is_open"]))


def _clean(name: str, address: str, capacity: int, languages: list[str]) -> dict:
    cleaned = {}
    for field, value, limit in (("name", name, MAX_SHELTER_NAME), ("address", address, MAX_ADDRESS)):
        try:
            cleaned[field] = fold_spaces(clean_text(value or "", limit, required=field == "name"))
        except TextRefused as exc:
            raise ShelterError(f"the {field} {exc}", field, exc.code, exc.char) from None
    if not 0 <= capacity <= 100_000:
        raise ShelterError("capacity must be between 0 and 100000", "capacity", "capacity")
    codes = [get_language(code).code for code in languages]
    return {**cleaned, "capacity": capacity, "languages": json.dumps(codes)}


def create_shelter(db: sqlite_utils.Database, name: str, address: str = "", capacity: int = 0,
                   languages: list[str] | None = None) -> Shelter:
    row = _clean(name, address, capacity, languages or ["ja", "ja@easy", "en"])
    with db.conn:
        pk = db["shelters"].insert({**row, "is_open": 1, "created_at": now()}).last_pk
    return get_shelter(db, pk)


def update_shelter(db: sqlite_utils.Database, shelter_id: int, name: str, address: str, capacity: int,
                   languages: list[str], is_open: bool) -> Shelter:
    was_open = get_shelter(db, shelter_id).is_open
    row = _clean(name, address, capacity, languages)
    row["is_open"] = int(is_open)
    if was_open and not is_open:
        row["closed_at"] = now()
    with db.conn:
        db["shelters"].update(shelter_id, row)
    return get_shelter(db, shelter_id)


def get_shelter(db: sqlite_utils.Database, shelter_id: int) -> Shelter:
    rows = list(db["shelters"].rows_where("id = ?", [shelter_id]))
    if not rows:
        raise ShelterError(f"no shelter {shelter_id}")
    return _row(rows[0])


def list_shelters(db: sqlite_utils.Database, ids: list[int] | None = None) -> list[Shelter]:
    """All shelters, or only those in ``ids``."""
    if ids is None:
        return [_row(r) for r in db["shelters"].rows_where(order_by="id")]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [_row(r) for r in db["shelters"].rows_where(f"id in ({marks})", ids, order_by="id")]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_kiosk_token(db: sqlite_utils.Database, shelter_id: int, label: str = "") -> str:
    """A new kiosk token for the shelter; the caller shows it once (it is not stored)."""
    get_shelter(db, shelter_id)
    try:
        label = clean_text(label, MAX_KIOSK_LABEL, required=False)
    except TextRefused as exc:
        raise ShelterError(f"the kiosk label {exc}", "label", exc.code, exc.char) from None
    token = secrets.token_urlsafe(24)
    with db.conn:
        db["kiosk_tokens"].insert({"token_hash": _hash(token), "shelter_id": shelter_id,
                                   "label": label, "created_at": now()})
    return token


def kiosk_shelter(db: sqlite_utils.Database, token: str) -> int | None:
    """The shelter a valid, unrevoked token is bound to, else None."""
    if not token or len(token) > 100:
        return None
    row = db.execute("SELECT shelter_id FROM kiosk_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                     [_hash(token)]).fetchone()
    return row[0] if row else None


def list_kiosk_tokens(db: sqlite_utils.Database, shelter_id: int) -> list[dict]:
    return list(db["kiosk_tokens"].rows_where("shelter_id = ?", [shelter_id], order_by="created_at",
                                              select="token_hash, label, created_at, revoked_at"))


def revoke_kiosk_token(db: sqlite_utils.Database, token_hash: str) -> None:
    with db.conn:
        db.execute("UPDATE kiosk_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                   [now(), token_hash])


def assign_staff(db: sqlite_utils.Database, shelter_id: int, user_ids: list[int]) -> None:
    """Make ``user_ids`` exactly the staff accounts that work at this shelter."""
    get_shelter(db, shelter_id)
    with db.conn:
        db.execute("DELETE FROM shelter_staff WHERE shelter_id = ?", [shelter_id])
        db["shelter_staff"].insert_all([{"shelter_id": shelter_id, "user_id": uid} for uid in set(user_ids)])


def staff_of(db: sqlite_utils.Database, shelter_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT user_id FROM shelter_staff WHERE shelter_id = ?", [shelter_id])]


def shelters_of(db: sqlite_utils.Database, user_id: int) -> list[int]:
    """The shelters a staff account works at."""
    return [r[0] for r in db.execute("SELECT shelter_id FROM shelter_staff WHERE user_id = ? ORDER BY shelter_id",
                                     [user_id])]
