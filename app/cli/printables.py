"""``bosai pictograms|sign|card|sheet|board|specimen``: printable PDFs from the phrasebook."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import fail_on_library_errors
from app.cli.phrases import parse_sets
from printables.boards import BOARDS, board_pdf
from printables.card import card_pdf
from printables.gallery import pictograms_pdf
from printables.pdf import ORIENTATIONS, PAPERS
from printables.sheet import message_sheet_pdf
from printables.signs import sign_pack_pdf, sign_templates
from printables.specimen import specimen_pdf

output_option = click.option("-o", "--output", "output", required=True,
                             type=click.Path(dir_okay=False, writable=True, path_type=Path),
                             help="PDF file to write.")


def split_langs(values: tuple[str, ...]) -> list[str]:
    """``--lang en,th --lang my`` -> ['en', 'th', 'my']."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def write(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    click.echo(f"wrote {path} ({len(data) // 1024} KiB)")


@click.command()
@output_option
@fail_on_library_errors
def pictograms(output: Path) -> None:
    """A gallery of every pictogram."""
    write(output, pictograms_pdf())


@click.command()
@click.argument("sign_ids", nargs=-1)
@click.option("--list", "list_", is_flag=True, help="List the signs, one a line, id first.")
@click.option("--lang", "langs", multiple=True, help="Languages besides Japanese (comma-separated or repeated).")
@click.option("--paper", type=click.Choice(list(PAPERS)), default="A4", show_default=True)
@click.option("--orientation", type=click.Choice(ORIENTATIONS), default="portrait", show_default=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="PDF file to write.")
@fail_on_library_errors
def sign(sign_ids: tuple[str, ...], list_: bool, langs: tuple[str, ...], paper: str, orientation: str,
         output: Path | None) -> None:
    """Shelter signs: one page per sign, Japanese plus 1 to 15 languages."""
    if list_:
        for tpl in sign_templates():
            click.echo(f"{tpl.id}\t{tpl.category}\t{tpl.ja}")
        return
    if not sign_ids:
        raise click.UsageError("give one or more sign ids (see bosai sign --list)")
    if not output:
        raise click.UsageError("missing -o FILE")
    codes = split_langs(langs)
    if not codes:
        raise click.UsageError("give --lang with at least one language")
    write(output, sign_pack_pdf(list(sign_ids), codes, paper, orientation))


@click.command()
@click.option("--lang", "lang", required=True, help="The evacuee's language.")
@output_option
@fail_on_library_errors
def card(lang: str, output: Path) -> None:
    """A blank evacuee registration card in Japanese and one language."""
    write(output, card_pdf(lang))


@click.command()
@click.argument("template_id")
@click.option("--set", "values", multiple=True, metavar="SLOT=VALUE", help="Slot value (as in phrases render).")
@click.option("--lang", "langs", multiple=True, required=True, help="Languages (comma-separated or repeated).")
@click.option("--base-url", required=True, help="Public address of this bosai-kit, e.g. https://bosai.example.jp")
@click.option("--message-id", help="Published message id used in the URL (default: the template id).")
@click.option("--embed-text", is_flag=True, help="Put the message text itself into the QR codes (no network).")
@output_option
@fail_on_library_errors
def sheet(template_id: str, values: tuple[str, ...], langs: tuple[str, ...], base_url: str, message_id: str | None,
          embed_text: bool, output: Path) -> None:
    """A QR message sheet: the message in each language with a QR code to it."""
    write(output, message_sheet_pdf(template_id, parse_sets(values), split_langs(langs), base_url, message_id,
                                    embed_text))


@click.command()
@click.argument("board", type=click.Choice(list(BOARDS)))
@click.option("--lang", "lang", required=True, help="The second language.")
@output_option
@fail_on_library_errors
def board(board: str, lang: str, output: Path) -> None:
    """A pointing board (common, staff or evacuee) in Japanese and one language."""
    write(output, board_pdf(board, lang))


@click.command()
@output_option
@fail_on_library_errors
def specimen(output: Path) -> None:
    """One page per language variant to check fonts and text layout by eye."""
    write(output, specimen_pdf())


COMMANDS = (pictograms, sign, card, sheet, board, specimen)
