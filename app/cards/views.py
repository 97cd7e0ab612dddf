"""Card views: choose the language, get the blank registration card as a PDF."""

from __future__ import annotations

from flask import render_template, request
from werkzeug.wrappers import Response
from wtforms import SelectField

from app.cards import bp
from app.forms import Form, chosen_shelter, language_choices
from app.i18n import lazy
from app.printing import pdf_response
from app.shelters.scope import my_shelters
from phrasebook.errors import PhrasebookError
from printables.card import card_pdf


class CardForm(Form):
    """A GET form (nothing changes on the server), so without CSRF token."""

    class Meta:
        csrf = False

    lang = SelectField(lazy("Language"), choices=language_choices(), default="en")


@bp.get("/")
def index() -> str:
    """The language choice; with a shelter chosen, a card link per language of that shelter."""
    shelters = my_shelters()
    return render_template("cards/index.html", form=CardForm(formdata=None), shelters=shelters,
                           shelter=chosen_shelter(shelters, request.args.get("shelter")))


@bp.get("/blank.pdf")
def blank() -> Response | tuple[str, int]:
    """The card in Japanese and the chosen language, blank, to print and fill by hand."""
    form = CardForm(formdata=request.args)
    if not form.validate():
        return render_template("cards/index.html", form=form), 400
    try:
        return pdf_response(card_pdf(form.lang.data), f"bosai-card-{form.lang.data}.pdf")
    except PhrasebookError as exc:
        return render_template("cards/index.html", form=form, problem=str(exc)), 400
