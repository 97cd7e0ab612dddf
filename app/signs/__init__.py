"""The sign builder: find sign texts, choose languages and paper, preview, download the PDF."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("signs", __name__, url_prefix="/signs")

from app.signs import views  # noqa: E402,F401  (registers the routes on bp)
