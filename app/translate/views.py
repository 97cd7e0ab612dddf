"""Dashboard views: overview, one language's entries, download, upload, review."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, send_file, url_for
from flask_wtf.file import FileField, FileRequired
from werkzeug.utils import secure_filename
from werkzeug.wrappers import Response
from wtforms import SelectMultipleField

from app import audit
from app.forms import Form
from app.db import get_db
from app.i18n import _, lazy
from app.public import mirror
from app.translate import bp, catalogs
from phrasebook.errors import PhrasebookError
from phrasebook.languages import LANGUAGES, SOURCE
from phrasebook.paths import po_path


class UploadForm(Form):
    catalog = FileField(lazy("Catalog file (.po)"), validators=[FileRequired()])


class ReviewForm(Form):
    ids = SelectMultipleField(choices=[], validate_choice=True)


def language_code(code: str) -> str:
    if code not in LANGUAGES:
        abort(404)
    return code


def _language_page(code: str, upload: UploadForm | None = None, problems: list | None = None,
                   warnings: list | None = None, status: int = 200) -> tuple[str, int]:
    report = catalogs.report(code)
    return render_template("translate/language.html", report=report, upload=upload or UploadForm(),
                           review=ReviewForm(), problems=problems, warnings=warnings,
                           can_upload=code != SOURCE), status


@bp.get("/")
def index() -> str:
    return render_template("translate/index.html", reports=[catalogs.report(code) for code in LANGUAGES])


@bp.get("/<code>")
def language(code: str) -> tuple[str, int]:
    return _language_page(language_code(code))


@bp.get("/<code>/bosai.po")
def download(code: str) -> Response:
    return send_file(po_path(language_code(code)), mimetype="text/x-gettext-translation; charset=utf-8",
                     as_attachment=True, download_name=f"bosai-{code}.po", max_age=0)


@bp.post("/<code>/upload")
def upload(code: str) -> Response | tuple[str, int]:
    """Validate the whole file first; apply it (file and store together) only if it passes."""
    code = language_code(code)
    form = UploadForm()
    if code == SOURCE:
        abort(400)
    if not form.validate():
        return _language_page(code, form, status=400)
    data = form.catalog.data.read()
    name = secure_filename(form.catalog.data.filename or "") or f"{code}.po"
    try:
        _po, blocking, rest = catalogs.validate_upload(code, data, name)
    except PhrasebookError as exc:
        return _language_page(code, form, problems=[exc], status=400)
    if blocking:
        return _language_page(code, form, problems=blocking, warnings=rest, status=400)
    try:
        catalogs.apply_upload(get_db(), code, data)
    except PhrasebookError as exc:
        return _language_page(code, form, problems=[exc], status=400)
    mirror.catalog_changed()
    audit.record("catalog_upload", target=code)
    flash(_("Catalog uploaded and applied."), "ok")
    return redirect(url_for("translate.language", code=code))


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
