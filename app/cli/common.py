"""Shared pieces of the command line: the instance folder option and error reporting."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import click
import sqlite_utils
from flask import Flask

from phrasebook.errors import PhrasebookError

DEFAULT_INSTANCE = "instance"


def instance_option(func):
    """``--instance DIR``: the folder with the SQLite file and secret key."""
    return click.option(
        "--instance", "instance", type=click.Path(file_okay=False, path_type=Path),
        default=lambda: os.environ.get("BOSAI_INSTANCE", DEFAULT_INSTANCE), show_default="instance",
        help="Instance folder (env BOSAI_INSTANCE).",
    )(func)


def db_path(instance: Path) -> Path:
    instance.mkdir(parents=True, exist_ok=True)
    return instance / "bosai.sqlite3"


def instance_db(instance: Path) -> sqlite_utils.Database:
    """The instance database with every table the app needs."""
    from app.db import init_schema
    from phrasebook.store import open_db

    store = open_db(db_path(instance))
    init_schema(store)
    return store


def setting(name: str, default: Any = None) -> Any:
    """A ``BOSAI_*`` setting from the environment, parsed as the app parses it (JSON if it is)."""
    raw = os.environ.get(f"BOSAI_{name}")
    if raw is None:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def web_app(instance: Path) -> Flask:
    """The web app on the instance folder (its configuration, database and templates)."""
    from app import create_app

    return create_app({"INSTANCE_PATH": str(instance.resolve())})


def rebuild_mirror(instance: Path) -> None:
    """Rebuild the static mirror, if ``BOSAI_STATIC_MIRROR`` is set (after a catalog import)."""
    from app.public.mirror import get_mirror

    mirror = get_mirror(web_app(instance))
    if mirror is not None:
        files = mirror.rebuild()
        click.echo(f"rebuilt the static mirror: {len(files)} files in {mirror.folder}")


class Failed(click.ClickException):
    """A library error shown as ``Error: ...`` with exit code 1."""


def fail_on_library_errors(func):
    """Turn the library's named exceptions into clean command-line errors."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except PhrasebookError as exc:
            raise Failed(str(exc)) from None

    return wrapper
