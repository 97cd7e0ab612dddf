"""The audit trail: who did what to which target, when and from where, kept in the instance
database (table ``audit_log``).

Views add an entry with one line, ``audit.record("publish", target=message.id)``; the command
line with ``audit.write``. Entries can only be added: no route changes or deletes them, and
triggers in the database refuse UPDATE and DELETE. They hold user names and ids (a
registration's id, never its content).
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlite_utils
from flask import g, request

from app.i18n import lazy

# Every action the trail knows, with its label for the audit page.
ACTIONS = {
    "login": lazy("Logged in"),
    "login_failed": lazy("Failed login"),
    "logout": lazy("Logged out"),
    "password": lazy("Changed password"),
    "publish": lazy("Published a message"),
    "edit": lazy("Edited a message"),
    "withdraw": lazy("Withdrew a message"),
    "draft": lazy("Drafted a message from a JMA telegram"),
    "draft_update": lazy("Updated a message from a JMA telegram"),
    "discard": lazy("Discarded a draft"),
    "catalog_upload": lazy("Uploaded a catalog"),
    "catalog_update": lazy("Updated the catalogs from the templates"),
    "review": lazy("Marked translations reviewed"),
    "csv_export": lazy("Exported registrations (CSV)"),
    "registration_list": lazy("Listed registrations"),
    "registration_view": lazy("Viewed a registration"),
    "registration_print": lazy("Printed a registration card"),
    "registration_create": lazy("Typed in a registration"),
    "registration_edit": lazy("Edited a registration"),
    "presence": lazy("Checked out or in"),
    "shelter_create": lazy("Created a shelter"),
    "shelter_edit": lazy("Changed a shelter"),
    "place_create": lazy("Registered a place"),
    "place_edit": lazy("Changed a place"),
    "place_import": lazy("Imported places from a file"),
    "anonymise": lazy("Anonymised a shelter's registrations"),
    "kiosk_create": lazy("Created a kiosk link"),
    "kiosk_revoke": lazy("Revoked a kiosk link"),
    "user": lazy("Changed an account (command line)"),
}
_READ_ONLY = "the audit trail cannot be changed"


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    user: str
    role: str
    action: str
    target: str
    detail: str
    address: str


def init_audit(db: sqlite_utils.Database) -> None:
    """The append-only table (idempotent)."""
    db["audit_log"].create({
        "id": int, "at": str, "user": str, "role": str, "action": str, "target": str, "detail": str,
        "address": str,
    }, pk="id", not_null={"at", "user", "action"}, if_not_exists=True)
    db["audit_log"].create_index(["at"], if_not_exists=True)
    for event in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
                   f"BEGIN SELECT RAISE(ABORT, '{_READ_ONLY}'); END")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write(db: sqlite_utils.Database, action: str, user: str, role: str = "", target: str | int = "",
          detail: str = "", address: str = "") -> None:
    """Add one entry in its own transaction."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with db.conn:
        db.execute("INSERT INTO audit_log (at, user, role, action, target, detail, address) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [_now(), user[:64], role, action, str(target)[:200], detail[:500], address])


def record(action: str, target: str | int = "", detail: str = "", user: str | None = None) -> None:
    """Add an entry for this request: its staff user (or ``user``, e.g. the name a failed
    login tried) and client address."""
    from app.db import get_db

    account = g.get("user")
    write(get_db(), action, user if user is not None else (account.username if account else "-"),
          account.role if account else "", target, detail, request.remote_addr or "")


def entries(db: sqlite_utils.Database, since: str = "", until: str = "", user: str = "", action: str = "",
            target: str = "", limit: int = 500) -> list[Entry]:
    """Entries newest first; ``since``/``until`` are UTC ISO times (``until`` excluded)."""
    where, args = [], []
    for clause, value in (("at >= ?", since), ("at < ?", until), ("user = ?", user), ("action = ?", action),
                          ("target = ?", target)):
        if value:
            where.append(clause)
            args.append(value)
    sql = "SELECT id, at, user, role, action, target, detail, address FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = db.execute(sql + " ORDER BY at DESC, id DESC LIMIT ?", [*args, limit]).fetchall()
    return [Entry(*(value if value is not None else "" for value in row)) for row in rows]


_AGO = re.compile(r"(\d{1,5})([dhm])")


def parse_time(text: str, zone: str, end_of_day: bool = False) -> str:
    """A time typed by an admin as a UTC ISO time: ``2026-11-26`` (a local day: its start, or
    with ``end_of_day`` the start of the next day), ``2026-11-26T09:30`` (local), or a span
    back from now: ``30m``, ``12h``, ``7d``. Raises ValueError for anything else."""
    text = text.strip()
    ago = _AGO.fullmatch(text)
    if ago:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[ago[2]]
        return (datetime.now(timezone.utc) - timedelta(**{unit: int(ago[1])})).isoformat(timespec="seconds")
    if len(text) == 10:
        day = date.fromisoformat(text) + timedelta(days=1 if end_of_day else 0)
        when = datetime(day.year, day.month, day.day)
    else:
        when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(zone))
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")
