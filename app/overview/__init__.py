"""The municipality overview: every shelter's headcount and needs, with totals and a CSV."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("overview", __name__)

from app.overview import views  # noqa: E402,F401  (registers the routes on bp)
