"""``bosai places export`` and ``bosai places import``: the place registry as CSV."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import Failed, instance_db, instance_option
from phrasebook.places import PlaceError, import_places_csv, places_csv


@click.group()
def places() -> None:
    """The place registry (shelters, distribution points, landmarks and their readings)."""


@places.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@instance_option
def export(output: Path | None, instance: Path) -> None:
    """Every registered place as CSV (kind, ja, romaji, kana, then a name per language)."""
    text = places_csv(instance_db(instance))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@places.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@instance_option
def import_(file: Path, instance: Path) -> None:
    """Register or update (by Japanese name) the places of a CSV like ``export`` writes; empty
    readings are generated. If any line is bad, each is named and nothing changes."""
    try:
        added, updated = import_places_csv(instance_db(instance), file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise Failed(f"{file}: not UTF-8 text") from None
    except PlaceError as exc:
        raise Failed(f"{file}: {exc}") from None
    click.echo(f"{added} places added, {updated} updated")
