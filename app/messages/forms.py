"""The composer form, built per template from its typed slots."""

from __future__ import annotations

from typing import Any, Callable

from markupsafe import Markup
from wtforms import BooleanField, Field, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextInput

from app.forms import (Form, TEXT_PROBLEMS, AtLeastOne, MultiCheckboxField, default_languages, language_choices,
                       language_name)
from app.i18n import _, lazy
from app.labels import slot_names
from phrasebook.errors import SlotError, SlotValueError
from phrasebook.places import NAME_LANGUAGES
from phrasebook.shelters import Shelter
from phrasebook.slots import MAX_TEXT, ROMAJI, Place, parse_value
from phrasebook.templates import TERM, Template, family_terms

INPUT_TYPES = {"text": "text", "place": "text", "date": "date", "time": "time",
               "datetime": "datetime-local", "number": "number", "phone": "tel", "url": "url"}
TYPE_LABELS = {
    "text": lazy("text"), "place": lazy("place (Japanese name)"), "date": lazy("date"),
    "time": lazy("time"), "datetime": lazy("date and time"), "number": lazy("number"),
    "phone": lazy("phone number"), "url": lazy("web address"),
}
FREE_TERM_LABEL = lazy("a listed term (translated) or other text (shown in Japanese)")
# ``SlotError.codes`` as UI strings (``%(max)s``: the longest text a slot takes).
SLOT_PROBLEMS = {
    "missing": lazy("Please fill this in."),
    "unknown": lazy("This template has no such field."),
    "slot_type": lazy("This template has a field of an unknown type."),
    "text": lazy("Expected text."),
    "text_empty": TEXT_PROBLEMS["empty"],
    "text_long": TEXT_PROBLEMS["too_long"],
    "text_control": TEXT_PROBLEMS["control"],
    "text_bidi": TEXT_PROBLEMS["bidi"],
    "text_invisible": TEXT_PROBLEMS["invisible"],
    "place_ja": lazy("Give the Japanese name of the place."),
    "date": lazy("Enter a date like 2026-09-01."),
    "time": lazy("Enter a time like 15:30."),
    "datetime": lazy("Enter a date and time like 2026-09-01 15:30."),
    "number": lazy("Enter a number."),
    "phone": lazy("Enter a phone number: digits, spaces, '-', '+' and '()'."),
    "url": lazy("Enter a web address starting with http:// or https://."),
    "term": lazy("Choose one of the listed terms."),
}
PLACES_LIST = "registered-places"  # the id of the <datalist> offering registered places
Registry = Callable[[str], Place | None]  # a registered place by its Japanese name


class ComposerBase(Form):
    languages = MultiCheckboxField(lazy("Languages"), choices=language_choices(),
                                   validators=[AtLeastOne(lazy("Choose at least one language."))])
    shelter = SelectField(lazy("Shelter or area"), choices=[], default="")
    drill = BooleanField(lazy("Drill (practice message)"))
    preview = SubmitField(lazy("Preview"))
    publish = SubmitField(lazy("Publish"))


def choices_id(slot: str) -> str:
    """The id of the ``<datalist>`` offering a term slot's listed terms."""
    return f"{slot}-choices"


class TermInput(TextInput):
    """A text input with a ``<datalist>`` of the listed terms (in Japanese); other text may be typed."""

    def __init__(self, terms: list[str]) -> None:
        super().__init__()
        self.terms = terms

    def __call__(self, field: Field, **kwargs: Any) -> Markup:
        kwargs["list"] = choices_id(field.id)
        options = Markup("").join(Markup('<option value="{}">').format(term) for term in self.terms)
        return super().__call__(field, **kwargs) + Markup('<datalist id="{}">{}</datalist>').format(
            choices_id(field.id), options)


def term_field(tpl: Template, slot: str, label: str, stored: Any) -> tuple[Field, Any]:
    """A ``term:`` slot's field and its value from ``stored``: a select of the family's terms
    (by key, shown in Japanese), or, where the slot takes free text, a text input offering them."""
    kind, free = tpl.slots[slot], slot in tpl.free_text
    terms = family_terms(kind)
    try:
        term = parse_value(kind, stored, terms, free) if stored not in (None, "") else None
    except SlotValueError:  # a stored value that is no longer a term: shown as it was
        term = None
    if free:
        field = StringField(f"［{label}］ · {FREE_TERM_LABEL}", widget=TermInput(list(terms.values())))
        return field, term.ja if term else stored
    choices = [SelectChoice("", "—")] + [SelectChoice(key, ja) for key, ja in terms.items()]
    return SelectField(f"［{label}］", choices=choices, validate_choice=False), term.key if term else stored


