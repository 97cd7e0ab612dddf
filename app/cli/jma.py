"""``bosai jma import`` and ``bosai jma watch``: JMA telegrams stored as draft messages.

Both print one line per telegram and message: the action (draft, update, withdraw, skip), the
message id, the event and why. Drafts wait on the staff drafts page (``/messages/drafts``) for a
coordinator or an admin to publish them.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import sqlite_utils

from app.cli.common import instance_db, instance_option, web_app
from app.messages.jma import Imported, store_telegrams
from phrasebook import messages as model
from phrasebook.jma.drafts import Watched
from phrasebook.jma.feed import MIN_INTERVAL, FeedWatcher
from phrasebook.jma.store import AUTHOR
from phrasebook.jma.telegram import Telegram, TelegramError, parse_file

SEEN_FILE = "jma-fetched.txt"


def _min_interval() -> float:
    """The shortest polling interval allowed: a minute, lowered only by tests
    (``BOSAI_JMA_MIN_INTERVAL``)."""
    try:
        return max(0.0, float(os.environ.get("BOSAI_JMA_MIN_INTERVAL", MIN_INTERVAL)))
    except ValueError:
        return MIN_INTERVAL


def watched_option(func):
    return click.option(
        "--watch", "watch", multiple=True, default=lambda: [os.environ.get("BOSAI_JMA_WATCH", "")],
        help="Watched prefectures or JMA area codes, comma-separated or repeated (env BOSAI_JMA_WATCH; "
             "everything when empty).")(func)


def lang_option(func):
    return click.option("--lang", "langs", multiple=True,
                        help="Also print each changed message's text in these languages (comma-separated or repeated).")(func)


def _langs(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _report(db: sqlite_utils.Database, instance: Path, imported: Imported, langs: list[str]) -> None:
    """Print the refusals or what each telegram did (with the texts in ``langs``), and bring the
    static mirror up to date for published messages that changed."""
    for error in imported.refused:
        click.echo(f"refused {error.source}: {error.reason}")
    for done in imported.applied:
        click.echo(done.line())
        message = model.get(db, done.message_id) if done.action in ("draft", "update") else None
        for shown in model.renditions(message.parts, langs) if message else ():
            text = (shown.text or f"({shown.state})").replace("\n", "\n    ")
            click.echo(f"  {shown.lang.code}:\n    {text}")
    if imported.public_ids:
        from app.public.mirror import get_mirror

        mirror = get_mirror(web_app(instance))
        if mirror is not None:
            mirror.run_hook(mirror.write(set(imported.public_ids), False))


@click.group()
def jma() -> None:
    """JMA earthquake and tsunami telegrams (気象庁防災情報XML) as draft messages."""


@jma.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@watched_option
@lang_option
@instance_option
def import_(files: tuple[Path, ...], watch: tuple[str, ...], langs: tuple[str, ...], instance: Path) -> None:
    """Store telegram FILES as drafts (applied in the order JMA reported them). If any file
    cannot be used, it is named with the reason and nothing changes (exit code 1)."""
    read: list[Telegram | TelegramError] = []
    for path in files:
        try:
            read.append(parse_file(path))
        except TelegramError as exc:
            read.append(exc)
    db = instance_db(instance)
    imported = store_telegrams(db, read, Watched.parse(watch), AUTHOR)
    _report(db, instance, imported, _langs(langs))
    if imported.refused:
        raise click.exceptions.Exit(1)


@jma.command()
@click.option("--feed", "feed_url", required=True, help="The JMA Atom feed (e.g. the earthquake/volcano feed).")
@click.option("--interval", type=float, default=MIN_INTERVAL, show_default=True,
              help="Seconds between polls; never less than a minute.")
@click.option("--max-polls", type=int, default=None, help="Stop after this many polls (default: until Ctrl-C).")
@watched_option
@lang_option
@instance_option
def watch(feed_url: str, interval: float, max_polls: int | None, watch: tuple[str, ...],
          langs: tuple[str, ...], instance: Path) -> None:
    """Poll FEED with conditional GET and store each new telegram as drafts; Ctrl-C stops."""
    if not feed_url.startswith(("http://", "https://")):
        raise click.BadParameter("expected an http:// or https:// address", param_hint="--feed")
    watcher = FeedWatcher(feed_url, instance / SEEN_FILE, min_interval=max(interval, _min_interval()))
    watched = Watched.parse(watch)
    db = instance_db(instance)

    def handle(item: Telegram | TelegramError) -> None:
        _report(db, instance, store_telegrams(db, [item], watched, AUTHOR), _langs(langs))

    click.echo(f"watching {feed_url} every {watcher.min_interval:g} s (Ctrl-C stops)")
    try:
        watcher.run(handle, max_polls=max_polls)
    except KeyboardInterrupt:
        pass
    click.echo("stopped")
