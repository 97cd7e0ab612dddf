"""``bosai export-static`` and ``bosai cap``: published messages as static files and CAP 1.2."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import Failed, instance_db, instance_option, setting, web_app


@click.command("export-static")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@instance_option
def export_static(target: Path, instance: Path) -> None:
    """Write the public message pages as plain files (USB stick, any static host)."""
    from app.public.export import export_site
    from phrasebook.messages import all_messages

    pages = export_site(web_app(instance), target, all_messages(instance_db(instance)))
    click.echo(f"wrote {len(pages)} pages to {target} (open {target / 'index.html'})")


@click.command()
@click.argument("message_id")
@instance_option
def cap(message_id: str, instance: Path) -> None:
    """A published message as a CAP 1.2 alert (XML), one <info> per language."""
    from app import DEFAULTS
    from phrasebook.cap import message_cap
    from phrasebook.messages import get

    message = get(instance_db(instance), message_id)
    if message is None:
        raise Failed(f"no published message {message_id!r}")
    config = {name: setting(name, DEFAULTS.get(name)) for name in ("CAP_SENDER", "CAP_AREA", "TIMEZONE")}
    click.echo(message_cap(message, config, setting("BASE_URL")).decode("utf-8"))