def shelter_field_choices(form: ComposerBase, shelters: list[Shelter], area_wide: bool, area: str = "") -> None:
    """The shelters as choices of the form's shelter select: the whole area first when the user
    may speak for it (with the area text of a migrated message), then each shelter by its id."""
    whole = [("", _("Whole area (every shelter)") + (f": {area}" if area else ""))] if area_wide else []
    form.shelter.choices = [*whole, *((str(s.id), s.name) for s in shelters)]


def chosen_shelter_id(form: ComposerBase) -> int | None:
    """The chosen shelter's id, or None for the whole area (or a value that names no shelter,
    which the select's own validation refuses)."""
    data = str(form.shelter.data or "")
    return int(data) if data.isdecimal() else None


def name_field(slot: str, code: str) -> str:
    return f"{slot}__{code}"


def _no_registry(_ja: str) -> Place | None:
    return None


def composer_form(tpl: Template, message_values: dict[str, Any] | None = None, registry: Registry = _no_registry,
                  **kwargs: Any) -> ComposerBase:
    """A form class for ``tpl``'s slots, instantiated (prefilled from stored values if given).

    A place's optional boxes (reading, names per language) show only what differs from the
    registered place of that name: the rest comes from the registry when the form is sent."""
    fields: dict[str, Any] = {}
    data: dict[str, Any] = {}
    shown = slot_names(tpl)
    for slot, kind in tpl.slots.items():
        stored = (message_values or {}).get(slot)
        if kind.startswith(TERM):
            fields[slot], data[slot] = term_field(tpl, slot, shown[slot], stored)
            continue
        render_kw = {"type": INPUT_TYPES[kind]}
        if kind == "number":
            render_kw["step"] = "any"
        if kind == "place":
            render_kw["list"], render_kw["lang"] = PLACES_LIST, "ja"
        fields[slot] = StringField(f"［{shown[slot]}］ · {TYPE_LABELS[kind]}", render_kw=render_kw)
        if kind == "place":
            names = stored if isinstance(stored, dict) else {"ja": stored}
            registered = registry(names.get("ja") or "")
            auto = registered.as_value() if registered else {}
            data[slot] = names.get("ja")
            fields[name_field(slot, ROMAJI)] = StringField(_("Reading in Latin letters (romaji)"))
            fields.update({name_field(slot, code): StringField(language_name(code)) for code in NAME_LANGUAGES})
            for code in [ROMAJI, *NAME_LANGUAGES]:
                data[name_field(slot, code)] = names.get(code) if names.get(code) != auto.get(code) else None
        else:
            data[slot] = stored
    form_class = type(f"Composer_{tpl.id.replace('.', '_')}", (ComposerBase,), fields)
    if message_values is None:
        kwargs.setdefault("languages", default_languages())
    else:
        data = {k: v for k, v in data.items() if v is not None}
        kwargs = {**data, **kwargs}
    return form_class(**kwargs)


def place_value(form: ComposerBase, slot: str, registry: Registry = _no_registry) -> dict[str, str] | str:
    """A place slot's value: the registered place of the typed name (its reading, furigana and
    names) with what was typed in the optional boxes over it; a new name alone is a string
    (its reading is generated when the message is shown)."""
    ja = (form[slot].data or "").strip()
    typed = {code: (form[name_field(slot, code)].data or "").strip() for code in [ROMAJI, *NAME_LANGUAGES]}
    registered = registry(ja) if ja else None
    value = {**(registered.as_value() if registered else {}), "ja": ja,
             **{code: text for code, text in typed.items() if text}}
    return value if len(value) > 1 else ja


def slot_values(form: ComposerBase, tpl: Template, registry: Registry = _no_registry) -> dict[str, Any]:
    """The slot values as the library takes them: strings, and dicts for places with names."""
    return {slot: place_value(form, slot, registry) if kind == "place" else (form[slot].data or "").strip()
            for slot, kind in tpl.slots.items()}


def place_fields(form: ComposerBase, slot: str) -> list[Any]:
    """A place slot's optional boxes: its reading, then its name per language."""
    return [form[name_field(slot, code)] for code in [ROMAJI, *NAME_LANGUAGES]]


def slot_problem(code: str | None, english: str) -> str:
    """A slot problem (a ``SlotError`` code) in the interface language; the library's English
    reason for a code without a UI string."""
    text = SLOT_PROBLEMS.get(code or "")
    return str(text) % {"max": MAX_TEXT} if text is not None else english


def attach_slot_errors(form: ComposerBase, error: SlotError) -> None:
    """Show the library's slot problems beside the fields they concern, in the staff language."""
    for slot, problem in error.problems.items():
        message = slot_problem(error.codes.get(slot), problem)
        if slot in form:
            form[slot].errors = [*form[slot].errors, message]
        else:
            form.form_errors.append(f"{slot}: {message}")
