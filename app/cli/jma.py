"""``bosai jma import`` and ``bosai jma watch``: JMA telegrams turned into draft specs.

For now both print one line per telegram: what would happen to which draft, and why. Drafts are
not stored yet.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from app.cli.common import instance_option
from phrasebook.jma.drafts import DraftSpec, Planner, Watched, render_draft
from phrasebook.jma.feed import MIN_INTERVAL, FeedWatcher
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
                        help="Also print each draft's text in these languages (comma-separated or repeated).")(func)


def _echo(specs: list[DraftSpec], langs: list[str]) -> None:
    for spec in specs:
        click.echo(spec.line())
        if spec.parts:
            for lang in langs:
                text = render_draft(spec, lang).replace("\n", "\n    ")
                click.echo(f"  {lang}:\n    {text}")


def _langs(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


@click.group()
def jma() -> None:
    """JMA earthquake and tsunami telegrams (気象庁防災情報XML) as draft messages."""


@jma.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@watched_option
@lang_option
def import_(files: tuple[Path, ...], watch: tuple[str, ...], langs: tuple[str, ...]) -> None:
    """Read telegram FILES (applied in the order JMA reported them) and print what each means."""
    telegrams: list[Telegram] = []
    refused = 0
    for path in files:
        try:
            telegrams.append(parse_file(path))
        except TelegramError as exc:
            click.echo(f"refused {exc.source}: {exc.reason}")
            refused += 1
    planner = Planner(Watched.parse(watch))
    for tg in sorted(telegrams, key=lambda t: t.report_time):
        _echo(planner.plan(tg), _langs(langs))
    if refused:
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
    """Poll FEED with conditional GET and print what each new telegram means; Ctrl-C stops."""
    if not feed_url.startswith(("http://", "https://")):
        raise click.BadParameter("expected an http:// or https:// address", param_hint="--feed")
    watcher = FeedWatcher(feed_url, instance / SEEN_FILE, min_interval=max(interval, _min_interval()))
    planner = Planner(Watched.parse(watch))

    def handle(item: Telegram | TelegramError) -> None:
        if isinstance(item, TelegramError):
            click.echo(f"refused {item.source}: {item.reason}")
        else:
            _echo(planner.plan(item), _langs(langs))

    click.echo(f"watching {feed_url} every {watcher.min_interval:g} s (Ctrl-C stops)")
    try:
        watcher.run(handle, max_polls=max_polls)
    except KeyboardInterrupt:
        pass
    click.echo("stopped")
