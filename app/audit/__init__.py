"""The audit trail (``trail``) and its admin page at ``/audit``.

Record from a view with one line: ``audit.record("publish", target=message.id)``."""

from __future__ import annotations

from flask import Blueprint

from app.audit.trail import ACTIONS, entries, record, write

bp = Blueprint("audit", __name__, url_prefix="/audit")

from app.audit import views  # noqa: E402,F401  (registers the routes on bp)

__all__ = ["ACTIONS", "bp", "entries", "record", "write"]
