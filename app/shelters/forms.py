"""Shelter form (admin)."""

from __future__ import annotations

from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.forms import Form, MultiCheckboxField, language_choices
from app.i18n import lazy


class ShelterForm(Form):
    name = StringField(lazy("Shelter name"), validators=[DataRequired(), Length(max=200)])
    address = StringField(lazy("Address"), validators=[Optional(), Length(max=300)])
    capacity = IntegerField(lazy("Capacity (people)"), default=0, validators=[NumberRange(0, 100_000)])
    languages = MultiCheckboxField(lazy("Languages"), choices=language_choices())
    is_open = BooleanField(lazy("Open (accepting evacuees)"), default=True)
    staff = MultiCheckboxField(lazy("Staff working here"), coerce=int, choices=[])
    save = SubmitField(lazy("Save"))
