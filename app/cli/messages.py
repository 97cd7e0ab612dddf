"""``bosai export-static`` and ``bosai cap``: published messages as static files and CAP 1.2."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import Failed, instance_db, instance_option, setting, web_app


@click.command("export-static")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option("--portable", is_flag=True, help="Relative links, for a USB stick (file://) or a sub-folder.")
@instance_option
def export_static(target: Path | None, portable: bool, instance: Path) -> None:
    """Rebuild the static mirror (TARGET, else BOSAI_STATIC_MIRROR, with its hook) or, with
    --portable, write the public pages as a folder that works from a USB stick."""
    from app.public.export import export_site
    from app.public.mirror import get_mirror

    app = web_app(instance)
    mirror = get_mirror(app)
    if mirror is not None and not portable and (target is None or target.resolve() == mirror.folder):
        files, target = mirror.rebuild(), mirror.folder
    elif target is None:
        raise Failed("name a folder, or set BOSAI_STATIC_MIRROR")
    else:
        files = export_site(app, target, portable=portable)
    start = target / "index.html"
    click.echo(f"wrote {len(files)} files to {target} (open {start})")


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
