"""Term slots on the shipped content: every listed term of every template that takes one renders,
translated from its own catalog entry, in every language; free text stays Japanese, marked 「」."""

import itertools

import pytest
from hypothesis import given, settings, strategies as st

from phrasebook import SlotError
from phrasebook.errors import SlotValueError
from phrasebook.languages import LANGUAGES
from phrasebook.render import catalog, render
from phrasebook.slots import Term, parse_value
from phrasebook.templates import TERM, family_terms, load_templates, term_id

SAMPLES = {"datetime": "2026-09-01T10:00", "date": "2026-09-01", "time": "10:00", "place": "北町",
           "number": "3"}
TEMPLATES = load_templates()
WITH_TERMS = sorted(t.id for t in TEMPLATES.values() if any(k.startswith(TERM) for k in t.slots.values()))
FREE = sorted((t.id, slot) for t in TEMPLATES.values() for slot in t.free_text)
OTHER = "カイロ"  # hand warmers: not a listed term


def values(tid: str, **terms: str) -> dict[str, str]:
    """Sample values for the other slots of ``tid``, with ``terms`` for its term slots."""
    return {slot: terms.get(slot) or SAMPLES[kind] for slot, kind in TEMPLATES[tid].slots.items()}


def test_both_old_kinds_are_term_slots_now():
    assert {"alert.level4_danger", "alert.level5_special", "evac.order_lifted", "shelter.supplies_distribution",
            "jma.quake.max_intensity", "jma.tsunami.issued"} <= set(WITH_TERMS)
    assert FREE == [("alert.level4_danger", "warning"), ("alert.level5_special", "warning"),
                    ("evac.order_lifted", "order"), ("shelter.supplies_distribution", "item")]


@pytest.mark.parametrize("tid", WITH_TERMS)
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_listed_term_renders_translated_in_every_language(tid, code):
    tpl = TEMPLATES[tid]
    slots = {slot: kind for slot, kind in tpl.slots.items() if kind.startswith(TERM)}
    families = [list(family_terms(kind).items()) for kind in slots.values()]
    assert all(families)
    for combo in itertools.product(*families):
        chosen = dict(zip(slots, combo))
        by_key = render(tid, code, values(tid, **{slot: key for slot, (key, _ja) in chosen.items()}))
        by_japanese = render(tid, code, values(tid, **{slot: ja for slot, (_key, ja) in chosen.items()}))
        assert by_key == by_japanese
        for slot, (key, ja) in chosen.items():
            entry = catalog(code).entries[term_id(slots[slot], key)]
            assert entry.state in ("unreviewed", "reviewed"), (code, entry.id, entry.state)
            assert entry.text in by_key or entry.text[:1].upper() + entry.text[1:] in by_key
            if not code.startswith("ja"):
                assert f"「{ja}」" not in by_key
                if ja not in entry.text:  # Traditional Chinese writes 避難指示 the same way
                    assert ja not in by_key, (code, ja)


@pytest.mark.parametrize("tid, slot", FREE)
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_free_text_stays_japanese_and_is_marked_for_other_readers(tid, slot, code):
    text = render(tid, code, values(tid, **{slot: OTHER}))
    assert OTHER in text
    assert ("「カイロ」" in text) != code.startswith("ja")


@pytest.mark.parametrize("tid", sorted(set(WITH_TERMS) - {tid for tid, _slot in FREE}))
def test_strict_term_slots_refuse_other_text(tid):
    slot = next(s for s, k in TEMPLATES[tid].slots.items() if k.startswith(TERM))
    with pytest.raises(SlotError) as caught:
        render(tid, "en", values(tid, **{slot: OTHER}))
    assert caught.value.codes == {slot: "term"}


def test_a_term_is_given_by_its_key_or_its_japanese_full_width_digits_too():
    terms = family_terms("term:warning.level4")
    for given_as in ("landslide", "レベル4土砂災害危険警報", "レベル４土砂災害危険警報", " レベル４土砂災害危険警報 "):
        assert parse_value("term:warning.level4", given_as, terms) == Term("landslide", "レベル4土砂災害危険警報")
    assert parse_value("term:warning.level4", "その他", terms, free_text=True) == Term(None, "その他")
    with pytest.raises(SlotValueError):
        parse_value("term:warning.level4", "その他", terms)
    assert "Level 4 Landslide Danger Warning" in render("alert.level4_danger", "en",
                                                         {"warning": "レベル４土砂災害危険警報"})


def test_stored_values_of_both_old_kinds_still_render():
    """Messages store what was typed: a choice slot's Japanese term, a JMA term's key."""
    assert render("evac.order_lifted", "en", values("evac.order_lifted", order="避難指示")) == \
        render("evac.order_lifted", "en", values("evac.order_lifted", order="level4"))
    assert "Seismic Intensity 6 Lower" in render("jma.quake.max_intensity", "en", {"max_intensity": "6-"})


def test_a_term_not_translated_yet_is_shown_in_japanese_marked(locales):
    (locales / "templates" / "terms.toml").write_text(
        'kind = "term"\n[[template]]\nid = "supply.blankets"\nja = "毛布"\n', encoding="utf-8")
    (locales / "templates" / "handout.toml").write_text(
        'kind = "message"\n[[template]]\nid = "supplies.handout"\nja = "{item}を配ります。"\n'
        'slots = { item = "term:supply" }\n', encoding="utf-8")
    from phrasebook.catalog import update_catalogs
    from phrasebook.paths import po_path

    update_catalogs(locales)
    path = po_path("en", locales)
    path.write_text(path.read_text(encoding="utf-8").replace(
        'msgid "{item}を配ります。"\nmsgstr ""', 'msgid "{item}を配ります。"\nmsgstr "We hand out: {item}."'),
        encoding="utf-8")
    assert render("supplies.handout", "en", {"item": "blankets"}, locales) == "We hand out: 「毛布」."
    assert render("supplies.handout", "ja", {"item": "blankets"}, locales) == "毛布を配ります。"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_accepted_free_text_renders_in_every_language(value):
    kind = TEMPLATES["shelter.supplies_distribution"].slots["item"]
    try:
        term = parse_value(kind, value, family_terms(kind), free_text=True)
    except SlotValueError:
        return
    for code in LANGUAGES:
        text = render("shelter.supplies_distribution", code, values("shelter.supplies_distribution", item=value))
        assert term.key is not None or term.ja in text  # free text is shown as typed (cleaned), untranslated
