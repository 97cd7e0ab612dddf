"""``bosai db``: the instance database."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import db_path, fail_on_library_errors, instance_db, instance_option
from phrasebook.store import import_phrases


@click.group()
def db() -> None:
    """The instance's SQLite database."""


@db.command("init")
@instance_option
@fail_on_library_errors
def init(instance: Path) -> None:
    """Create the database and load the phrase catalogs (safe to run again)."""
    counts = import_phrases(instance_db(instance))
    click.echo(f"{db_path(instance)}: {sum(counts.values())} phrases in {len(counts)} languages")
