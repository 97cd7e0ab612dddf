"""Dashboard views: overview, one language's entries and problems, download (with the catalog's
revision), checking and uploading a file (merged, confirmed when published text would go),
review, and the admin's update from the templates."""

from __future__ import annotations

import re

from flask import abort, flash, g, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from flask_wtf.file import FileField, FileRequired
from werkzeug.utils import secure_filename
from werkzeug.wrappers import Response
from wtforms import BooleanField, HiddenField, SelectMultipleField
from wtforms.validators import InputRequired

from app import audit
from app.db import get_db
from app.forms import Form, language_name
from app.i18n import _, lazy
from app.public import mirror
from app.translate import bp, catalogs
from phrasebook.catalog import with_revision
from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, SOURCE
from phrasebook.paths import po_path
from phrasebook.scripts import SCRIPT_NAMES

_SCRIPT_FIELDS = ("script", "found")  # fields of check sentences that hold script names
_PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*\}")
STATE_NAMES = {"untranslated": lazy("Untranslated"), "fuzzy": lazy("Needs work"), "unreviewed": lazy("Not reviewed"),
               "reviewed": lazy("Reviewed"), "missing": lazy("Missing")}


class UploadForm(Form):
    catalog = FileField(lazy("Catalog file (.po)"), validators=[FileRequired(lazy("Choose a .po file."))])


class ConfirmForm(Form):
    token = HiddenField(validators=[InputRequired()])
    messages = HiddenField()
    confirm = BooleanField(lazy("Apply anyway: these published messages lose their text in this language"),
                           validators=[InputRequired(lazy("Tick the box to confirm, or upload a corrected file."))])


class ReviewForm(Form):
    ids = SelectMultipleField(choices=[], validate_choice=True)


class UpdateForm(Form):
    pass


def say(problem: object) -> Markup:
    """A problem (``CatalogError`` or check ``Issue``) as a sentence in the interface language,
    escaped; a quoted part of the file (``detail``) is set apart as code."""
    template = getattr(problem, "template", "") or getattr(problem, "message", str(problem))
    shown: dict[str, object] = {}
    for key, value in getattr(problem, "params", {}).items():
        if key in _SCRIPT_FIELDS:
            value = _(", ").join(_(SCRIPT_NAMES.get(v, v)) for v in (value if isinstance(value, list) else [value]))
        elif key == "detail":
            value = Markup("<code>{}</code>").format(value)
        shown[key] = value
    sentence = Markup(escape(_(template)))
    return sentence % shown if shown else sentence


@bp.app_template_global("state_name")
def state_name(state: str) -> str:
    return str(STATE_NAMES.get(state, state))


@bp.app_template_global("problem_text")
def problem_text(problem: object) -> Markup:
    return say(problem)


@bp.app_template_global("with_placeholders")
def with_placeholders(text: str | None) -> Markup:
    """Catalog text, escaped, with each ``{name}`` placeholder set apart as code: translators copy
    it as it is, and it is not a word of the interface."""
    return Markup(_PLACEHOLDER.sub(lambda m: f'<code class="placeholder">{m.group(0)}</code>', str(escape(text or ""))))


bp.add_app_template_global(language_name)  # the dashboard's languages: မြန်မာ（ミャンマー語）


def language_code(code: str) -> str:
    if code not in LANGUAGES:
        abort(404)
    return code


def _language_page(code: str, status: int = 200, **shown) -> tuple[str, int]:
    report = catalogs.report(code)
    shown.setdefault("upload", UploadForm())
    return render_template("translate/language.html", report=report, review=ReviewForm(),
                           can_upload=code != SOURCE, **shown), status


@bp.get("/")
def index() -> str:
    return render_template("translate/index.html", reports=[catalogs.report(code) for code in LANGUAGES],
                           update=UpdateForm())


@bp.get("/<code>")
def language(code: str) -> tuple[str, int]:
    return _language_page(language_code(code))


