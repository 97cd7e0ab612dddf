"""The shipped content: counts that must not silently shrink, and clean catalogs."""

from collections import Counter

import pytest

from phrasebook import checks
from phrasebook.catalog import read_all
from phrasebook.languages import LANGUAGES
from phrasebook.templates import load_templates

MINIMUM = {"message": 150, "sign": 100, "board": 50, "food": 16, "card": 60, "term": 13}
ALLERGENS = ["food.egg", "food.milk", "food.wheat", "food.buckwheat", "food.peanut", "food.shrimp",
             "food.crab", "food.walnut"]


@pytest.fixture(scope="module")
def templates():
    return load_templates()


@pytest.fixture(scope="module")
def catalogs():
    return read_all()


@pytest.fixture(scope="module")
def issues():
    return checks.run()


def test_counts_per_kind(templates):
    counts = Counter(t.kind for t in templates.values())
    assert {k: counts[k] >= n for k, n in MINIMUM.items()} == {k: True for k in MINIMUM}, counts


def test_eight_mandatory_allergens(templates):
    assert [a for a in ALLERGENS if a not in templates] == []


def test_five_level_warning_terms(templates):
    text = "".join(t.ja for t in templates.values())
    for term in ("高齢者等避難", "避難指示", "緊急安全確保", "警戒レベル"):
        assert term in text


def test_every_jma_intensity_and_tsunami_kind_is_a_term(templates):
    from phrasebook.jma.telegram import INTENSITIES, TSUNAMI_SEVERITY

    wanted = [f"jma.intensity.{c}" for c in INTENSITIES] + [f"jma.tsunami.{k}" for k in TSUNAMI_SEVERITY[1:]]
    assert [t for t in wanted if t not in templates or templates[t].kind != "term"] == []


def test_card_never_asks_immigration_status(templates):
    card = "".join(t.ja for t in templates.values() if t.kind == "card" and t.meta.get("role") != "help")
    for word in ("在留資格", "在留カード", "ビザ", "不法"):
        assert word not in card


def test_every_sign_board_and_food_item_has_a_pictogram(templates):
    assert [t.id for t in templates.values() if t.kind in ("sign", "food") and not t.pictogram] == []


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_catalog_complete(catalogs, templates, code):
    states = Counter(e.state for tid, e in catalogs[code].entries.items() if tid in templates)
    assert states["untranslated"] == 0 and states["fuzzy"] == 0, states
    assert sum(states.values()) == len(templates)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_checks_clean(issues, code):
    errors = [i.format() for i in issues if i.severity == "error" and f"/{code}/" in i.path]
    assert errors == []


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "ja"])
def test_glossary_kept(code):
    assert len(checks.load_glossary(code)) >= 15


def test_nothing_pretends_to_be_reviewed(catalogs):
    """No native speaker has reviewed the drafted content yet: every entry says unreviewed."""
    reviewed = {code: sum(e.state == "reviewed" for e in po.entries.values()) for code, po in catalogs.items()}
    assert set(reviewed.values()) == {0}
