"""Shelter form (admin)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.forms import MultiCheckboxField, language_choices
from app.i18n import lazy
from phrasebook.textsafety import MAX_ADDRESS, MAX_SHELTER_NAME


class ShelterForm(FlaskForm):
    name = StringField(lazy("Name"), validators=[DataRequired(), Length(max=MAX_SHELTER_NAME)])
    address = StringField(lazy("Address"), validators=[Optional(), Length(max=MAX_ADDRESS)])
    capacity = IntegerField(lazy("Capacity (people)"), default=0, validators=[NumberRange(0, 100_000)])
    languages = MultiCheckboxField(lazy("Languages"), choices=language_choices())
    is_open = BooleanField(lazy("Open"), default=True)
    staff = MultiCheckboxField(lazy("Staff working here"), coerce=int, choices=[])
    save = SubmitField(lazy("Save"))
