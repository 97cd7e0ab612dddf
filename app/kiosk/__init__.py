"""The shelter kiosk: a touch screen bound to one shelter by a kiosk token. Evacuees choose a
language, read the shelter's announcements and register themselves. A kiosk session can create
a registration and print the card it just made, and nothing else: it never lists or reads
anyone's data, and every staff route refuses it."""

from flask import Blueprint

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

from app.kiosk import views  # noqa: E402,F401  (registers the routes on bp)
