"""Staff pages for shelters, one module of routes per area: the shelters themselves
(``shelter_pages``), drill packs (``pack_pages``; building them is ``packs``), kiosk links
(``kiosk_link_pages``) and registrations (``registration_pages``); ``scope`` says which shelters
an account may see."""

from flask import Blueprint

bp = Blueprint("shelters", __name__, url_prefix="/shelters")

# register the routes on bp
from app.shelters import kiosk_link_pages, pack_pages, registration_pages, shelter_pages  # noqa: E402,F401
