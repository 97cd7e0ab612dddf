"""The place form: kind, Japanese name, its reading (generated, editable), names per language."""

from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from app.forms import Form, language_name
from app.i18n import lazy
from phrasebook.places import NAME_LANGUAGES

KIND_LABELS = {"shelter": lazy("Shelter"), "distribution": lazy("Distribution point"),
               "landmark": lazy("Landmark")}


def name_field(code: str) -> str:
    return f"name__{code}"


class PlaceForm(Form):
    # Lengths and characters are checked by the library's text rules (phrasebook.textsafety).
    kind = SelectField(lazy("Kind"), choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()], default="shelter")
    ja = StringField(lazy("Name in Japanese"), validators=[DataRequired()])
    romaji = StringField(lazy("Reading in Latin letters (romaji)"))
    kana = StringField(lazy("Reading in hiragana (furigana in Easy Japanese)"))
    reading = SubmitField(lazy("Show the reading"))
    save = SubmitField(lazy("Save"))


class PlacesFileForm(Form):
    places = FileField(lazy("Places file (CSV)"), validators=[FileRequired(lazy("Choose a CSV file."))])
    upload = SubmitField(lazy("Import"))


def place_form(**kwargs: object) -> PlaceForm:
    """The form with a field per language for the place's optional names (labelled when shown)."""
    fields = {name_field(code): StringField(language_name(code)) for code in NAME_LANGUAGES}
    return type("PlaceFormWithNames", (PlaceForm,), fields)(**kwargs)


def name_fields(form: PlaceForm) -> list:
    return [form[name_field(code)] for code in NAME_LANGUAGES]


def typed_names(form: PlaceForm) -> dict[str, str]:
    return {code: (form[name_field(code)].data or "").strip() for code in NAME_LANGUAGES}
