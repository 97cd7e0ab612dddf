"""``bosai user``: staff accounts (admin, staff, translator)."""

from __future__ import annotations

from pathlib import Path

import click

from app.auth import throttle
from app.auth.users import ROLES, UserError, add_user, find_user, list_users, set_password
from app.cli.common import Failed, instance_db, instance_option


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
    try:
        created = add_user(instance_db(instance), name, role, password)
    except UserError as exc:
        raise Failed(str(exc)) from None
    click.echo(f"added {created.username} ({created.role})")


@user.command("password")
@click.argument("name")
@click.password_option(help="Asked for when not given (recommended: let it ask).")
@instance_option
def password_(name: str, password: str, instance: Path) -> None:
    """Set a new password for NAME (asks for it twice); also lifts a login lock on NAME."""
    db = instance_db(instance)
    try:
        set_password(db, name, password)
    except UserError as exc:
        raise Failed(str(exc)) from None
    throttle.clear(db, name)
    click.echo(f"password changed for {name}")


@user.command("unlock")
@click.argument("name")
@instance_option
def unlock(name: str, instance: Path) -> None:
    """Lift the lock that failed logins put on NAME (anyone can trigger it by guessing)."""
    db = instance_db(instance)
    if find_user(db, name) is None:
        raise Failed(f"no user {name!r}")
    throttle.clear(db, name)
    click.echo(f"{name} may log in again")


@user.command("list")
@instance_option
def list_(instance: Path) -> None:
    """List the accounts, one a line: name and role."""
    for account in list_users(instance_db(instance)):
        click.echo(f"{account.username}\t{account.role}")
