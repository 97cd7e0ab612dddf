"""Who may open which route: deny by default.

Every request passes ``guard``: a view marked ``@public`` is open to everyone; any other view
needs a *staff* session (a logged-in account), and a view marked ``@requires(role, ...)`` also
needs one of those roles (admin may do everything). A kiosk (issue 6) will be a device session
(``session["kind"] == "kiosk"``) bound to one shelter: it never sets ``g.user``; it reaches only
views marked ``@kiosk``, and every other route answers it 403.

Put ``@public`` / ``@requires`` *below* the route decorator, so that the registered function
carries the mark. A view registered without a mark is treated as staff-only (any role).
"""

from __future__ import annotations

from typing import Callable, TypeVar

from flask import abort, current_app, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from app.auth.users import ROLES, get_user
from app.db import get_db

F = TypeVar("F", bound=Callable)


def public(view: F) -> F:
    """Open to anonymous visitors (public message pages, login, the home page)."""
    view.bosai_public = True  # type: ignore[attr-defined]
    return view


def requires(*roles: str) -> Callable[[F], F]:
    """Only staff sessions whose role is one of ``roles`` (admin always passes)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    def mark(view: F) -> F:
        view.bosai_roles = frozenset(roles) | {"admin"}  # type: ignore[attr-defined]
        return view

    return mark


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


def load_user() -> None:
    """``g.user``: the staff account of this session, or None (anonymous or kiosk)."""
    g.user = None
    if session.get("kind") == "staff" and isinstance(session.get("uid"), int):
        g.user = get_user(get_db(), session["uid"])
        if g.user is None:
            session.clear()


def guard() -> Response | None:
    """Refuse non-public routes to sessions without a staff account, and wrong roles. A kiosk
    session reaches kiosk views only (403 elsewhere, never a login form); a revoked kiosk
    token ends the session."""
    if is_public(request.endpoint):
        return None
    kiosk_view = getattr(current_app.view_functions[request.endpoint], "bosai_kiosk", False)
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
    roles = getattr(current_app.view_functions[request.endpoint], "bosai_roles", None)
    if roles is not None and g.user.role not in roles:
        abort(403)
    return None
