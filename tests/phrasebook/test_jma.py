"""JMA telegrams: the parser, readable place names and the draft specs, on real telegrams."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phrasebook.furigana import parse, plain
from phrasebook.jma import TelegramError, parse_bytes, parse_file
from phrasebook.jma.drafts import Planner, Watched, draft_specs, render_draft
from phrasebook.jma.places import furigana, latin, place
from phrasebook.languages import LANGUAGES
from phrasebook.render import render
from phrasebook.scripts import script_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "jma"
JST = timezone(timedelta(hours=9))


def tg(name: str):
    return parse_file(FIXTURES / name)


def in_order():
    return sorted((parse_file(p) for p in FIXTURES.glob("*.xml")), key=lambda t: t.report_time)


@pytest.mark.parametrize("name, type_code, status, info_type, event_id, serial", [
    ("20210217140808_0_VXSE51_010000.xml", "VXSE51", "通常", "発表", "20210217230627", None),
    ("20230411013014_06861143_VXSE53.xml", "VXSE53", "通常", "発表", "20230410221000", 3),
    ("20231009064018_06274659_VTSE41.xml", "VTSE41", "通常", "発表", "20231009052500", None),
    ("20240116184225_02245216_VXSE43.xml", "VXSE43", "通常", "発表", "20240116184216", 1),
    ("32-35_01_02_100514_VXSE52.xml", "VXSE52", "訓練", "発表", "20091001134500", None),
    ("32-35_06_06_100915_VXSE53.xml", "VXSE53", "通常", "取消", "20080614084350", 3),
])
def test_head_and_control(name, type_code, status, info_type, event_id, serial):
    t = tg(name)
    assert (t.type_code, t.status, t.info_type, t.event_id, t.serial) == (type_code, status, info_type, event_id, serial)
    assert t.drill == (status != "通常")


def test_intensity_flash_areas_by_intensity():
    t = tg("20210217140808_0_VXSE51_010000.xml")
    assert t.max_intensity == "3"
    assert [a.name for a in t.areas_by_intensity["3"]] == ["宮城県中部", "福島県浜通り"]
    assert t.areas_by_intensity["3"][0].pref_name == "宮城県"
    assert t.target_time == datetime(2021, 2, 17, 23, 6, tzinfo=JST)


def test_hypocentre_and_intensity_information():
    t = tg("32-35_06_05_100915_VXSE53.xml")
    q = t.earthquake
    assert (q.epicenter, q.latitude, q.longitude, q.depth_km, q.magnitude) == ("岩手県内陸南部", 39.0, 140.9, 10, Decimal("7.0"))
    assert t.max_intensity == "6+"
    assert list(t.areas_by_intensity)[:3] == ["6+", "5+", "5-"]
    assert t.tsunami_outlook == "none"


def test_foreign_earthquake():
    chile = tg("32-39_05_01_100831_VXSE53.xml")
    assert chile.foreign and chile.earthquake.detailed_name == "チリ中部沿岸"
    assert (chile.earthquake.latitude, chile.earthquake.longitude, chile.earthquake.depth_km) == (-36.1, -72.6, 60)
    assert chile.tsunami_outlook == "checking"
    kamchatka = tg("20230411013014_06861143_VXSE53.xml")
    assert kamchatka.earthquake.magnitude is None and kamchatka.earthquake.magnitude_condition == "不明"
    assert kamchatka.earthquake.depth_km is None


def test_tsunami_kinds_arrival_and_height():
    t = tg("32-39_11_02_120615_VTSE41.xml")
    by_area = {f.area.name: f for f in t.tsunami}
    assert by_area["岩手県"].kind == "major_warning" and by_area["岩手県"].height_description == "巨大"
    assert by_area["岩手県"].arrival_condition == "津波到達中と推測"
    assert by_area["宮城県"].arrival_time == datetime(2011, 3, 11, 15, 0, tzinfo=JST)
    assert by_area["茨城県"].kind == "warning" and by_area["茨城県"].height_description == "高い"
    assert {f.kind for f in t.tsunami} == {"major_warning", "warning", "advisory", "forecast"}
    assert not any(f.lifted for f in t.tsunami)
    advisory = tg("20231009064018_06274659_VTSE41.xml").tsunami[0]
    assert (advisory.area.name, advisory.kind, advisory.height_m) == ("伊豆諸島", "advisory", Decimal("1"))


def test_tsunami_lifting():
    t = tg("20231009120003_08446949_VTSE41.xml")
    lifted = [f.area.name for f in t.tsunami if f.lifted]
    assert len(lifted) == 9 and "伊豆諸島" in lifted
    assert all(f.kind == "forecast" and f.last_kind == "advisory" for f in t.tsunami if f.lifted)


def test_early_warning_is_read():
    t = tg("20240116184225_02245216_VXSE43.xml")
    assert t.max_intensity == "5-"
    assert [a.name for a in t.areas_by_intensity["5-"]] == ["石川県能登", "石川県加賀"]
    assert t.earthquake.epicenter == "能登半島沖"


REPORT = (FIXTURES / "32-35_01_02_100514_VXSE52.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("data, reason", [
    (b"<Report><Control>", "not well-formed XML"),
    (b"", "not well-formed XML"),
    (b"<html><body>503</body></html>", "not a JMA telegram"),
    (REPORT.replace("<Title>震源に関する情報</Title>", "<Title>気象警報・注意報（Ｒ０６）</Title>", 1).encode(),
     "unknown telegram kind '気象警報・注意報（Ｒ０６）'"),
    (REPORT.replace("<Status>訓練</Status>", "<Status>本番</Status>").encode(), "unknown Status '本番'"),
    (REPORT.replace("<InfoType>発表</InfoType>", "<InfoType>続報</InfoType>").encode(), "unknown InfoType"),
    (REPORT.replace("<EventID>20091001134500</EventID>", "<EventID></EventID>").encode(), "missing EventID"),
    (REPORT.replace("2009-10-01T13:48:00+09:00", "yesterday").encode(), "ReportDateTime is not a date"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     b"<Report>&b;</Report>", "refused XML"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Report>&x;</Report>',
     "refused XML"),
])
def test_broken_or_unknown_telegrams_are_refused_with_the_reason(data, reason):
    with pytest.raises(TelegramError) as caught:
        parse_bytes(data, "feed/entry-7.xml")
    assert caught.value.source == "feed/entry-7.xml"
    assert reason in caught.value.reason and str(caught.value).startswith("feed/entry-7.xml: ")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(TelegramError, match="nothere.xml: cannot read"):
        parse_file(tmp_path / "nothere.xml")


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(REPORT.encode())), junk=st.binary(max_size=40))
def test_damaged_telegrams_never_escape_as_other_errors(cut, junk):
    data = REPORT.encode()[:cut] + junk
    try:
        parse_bytes(data, "damaged.xml")
    except TelegramError as exc:
        assert exc.source == "damaged.xml"


# --- place names -------------------------------------------------------------------------

@pytest.mark.parametrize("name, reading", [
    ("岩手県内陸南部", "Iwate Ken Nairiku Nanbu"),
    ("千葉県九十九里・外房", "Chiba Ken Kujukuri / Sotobo"),
    ("三宅島", "Miyakejima"),
    ("福島県中通り", "Fukushima Ken Nakadori"),
    ("北海道太平洋沿岸東部", "Hokkaido Taiheiyo Engan Tobu"),
    ("東京都２３区", "Tokyo To 23 Ku"),
    ("駿河湾", "Suruga Wan"),
])
def test_latin_readings(name, reading):
    assert latin(name) == reading


def test_places_abroad_keep_their_usual_spelling():
    assert latin("チリ中部沿岸", abroad=True) == "Chile Chubu Engan"


def _names():
    names = set()
    for t in in_order():
        if t.earthquake:
            names |= {t.earthquake.epicenter, t.earthquake.detailed_name} - {""}
        names |= {a.name for group in t.areas_by_intensity.values() for a in group}
        names |= {f.area.name for f in t.tsunami}
    return sorted(names)


def test_every_sample_place_reads_in_latin_letters_and_has_furigana():
    for name in _names():
        reading = latin(name)
        assert reading and all(script_of(c) == "Latn" for c in reading if c.isalpha()), (name, reading)
        ruby = furigana(name)
        assert plain(ruby) == name
        kanji = [base for base, r in parse(ruby) if not r and any(script_of(c) == "Hani" for c in base)]
        assert kanji == [], (name, ruby)


def test_place_slot_value_has_every_reader_covered():
    value = place("宮城県中部")
    assert value.ja == "宮城県中部"
    assert set(value.names) == set(LANGUAGES) - {"ja"}
    assert value.names["en"] == "Miyagi Ken Chubu"
    assert value.names["ja@easy"] == "｜宮城《みやぎ》｜県《けん》｜中部《ちゅうぶ》"


# --- drafts --------------------------------------------------------------------------------

def plan_all(watched=None):
    planner = Planner(Watched.parse(watched))
    return [(t, spec) for t in in_order() for spec in planner.plan(t)]


def test_sample_telegrams_in_order_give_drafts_updates_and_a_withdrawal():
    steps = [(t.source.rsplit("/", 1)[-1], s.action, s.drill) for t, s in plan_all()]
    assert steps == [
        ("32-35_06_05_100915_VXSE53.xml", "draft", False),
        ("32-35_06_06_100915_VXSE53.xml", "withdraw", False),
        ("32-35_01_01_100806_VXSE51.xml", "draft", False),
        ("32-35_01_02_100514_VXSE52.xml", "draft", True),
        ("32-35_01_03_100806_VXSE53.xml", "update", True),
        ("32-39_05_01_100831_VXSE53.xml", "draft", False),
        ("32-39_11_02_120615_VTSE41.xml", "draft", False),
        ("32-39_11_13_120615_VTSE41.xml", "update", False),
        ("20210217140808_0_VXSE51_010000.xml", "draft", False),
        ("20230411013014_06861143_VXSE53.xml", "draft", False),
        ("20231009064018_06274659_VTSE41.xml", "draft", False),
        ("20231009120003_08446949_VTSE41.xml", "update", False),
        ("20240116184225_02245216_VXSE43.xml", "draft", False),
    ]


def japanese(spec):
    return render_draft(spec, "ja")


def test_japanese_text_states_the_telegrams_facts():
    specs = {t.source.rsplit("/", 1)[-1]: s for t, s in plan_all()}
    iwate = japanese(specs["32-35_06_05_100915_VXSE53.xml"])
    for fact in ("8:43ごろ、地震がありました。", "最大震度6強を観測しました。", "震源地は岩手県内陸南部です。",
                 "震源の深さは約10キロメートルです。", "震度6強を観測した地域は、岩手県内陸南部、宮城県北部です。",
                 "この地震による津波の心配はありません。", "出典：気象庁"):
        assert fact in iwate
    assert "震度3を観測した地域は、宮城県中部、福島県浜通りです。" in japanese(specs["20210217140808_0_VXSE51_010000.xml"])
    tsunami = japanese(specs["32-39_11_02_120615_VTSE41.xml"])
    assert "岩手県、宮城県、福島県に大津波警報が発表されています。" in tsunami
    assert "茨城県、千葉県九十九里・外房、伊豆諸島に津波警報が発表されています。" in tsunami
    assert "宮城県に津波が来る予想時刻は15:00ごろです。" in tsunami
    assert "岩手県では、巨大な津波が予想されます。" in tsunami
    advisory = japanese(specs["20231009064018_06274659_VTSE41.xml"])
    assert "伊豆諸島、小笠原諸島に津波注意報が発表されています。" in advisory
    assert "伊豆諸島で予想される津波の高さは1メートルです。" in advisory
    chile = japanese(specs["32-39_05_01_100831_VXSE53.xml"])
    assert "海外で大きな地震がありました。震源地はチリ中部沿岸です。" in chile
    assert "日本への津波の有無については、現在調べています。" in chile
    eew = japanese(specs["20240116184225_02245216_VXSE43.xml"])
    assert "石川県能登、石川県加賀に緊急地震速報（警報）が発表されました。" in eew


def test_lifting_gives_the_lifting_message():
    specs = {t.source.rsplit("/", 1)[-1]: s for t, s in plan_all()}
    text = japanese(specs["20231009120003_08446949_VTSE41.xml"])
    assert "伊豆諸島、小笠原諸島" in text and "の津波注意報は解除されました。" in text
    assert "若干の海面変動が予想されますが、被害の心配はありません。" in text
    assert "10月9日(月) 12:00、津波警報・注意報はすべて解除されました。" in text  # none left anywhere
    march_13 = japanese(specs["32-39_11_13_120615_VTSE41.xml"])
    assert "の津波注意報は解除されました。" in march_13 and "3月13日(日) 17:58、津波警報・注意報はすべて解除されました。" in march_13
    assert "jma.tsunami.issued" not in [p.template_id for p in specs["20231009120003_08446949_VTSE41.xml"].parts
                                        if p.values.get("kind") != "forecast"]


def test_cancellation_withdraws_without_text():
    withdrawn = [s for _, s in plan_all() if s.action == "withdraw"]
    assert [(s.event_key, s.parts) for s in withdrawn] == [("jma:20080614084350:earthquake", ())]
    # a cancellation of an event this instance never drafted changes nothing
    [spec] = draft_specs(tg("32-35_06_06_100915_VXSE53.xml"), known={})
    assert spec.action == "skip"


def test_drill_telegrams_only_make_drill_drafts():
    drills = [s for t, s in plan_all() if t.status != "通常"]
    assert drills and all(s.drill and "訓練" in s.reason for s in drills)


def test_every_draft_renders_in_every_language_with_latin_place_names():
    for _, spec in plan_all():
        for code in LANGUAGES if spec.parts else ():
            text = render_draft(spec, code)
            assert text.strip()
            if code not in ("ja", "ja@easy") and "岩手県内陸南部" in render_draft(spec, "ja"):
                assert "Iwate Ken Nairiku Nanbu" in text
    iwate = next(s for _, s in plan_all() if s.action == "draft")
    assert "｜岩手《いわて》｜県《けん》" in render_draft(iwate, "ja@easy")
    assert "Seismic Intensity 6 Upper" in render_draft(iwate, "en")
    assert "진도 6강" in render_draft(iwate, "ko")


def test_watched_areas_filter_what_is_drafted():
    steps = {t.source.rsplit("/", 1)[-1]: s for t, s in plan_all("宮城県")}
    assert steps["32-35_01_01_100806_VXSE51.xml"].action == "skip"  # Shizuoka earthquake
    assert "none of the watched areas" in steps["32-35_01_01_100806_VXSE51.xml"].reason
    assert steps["20240116184225_02245216_VXSE43.xml"].action == "skip"  # Ishikawa EEW
    assert steps["32-39_05_01_100831_VXSE53.xml"].action == "draft"  # abroad: concerns everyone
    tsunami = japanese(steps["32-39_11_02_120615_VTSE41.xml"])
    assert "宮城県に大津波警報が発表されています。" in tsunami and "岩手県" not in tsunami
    quake = japanese(steps["32-35_06_05_100915_VXSE53.xml"])
    assert "震度6強を観測した地域は、宮城県北部です。" in quake and "秋田県" not in quake


def test_watched_codes_are_matched_in_their_own_code_list():
    # 320 is 群馬県北部 among earthquake areas and 伊豆諸島 among tsunami forecast areas
    tsunami_only = {t.source.rsplit("/", 1)[-1]: s for t, s in plan_all("tsunami:320")}
    assert tsunami_only["32-35_01_01_100806_VXSE51.xml"].action == "skip"
    assert "伊豆諸島に津波注意報" in japanese(tsunami_only["20231009064018_06274659_VTSE41.xml"])
    either = {t.source.rsplit("/", 1)[-1]: s for t, s in plan_all("320")}
    assert "群馬県北部" in japanese(either["32-35_01_01_100806_VXSE51.xml"])


def test_older_telegrams_do_not_overwrite_newer_drafts():
    later = tg("32-35_01_03_100806_VXSE53.xml")
    [spec] = draft_specs(tg("32-35_01_02_100514_VXSE52.xml"), known={"jma:20091001134500:earthquake": later.report_time})
    assert spec.action == "skip" and "not newer" in spec.reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_watched_setting_gives_drafts_that_render(data):
    telegrams = in_order()
    pool = sorted({a.code for t in telegrams for g in t.areas_by_intensity.values() for a in g}
                  | {a.pref_name for t in telegrams for g in t.areas_by_intensity.values() for a in g}
                  | {f.area.name for t in telegrams for f in t.tsunami} | {"北海道", "tsunami:220", "quake:222", "xx"})
    watched = data.draw(st.lists(st.sampled_from(pool), max_size=4))
    code = data.draw(st.sampled_from(list(LANGUAGES)))
    planner = Planner(Watched.parse(watched))
    for t in telegrams:
        for spec in planner.plan(t):
            assert spec.action in ("draft", "update", "withdraw", "skip") and spec.reason
            if spec.parts:
                assert render_draft(spec, code).strip()


def test_term_slots_render_translated_terms_and_refuse_unknown_ones():
    from phrasebook import SlotError

    assert render("jma.quake.max_intensity", "en", {"max_intensity": "6-"}) == \
        "The strongest shaking observed was Seismic Intensity 6 Lower."
    assert render("jma.tsunami.issued", "es", {"kind": "advisory", "areas": "宮城県"}) == \
        "Rige Aviso de Tsunami (津波注意報) para Miyagi Ken (宮城県)."
    for bad in ("8", "warning", "../x", "5-}"):
        with pytest.raises(SlotError) as caught:
            render("jma.quake.max_intensity", "en", {"max_intensity": bad})
        assert caught.value.codes == {"max_intensity": "term"}


def test_draft_values_survive_json_and_render_the_same():
    import json

    for _, spec in plan_all():
        for part in spec.parts:
            stored = json.loads(json.dumps(part.json_values(), ensure_ascii=False))
            for code in ("ja", "ja@easy", "en", "my"):
                assert render(part.template_id, code, stored) == render(part.template_id, code, part.values)


def test_a_corrected_reading_survives_json():
    """A place's own romaji (a registered place's corrected reading) is kept in stored values."""
    import json

    from phrasebook.parts import Part
    from phrasebook.slots import Place

    part = Part("jma.quake.epicenter", {"epicenter": Place("市民体育館", romaji="City Gym")})
    stored = json.loads(json.dumps(part.json_values(), ensure_ascii=False))
    assert render(part.template_id, "en", stored) == "The epicenter was in City Gym (市民体育館)."


def test_very_shallow_and_unknown_depths():
    shallow = parse_bytes(REPORT.replace("+34.8+138.5-10000/", "+34.8+138.5+0/").encode(), "shallow.xml")
    [spec] = draft_specs(shallow)
    assert "震源の深さはごく浅いです。" in japanese(spec) and "キロメートル" not in japanese(spec)
    assert "The hypocenter was very shallow." in render_draft(spec, "en")
    unknown = parse_bytes(REPORT.replace("+34.8+138.5-10000/", "+34.8+138.5/").encode(), "unknown.xml")
    [spec] = draft_specs(unknown)
    assert "震源の深さ" not in japanese(spec) and "震源地は駿河湾です。" in japanese(spec)


def test_a_telegram_without_areas_updates_a_drafted_event_of_a_watched_area():
    hypocentre = tg("32-35_01_02_100514_VXSE52.xml")
    watched = Watched.parse("静岡県")
    [first] = draft_specs(hypocentre, watched, known={})
    assert first.action == "skip" and "names no areas" in first.reason
    earlier = hypocentre.report_time - timedelta(minutes=2)
    [later] = draft_specs(hypocentre, watched, known={"jma:20091001134500:earthquake": earlier})
    assert later.action == "update" and "震源地は駿河湾です。" in japanese(later)


def test_test_telegrams_are_drills_and_corrections_update():
    trial = parse_bytes(REPORT.replace("<Status>訓練</Status>", "<Status>試験</Status>").encode(), "trial.xml")
    [spec] = draft_specs(trial)
    assert spec.drill and spec.action == "draft" and "試験: drill only" in spec.reason
    real = parse_bytes(REPORT.replace("<Status>訓練</Status>", "<Status>通常</Status>").encode(), "real.xml")
    assert not draft_specs(real)[0].drill
    corrected = parse_bytes(REPORT.replace("<InfoType>発表</InfoType>", "<InfoType>訂正</InfoType>").encode(), "fix.xml")
    known = {"jma:20091001134500:earthquake": corrected.report_time}
    [spec] = draft_specs(corrected, known=known)
    assert spec.action == "update" and spec.reason.startswith("訂正")
