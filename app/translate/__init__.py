"""The translator dashboard: coverage and checks, download and upload of .po files, reviews."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("translate", __name__, url_prefix="/translate")

from app.translate import views  # noqa: E402,F401  (registers the routes on bp)
