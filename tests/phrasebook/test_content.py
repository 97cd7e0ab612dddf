"""The shipped content: counts that must not silently shrink, and clean catalogs."""

from collections import Counter
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree as ET

import pytest

from phrasebook import checks
from phrasebook.cap import NS, Alert, cap_xml
from phrasebook.catalog import read_all
from phrasebook.furigana import plain
from phrasebook.glossary import load_glossary
from phrasebook.languages import LANGUAGES
from phrasebook.parts import Part
from phrasebook.templates import load_templates

MINIMUM = {"message": 289, "sign": 135, "board": 118, "food": 16, "card": 60, "term": 32}
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
    assert len(load_glossary(code)) >= 15


TRANSLATED = [c for c in LANGUAGES if c != "ja"]
WARNING_NAMES = [f"レベル{n}{hazard}{kind}" for n, kind in ((2, "注意報"), (3, "警報"), (4, "危険警報"), (5, "特別警報"))
                 for hazard in ("大雨", "土砂災害", "氾濫", "高潮")]


@pytest.mark.parametrize("code", TRANSLATED)
def test_glossary_has_the_key_terms_and_every_warning_name(code):
    terms = load_glossary(code)
    assert [t for t in ("避難所", "避難場所", "救護所", "通訳", "熱中症", *WARNING_NAMES) if t not in terms] == []
    assert len({terms[name] for name in WARNING_NAMES}) == len(WARNING_NAMES)  # no two names alike


def test_english_warning_names_follow_jma():
    terms = load_glossary("en")
    assert terms["レベル2大雨注意報"] == "Level 2 Heavy Rain Advisory"
    assert terms["レベル3大雨警報"] == "Level 3 Heavy Rain Warning"
    assert terms["レベル4大雨危険警報"] == "Level 4 Heavy Rain Danger Warning"
    assert terms["レベル5大雨特別警報"] == "Level 5 Heavy Rain Emergency Warning"
    assert load_glossary("tl")["レベル4土砂災害危険警報"] == terms["レベル4土砂災害危険警報"]


def test_old_warning_names_only_for_older_material(templates):
    old = ("土砂災害警戒情報", "氾濫危険情報", "氾濫危険水位", "大雨特別警報")
    using = sorted(t.id for t in templates.values() if any(o in t.ja.replace("レベル5大雨特別警報", "") for o in old))
    assert using == ["alert.old_names"]
    said = "".join(t.ja for t in templates.values())  # terms (warning names in term slots) included
    assert [name for name in WARNING_NAMES if name in said] == [
        "レベル2大雨注意報", "レベル3大雨警報", "レベル3高潮警報", *WARNING_NAMES[8:]]


def test_easy_japanese_does_not_hedge_forecasts(catalogs):
    hedged = [tid for tid, e in catalogs["ja@easy"].entries.items() if "そうです" in plain(e.text)]
    assert hedged == []


@pytest.mark.parametrize("code, words", [
    ("my", ["မှတ်ပုံတင်", "ရွှေ့ပြောင်းသူ", "၂ ထပ်"]),   # registration as for migrants; ground-floor counting
    ("ne", ["दोस्रो तला"]),
    ("en", ["2nd floor"]),
    ("tl", ["Tumakas", "tatakas"]),
    ("vi", ["Hãy chạy ngay", "say nắng", "cứu hộ"]),
    ("zh_Hans", ["泥石流灾害", "・"]),
    ("zh_Hant", ["土石流災害", "・"]),                 # debris flow only; katakana middle dot
    ("ko", ["의 분은"]),
    ("pt_BR", ["Tsunami Grande", "Grande Tsunami", "2F ou", "3F ou"]),
    ("es", ["2F o más", "3F o más"]),
])
def test_review_findings_stay_fixed(catalogs, code, words):
    found = [(tid, w) for tid, e in catalogs[code].entries.items() for w in words if w in e.text]
    assert found == []


def test_myanmar_card_and_allergens_as_reviewed(catalogs):
    my = catalogs["my"].entries
    assert "1990" in my["card.birth_date.help"].text          # staff read the example: ASCII digits
    assert "ဂျုံ" in my["food.wheat"].text and "ဂျုံ" not in my["food.buckwheat"].text


@pytest.mark.parametrize("code, marker", [("ne", "के "), ("ru", " ли ")])
def test_yes_no_card_questions_are_questions(templates, catalogs, code, marker):
    yes_no = [t.id for t in templates.values()
              if t.kind == "card" and t.id.endswith(".label") and t.ja.endswith(("ますか", "ですか"))
              and not any(w in t.ja for w in ("どのくらい", "何"))]
    statements = [tid for tid in yes_no if marker not in f" {catalogs[code].entries[tid].text} "]
    assert len(yes_no) >= 10 and statements == []


