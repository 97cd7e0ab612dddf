"""Place registry views: every staff role reads the list; coordinators and admins register and
edit places (``app.auth.policy``)."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, url_for
from werkzeug.wrappers import Response

from app import audit
from app.db import get_db
from app.forms import text_problem
from app.i18n import _
from app.places import bp
from app.public.mirror import get_mirror
from app.places.forms import KIND_LABELS, PlaceForm, PlacesFileForm, name_field, name_fields, place_form, typed_names
from phrasebook.languages import LANGUAGES
from phrasebook.places import (MAX_NAME, PlaceError, PlacesFileError, RegisteredPlace, create_place, get_place,
                               import_places_csv, list_places, places_csv, suggest, update_place)


def _reason(exc: PlaceError) -> str:
    """The library's reason in the staff language."""
    own = {"duplicate": _("A place with this name is already registered."),
           "romaji_script": _("Write the reading in Latin letters (like Shimin Taiikukan)."),
           "kana_script": _("Write the reading in hiragana or katakana (like しみんたいいくかん)."),
           "kind": _("Choose a kind."),
           "header": _("The first line must name the columns, with at least ja (as in a downloaded file).")}
    return own.get(exc.code) or text_problem(exc.code, MAX_NAME, str(exc))


def _show_error(form: PlaceForm, exc: PlaceError) -> None:
    """The library's reason beside the field it concerns, in the staff language."""
    target = exc.field if exc.field in ("kind", "ja", "romaji", "kana") else name_field(exc.field)
    field = form[target] if target in form else form.ja
    field.errors = [*field.errors, _reason(exc)]


def _pages_changed() -> None:
    """Public pages and the mirror show shelter names by their registered reading: rewrite them."""
    mirror = get_mirror()
    if mirror is not None:
        mirror.everything_changed()


def _fill_reading(form: PlaceForm) -> None:
    """Show the generated reading in the empty reading fields ("Show the reading")."""
    romaji, kana = suggest((form.ja.data or "").strip())
    form.romaji.data = form.romaji.data or romaji
    form.kana.data = form.kana.data or kana


def _page(form: PlaceForm, place: RegisteredPlace | None) -> str:
    """The form; for a saved place, its name as an English and an Easy Japanese reader see it."""
    names = name_fields(form)
    seen = (place.place().name_in(LANGUAGES["en"]), place.place().name_in(LANGUAGES["ja@easy"])) if place else None
    return render_template("places/edit.html", form=form, place=place, names=names, seen=seen,
                           names_open=any(f.data or f.errors for f in names))


def _index_page(upload: PlacesFileForm, problems: list[str]) -> str:
    return render_template("places/index.html", places=list_places(get_db()), kinds=KIND_LABELS,
                           upload=upload, problems=problems)


@bp.get("/")
def index() -> str:
    return _index_page(PlacesFileForm(), [])


@bp.get("/places.csv")
def download() -> Response:
    """The registry as CSV (``bosai places import`` and the upload below read it back)."""
    response = make_response(places_csv(get_db()))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="places.csv"'
    return response


@bp.post("/import")
def upload() -> Response | tuple[str, int]:
    """Register or update places from a CSV; a bad line is named and nothing changes."""
    form = PlacesFileForm()
    if not form.validate_on_submit():
        return _index_page(form, []), 400
    try:
        added, updated = import_places_csv(get_db(), form.places.data.read().decode("utf-8"))
    except UnicodeDecodeError:
        return _index_page(form, [_("The file is not UTF-8 text. Save it as CSV UTF-8 and upload it again.")]), 400
    except PlacesFileError as exc:
        problems = [_("Line %(line)s: %(reason)s", line=line, reason=_reason(problem)) if line else _reason(problem)
                    for line, problem in exc.problems]
        return _index_page(form, problems), 400
    audit.record("place_import", detail=f"{added} added, {updated} updated")
    _pages_changed()
    flash(_("%(added)s places added, %(updated)s updated.", added=added, updated=updated), "ok")
    return redirect(url_for("places.index"))


@bp.route("/new", methods=["GET", "POST"])
def new() -> Response | str:
    form = place_form()
    if form.validate_on_submit():
        if form.reading.data:
            _fill_reading(form)
            return _page(form, None)
        try:
            place = create_place(get_db(), form.kind.data, form.ja.data, form.romaji.data or "",
                                 form.kana.data or "", typed_names(form))
        except PlaceError as exc:
            _show_error(form, exc)
        else:
            audit.record("place_create", target=place.id)
            _pages_changed()
            flash(_("Place registered. Check its reading."), "ok")
            return redirect(url_for("places.edit", place_id=place.id))
    return _page(form, None)


@bp.route("/<int:place_id>/edit", methods=["GET", "POST"])
def edit(place_id: int) -> Response | str:
    try:
        place = get_place(get_db(), place_id)
    except PlaceError:
        abort(404)
    form = place_form()
    if form.validate_on_submit():
        if form.reading.data:
            _fill_reading(form)
            return _page(form, place)
        try:
            place = update_place(get_db(), place_id, form.kind.data, form.ja.data, form.romaji.data or "",
                                 form.kana.data or "", typed_names(form))
        except PlaceError as exc:
            _show_error(form, exc)
        else:
            audit.record("place_edit", target=place_id)
            _pages_changed()
            flash(_("Place saved."), "ok")
            return redirect(url_for("places.index"))
    elif not form.is_submitted():
        form.kind.data, form.ja.data, form.romaji.data, form.kana.data = place.kind, place.ja, place.romaji, place.kana
        for code, text in place.names.items():
            if name_field(code) in form:
                form[name_field(code)].data = text
    return _page(form, place)
