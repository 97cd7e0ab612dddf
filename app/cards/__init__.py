"""Evacuee registration cards: print blank cards for any language."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("cards", __name__, url_prefix="/cards")

from app.cards import views  # noqa: E402,F401  (registers the routes on bp)
