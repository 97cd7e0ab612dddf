"""Staff accounts: login and logout at ``/login`` and ``/logout``, and the access guard."""

from __future__ import annotations

from flask import Blueprint, Flask

from app.auth.access import guard, kiosk, load_user, public

bp = Blueprint("auth", __name__)


def init_app(app: Flask) -> None:
    """Load the session's user, then apply the deny-by-default guard, on every request."""
    app.before_request(load_user)
    app.before_request(guard)


from app.auth import views  # noqa: E402,F401  (registers the routes on bp)

__all__ = ["bp", "init_app", "kiosk", "public"]