def test_nothing_pretends_to_be_reviewed(catalogs):
    """No native speaker has reviewed the drafted content yet: every entry says unreviewed."""
    reviewed = {code: sum(e.state == "reviewed" for e in po.entries.values()) for code, po in catalogs.items()}
    assert set(reviewed.values()) == {0}


# The topics municipal multilingual material covers (issue 14): each with its templates and a
# word that one of their Japanese sources must contain.
TOPICS = {
    "shelters free and open to everyone": (
        ["shelter.open_to_all", "shelter.no_status_check", "sign.open_to_all"], "無料"),
    "stranded commuters and travellers": (
        ["transit.stay_put", "transit.no_walking_home", "transit.stranded_facility", "sign.stranded_facility",
         "board.need.cant_go_home"], "帰宅"),
    "public transport": (["transit.check_status", "transit.no_walking_home"], "電車"),
    "what tourists should do": (["tourist.follow_staff", "tourist.hotline", "board.tell.traveller"], "旅行"),
    "slight sea-level change": (["tsunami.slight_change", "tsunami.slight_change_caution"], "若干の海面変動"),
    "nuclear emergency": (["nuclear.shelter_indoors", "nuclear.close_windows", "nuclear.after_outside"], "屋内退避"),
    "iodine on official instruction": (["nuclear.iodine"], "ヨウ素"),
    "tornadoes and gusts": (["tornado.advisory", "tornado.signs", "tornado.indoors"], "竜巻"),
    "lightning": (["lightning.take_cover", "lightning.open_ground"], "雷"),
    "food poisoning and expiry": (["food.eat_soon", "food.expiry", "food.poisoning"], "食中毒"),
    "named infections and isolation": (
        ["infection.named", "infection.isolation", "infection.shared_spaces", "infection.norovirus_soap"], "ノロウイルス"),
    "oral care": (["health.oral_care", "health.dentures", "board.need.toothbrush"], "歯"),
    "clean-up safety": (["cleanup.protect", "cleanup.dust", "cleanup.tetanus"], "片付け"),
    "support after the disaster": (
        ["recovery.medical_fee_waiver", "recovery.emergency_repair", "recovery.loans", "recovery.insurance_claim"], "応急修理"),
    "legal and labour advice": (["consult.legal", "consult.labour", "sign.legal_labour_consultation"], "相談"),
    "technical intern trainees": (["consult.trainee", "board.need.contact_supervisor"], "監理団体"),
}
TOPIC_IDS = sorted({tid for ids, _ in TOPICS.values() for tid in ids})


@pytest.mark.parametrize("topic", list(TOPICS))
def test_topic_has_templates_about_it(templates, topic):
    ids, word = TOPICS[topic]
    assert [tid for tid in ids if tid not in templates] == []
    assert any(word in templates[tid].ja for tid in ids), word


def test_the_named_terms_are_in_the_sources(templates):
    text = "".join(templates[tid].ja for tid in TOPIC_IDS if tid in templates)
    for term in ("インフルエンザ", "新型コロナ", "ノロウイルス", "若干の海面変動", "応急修理", "地震保険", "医療費",
                 "手袋", "長靴", "ほこり", "破傷風", "消費期限", "食中毒", "突風", "国籍", "在留資格"):
        assert term in text, term


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_topic_is_translated_in_every_variant(catalogs, code):
    entries = catalogs[code].entries
    states = {tid: entries[tid].state if tid in entries else "missing" for tid in TOPIC_IDS}
    assert {tid: s for tid, s in states.items() if s != "unreviewed"} == {}
    hotline = entries["tourist.hotline"].text
    assert "Japan Visitor Hotline" in hotline and "{phone}" in hotline


@pytest.mark.parametrize("template_id, category", [("nuclear.shelter_indoors", "CBRNE"), ("tornado.advisory", "Met"),
                                                   ("lightning.take_cover", "Met")])
def test_new_hazards_give_cap_categories(template_id, category):
    alert = Alert(identifier="msg-1", sender="bosai@city.example.jp",
                  sent=datetime(2026, 11, 1, 9, 0, tzinfo=timezone(timedelta(hours=9))), parts=(Part(template_id),),
                  langs=tuple(LANGUAGES), area="Example City")
    infos = ET.fromstring(cap_xml(alert)).findall(f"{{{NS}}}info")
    assert len(infos) == len(LANGUAGES)
    assert {i.findtext(f"{{{NS}}}category") for i in infos} == {category}
    assert all(i.findtext(f"{{{NS}}}description") for i in infos)


@pytest.mark.parametrize("tid", ["rain.walking_water", "landslide.vertical", "evac.level5_vertical"])
def test_upstairs_is_not_a_floor_number(catalogs, tid):
    """「2階以上」 counts the ground floor as the first; where floors are counted from above the
    ground floor, "2nd floor" is one floor too high: every language says "upstairs"."""
    numbered = [code for code in TRANSLATED if code != "ja@easy"
                if any(d in catalogs[code].entries[tid].text for d in ("2", "၂", "२", "दोस्रो"))]
    assert numbered == []
