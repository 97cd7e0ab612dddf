"""Form pieces shared by the areas: language checkboxes, default languages, shelter selects."""

from __future__ import annotations

from collections.abc import Iterable

from babel.support import LazyProxy
from flask import current_app
from wtforms import SelectMultipleField, widgets
from wtforms.validators import StopValidation
from wtforms.fields.choices import SelectChoice

from app.i18n import _, current_language, language_label
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
    """Every variant by its native name, with its name in the staff language beside it
    (``မြန်မာ（ミャンマー語）``), chosen when the form is shown."""
    return [SelectChoice(lang.code, LazyProxy(_both_names, lang.code, enable_cache=False))
            for lang in LANGUAGES.values()]


def _both_names(code: str) -> str:
    native, staff = LANGUAGES[code].native, language_label(code)
    if native == staff:
        return native
    return f"{native}（{staff}）" if current_language().code == "ja" else f"{native} ({staff})"


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
