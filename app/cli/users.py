"""``bosai user``: staff accounts (admin, coordinator, staff, translator)."""

from __future__ import annotations

import getpass
from pathlib import Path

import click
import sqlite_utils

from app import audit
from app.auth import throttle
from app.auth.users import ROLES, UserError, add_user, list_users, set_active, set_password
from app.cli.common import Failed, instance_db, instance_option


def _audit(db: sqlite_utils.Database, what: str, name: str) -> None:
    """An audit entry for an account change made on the command line (by the OS user)."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "-"
    audit.write(db, "user", f"cli:{who}", target=name, detail=what)


@click.group()
def user() -> None:
    """Staff accounts of the web app."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the account may do.")
@click.password_option(help="Asked for when not given (recommended: let it ask).")
@instance_option
def add(name: str, role: str, password: str, instance: Path) -> None:
    """Create an account NAME with ROLE; asks for the password twice."""
    db = instance_db(instance)
    try:
        created = add_user(db, name, role, password)
    except UserError as exc:
        raise Failed(str(exc)) from None
    _audit(db, f"add {role}", created.username)
    click.echo(f"added {created.username} ({created.role})")


@user.command("password")
@click.argument("name")
@click.password_option(help="Asked for when not given (recommended: let it ask).")
@instance_option
def password_(name: str, password: str, instance: Path) -> None:
    """Set a new password for NAME (asks for it twice): NAME's sessions end, and every login
    lock on NAME is lifted."""
    db = instance_db(instance)
    try:
        set_password(db, name, password)
    except UserError as exc:
        raise Failed(str(exc)) from None
    throttle.unlock(db, name)
    _audit(db, "password", name)
    click.echo(f"password changed for {name}")


def _account(db: sqlite_utils.Database, name: str) -> None:
    if not any(u.username == name for u in list_users(db, disabled=True)):
        raise Failed(f"no user {name!r}")


@user.command("unlock")
@click.argument("name")
@instance_option
def unlock(name: str, instance: Path) -> None:
    """Lift every login lock on NAME (its name and each address it failed from)."""
    db = instance_db(instance)
    _account(db, name)
    throttle.unlock(db, name)
    _audit(db, "unlock", name)
    click.echo(f"{name} may log in again")


def _set_active(name: str, active: bool, instance: Path) -> None:
    """Disable or enable NAME, record it in the audit trail and say so."""
    db = instance_db(instance)
    try:
        set_active(db, name, active)
    except UserError as exc:
        raise Failed(str(exc)) from None
    _audit(db, "enable" if active else "disable", name)
    click.echo(f"{name} {'enabled' if active else 'disabled'}")


@user.command("disable")
@click.argument("name")
@instance_option
def disable(name: str, instance: Path) -> None:
    """Disable NAME: it cannot log in, and its sessions end at their next request."""
    _set_active(name, False, instance)


@user.command("enable")
@click.argument("name")
@instance_option
def enable(name: str, instance: Path) -> None:
    """Enable NAME again (it logs in anew; sessions from before stay ended)."""
    _set_active(name, True, instance)


@user.command("list")
@instance_option
def list_(instance: Path) -> None:
    """List the accounts, one a line: name, role, and "disabled" for disabled ones."""
    for account in list_users(instance_db(instance), disabled=True):
        click.echo(f"{account.username}\t{account.role}" + ("" if account.active else "\tdisabled"))
