"""Staff accounts: roles, hashed passwords (werkzeug), lookup and verification, disabling.

Each account has a session epoch: sessions remember the epoch they began in, and a new
password or disabling the account moves it on, which ends every older session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import sqlite_utils
from werkzeug.security import check_password_hash, generate_password_hash

# coordinator: like staff, and may speak for the whole area (area-wide messages).
ROLES = ("admin", "coordinator", "staff", "translator")
MIN_PASSWORD = 8
# Compared against when the user does not exist, so that a login takes as long either way.
_DUMMY_HASH = generate_password_hash("not a password")


class UserError(ValueError):
    """A user name, role or password that cannot be used; the message says why."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    epoch: int = 0
    active: bool = True


def _row_user(row: dict) -> User:
    return User(row["id"], row["username"], row["role"], row.get("session_epoch") or 0, bool(row["active"]))


def _check_name(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() or not c.isprintable() for c in username):
        raise UserError("user name must be 1-64 printable characters without spaces")
    return username


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")


def add_user(db: sqlite_utils.Database, username: str, role: str, password: str) -> User:
    """Create an account; refuses a taken name, an unknown role or a short password."""
    username = _check_name(username)
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    _check_password(password)
    if list(db["users"].rows_where("username = ?", [username])):
        raise UserError(f"user {username!r} exists")
    db["users"].insert({
        "username": username, "role": role, "password_hash": generate_password_hash(password),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "active": 1,
    })
    found = find_user(db, username)
    assert found is not None
    return found


def _account_id(db: sqlite_utils.Database, username: str) -> int:
    """The id of an account, active or disabled."""
    rows = list(db["users"].rows_where("username = ?", [username]))
    if not rows:
        raise UserError(f"no user {username!r}")
    return rows[0]["id"]


def set_password(db: sqlite_utils.Database, username: str, password: str) -> int:
    """Set a new password; every session of the account begun before ends. Returns the new
    session epoch (for the session that changed it, which stays)."""
    user_id = _account_id(db, username)
    _check_password(password)
    with db.conn:
        db.execute("UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?",
                   [generate_password_hash(password), user_id])
    return db.execute("SELECT session_epoch FROM users WHERE id = ?", [user_id]).fetchone()[0]


def set_active(db: sqlite_utils.Database, username: str, active: bool) -> None:
    """Disable an account (it cannot log in; its sessions end at their next request) or enable
    it again (its old sessions stay ended)."""
    user_id = _account_id(db, username)
    with db.conn:
        db.execute("UPDATE users SET active = ?, session_epoch = session_epoch + 1 WHERE id = ?",
                   [int(active), user_id])


def find_user(db: sqlite_utils.Database, username: str) -> User | None:
    rows = list(db["users"].rows_where("username = ? AND active = 1", [username]))
    return _row_user(rows[0]) if rows else None


def get_user(db: sqlite_utils.Database, user_id: int) -> User | None:
    rows = list(db["users"].rows_where("id = ? AND active = 1", [user_id]))
    return _row_user(rows[0]) if rows else None


def list_users(db: sqlite_utils.Database, disabled: bool = False) -> list[User]:
    """The active accounts (``disabled``: every account)."""
    where = None if disabled else "active = 1"
    return [_row_user(r) for r in db["users"].rows_where(where, order_by="username")]


def verify(db: sqlite_utils.Database, username: str, password: str) -> User | None:
    """The user if the password is right, else None (same work whether the name exists or not)."""
    rows = list(db["users"].rows_where("username = ? AND active = 1", [username.strip()]))
    hashed = rows[0]["password_hash"] if rows else _DUMMY_HASH
    if check_password_hash(hashed, password) and rows:
        return _row_user(rows[0])
    return None
