"""Login throttling: after ``LIMIT`` failed logins for one user name or from one client address
within ``WINDOW`` seconds, that name or address is refused for ``LOCK`` seconds.

The counters live in the instance database (table ``login_throttle``), so they hold across
server threads and restarts. Unknown names are counted like known ones, so a refusal tells
nothing about which accounts exist.
"""

from __future__ import annotations

import math
import time

import sqlite_utils

LIMIT = 5
WINDOW = 15 * 60
LOCK = 15 * 60


def attempt_keys(username: str, address: str | None) -> list[str]:
    """The counters a login attempt touches: its user name and its client address."""
    return [_name_key(username), f"addr:{address or '-'}"]


def _name_key(username: str) -> str:
    return f"name:{username.strip()}"


def locked_for(db: sqlite_utils.Database, keys: list[str]) -> int:
    """Seconds until every one of ``keys`` may try again (0: none is locked)."""
    now = time.time()
    marks = ",".join("?" * len(keys))
    row = db.execute(f"SELECT max(locked_until) FROM login_throttle WHERE key IN ({marks}) AND locked_until > ?",
                     [*keys, now]).fetchone()
    return math.ceil(row[0] - now) if row[0] is not None else 0


def record_failure(db: sqlite_utils.Database, keys: list[str]) -> None:
    """Count a failed login for each key (one transaction); the ``LIMIT``-th failure within
    ``WINDOW`` locks the key. Counters older than the window, and past locks, are dropped."""
    now = time.time()
    with db.conn:
        db.execute("DELETE FROM login_throttle WHERE since <= ? AND coalesce(locked_until, 0) <= ?",
                   [now - WINDOW, now])
        for key in keys:
            db.execute("INSERT INTO login_throttle (key, failures, since) VALUES (?, 1, ?) "
                       "ON CONFLICT (key) DO UPDATE SET failures = failures + 1", [key, now])
            db.execute("UPDATE login_throttle SET locked_until = ? WHERE key = ? AND failures >= ?",
                       [now + LOCK, key, LIMIT])


def clear(db: sqlite_utils.Database, username: str) -> None:
    """Forget the failures of a user name (after a successful login)."""
    with db.conn:
        db.execute("DELETE FROM login_throttle WHERE key = ?", [_name_key(username)])
