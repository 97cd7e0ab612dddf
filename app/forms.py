"""Form pieces shared by the areas: language checkboxes and paper sizes."""

from __future__ import annotations

from flask import current_app
from wtforms import SelectMultipleField, widgets

from phrasebook.languages import LANGUAGES


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes (no JavaScript needed)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def language_choices() -> list[tuple[str, str]]:
    return [(lang.code, f"{lang.native} ({lang.english})") for lang in LANGUAGES.values()]


def default_languages() -> list[str]:
    """The configured default languages (``BOSAI_DEFAULT_LANGUAGES``, comma-separated)."""
    wanted = str(current_app.config["DEFAULT_LANGUAGES"]).split(",")
    return [code.strip() for code in wanted if code.strip() in LANGUAGES]


PAPERS = [("A4", "A4"), ("A3", "A3")]
