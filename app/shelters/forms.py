"""Shelter form (admin)."""

from __future__ import annotations

from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, NumberRange

from app.forms import Form, MultiCheckboxField, language_choices
from app.i18n import lazy


class ShelterForm(Form):
    # Lengths and characters are checked by the library's text rules (phrasebook.textsafety).
    name = StringField(lazy("Shelter name"), validators=[DataRequired()])
    address = StringField(lazy("Address"))
    capacity = IntegerField(lazy("Capacity (people)"), default=0, validators=[NumberRange(0, 100_000)])
    languages = MultiCheckboxField(lazy("Languages"), choices=language_choices())
    is_open = BooleanField(lazy("Open (accepting evacuees)"), default=True)
    staff = MultiCheckboxField(lazy("Staff working here"), coerce=int, choices=[])
    save = SubmitField(lazy("Save"))
