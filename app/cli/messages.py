"""``bosai messages list``, ``bosai export-static`` and ``bosai cap``: the stored messages, and
published ones as static files and CAP 1.2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    from phrasebook.messages import get_public

    message = get_public(instance_db(instance), message_id)  # a draft has no alert
    if message is None:
        raise Failed(f"no published message {message_id!r}")
    config = {name: setting(name, DEFAULTS.get(name)) for name in ("CAP_SENDER", "CAP_AREA", "TIMEZONE")}
    click.echo(message_cap(message, config, setting("BASE_URL")).decode("utf-8"))


@click.group()
def messages() -> None:
    """The stored messages: drafts, published and withdrawn ones."""


def message_json(message: Any) -> dict[str, Any]:
    """A message as ``bosai messages list --json`` gives it, with its text in each language
    (``null`` where a language cannot show it)."""
    from phrasebook.messages import renditions

    return {
        "id": message.id, "status": message.status, "drill": message.drill, "version": message.version,
        "template": message.template_id, "parts": [p.as_json() for p in message.parts],
        "shelter": message.shelter_id, "where": message.where, "languages": list(message.languages),
        "texts": {r.lang.code: r.text for r in renditions(message.parts, message.languages)},
        "source": message.source, "author": message.author, "created_at": message.created_at,
        "published_at": message.published_at, "updated_at": message.updated_at,
        "withdrawn_at": message.withdrawn_at,
    }


@messages.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array with every field and the texts.")
@click.option("--status", type=click.Choice(["draft", "published", "withdrawn"]), help="Only messages in this state.")
@instance_option
def list_(as_json: bool, status: str | None, instance: Path) -> None:
    """Every message, newest first: a table, or with --json the whole record of each."""
    from phrasebook.messages import all_messages, first_sentence

    found = [m for m in all_messages(instance_db(instance)) if status in (None, m.status)]
    if as_json:
        click.echo(json.dumps([message_json(m) for m in found], ensure_ascii=False, indent=2))
        return
    click.echo("id        status     drill  v  langs  updated                    text")
    for m in found:
        text = first_sentence(m)
        click.echo(f"{m.id:<9} {m.status:<10} {'drill' if m.drill else '-':<6} {m.version:<2} {len(m.languages):<6} "
                   f"{m.updated_at:<26} {text[:40]}")
