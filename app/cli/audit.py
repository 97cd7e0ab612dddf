"""``bosai audit``: read the audit trail (it cannot be changed from here either)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from app.audit.trail import ACTIONS, entries, parse_time
from app.cli.common import Failed, instance_db, instance_option


@click.command("audit")
@click.option("--since", default="1d", show_default=True,
              help="From: 2026-11-26, 2026-11-26T09:30 (local time) or a span back: 30m, 12h, 7d.")
@click.option("--until", default="", help="Until (same forms; a day counts whole).")
@click.option("--user", "user_", default="", help="Only this user name.")
@click.option("--action", type=click.Choice(sorted(ACTIONS)), default=None, help="Only this action.")
@click.option("--target", default="", help="Only this target (message id, shelter id, ...).")
@click.option("--limit", type=click.IntRange(1), default=10000, show_default=True)
@instance_option
def audit(since: str, until: str, user_: str, action: str | None, target: str, limit: int,
          instance: Path) -> None:
    """The audit trail, oldest first, one entry a line: time (local), user, role, action,
    target, detail, address, separated by tabs."""
    zone = os.environ.get("BOSAI_TIMEZONE", "Asia/Tokyo")
    try:
        start = parse_time(since, zone) if since else ""
        end = parse_time(until, zone, end_of_day=True) if until else ""
    except ValueError:
        raise Failed("give times as 2026-11-26, 2026-11-26T09:30 or a span such as 12h or 7d") from None
    for entry in reversed(entries(instance_db(instance), start, end, user_, action or "", target, limit)):
        local = datetime.fromisoformat(entry.at).astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")
        click.echo("\t".join([local, entry.user, entry.role, entry.action, entry.target, entry.detail, entry.address]))
