"""Staff pages for shelters, one module per area: the shelters themselves (``shelter_pages``),
drill packs (``drill_packs``), kiosk links (``kiosk_links``) and registrations
(``registrations``); ``scope`` says which shelters an account may see."""

from flask import Blueprint

bp = Blueprint("shelters", __name__, url_prefix="/shelters")

# register the routes on bp
from app.shelters import drill_packs, kiosk_links, registrations, shelter_pages  # noqa: E402,F401
