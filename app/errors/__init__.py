"""Error pages: short, in the interface language, with the right status code."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.i18n import lazy
from app.security import cookie_dropped

bp = Blueprint("errors", __name__)

TEXTS = {
    400: lazy("The request was not understood."),
    401: lazy("Please log in."),
    403: lazy("Your account may not open this page."),
    404: lazy("Page not found."),
    405: lazy("This address does not take that kind of request."),
    413: lazy("The upload is too large."),
}


def _page(status: int, detail: str = "") -> tuple[str, int]:
    text = TEXTS.get(status) or lazy("Something went wrong. Please try again.")
    return render_template("errors/error.html", status=status, text=text, detail=detail), status


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError) -> tuple[str, int]:
    """A form without a valid CSRF token (expired page, or a forged request); over plain HTTP
    to a LAN address, the browser dropped the Secure session cookie, and the page says so."""
    if cookie_dropped():
        return _page(400, str(lazy("The browser did not keep the login cookie: it is marked Secure and this page "
                                   "came over plain HTTP. Serve the app over HTTPS, or on a closed network set "
                                   "BOSAI_SESSION_COOKIE_SECURE=false and restart the server.")))
    return _page(400, str(lazy("The form expired or did not come from this site. Reload the page and try again.")))


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> tuple[str, int]:
    return _page(error.code or 500)
