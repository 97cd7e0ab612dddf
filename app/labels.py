"""Words for the ids that staff pages show: hazards, phases, template categories, registration
history events, slot placeholders, in the staff language. One table per kind; ``label(kind, key)`` looks them up and
falls back to the id itself, which tests/app/test_staff_japanese.py catches."""

from __future__ import annotations

import re
from collections import Counter

from babel.support import LazyProxy
from markupsafe import Markup, escape

from app.i18n import lazy
from phrasebook.templates import Template

HAZARDS = {
    "earthquake": lazy("Earthquake"), "tsunami": lazy("Tsunami"), "typhoon": lazy("Typhoon"),
    "heavy_rain": lazy("Heavy rain"), "flood": lazy("Flood"), "landslide": lazy("Landslide"),
    "snow": lazy("Heavy snow"), "heat": lazy("Heat"), "volcano": lazy("Volcanic eruption"),
    "missile": lazy("Missile"), "fire": lazy("Fire"), "infection": lazy("Infectious disease"),
    "tornado": lazy("Tornado and gusts"), "lightning": lazy("Lightning"), "nuclear": lazy("Nuclear emergency"),
}
PHASES = {
    "before": lazy("Before the disaster"), "onset": lazy("When it strikes"), "evacuation": lazy("Evacuation"),
    "shelter": lazy("Life in the shelter"), "lifeline": lazy("Utilities and services"),
    "recovery": lazy("Recovery"),
}
CATEGORIES = {
    # messages
    "alert": lazy("Warnings and alerts"), "broadcast": lazy("Broadcasts"), "building_safety": lazy("Building safety"),
    "certificate": lazy("Certificates"), "consultation": lazy("Consultation"), "debris": lazy("Disaster waste"),
    "evacuation": lazy("Evacuation"), "evacuation_level": lazy("Evacuation levels"), "facility": lazy("Facilities"),
    "financial_support": lazy("Financial support"), "food": lazy("Food"),
    "foreign_residents": lazy("Foreign residents"), "gas": lazy("Gas"), "health": lazy("Health"),
    "housing": lazy("Housing"), "hygiene": lazy("Hygiene"), "information": lazy("Information"),
    "language": lazy("Language support"), "lifeline": lazy("Utilities"), "livelihood": lazy("Daily life"),
    "medical": lazy("Medical care"), "onset": lazy("When it strikes"), "pets": lazy("Pets"),
    "phone": lazy("Telephone"), "power": lazy("Electricity"), "preparedness": lazy("Preparedness"),
    "registration": lazy("Registration"), "roads": lazy("Roads"), "rules": lazy("Shelter rules"),
    "safety": lazy("Safety"), "safety_confirmation": lazy("Checking on people's safety"),
    "shelter": lazy("Shelters"), "shelter_life": lazy("Life in the shelter"), "supplies": lazy("Supplies"),
    "tourists": lazy("Tourists"), "transport": lazy("Transport"), "volunteer": lazy("Volunteers"), "water": lazy("Water"),
    "women_children": lazy("Women and children"),
    # signs (safety-sign colour groups)
    "caution": lazy("Caution (yellow)"), "fire_equipment": lazy("Fire equipment (red)"),
    "mandatory": lazy("Mandatory action (blue)"), "prohibition": lazy("Prohibition (red)"),
    "safe_condition": lazy("Safe condition and evacuation (green)"),
}
EVENTS = {
    "check_in": lazy("Checked in"), "check_out": lazy("Checked out"), "edit": lazy("Edited"),
    "anonymise": lazy("Personal data removed"),
}
SOURCES = {"kiosk": lazy("Kiosk"), "staff": lazy("Staff (paper card)")}
SLOT_TYPES = {
    "text": lazy("words"), "place": lazy("place"), "date": lazy("date"), "time": lazy("time"),
    "datetime": lazy("date and time"), "number": lazy("number"), "phone": lazy("phone number"),
    "url": lazy("web address"), "term": lazy("choice"),
}
TABLES: dict[str, dict[str, LazyProxy]] = {
    "hazard": HAZARDS, "phase": PHASES, "category": CATEGORIES, "event": EVENTS, "source": SOURCES,
    "slot": SLOT_TYPES,
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def label(kind: str, key: str) -> str:
    """``key`` of ``kind`` (hazard, phase, category, event, source) in the staff language."""
    word = TABLES[kind].get(key)
    return str(word) if word is not None else key


def slot_names(tpl: Template) -> dict[str, str]:
    """Each slot as staff read it: its kind (``場所``), numbered when a kind repeats (``場所1``)."""
    repeats = Counter(tpl.slots.values())
    seen: Counter = Counter()
    names = {}
    for slot, kind in tpl.slots.items():
        seen[kind] += 1
        word = label("slot", "term" if kind.startswith("term:") else kind)  # a term is chosen from a list
        names[slot] = f"{word}{seen[kind] if repeats[kind] > 1 else ''}"
    return names


def staff_text(tpl: Template) -> Markup:
    """The Japanese source with each ``{slot}`` shown as ``［場所］``, escaped for HTML."""
    names = slot_names(tpl)
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(tpl.ja):
        parts += [escape(tpl.ja[last:match.start()]),
                  Markup('<span class="slot">［{}］</span>').format(names.get(match[1], match[1]))]
        last = match.end()
    return Markup("").join([*parts, escape(tpl.ja[last:])])
