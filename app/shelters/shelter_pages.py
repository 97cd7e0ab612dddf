"""Shelter pages: the list, creating and editing a shelter, and a shelter's page with its
registrations (search and filters), headcount, needs, kiosk links and drill pack."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app import audit
from app.auth.users import list_users
from app.db import get_db
from app.forms import text_problem
from app.i18n import _, language_label
from app.kiosk.texts import say
from app.links import link_warning
from app.shelters import bp
from app.shelters.pack_pages import pack_jobs
from app.shelters.forms import ShelterForm
from app.shelters.scope import my_shelters, visible
from phrasebook.languages import LANGUAGES
from phrasebook.registrations import display_name, headcount, list_registrations, needs_summary
from phrasebook.shelters import (ShelterError, assign_staff, create_shelter, list_kiosk_tokens, staff_of,
                                 update_shelter)
from phrasebook.textsafety import MAX_ADDRESS, MAX_SHELTER_NAME

bp.add_app_template_global(display_name)  # "မောင်မောင် (Maung Maung)" in the staff lists


def need_label(key: str) -> str:
    """A need key (``allergy:egg``, ``interpreter:ne``, ``medical``) as words for staff."""
    kind, _sep, what = key.partition(":")
    if kind in ("allergy", "dietary"):
        prefix = _("Allergy") if kind == "allergy" else _("Food rule")
        return f"{prefix}: {say('food.' + what, LANGUAGES['ja'])}"
    if kind == "interpreter":
        return _("Interpreter: %(language)s", language=language_label(what))
    return {"medical": _("Medical help"), "care": _("Care or assistance"), "pregnancy": _("Pregnancy"),
            "infant": _("Baby (breastfeeding)")}.get(kind, key)


def _staff_choices(form: ShelterForm) -> None:
    form.staff.choices = [(u.id, u.username) for u in list_users(get_db()) if u.role in ("staff", "coordinator")]


def _show_error(form: ShelterForm, exc: ShelterError) -> None:
    """The library's reason beside the field it concerns, in the staff language."""
    field = form[exc.field] if exc.field in ("name", "address", "capacity") else form.name
    limit = MAX_ADDRESS if exc.field == "address" else MAX_SHELTER_NAME
    field.errors = [*field.errors, text_problem(exc.code, limit, str(exc))]


@bp.get("/")
def index() -> str:
    db = get_db()
    rows = [(s, headcount(db, s.id)[0]) for s in my_shelters()]
    return render_template("shelters/index.html", rows=rows)


@bp.route("/new", methods=["GET", "POST"])
def new() -> Response | str:
    form = ShelterForm()
    _staff_choices(form)
    if form.validate_on_submit():
        try:
            shelter = create_shelter(get_db(), form.name.data, form.address.data or "", form.capacity.data or 0,
                                     form.languages.data or ["ja", "ja@easy", "en"])
        except ShelterError as exc:
            _show_error(form, exc)
        else:
            assign_staff(get_db(), shelter.id, form.staff.data or [])
            audit.record("shelter_create", target=shelter.id)
            return redirect(url_for("shelters.detail", shelter_id=shelter.id))
    elif not form.is_submitted():
        form.languages.data = ["ja", "ja@easy", "en"]
    return render_template("shelters/edit.html", form=form, shelter=None)


@bp.route("/<int:shelter_id>/edit", methods=["GET", "POST"])
def edit(shelter_id: int) -> Response | str:
    shelter = visible(shelter_id)
    form = ShelterForm()
    _staff_choices(form)
    if form.validate_on_submit():
        try:
            update_shelter(get_db(), shelter_id, form.name.data, form.address.data or "", form.capacity.data or 0,
                           form.languages.data or [], form.is_open.data)
        except ShelterError as exc:
            _show_error(form, exc)
        else:
            assign_staff(get_db(), shelter_id, form.staff.data or [])
            audit.record("shelter_edit", target=shelter_id)
            return redirect(url_for("shelters.detail", shelter_id=shelter_id))
    elif not form.is_submitted():
        form.name.data, form.address.data, form.capacity.data = shelter.name, shelter.address, shelter.capacity
        form.languages.data, form.is_open.data = list(shelter.languages), shelter.is_open
        form.staff.data = staff_of(get_db(), shelter_id)
    return render_template("shelters/edit.html", form=form, shelter=shelter)


@bp.get("/<int:shelter_id>/")
def detail(shelter_id: int) -> str:
    shelter = visible(shelter_id)
    db = get_db()
    query = request.args.get("q", "").strip()[:100]
    status = request.args.get("status", "present")
    need = request.args.get("need", "")[:60] or None
    present = {"present": True, "out": False}.get(status)
    regs = list_registrations(db, shelter_id, query=query, present=present, need=need)
    people, capacity = headcount(db, shelter_id)
    audit.record("registration_list", target=shelter_id)
    return render_template("shelters/detail.html", shelter=shelter, regs=regs, people=people,
                           capacity=capacity, needs=needs_summary(db, shelter_id), query=query, status=status,
                           need=need or "", tokens=list_kiosk_tokens(db, shelter_id), languages=LANGUAGES,
                           need_label=need_label, pack=pack_jobs(shelter_id).latest(),
                           link_warning=link_warning())
