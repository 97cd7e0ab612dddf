"""Public pages: the home page with the languages (message pages come with the composer)."""

from __future__ import annotations

from flask import Blueprint, render_template

from phrasebook.languages import LANGUAGES

bp = Blueprint("public", __name__)


@bp.get("/")
def home() -> str:
    return render_template("public/home.html", languages=LANGUAGES.values())
