"""Sign builder views. Choices travel in the query string (GET forms): nothing is stored."""

from __future__ import annotations

from flask import abort, render_template, request
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response
from wtforms import SelectField, SelectMultipleField

from app.db import get_db
from app.forms import (Form, AtLeastOne, MultiCheckboxField, chosen_shelter, default_languages, language_choices,
                       shelter_choices)
from app.i18n import lazy
from app.links import link_warning
from app.printing import (ORIENTATION_CHOICES, PAPER_CHOICES, PreviewUnavailable, first_page_png, pdf_response,
                          png_response)
from app.shelters.scope import my_shelters
from app.signs import bp
from phrasebook.errors import PhrasebookError
from phrasebook.store import search
from phrasebook.templates import Template, load_templates
from printables.signs import sign_pack_pdf


class SignForm(Form):
    """What to print: sign ids, languages, paper (a GET form: nothing changes, no CSRF token)."""

    class Meta:
        csrf = False

    ids = SelectMultipleField(lazy("Signs"), validators=[AtLeastOne(lazy("Choose at least one sign."))])
    languages = MultiCheckboxField(lazy("Languages"), choices=language_choices(),
                                   validators=[AtLeastOne(lazy("Choose at least one language."))])
    paper = SelectField(lazy("Paper"), choices=PAPER_CHOICES, default="A4")
    orientation = SelectField(lazy("Orientation"), choices=ORIENTATION_CHOICES, default="portrait")
    # Only chooses which languages are ticked ("use_shelter"); any value is harmless.
    shelter = SelectField(lazy("Shelter"), choices=[], default="", validate_choice=False)


def sign_templates() -> dict[str, Template]:
    return {tid: tpl for tid, tpl in load_templates().items() if tpl.kind == "sign"}


def sent() -> bool:
    """Whether the form asks for signs (not for the first page, nor for a shelter's languages)."""
    return bool(request.args.get("paper")) and "use_shelter" not in request.args


def sign_form() -> SignForm:
    """The form from the query string. Until it is sent, and when "use_shelter" is pressed, the
    languages ticked are those of the chosen shelter, else the default languages."""
    shelters = my_shelters()
    shelter = chosen_shelter(shelters, request.args.get("shelter"))
    defaults = list(shelter.languages) if shelter and shelter.languages else default_languages()
    args = request.args.to_dict(flat=False)
    if "use_shelter" in args:
        args["languages"] = defaults
    elif not request.args.get("paper"):
        args.setdefault("languages", defaults)
    form = SignForm(formdata=MultiDict(args))
    form.ids.choices = list(sign_templates())
    form.shelter.choices = shelter_choices(shelters)
    return form


def _pack(form: SignForm, ids: list[str] | None = None) -> bytes:
    return sign_pack_pdf(ids or form.ids.data, form.languages.data, form.paper.data, form.orientation.data)


def _page(form: SignForm, problem: str | None = None, status: int = 200) -> tuple[str, int]:
    signs = sign_templates()
    query = request.args.get("q", "").strip()[:200]
    category = request.args.get("category", "")
    if query:
        hits = {hit.template_id: hit.text for hit in search(get_db(), query, kind="sign")}
    else:
        hits = {tid: None for tid, tpl in signs.items() if not category or tpl.category == category}
    ready = sent() and not form.errors and problem is None
    return render_template("signs/index.html", form=form, signs=signs, hits=hits, query=query,
                           category=category, categories=sorted({t.category for t in signs.values()}),
                           ready=ready, problem=problem, link_warning=link_warning()), status


@bp.get("/")
def index() -> tuple[str, int]:
    """Search in any language or browse by category; the chosen signs with a preview."""
    form = sign_form()
    if sent() and form.validate():
        try:
            _pack(form, form.ids.data[:1])  # what the preview shows: fails early on a bad choice
        except PhrasebookError as exc:
            return _page(form, str(exc), 400)
    return _page(form)


@bp.get("/pack.pdf")
def pack() -> Response | tuple[str, int]:
    form = sign_form()
    if not form.validate():
        return _page(form, status=400)
    try:
        return pdf_response(_pack(form), "bosai-signs.pdf")
    except PhrasebookError as exc:
        return _page(form, str(exc), 400)


@bp.get("/preview.png")
def preview() -> Response:
    """The first chosen sign as a PNG (rendered with pdftoppm)."""
    form = sign_form()
    if not form.validate():
        abort(400)
    try:
        return png_response(first_page_png(_pack(form, form.ids.data[:1])))
    except PhrasebookError:
        abort(400)
    except PreviewUnavailable:
        abort(503)
