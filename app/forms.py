"""Form pieces shared by the areas: language checkboxes, default languages, shelter selects."""

from __future__ import annotations

from collections.abc import Iterable

from flask import current_app
from wtforms import SelectMultipleField, widgets
from wtforms.validators import StopValidation
from wtforms.fields.choices import SelectChoice

from app.i18n import _, lazy
from phrasebook.languages import LANGUAGES
from phrasebook.shelters import Shelter


# The text rules' codes (``phrasebook.textsafety``) as UI strings (``%(max)s``: the longest text).
TEXT_PROBLEMS = {
    "empty": lazy("Please fill this in."),
    "too_long": lazy("Use at most %(max)s characters."),
    "control": lazy("Remove the control character (a line break, tab or similar)."),
    "bidi": lazy("Remove the invisible text-direction character: it can disguise what the text says."),
    "invisible": lazy("Remove the invisible (zero-width) character."),
    "joiner": lazy("Remove the invisible (zero-width) character."),
}


def text_problem(code: str, max_len: int, english: str) -> str:
    """A text rule's code in the interface language; the library's English reason otherwise."""
    text = TEXT_PROBLEMS.get(code)
    return str(text) % {"max": max_len} if text is not None else english


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
