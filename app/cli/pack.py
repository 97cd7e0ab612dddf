"""``bosai pack``: a shelter's drill pack (signs, cards, pointing boards, QR sheets)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from app.cli.common import fail_on_library_errors, instance_db, instance_option
from app.cli.printables import split_langs, write
from app.shelters.packs import shelter_pack
from printables.pack import FORMATS, SKIP_REASONS


@click.command()
@click.option("--shelter", "shelter_id", type=int, required=True, help="The shelter's number (see /shelters).")
@click.option("--lang", "langs", multiple=True,
              help="Languages instead of the shelter's own (comma-separated or repeated); Japanese is always in.")
@click.option("--base-url", default=lambda: os.environ.get("BOSAI_BASE_URL", ""),
              help="Public address for the QR codes (env BOSAI_BASE_URL), e.g. https://bosai.example.jp")
@instance_option
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="FILE.pdf (one merged PDF) or FILE.zip (separate PDFs and index.txt).")
@fail_on_library_errors
def pack(shelter_id: int, langs: tuple[str, ...], base_url: str, instance: Path, output: Path) -> None:
    """Everything a shelter needs for a drill: signs, cards, pointing boards and QR sheets."""
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise click.UsageError("the output file must end in .pdf or .zip")
    planned = shelter_pack(instance_db(instance), shelter_id, base_url, split_langs(langs))
    left_out: list[str] = []
    with click.progressbar(length=len(planned.parts), label="Building the drill pack",
                           item_show_func=lambda title: title) as bar:
        data = planned.build(fmt, lambda _done, _total, title: bar.update(1, title),
                             lambda title, reason: left_out.append(f"{title}: {SKIP_REASONS[reason][1]}"))
    for line in left_out:
        click.echo(f"not built: {line}", err=True)
    write(output, data)
