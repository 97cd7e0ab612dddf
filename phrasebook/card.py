"""The evacuee registration card as data: sections and fields with their inputs and options,
read from the card and food templates. The printed card, the kiosk form and the staff views
all walk this one structure."""

from __future__ import annotations

from dataclasses import dataclass

from phrasebook.templates import Template, load_templates

YES_NO = ("yes", "no")
STAFF_SECTIONS = frozenset({"stay"})  # filled in by shelter staff, never by the evacuee
# multi-choice fields whose options are the food items, by food category
FOOD_FIELDS = {"allergy": ("allergen",), "dietary": ("religious", "dietary", "rule")}


@dataclass(frozen=True)
class Field:
    """One question: ``name`` is the answer key; ``options`` are option keys, and
    ``option_ids`` the template ids of their labels (same order)."""

    name: str
    section: str
    input: str  # text, textarea, date, number, phone, email, choice, multi, yesno
    label_id: str
    help_id: str | None
    options: tuple[str, ...] = ()
    option_ids: tuple[str, ...] = ()

    @property
    def staff_only(self) -> bool:
        return self.section in STAFF_SECTIONS


@dataclass(frozen=True)
class Section:
    key: str
    title_id: str
    fields: tuple[Field, ...]
    help_ids: tuple[str, ...] = ()


def _options(name: str, input_: str, templates: dict[str, Template]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if input_ == "yesno":
        return YES_NO, ("card.yes", "card.no")
    if name in FOOD_FIELDS:
        foods = [t for t in templates.values() if t.kind == "food" and t.category in FOOD_FIELDS[name]]
        return tuple(t.id.removeprefix("food.") for t in foods), tuple(t.id for t in foods)
    prefix = f"card.{name}.option."
    ids = [tid for tid in templates if tid.startswith(prefix)]
    return tuple(tid.removeprefix(prefix) for tid in ids), tuple(ids)


_built: tuple[object, tuple[Section, ...]] | None = None


def sections() -> tuple[Section, ...]:
    """The card's sections in template order (rebuilt only when the templates change)."""
    global _built
    templates = load_templates()
    if _built is not None and _built[0] is templates:
        return _built[1]
    _built = (templates, _build(templates))
    return _built[1]


def _build(templates: dict[str, Template]) -> tuple[Section, ...]:
    card = [t for t in templates.values() if t.kind == "card"]
    sections: dict[str, dict] = {}
    for tpl in card:
        role = tpl.meta.get("role")
        if role == "section":
            sections.setdefault(tpl.category, {"title": tpl.id, "fields": [], "help": []})["title"] = tpl.id
    for tpl in card:
        role, name = tpl.meta.get("role"), tpl.meta.get("field")
        if tpl.category not in sections:
            continue
        if role == "label":
            options, option_ids = _options(name, tpl.meta.get("input", "text"), templates)
            help_id = f"card.{name}.help" if f"card.{name}.help" in templates else None
            sections[tpl.category]["fields"].append(Field(
                name=name, section=tpl.category, input=tpl.meta.get("input", "text"), label_id=tpl.id,
                help_id=help_id, options=options, option_ids=option_ids))
        elif role == "help" and f"card.{name}.label" not in templates:
            sections[tpl.category]["help"].append(tpl.id)
    return tuple(Section(key, s["title"], tuple(s["fields"]), tuple(s["help"])) for key, s in sections.items())


def title_id() -> str | None:
    """The card's title template, if there is one."""
    return next((t.id for t in load_templates().values() if t.kind == "card" and t.meta.get("role") == "title"), None)


def intro_ids() -> tuple[str, ...]:
    """Help paragraphs that belong to the card as a whole (before the first section)."""
    return tuple(t.id for t in load_templates().values()
                 if t.kind == "card" and t.category == "header" and t.meta.get("role") == "help")


def fields(include_staff: bool = True) -> dict[str, Field]:
    """Every field by answer key."""
    return {f.name: f for s in sections() for f in s.fields if include_staff or not f.staff_only}
