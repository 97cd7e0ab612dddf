"""Registrations of a shelter: the CSV export, typing in a paper card, a registration's page
and its edit form, check-out and check-in, the filled card as PDF, and anonymising a closed
shelter's registrations."""

from __future__ import annotations

from flask import abort, current_app, flash, g, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app import audit
from app.db import get_db
from app.forms import text_problem
from app.i18n import _
from app.kiosk.texts import say
from app.printing import printed_pdf
from app.shelters import bp
from app.shelters.scope import visible
from phrasebook.card import fields, sections
from phrasebook.languages import LANGUAGES
from phrasebook.registrations import (
    Registration, RegistrationError, RegistrationInvalid, anonymise_closed_shelter, card_answers, create_registration,
    export_csv, get_registration, history, set_present, update_registration,
)
from phrasebook.shelters import Shelter, ShelterClosed, get_shelter
from phrasebook.textsafety import MAX_LINE, TextRefused


def _form_answers() -> dict:
    return {name: request.form.getlist(name) if f.input == "multi" else request.form.get(name, "")
            for name, f in fields(include_staff=True).items() if name in request.form}


@bp.get("/<int:shelter_id>/registrations.csv")
def export(shelter_id: int) -> Response:
    visible(shelter_id)
    audit.record("csv_export", target=shelter_id)
    response = make_response(export_csv(get_db(), shelter_id, current_app.config["TIMEZONE"]))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="registrations-{shelter_id}.csv"'
    return response


@bp.route("/<int:shelter_id>/registrations/new", methods=["GET", "POST"])
def new_registration(shelter_id: int) -> Response | str:
    """Type in a paper card. At a closed shelter the form says so, and a card sent anyway comes
    back with everything typed, the evacuee's language included."""
    shelter = visible(shelter_id)
    answers, errors = {}, {}
    evacuee_lang = request.form.get("lang", "ja")
    if evacuee_lang not in LANGUAGES:
        evacuee_lang = "ja"
    if request.method == "POST":
        answers = _form_answers()
        try:
            reg = create_registration(get_db(), shelter_id, evacuee_lang, answers, source="staff",
                                      actor=g.user.username)
        except RegistrationInvalid as exc:
            errors = exc.errors
        except ShelterClosed:
            return _card_form(shelter, None, answers, {}, evacuee_lang, 409)
        else:
            audit.record("registration_create", target=reg.id)
            return redirect(url_for("shelters.registration", shelter_id=shelter_id, reg_id=reg.id))
    return _card_form(shelter, None, answers, errors, evacuee_lang)


def _card_form(shelter: Shelter, reg: Registration | None, answers: dict, errors: dict,
               evacuee_lang: str = "ja", status: int | None = None) -> tuple[str, int]:
    page = render_template("shelters/registration_form.html", shelter=shelter, reg=reg, answers=answers,
                           errors=errors, sections=[s for s in sections() if s.fields], lang=LANGUAGES["ja"],
                           say=say, languages=LANGUAGES, evacuee_lang=evacuee_lang)
    return page, status or (422 if errors else 200)


@bp.route("/<int:shelter_id>/registrations/<int:reg_id>", methods=["GET", "POST"])
def registration(shelter_id: int, reg_id: int) -> Response | str:
    shelter = visible(shelter_id)
    try:
        reg = get_registration(get_db(), reg_id, [shelter_id])
    except RegistrationError:
        abort(404)
    if request.method == "POST":
        answers = _form_answers()
        errors = update_registration(get_db(), reg_id, [shelter_id], answers, g.user.username)
        if errors:
            return _card_form(shelter, reg, answers, errors)
        audit.record("registration_edit", target=reg_id)
        flash(_("Saved."))
        return redirect(url_for("shelters.registration", shelter_id=shelter_id, reg_id=reg_id))
    audit.record("registration_view", target=reg_id)
    if request.args.get("edit"):
        return _card_form(shelter, reg, reg.answers, {})
    return render_template("shelters/registration.html", shelter=shelter, reg=reg, say=say,
                           lang=LANGUAGES["ja"], events=history(get_db(), reg_id, [shelter_id]),
                           sections=[s for s in sections() if s.fields], languages=LANGUAGES)


@bp.post("/<int:shelter_id>/registrations/<int:reg_id>/presence")
def presence(shelter_id: int, reg_id: int) -> Response:
    visible(shelter_id)
    try:
        set_present(get_db(), reg_id, [shelter_id], request.form.get("present") == "1", g.user.username,
                    request.form.get("destination", ""))
    except RegistrationError:
        abort(404)
    except TextRefused as exc:
        flash(text_problem(exc.code, MAX_LINE, str(exc)), "error")
    else:
        audit.record("presence", target=reg_id)
    return redirect(url_for("shelters.registration", shelter_id=shelter_id, reg_id=reg_id))


@bp.get("/<int:shelter_id>/registrations/<int:reg_id>/card.pdf")
def card(shelter_id: int, reg_id: int) -> Response:
    from printables.card import card_pdf

    visible(shelter_id)
    try:
        reg = get_registration(get_db(), reg_id, [shelter_id])
    except RegistrationError:
        abort(404)
    audit.record("registration_print", target=reg_id)
    answers = card_answers(reg, get_shelter(get_db(), shelter_id).name, current_app.config["TIMEZONE"])
    return printed_pdf(lambda: card_pdf(reg.lang, answers), f"card-{reg.number}.pdf", download=False)


@bp.post("/<int:shelter_id>/anonymise")
def anonymise(shelter_id: int) -> Response:
    visible(shelter_id)
    try:
        count = anonymise_closed_shelter(get_db(), shelter_id, g.user.username)
    except ValueError:
        flash(_("Close the shelter before anonymising its registrations."), "error")
    else:
        audit.record("anonymise", target=shelter_id, detail=str(count))
        flash(_("%(count)s registrations anonymised.", count=count))
    return redirect(url_for("shelters.detail", shelter_id=shelter_id))
