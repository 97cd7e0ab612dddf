"""Public links (QR codes, CAP ``<web>``, kiosk links): which address they use, and whether
phones can reach it.

``BOSAI_BASE_URL`` wins. Without it, a link uses the request's host only when that host is
listed in ``TRUSTED_LINK_HOSTS`` (loopback by default): the ``Host`` header comes from the
client and proxies may cache what it produced. Any other request gets the first trusted host,
so a forged header never reaches a printed QR code or a cached alert.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from flask import current_app, request

DEFAULT_TRUSTED = ("localhost", "127.0.0.1", "::1")


def trusted_hosts() -> tuple[str, ...]:
    """The host names (no ports) the app may take from a request for links."""
    configured = current_app.config.get("TRUSTED_LINK_HOSTS") or DEFAULT_TRUSTED
    if isinstance(configured, str):
        configured = configured.split(",")
    return tuple(h.strip().lower().strip("[]") for h in configured if h.strip()) or DEFAULT_TRUSTED


def host_and_port(netloc: str) -> tuple[str, str]:
    """(host name in lower case, ``:port`` or empty) of a ``Host`` header."""
    parts = urlsplit(f"//{netloc}")
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), (f":{port}" if port else "")


def base_url() -> str:
    """Where phones reach the public pages, without a trailing slash."""
    configured = current_app.config.get("BASE_URL")
    if configured:
        return str(configured).rstrip("/")
    host, port = host_and_port(request.host)
    trusted = trusted_hosts()
    if host not in trusted:
        host = trusted[0]
    shown = f"[{host}]" if ":" in host else host
    return f"{request.scheme}://{shown}{port}{request.script_root}".rstrip("/")


def unreachable(url: str) -> bool:
    """Whether ``url`` points to a loopback, private or link-local address, or a ``localhost``
    name: printed on a QR code, phones on the mobile network cannot open it."""
    host = (urlsplit(url).hostname or "").lower()
    if is_loopback(host) or host.endswith(".local"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_link_local


def is_loopback(host: str) -> bool:
    """``localhost`` names and loopback addresses (this computer)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def link_warning() -> str | None:
    """The QR base address when phones could not reach it (for the page's warning), else None."""
    url = base_url()
    return url if unreachable(url) else None
