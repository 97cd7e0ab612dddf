"""Who may open which route: deny by default.

Every request passes ``load_user`` and then ``guard``: a view marked ``@public`` is open to
everyone; a view marked ``@kiosk`` only to a kiosk device session (bound to one shelter by an
unrevoked kiosk token), which every other route answers 403; every other route needs a staff
session and a row in the authorisation table (``policy.TABLE``) that allows the user's role,
within the row's scope. An endpoint without a row is refused to everyone (fail closed).

A staff session holds the account id, the account's session epoch when it began (a new
password or disabling the account moves the epoch on and so ends the session) and the time of
its last request (it ends after ``SESSION_IDLE_MINUTES`` without one).

Put ``@public`` / ``@kiosk`` *below* the route decorator, so that the registered function
carries the mark.
"""

from __future__ import annotations

import time
from typing import Callable, TypeVar

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from app.auth.policy import TABLE, scope_refusal
from app.auth.users import User, get_user
from app.db import get_db
from app.i18n import _

F = TypeVar("F", bound=Callable)
SEEN_STEP = 60  # seconds between updates of the session's last-request time (and its cookie)


def public(view: F) -> F:
    """Open to anonymous visitors (public message pages, login, the home page)."""
    view.bosai_public = True  # type: ignore[attr-defined]
    return view


def kiosk(view: F) -> F:
    """Only for a kiosk device session (bound to one shelter by an unrevoked kiosk token)."""
    view.bosai_kiosk = True  # type: ignore[attr-defined]
    return view


def _kiosk_session_valid() -> bool:
    from phrasebook.shelters import kiosk_shelter

    shelter_id = kiosk_shelter(get_db(), str(session.get("token", "")))
    return shelter_id is not None and shelter_id == session.get("shelter_id")


def is_public(endpoint: str | None) -> bool:
    if endpoint is None or endpoint == "static":
        return True
    view = current_app.view_functions.get(endpoint)
    return bool(getattr(view, "bosai_public", False))


def start_session(user: User) -> None:
    """Log ``user`` in: a fresh session in the account's current epoch."""
    session.clear()
    session.permanent = True
    session.update(kind="staff", uid=user.id, epoch=user.epoch, seen=int(time.time()))


def _idle_limit() -> int:
    """Seconds a staff session may go without a request (0: no limit)."""
    return int(float(current_app.config["SESSION_IDLE_MINUTES"]) * 60)


def load_user() -> None:
    """``g.user``: the staff account of this session, or None (anonymous, kiosk, or a session
    that has ended). Public pages never change the session (they are cacheable)."""
    g.user = None
    if session.get("kind") != "staff" or not isinstance(session.get("uid"), int):
        return
    keep = is_public(request.endpoint)
    user = get_user(get_db(), session["uid"])
    if user is None or session.get("epoch") != user.epoch:
        if not keep:
            session.clear()
        return
    now, seen, limit = int(time.time()), session.get("seen"), _idle_limit()
    if limit and (not isinstance(seen, int) or now - seen > limit):
        if not keep:
            session.clear()
            flash(_("You were logged out after %(minutes)s minutes without activity.",
                    minutes=limit // 60), "error")
        return
    if not keep and (not isinstance(seen, int) or now - seen >= SEEN_STEP):
        session["seen"] = now
    g.user = user


def guard() -> Response | None:
    """Refuse non-public routes to sessions without a staff account, and what the table does
    not allow. A kiosk session reaches kiosk views only (403 elsewhere, never a login form); a
    revoked kiosk token ends the session."""
    if is_public(request.endpoint):
        return None
    endpoint = str(request.endpoint)
    kiosk_view = getattr(current_app.view_functions[endpoint], "bosai_kiosk", False)
    if session.get("kind") == "kiosk":
        if not _kiosk_session_valid():
            session.clear()
            abort(403)
        if kiosk_view:
            return None
        abort(403)
    if kiosk_view:
        abort(403)
    if g.user is None:
        if request.method in ("GET", "HEAD"):
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        abort(401)
    rule = TABLE.get(endpoint)
    if rule is None or g.user.role not in rule.roles:
        abort(403)
    refusal = scope_refusal(get_db(), g.user, rule, request.view_args or {})
    if refusal:
        abort(refusal)
    return None
