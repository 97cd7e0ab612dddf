"""Form pieces shared by the areas: language checkboxes, default languages, shelter selects."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from babel.support import Translations
from flask import current_app
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, widgets
from wtforms.validators import StopValidation
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import messages_path

from app.i18n import _, current_language
from phrasebook.languages import LANGUAGES
from phrasebook.shelters import Shelter


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes (no JavaScript needed)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class AtLeastOne:
    """At least one option checked. Unlike ``DataRequired`` it sets no HTML ``required``
    attribute, which on a checkbox list would make the browser demand every box."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form: object, field: SelectMultipleField) -> None:
        if not field.data:
            raise StopValidation(str(self.message))


def language_choices() -> list[SelectChoice]:
    """Every variant by its native name (the English name beside it for staff)."""
    return [SelectChoice(lang.code, f"{lang.native} ({lang.english})") for lang in LANGUAGES.values()]


def default_languages() -> list[str]:
    """The configured default languages (``BOSAI_DEFAULT_LANGUAGES``, comma-separated)."""
    wanted = str(current_app.config["DEFAULT_LANGUAGES"]).split(",")
    return [code.strip() for code in wanted if code.strip() in LANGUAGES]


def shelter_choices(shelters: Iterable[Shelter]) -> list[tuple[str, str]]:
    """Options of a shelter select: none, then each shelter by name."""
    return [("", _("(none)")), *((str(shelter.id), shelter.name) for shelter in shelters)]


def chosen_shelter(shelters: Iterable[Shelter], value: str | None) -> Shelter | None:
    """The shelter whose id is ``value`` among ``shelters`` (those the user may see), else None."""
    return next((shelter for shelter in shelters if str(shelter.id) == value), None)


@lru_cache(maxsize=None)
def _wtforms_translations(code: str) -> Translations | None:
    """WTForms' own messages ("This field is required.") in a UI language; None for English."""
    return None if code == "en" else Translations.load(messages_path(), [code], domain="wtforms")


class StaffForm(FlaskForm):
    """A staff form whose built-in validation messages follow the interface language."""

    class Meta:
        def get_translations(self, form: object) -> Translations | None:
            return _wtforms_translations(current_language().code)
