"""Staff pages for the place registry: list, register, edit (readings shown and editable); and
``place_name`` for templates, a shelter's name as the reader of a public or kiosk page sees it."""

from flask import Blueprint

from app.places.names import place_name

bp = Blueprint("places", __name__, url_prefix="/places")
bp.add_app_template_global(place_name)

from app.places import views  # noqa: E402,F401  (registers the routes on bp)
