"""``bosai db``: the instance database."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import db_path, fail_on_library_errors, instance_option
from phrasebook.store import import_phrases, init_db, open_db


@click.group()
def db() -> None:
    """The instance's SQLite database."""


@db.command("init")
@instance_option
@fail_on_library_errors
def init(instance: Path) -> None:
    """Create the database and load the phrase catalogs (safe to run again)."""
    from app.db import init_schema

    path = db_path(instance)
    store = open_db(path)
    init_db(store)
    init_schema(store)
    counts = import_phrases(store)
    click.echo(f"{path}: {sum(counts.values())} phrases in {len(counts)} languages")