@bp.get("/<code>/bosai.po")
def download(code: str) -> Response:
    """The catalog with its revision in the header, so that an upload made from it can be merged
    with what changed since."""
    text = po_path(language_code(code)).read_text(encoding="utf-8")
    rev = catalogs.remember(get_db(), code, text)
    response = Response(with_revision(text, rev).encode("utf-8"),
                        mimetype="text/x-gettext-translation; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="bosai-{code}.po"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _outcome(code: str, data: bytes, name: str, confirmed: frozenset[str] = frozenset(),
             **shown) -> Response | tuple[str, int]:
    """Apply an upload and go back to the language page, or show why it was not applied: the
    problems (400) or the published messages to confirm (409)."""
    try:
        prepared = catalogs.submit_upload(get_db(), code, data, name, confirmed)
    except PhrasebookError as exc:
        return _language_page(code, 400, prepared=catalogs.Upload(problems=[exc]), **shown)
    if prepared.refused:
        return _language_page(code, 400, prepared=prepared, **shown)
    if not prepared.applied:
        confirm = ConfirmForm(formdata=None, token=catalogs.hold(get_db(), code, data, g.user.username),
                              messages=" ".join(sorted(a.message_id for a in prepared.affected)))
        return _language_page(code, 409, prepared=prepared, confirm=confirm, **shown)
    mirror.catalog_changed()
    audit.record("catalog_upload", target=code)
    flash(_("Catalog uploaded and applied: %(n)s entries changed.", n=len(prepared.changed)), "ok")
    if prepared.unreviewed:
        flash(_("The text of these reviewed entries changed, so they need a new review: %(ids)s",
                ids=", ".join(prepared.unreviewed)), "ok")
    return redirect(url_for("translate.language", code=code))


@bp.post("/<code>/upload")
def upload(code: str) -> Response | tuple[str, int]:
    """Check an uploaded file ("check" only reports); apply it only if it passes, merged with
    what changed since its download; ask first if published text would go."""
    code = language_code(code)
    if code == SOURCE:
        abort(400)
    form = UploadForm()
    if not form.validate():
        return _language_page(code, 400, upload=form)
    data = form.catalog.data.read()
    name = secure_filename(form.catalog.data.filename or "") or f"{code}.po"
    if request.form.get("action") == "check":
        prepared = catalogs.prepare_upload(get_db(), code, data, name)
        return _language_page(code, 400 if prepared.refused else 200, upload=form, prepared=prepared,
                              checked=True)
    return _outcome(code, data, name, upload=form)


@bp.post("/<code>/upload/confirm")
def confirm_upload(code: str) -> Response | tuple[str, int]:
    """Apply a held upload after the translator confirmed the published messages it affects
    (asked again if that list grew in the meantime)."""
    code = language_code(code)
    form = ConfirmForm()
    if not form.validate():
        prepared = catalogs.Upload(problems=[error for errors in form.errors.values() for error in errors])
        return _language_page(code, 400, prepared=prepared)
    data = catalogs.held(get_db(), code, form.token.data, g.user.username)
    if data is None:
        abort(400)
    return _outcome(code, data, f"{code}.po", frozenset(form.messages.data.split()))


@bp.post("/<code>/review")
def review(code: str) -> Response | tuple[str, int]:
    """Record the current user as reviewer of the chosen translated entries."""
    code = language_code(code)
    report = catalogs.report(code)
    if report.po is None:
        abort(400)
    form = ReviewForm()
    form.ids.choices = [e.id for e in report.po.entries.values() if e.state in ("unreviewed", "reviewed")]
    if not form.validate() or not form.ids.data:
        flash(_("Choose translated entries to mark as reviewed."), "error")
        return redirect(url_for("translate.language", code=code))
    marked = catalogs.review(get_db(), code, form.ids.data, g.user.username)
    mirror.catalog_changed()
    audit.record("review", target=code, detail=str(marked))
    flash(_("%(n)s entries marked as reviewed.", n=marked), "ok")
    return redirect(url_for("translate.language", code=code))


@bp.post("/update")
def update() -> Response:
    """Merge the template definitions into every catalog (an admin's action)."""
    if not UpdateForm().validate():
        abort(400)
    try:
        written = catalogs.update_from_templates(get_db())
    except PhrasebookError as exc:
        flash(say(exc), "error")
        return redirect(url_for("translate.index"))
    mirror.catalog_changed()
    audit.record("catalog_update", detail=str(len(written)))
    flash(_("Catalogs updated from the templates: %(n)s files changed.", n=len(written)), "ok")
    return redirect(url_for("translate.index"))
