"""Form pieces shared by the areas: the base form (WTForms' own messages in the staff language),
language checkboxes, default languages, shelter selects."""

from __future__ import annotations

from collections.abc import Iterable

from babel.support import LazyProxy
from flask import current_app
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import SelectMultipleField, widgets
from wtforms.validators import StopValidation
from wtforms.fields.choices import SelectChoice

from app.i18n import _, current_language, gettext, language_label, lazy
from phrasebook.languages import LANGUAGES
from phrasebook.shelters import Shelter


# WTForms' built-in messages that our forms can show, marked here so that they are extracted into
# the UI catalogs and translated like every other string ("This field is required." -> 入力してください。).
WTFORMS_MESSAGES = (
    lazy("This field is required."), lazy("Not a valid choice."), lazy("Not a valid integer value."),
    lazy("Not a valid date value."), lazy("Not a valid time value."),
    lazy("Field cannot be longer than %(max)d character."), lazy("Field cannot be longer than %(max)d characters."),
    lazy("Field must be at least %(min)d character long."), lazy("Field must be at least %(min)d characters long."),
    lazy("Field must be between %(min)d and %(max)d characters long."),
    lazy("Number must be at least %(min)s."), lazy("Number must be at most %(max)s."),
    lazy("Number must be between %(min)s and %(max)s."),
    lazy("'%(value)s' is not a valid choice for this field."),
    lazy("'%(value)s' are not valid choices for this field."),
)


class _UiTranslations:
    """WTForms' messages through the app's UI catalogs, in the staff member's language."""

    def gettext(self, string: str) -> str:
        return gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)


class Form(FlaskForm):
    """Every form of the app: CSRF from Flask-WTF, messages in the interface language."""

    class Meta:
        def get_translations(self, form: object) -> _UiTranslations:
            return _UiTranslations()
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
    """Every variant by its native name, with its name in the staff language beside it
    (``မြန်မာ（ミャンマー語）``), chosen when the form is shown."""
    return [SelectChoice(lang.code, LazyProxy(language_name, lang.code, enable_cache=False))
            for lang in LANGUAGES.values()]


def language_name(code: str) -> Markup:
    """A variant's native name (marked with its language) and its name in the staff language."""
    lang = LANGUAGES[code]
    native = Markup('<span lang="{}">{}</span>').format(lang.bcp47, lang.native)
    staff = language_label(code)
    if lang.native == staff:
        return native
    return native + (Markup("（{}）") if current_language().code == "ja" else Markup(" ({})")).format(staff)


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
