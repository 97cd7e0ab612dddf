"""Shelter and registration views. Staff see the shelters they work at; admins see all."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, g, make_response, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from app import audit
from app.auth.policy import visible_shelter_ids
from app.auth.users import list_users
from app.db import get_db
from app.forms import text_problem
from app.i18n import _, language_label
from app.jobs import Job, JobFolder
from app.kiosk.texts import say
from app.links import base_url, link_warning
from app.printing import printed_pdf
from app.shelters import bp
from app.shelters.forms import ShelterForm
from app.shelters.packs import SKIP_REASONS, shelter_pack
from phrasebook.errors import PhrasebookError
from phrasebook.card import fields, sections
from phrasebook.languages import LANGUAGES
from phrasebook.textsafety import MAX_ADDRESS, MAX_LINE, MAX_SHELTER_NAME, TextRefused
from phrasebook.registrations import (
    Registration, RegistrationError, RegistrationInvalid, anonymise_closed_shelter, card_answers, create_registration,
    display_name, export_csv, get_registration, headcount, history, list_registrations, needs_summary, set_present, update_registration,
)
from phrasebook.shelters import (
    MAX_KIOSK_LABEL, Shelter, ShelterClosed, ShelterError, assign_staff, create_kiosk_token, create_shelter, get_shelter,
    list_kiosk_tokens, list_shelters, revoke_kiosk_token, staff_of, update_shelter,
)
from printables.pack import FORMATS

bp.add_app_template_global(display_name)  # "မောင်မောင် (Maung Maung)" in the staff lists


def allowed_ids() -> list[int] | None:
    """The shelters this account may see (None: every shelter, for admins)."""
    return visible_shelter_ids(get_db(), g.user)


def my_shelters() -> list[Shelter]:
    """The shelters this account may see (every shelter for admins)."""
    return list_shelters(get_db(), allowed_ids())


def visible(shelter_id: int) -> Shelter:
    """The shelter of the URL (the access guard has checked that this user may see it)."""
    try:
        return get_shelter(get_db(), shelter_id)
    except ShelterError:
        abort(404)


def _form_answers() -> dict:
    return {name: request.form.getlist(name) if f.input == "multi" else request.form.get(name, "")
            for name, f in fields(include_staff=True).items() if name in request.form}


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


def pack_jobs(shelter_id: int) -> JobFolder:
    """The drill-pack builds of a shelter (instance folder ``jobs/pack-<id>``)."""
    return JobFolder(Path(current_app.instance_path) / "jobs" / f"pack-{shelter_id}")


def pack_job(shelter_id: int, job_id: str) -> tuple[Shelter, Job]:
    shelter = visible(shelter_id)
    return shelter, pack_jobs(shelter_id).get(job_id) or abort(404)


@bp.post("/<int:shelter_id>/pack")
def start_pack(shelter_id: int) -> Response:
    """Start building the drill pack in the background (or show the build already running)."""
    visible(shelter_id)
    fmt = request.form.get("format", "pdf")
    if fmt not in FORMATS:
        abort(400)
    try:
        planned = shelter_pack(get_db(), shelter_id, base_url())
    except PhrasebookError as exc:
        flash(_("The drill pack could not be built: %(error)s", error=str(exc)), "error")
        return redirect(url_for("shelters.detail", shelter_id=shelter_id))
    job = pack_jobs(shelter_id).start(planned.filename(fmt), len(planned.parts),
                                      lambda progress, skip: planned.build(fmt, progress, skip))
    return redirect(url_for("shelters.pack_status", shelter_id=shelter_id, job_id=job.id))


@bp.get("/<int:shelter_id>/pack/<job_id>")
def pack_status(shelter_id: int, job_id: str) -> str:
    """Progress of the build (the page refreshes itself), then the download or the error."""
    shelter, job = pack_job(shelter_id, job_id)
    return render_template("shelters/pack.html", shelter=shelter, job=job, reasons=SKIP_REASONS)


@bp.get("/<int:shelter_id>/pack/<job_id>/download")
def pack_download(shelter_id: int, job_id: str) -> Response:
    _shelter, job = pack_job(shelter_id, job_id)
    if job.state != "done":
        abort(404)
    return send_file(pack_jobs(shelter_id).result(job), as_attachment=True, download_name=job.filename)


@bp.post("/<int:shelter_id>/kiosks")
def new_kiosk(shelter_id: int) -> Response | str:
    """Create a kiosk link; it is shown this once (only its hash is kept)."""
    shelter = visible(shelter_id)
    try:
        token = create_kiosk_token(get_db(), shelter_id, request.form.get("label", ""))
    except ShelterError as exc:
        flash(text_problem(exc.code, MAX_KIOSK_LABEL, str(exc)), "error")
        return redirect(url_for("shelters.detail", shelter_id=shelter_id))
    audit.record("kiosk_create", target=shelter_id)
    link = url_for("kiosk.start", token=token, _external=True)
    return render_template("shelters/kiosk_link.html", shelter=shelter, link=link)


@bp.post("/<int:shelter_id>/kiosks/<token_hash>/revoke")
def revoke_kiosk(shelter_id: int, token_hash: str) -> Response:
    visible(shelter_id)
    if token_hash not in {t["token_hash"] for t in list_kiosk_tokens(get_db(), shelter_id)}:
        abort(404)
    revoke_kiosk_token(get_db(), token_hash)
    audit.record("kiosk_revoke", target=shelter_id, detail=token_hash[:12])
    flash(_("The kiosk link has been revoked."))
    return redirect(url_for("shelters.detail", shelter_id=shelter_id))


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
