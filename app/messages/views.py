"""Composer views: template finder, compose/preview/publish, list, detail, edit, withdraw."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app import audit
from app.auth.policy import may_write_message, writable_shelters
from app.db import get_db
from app.i18n import _
from app.links import base_url, link_warning
from app.messages import bp
from app.messages.forms import (PLACES_LIST, ComposerBase, attach_slot_errors, chosen_shelter_id,
                                composer_form, place_fields, place_value, shelter_field_choices, slot_values)
from app.printing import pdf_response
from app.public import mirror
from phrasebook import messages as model
from phrasebook.errors import PhrasebookError, SlotError, SlotValueError, UnknownTemplate
from phrasebook.parts import Part
from phrasebook.languages import LANGUAGES
from phrasebook.places import find_place, list_places
from phrasebook.render import check_values
from phrasebook.shelters import list_shelters
from phrasebook.slots import Place, parse_value
from phrasebook.store import search
from phrasebook.textsafety import name_key
from phrasebook.templates import HAZARDS, PHASES, Template, get_template, load_templates
from printables.sheet import parts_sheet_pdf


def message_template(template_id: str) -> Template:
    try:
        tpl = get_template(template_id)
    except UnknownTemplate:
        abort(404)
    if tpl.kind != "message":
        abort(404)
    return tpl


def registered(ja: str) -> Place | None:
    """The registered place of this name, as a slot value (the composer's registry)."""
    place = find_place(get_db(), ja)
    return place.place() if place else None


def _place_offers() -> list[tuple[str, str]]:
    """The composer's place picker: (Japanese name, reading) of registered places, then the
    shelters not registered as places."""
    db = get_db()
    places = list_places(db)
    known = {name_key(p.ja) for p in places}
    return [(p.ja, p.romaji) for p in places] + [(s.name, "") for s in list_shelters(db) if name_key(s.name) not in known]


def _place_readings(form: ComposerBase, tpl: Template) -> dict[str, tuple[str, str]]:
    """Each filled place slot's name as an English and an Easy Japanese reader see it (its
    reading, registered or generated), shown under the field."""
    out = {}
    for slot, kind in tpl.slots.items():
        if kind != "place" or not (form[slot].data or "").strip():
            continue
        try:
            place = parse_value("place", place_value(form, slot, registered))
        except SlotValueError:
            continue
        out[slot] = (place.name_in(LANGUAGES["en"]), place.name_in(LANGUAGES["ja@easy"]))
    return out


def _submitted(form: ComposerBase, tpl: Template) -> tuple[dict | None, list[model.Rendition] | None]:
    """(slot values to save, renditions to preview): values only when "publish" was pressed
    and every chosen language can show the message."""
    if not form.is_submitted() or not form.validate():
        return None, None
    values = slot_values(form, tpl, registered)
    try:
        check_values(tpl, values)
    except SlotError as exc:
        attach_slot_errors(form, exc)
        return None, None
    shown = model.renditions([Part(tpl.id, values)], form.languages.data)
    if not form.publish.data:
        return None, shown
    missing = [r.lang.native for r in shown if r.text is None]
    if missing:
        form.languages.errors = [_("No usable translation in: %(languages)s", languages=", ".join(missing))]
        return None, shown
    return values, shown


def _offer_shelters(form: ComposerBase, area: str = "") -> None:
    """The composer's shelter choices: where this user may publish (staff who may not speak for
    the whole area start on their first shelter)."""
    db = get_db()
    shelter_field_choices(form, writable_shelters(db, g.user), may_write_message(db, g.user, None), area)
    first = form.shelter.choices[0][0] if form.shelter.choices else ""
    if not form.shelter.data and "shelter" not in request.form and first:
        form.shelter.data = first


def _may_write(form: ComposerBase) -> bool:
    """Whether this user may publish for the form's shelter or area; if not, the form says why."""
    if may_write_message(get_db(), g.user, chosen_shelter_id(form)):
        return True
    form.shelter.errors = [_("You may publish only for the shelters you work at; area-wide messages "
                             "need a coordinator or an admin.")]
    return False


def _compose_page(form: ComposerBase, tpl: Template, shown: list[model.Rendition] | None,
                  message: model.Message | None = None) -> str:
    has_place = "place" in tpl.slots.values()
    return render_template("messages/compose.html", form=form, tpl=tpl, shown=shown, message=message,
                           place_fields=place_fields, places_list=PLACES_LIST,
                           place_offers=_place_offers() if has_place else [],
                           place_readings=_place_readings(form, tpl) if has_place and form.is_submitted() else {})


@bp.get("/")
def index() -> str:
    """Every message with the first sentence of its Japanese text, newest first."""
    messages = model.all_messages(get_db())
    firsts = {m.id: model.first_sentence(m) for m in messages}
    return render_template("messages/index.html", messages=messages, firsts=firsts,
                           drafts=sum(m.status == "draft" for m in messages))


@bp.get("/new")
def new() -> str:
    """Find a template: search in any language, filter by hazard and phase."""
    query = request.args.get("q", "").strip()[:200]
    hazard = request.args.get("hazard", "")
    phase = request.args.get("phase", "")
    templates = load_templates()
    matched: dict[str, str | None] = {}
    if query:
        for hit in search(get_db(), query, kind="message"):
            matched[hit.template_id] = hit.text
    else:
        matched = {tid: None for tid, tpl in templates.items() if tpl.kind == "message"}
    found = [(templates[tid], text) for tid, text in matched.items() if tid in templates
             and (not hazard or hazard in templates[tid].hazards) and (not phase or phase in templates[tid].phases)]
    return render_template("messages/new.html", found=found, query=query, hazard=hazard, phase=phase,
                           hazards=HAZARDS, phases=PHASES)


@bp.route("/new/<template_id>", methods=["GET", "POST"])
def compose(template_id: str) -> Response | str | tuple[str, int]:
    tpl = message_template(template_id)
    form = composer_form(tpl)
    _offer_shelters(form)
    if form.is_submitted() and form.publish.data and not _may_write(form):
        return _compose_page(form, tpl, None), 403
    values, shown = _submitted(form, tpl)
    if values is not None:
        message = model.publish(get_db(), tpl.id, values, form.languages.data, g.user.username,
                                chosen_shelter_id(form), form.drill.data)
        mirror.message_changed(message.id)
        audit.record("publish", target=message.id)
        flash(_("Message published."), "ok")
        return redirect(url_for("messages.detail", message_id=message.id))
    return _compose_page(form, tpl, shown)


@bp.get("/<message_id>")
def detail(message_id: str) -> str:
    message = model.get(get_db(), message_id) or abort(404)
    shown = model.renditions(message.parts, message.languages)
    return render_template("messages/detail.html", message=message, shown=shown,
                           tpl=get_template(message.template_id), url=f"{base_url()}/m/{message.id}",
                           link_warning=link_warning(), can_write=may_write_message(get_db(), g.user, message.shelter_id))


@bp.route("/<message_id>/edit", methods=["GET", "POST"])
def edit(message_id: str) -> Response | str | tuple[str, int]:
    message = model.get(get_db(), message_id) or abort(404)
    if len(message.parts) != 1:  # the composer edits one template; drafts get new parts from JMA
        abort(404)
    tpl = message_template(message.template_id)
    form = composer_form(tpl, message.values, registered, languages=list(message.languages),
                         shelter=str(message.shelter_id or ""), drill=message.drill)
    _offer_shelters(form, message.area)
    if form.is_submitted() and form.publish.data and not _may_write(form):
        return _compose_page(form, tpl, None, message), 403
    values, shown = _submitted(form, tpl)
    if values is not None:
        model.update(get_db(), message.id, values, form.languages.data,
                     chosen_shelter_id(form), form.drill.data)
        mirror.message_changed(message.id)
        audit.record("edit", target=message.id)
        flash(_("Message updated."), "ok")
        return redirect(url_for("messages.detail", message_id=message.id))
    return _compose_page(form, tpl, shown, message)


@bp.post("/<message_id>/withdraw")
def withdraw(message_id: str) -> Response:
    message = model.get(get_db(), message_id) or abort(404)
    if not message.withdrawn:
        model.withdraw(get_db(), message.id)
        mirror.message_changed(message.id)
        audit.record("withdraw", target=message.id)
        flash(_("Message withdrawn: its public page now says so."), "ok")
    return redirect(url_for("messages.detail", message_id=message.id))


@bp.get("/<message_id>/qr.pdf")
def qr_sheet(message_id: str) -> Response:
    """The message in its languages, each with a QR code of its public page."""
    message = model.get(get_db(), message_id) or abort(404)
    try:
        pdf = parts_sheet_pdf(message.parts, message.languages, base_url(), message.id)
    except PhrasebookError as exc:
        flash(str(exc), "error")
        return redirect(url_for("messages.detail", message_id=message.id))
    return pdf_response(pdf, f"bosai-message-{message.id}.pdf")
