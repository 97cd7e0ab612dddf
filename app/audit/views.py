"""The audit page (admins only): the trail newest first, filtered by user, action, target and
time. It only reads: nothing here changes or deletes an entry."""

from __future__ import annotations

from flask import current_app, render_template, request

from app.audit import bp
from app.audit.trail import ACTIONS, entries, parse_time
from app.db import get_db
from app.i18n import _

LIMIT = 500


@bp.get("/")
def index() -> tuple[str, int]:
    wanted = {name: request.args.get(name, "").strip()[:64] for name in ("user", "action", "target", "since", "until")}
    zone, problem = current_app.config["TIMEZONE"], None
    try:
        since = parse_time(wanted["since"], zone) if wanted["since"] else ""
        until = parse_time(wanted["until"], zone, end_of_day=True) if wanted["until"] else ""
    except ValueError:
        since = until = ""
        problem = _("Give times as 2026-11-26, 2026-11-26T09:30 or a span such as 12h or 7d.")
    action = wanted["action"] if wanted["action"] in ACTIONS else ""
    found = entries(get_db(), since, until, wanted["user"], action, wanted["target"], LIMIT + 1)
    return render_template("audit/index.html", entries=found[:LIMIT], more=len(found) > LIMIT, wanted=wanted,
                           actions=ACTIONS, problem=problem, limit=LIMIT), (400 if problem else 200)
