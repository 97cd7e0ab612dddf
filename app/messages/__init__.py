"""The message composer: find a template, fill its slots, preview, publish, edit, withdraw."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("messages", __name__, url_prefix="/messages")

from app.messages import drafts, views  # noqa: E402,F401  (registers the routes on bp)
