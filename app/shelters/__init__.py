"""Staff pages for shelters: shelters and their kiosks, registrations with check-in/out
history, headcount, needs summary, CSV export, filled cards and anonymisation."""

from flask import Blueprint

bp = Blueprint("shelters", __name__, url_prefix="/shelters")

from app.shelters import views  # noqa: E402,F401  (registers the routes on bp)
