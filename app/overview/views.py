"""``/overview`` and ``/overview.csv``: for those who speak for the whole area (coordinators and
admins, as ``app.auth.policy.TABLE`` says)."""

from __future__ import annotations

from flask import make_response, render_template
from werkzeug.wrappers import Response

from app.db import get_db
from app.i18n import _, language_label, local_time
from app.overview import bp
from app.shelters.shelter_pages import need_label
from phrasebook.overview import municipality_overview, overview_csv


@bp.get("/overview")
def index() -> str:
    overview = municipality_overview(get_db())
    return render_template("overview/index.html", overview=overview, need_keys=overview.need_keys(),
                           totals=overview.totals, need_label=need_label)


@bp.get("/overview.csv")
def export() -> Response:
    headings = {"shelter": _("Shelter"), "status": _("Status"), "people": _("People present"),
                "capacity": _("Capacity"), "registrations": _("Registrations"),
                "last": _("Last registration"), "language": _("Language"), "total": _("Total"),
                "open": _("Open"), "closed": _("Closed")}
    body = overview_csv(municipality_overview(get_db()), need_label, language_label, headings, local_time)
    response = make_response(body)
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="overview.csv"'
    return response
