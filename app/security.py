"""Security headers on every response: a strict Content-Security-Policy (nothing from outside
the server, no scripts), no framing, no sniffing, no referrer leaks."""

from __future__ import annotations

from flask import Flask, current_app, request
from werkzeug.wrappers import Response

from app.links import host_and_port, is_loopback

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"  # staff pages and errors: never kept
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)


def cookie_dropped() -> bool:
    """Whether a browser will drop the session cookie on this request: it is marked Secure
    and the page came over plain HTTP to a host other than this computer (browsers keep
    Secure cookies over plain HTTP only for localhost and loopback addresses)."""
    if request.is_secure or not current_app.config["SESSION_COOKIE_SECURE"]:
        return False
    return not is_loopback(host_and_port(request.host)[0])
