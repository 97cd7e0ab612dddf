"""Login throttling that stops password guessing without locking a whole building out.

Failed logins are counted per user name, per client address and per (name, address) pair,
each within ``WINDOW`` seconds:

- a pair with ``PAIR_LIMIT`` failures is locked for ``LOCK`` seconds (the person typing);
- a name with ``NAME_LIMIT`` failures, from any addresses, is locked for ``LOCK`` seconds, even
  with the right password (guessing one account from many addresses);
- an address with ``ADDRESS_LIMIT`` failures is *limited* for ``LOCK`` seconds: a right password
  from it still logs in, but each wrong one locks that pair at once (guessing many accounts
  from one address, while colleagues behind the same NAT or proxy keep working).

The counters live in the instance database (table ``login_throttle``), so they hold across
server threads and restarts. Unknown names are counted like known ones, so a refusal tells
nothing about which accounts exist. ``unlock`` lifts every lock that concerns a name.
"""

from __future__ import annotations

import math
import time

import sqlite_utils

PAIR_LIMIT = 5
NAME_LIMIT = 10
ADDRESS_LIMIT = 50
WINDOW = 15 * 60
LOCK = 15 * 60


def _name_key(username: str) -> str:
    return f"name:{username.strip()}"


def _address_key(address: str | None) -> str:
    return f"addr:{address or '-'}"


def _pair_key(username: str, address: str | None) -> str:
    return f"pair:{address or '-'}|{username.strip()}"  # an address never holds "|"


def _locked(db: sqlite_utils.Database, keys: list[str], now: float) -> float | None:
    marks = ",".join("?" * len(keys))
    return db.execute(f"SELECT max(locked_until) FROM login_throttle WHERE key IN ({marks}) AND locked_until > ?",
                      [*keys, now]).fetchone()[0]


def refused_for(db: sqlite_utils.Database, username: str, address: str | None) -> int:
    """Seconds until ``username`` may try again from ``address`` (0: it may now). An address
    lock alone never refuses: it only makes each wrong password lock its pair."""
    now = time.time()
    until = _locked(db, [_name_key(username), _pair_key(username, address)], now)
    return math.ceil(until - now) if until is not None else 0


def record_failure(db: sqlite_utils.Database, username: str, address: str | None) -> None:
    """Count a failed login (one transaction) and lock what reached its limit. Counters older
    than the window, and past locks, are dropped."""
    now = time.time()
    pair, name, addr = _pair_key(username, address), _name_key(username), _address_key(address)
    with db.conn:
        db.execute("DELETE FROM login_throttle WHERE since <= ? AND coalesce(locked_until, 0) <= ?",
                   [now - WINDOW, now])
        address_limited = _locked(db, [addr], now) is not None
        for key, limit in ((pair, 1 if address_limited else PAIR_LIMIT), (name, NAME_LIMIT), (addr, ADDRESS_LIMIT)):
            db.execute("INSERT INTO login_throttle (key, failures, since) VALUES (?, 1, ?) "
                       "ON CONFLICT (key) DO UPDATE SET failures = failures + 1", [key, now])
            db.execute("UPDATE login_throttle SET locked_until = ? WHERE key = ? AND failures >= ? "
                       "AND coalesce(locked_until, 0) <= ?", [now + LOCK, key, limit, now])


def succeeded(db: sqlite_utils.Database, username: str, address: str | None) -> None:
    """Forget the failures of the name and of its pair with this address (a successful login)."""
    with db.conn:
        db.execute("DELETE FROM login_throttle WHERE key IN (?, ?)",
                   [_name_key(username), _pair_key(username, address)])


def unlock(db: sqlite_utils.Database, username: str) -> int:
    """Lift every lock and counter that concerns ``username`` (its name and all its pairs);
    returns how many were removed."""
    name = username.strip()
    keys = [key for (key,) in db.execute("SELECT key FROM login_throttle WHERE key LIKE 'pair:%'")
            if key.split("|", 1)[1] == name]
    keys.append(_name_key(name))
    marks = ",".join("?" * len(keys))
    with db.conn:
        return db.execute(f"DELETE FROM login_throttle WHERE key IN ({marks})", keys).rowcount
