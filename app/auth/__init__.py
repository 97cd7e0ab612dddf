"""Staff accounts: login and logout at ``/login`` and ``/logout``, and the access guard."""

from __future__ import annotations

from flask import Blueprint, Flask, g

from app.auth.access import guard, kiosk, load_user, public
from app.auth.policy import allows

bp = Blueprint("auth", __name__)


def init_app(app: Flask) -> None:
    """Load the session's user, then apply the deny-by-default guard, on every request."""
    app.before_request(load_user)
    app.before_request(guard)
    # ``may('endpoint')`` in templates: whether the table lets this user use a route (menus, buttons)
    app.jinja_env.globals["may"] = lambda endpoint: g.get("user") is not None and allows(g.user, endpoint)


from app.auth import views  # noqa: E402,F401  (registers the routes on bp)

__all__ = ["bp", "init_app", "kiosk", "public"]
