"""JMA telegrams stored as draft messages: ``bosai jma import`` into an instance, the staff
drafts page (upload, publish, discard), drafts never public, a later telegram making a published
message's next version (CAP Update), the JMA credit on the public page, ``bosai messages list``."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.audit import entries
from app.cli import main
from app.db import get_db
from app.public.mirror import get_mirror
from phrasebook import messages as model
from phrasebook.cap import NS
from phrasebook.jma import CREDIT
from phrasebook.languages import LANGUAGES
from tests.app.conftest import PASSWORD, csrf_token
from tests.pixels import render

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "jma"
QUAKE, CANCEL = "32-35_06_05_100915_VXSE53.xml", "32-35_06_06_100915_VXSE53.xml"  # 岩手・宮城内陸, then 取消
SHINDO = "32-35_01_01_100806_VXSE51.xml"  # 震度速報, 最大震度6弱 in 静岡県
DRILL = ("32-35_01_02_100514_VXSE52.xml", "32-35_01_03_100806_VXSE53.xml")  # 訓練
FOREIGN = "32-39_05_01_100831_VXSE53.xml"  # チリ中部沿岸
TSUNAMI = ("32-39_11_02_120615_VTSE41.xml", "32-39_11_13_120615_VTSE41.xml")  # 大津波警報, then 津波予報 and 解除
LIFTED = ("20231009064018_06274659_VTSE41.xml", "20231009120003_08446949_VTSE41.xml")
EEW = "20240116184225_02245216_VXSE43.xml"
LATIN = re.compile(r"[A-Z][a-z]+ Ken [A-Z][a-z]+")  # a prefecture's area in Latin letters: "Shizuoka Ken Chubu"


@pytest.fixture
def app_locales(shipped_locales: Path) -> Path:
    """The app on the shipped catalogs instead of the small fixture set."""
    return shipped_locales


def jma_import(app: Flask, *names: str, expect: int = 0) -> list[str]:
    """``bosai jma import`` of fixture telegrams into the app's instance; the output lines."""
    result = CliRunner().invoke(main, ["jma", "import", *(str(FIXTURES / n) for n in names), "--instance",
                                       app.instance_path], env={"BOSAI_JMA_WATCH": ""}, catch_exceptions=False)
    assert result.exit_code == expect, result.output
    return result.output.splitlines()


def by_event(app: Flask) -> dict[str, model.Message]:
    with app.app_context():
        return {m.source["event_key"]: m for m in model.all_messages(get_db()) if m.source}


def texts(message: model.Message) -> dict[str, str | None]:
    return {r.lang.code: r.text for r in model.renditions(message.parts, message.languages)}


def dump(app: Flask) -> list[str]:
    conn = sqlite3.connect(Path(app.instance_path) / "bosai.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_sample_telegrams_in_order_give_drafts_with_their_facts(app):
    lines = jma_import(app, QUAKE, SHINDO, *DRILL, FOREIGN, TSUNAMI[0], EEW)
    assert sorted(line.split(" ")[0] for line in lines) == ["draft"] * 6 + ["update"]  # two drill telegrams, one event
    found = by_event(app)
    assert {m.status for m in found.values()} == {"draft"} and {m.author for m in found.values()} == {"jma"}
    assert {m.shelter_id for m in found.values()} == {None}  # area-wide

    quake = texts(found["jma:20080614084350:earthquake"])
    assert "最大震度6強を観測しました。" in quake["ja"] and "震源地は岩手県内陸南部です。" in quake["ja"]
    assert "震度6強を観測した地域は、岩手県内陸南部、宮城県北部です。" in quake["ja"]
    assert "地震の規模（マグニチュード）は7と推定されます。" in quake["ja"]
    assert "The epicenter was in Iwate Ken Nairiku Nanbu (岩手県内陸南部)." in quake["en"]
    shindo = texts(found["jma:20090811050711:earthquake"])
    assert "震度6弱を観測した地域は、静岡県中部、静岡県西部です。" in shindo["ja"]
    foreign = texts(found["jma:20100227153529:earthquake"])
    assert "震源地はチリ中部沿岸です。" in foreign["ja"] and "8.5" in foreign["ja"]
    tsunami = texts(found["jma:20110311144640:tsunami"])
    assert "岩手県、宮城県、福島県に大津波警報が発表されています。" in tsunami["ja"]
    assert "Iwate Ken, Miyagi Ken, Fukushima Ken" in tsunami["en"]
    eew = texts(found["jma:20240116184216:eew"])
    assert eew["ja"].startswith("石川県能登、石川県加賀に緊急地震速報（警報）が発表されました。")

    drill = found["jma:20091001134500:earthquake"]
    assert drill.drill and not any(m.drill for key, m in found.items() if key != "jma:20091001134500:earthquake")
    assert drill.source["file"].endswith(DRILL[1]) and drill.source["telegram"].startswith("VXSE53 ")

    for message in found.values():
        shown = texts(message)
        assert list(shown) == list(LANGUAGES)  # all 16
        assert all(text and text.strip() for text in shown.values()), message.source
        assert shown["ja"].splitlines()[-1] == "出典：気象庁"  # the credit part, last
        for code, text in shown.items():
            if not code.startswith("ja") and message is not found["jma:20100227153529:earthquake"]:
                assert LATIN.search(text) or "Noto Hanto" in text, (code, text)  # place names in Latin letters
    assert "Iwate Ken Nairiku Nanbu" in quake["th"] and "Iwate Ken" in tsunami["my"]


def test_cancellation_withdraws_and_lifting_gives_the_lifting_message(app):
    lines = jma_import(app, QUAKE, CANCEL)
    message_id = lines[0].split(" ")[1]
    assert lines[1].startswith(f"withdraw {message_id} jma:20080614084350:earthquake: JMA cancelled (取消)")
    assert by_event(app)["jma:20080614084350:earthquake"].status == "withdrawn"

    jma_import(app, TSUNAMI[0])
    lines = jma_import(app, TSUNAMI[1])
    assert lines[0].startswith("update ")
    lifted = texts(by_event(app)["jma:20110311144640:tsunami"])
    assert "大津波警報" not in lifted["ja"].splitlines()[0]
    assert "宮城県" in lifted["ja"] and "の津波注意報は解除されました。" in lifted["ja"]
    jma_import(app, *LIFTED)
    assert "10月9日(月) 12:00、津波警報・注意報はすべて解除されました。" in texts(
        by_event(app)["jma:20231009052500:tsunami"])["ja"]


def test_a_broken_file_is_refused_and_nothing_changes(app, tmp_path):
    jma_import(app, QUAKE)
    before = dump(app)
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<Report><Control><Title>")
    result = CliRunner().invoke(main, ["jma", "import", str(FIXTURES / CANCEL), str(FIXTURES / SHINDO),
                                       str(broken), "--instance", app.instance_path], env={"BOSAI_JMA_WATCH": ""})
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"refused {broken}: not well-formed XML: no element found: line 1, column 24"]
    assert dump(app) == before


def upload(client, *files: tuple[str, bytes]):
    token = csrf_token(client, "/messages/drafts")
    return client.post("/messages/drafts/upload", content_type="multipart/form-data", data={
        "csrf_token": token, "telegrams": [(io.BytesIO(data), name) for name, data in files]})


def fixture(name: str) -> tuple[str, bytes]:
    return name, (FIXTURES / name).read_bytes()


def test_upload_and_publish_as_coordinator(app, as_role, client):
    coordinator = as_role("coordinator")
    response = upload(coordinator, fixture(SHINDO), fixture(DRILL[0]))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count("新しい下書き") == 2 and "jma:20090811050711:earthquake" in html
    assert "発表：新しい地震・津波（訓練：訓練用のみ）" in html and "new event" not in html  # why, in Japanese
    found = by_event(app)
    shindo, drill = found["jma:20090811050711:earthquake"], found["jma:20091001134500:earthquake"]

    page = coordinator.get("/messages/drafts").get_data(as_text=True)
    section = page[page.index(f'id="draft-{drill.id}"'):]
    assert "訓練" in section[:400] and "VXSE52 震源に関する情報" in section and DRILL[0] in section
    assert "発表時刻" in section and "Suruga Wan (駿河湾)" in section
    shindo_section = page[page.index(f'id="draft-{shindo.id}"'):]
    assert "最大震度6弱を観測しました。" in shindo_section and "地域全体に公開" in shindo_section
    assert shindo_section.count('class="rendition"') >= len(LANGUAGES)

    # a broken upload changes nothing and says which file and why, as the command line does
    before = dump(app)
    refused = upload(coordinator, fixture(QUAKE), ("bad.xml", b"<Report>"))
    assert refused.status_code == 400
    assert "bad.xml" in refused.get_data(as_text=True) and "XMLの形式が正しくありません" in refused.get_data(as_text=True)
    assert "何も変更していません" in refused.get_data(as_text=True)
    assert dump(app) == before
    assert upload(coordinator).status_code == 400  # no file
    too_big = upload(coordinator, ("big.xml", b"<Report>" + b" " * (3 * 1024 * 1024)))
    assert too_big.status_code == 413

    assert client.get(f"/m/{shindo.id}/en").status_code == 404
    token = csrf_token(coordinator, "/messages/drafts")
    published = coordinator.post(f"/messages/{shindo.id}/publish", data={"csrf_token": token})
    assert published.status_code == 302
    assert by_event(app)["jma:20090811050711:earthquake"].status == "published"
    assert client.get(f"/m/{shindo.id}/en").status_code == 200
    again = coordinator.post(f"/messages/{shindo.id}/publish", data={"csrf_token": token}, follow_redirects=True)
    assert "すでに下書きではありません" in again.get_data(as_text=True)

    discarded = coordinator.post(f"/messages/{drill.id}/discard", data={"csrf_token": token})
    assert discarded.status_code == 302
    with app.app_context():
        assert model.get(get_db(), drill.id) is None
        trail = [(e.user, e.action, e.target) for e in entries(get_db())]
    assert ("coordinator", "draft", shindo.id) in trail and ("coordinator", "publish", shindo.id) in trail
    assert ("coordinator", "discard", drill.id) in trail


def test_staff_see_drafts_read_only(app, as_role, staff):
    jma_import(app, SHINDO)
    message = by_event(app)["jma:20090811050711:earthquake"]
    page = staff.get("/messages/drafts")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "最大震度6弱を観測しました。" in html and "地域全体に公開" not in html
    assert f"/messages/{message.id}/publish" not in html and f"/messages/{message.id}/discard" not in html
    assert "/messages/drafts/upload" not in html
    assert "コーディネーターまたは管理者のみ" in html
    token = csrf_token(staff, "/messages/drafts")
    assert staff.post(f"/messages/{message.id}/publish", data={"csrf_token": token}).status_code == 403
    assert staff.post(f"/messages/{message.id}/discard", data={"csrf_token": token}).status_code == 403
    assert staff.post("/messages/drafts/upload", data={"csrf_token": token}).status_code == 403
    assert by_event(app)["jma:20090811050711:earthquake"].status == "draft"


def kiosk_html(app: Flask, shelter_id: int) -> str:
    from phrasebook.shelters import create_kiosk_token

    with app.app_context():
        token = create_kiosk_token(get_db(), shelter_id, "test")
    kiosk = app.test_client()
    assert kiosk.get(f"/kiosk/start/{token}").status_code == 302
    return kiosk.get("/kiosk/en/").get_data(as_text=True)


def public_traces(app: Flask, client, message_id: str, tmp_path: Path) -> dict[str, bool]:
    """Where the message shows publicly: each public page, the feed, CAP (web and command
    line), a static export, the mirror, a shelter's kiosk and its drill pack."""
    from app.public.export import export_site
    from app.public.mirror import Mirror
    from app.shelters.packs import shelter_pack
    from phrasebook.shelters import create_shelter

    export = tmp_path / f"export-{len(list(tmp_path.glob('export-*')))}"
    export_site(app, export)
    mirror_folder = export.with_name(export.name + "-mirror")
    Mirror(app, mirror_folder).write({message_id}, False)
    with app.app_context():
        shelter_id = create_shelter(get_db(), f"避難所{export.name}").id
        pack = shelter_pack(get_db(), shelter_id, "https://bosai.example.jp")
    cap = CliRunner().invoke(main, ["cap", message_id, "--instance", app.instance_path])
    return {
        "index": message_id in client.get("/").get_data(as_text=True),
        "picker": client.get(f"/m/{message_id}").status_code == 200,
        "page": client.get(f"/m/{message_id}/en").status_code == 200,
        "cap": client.get(f"/m/{message_id}.cap.xml").status_code == 200,
        "cap_cli": cap.exit_code == 0,
        "feed": message_id in client.get("/alerts.atom").get_data(as_text=True),
        "export": any(message_id in p.read_text(errors="replace") or message_id in str(p)
                      for p in export.rglob("*") if p.is_file()),
        "mirror": any(message_id in str(p) for p in mirror_folder.rglob("*")),
        "kiosk": "Shizuoka Ken Chubu" in kiosk_html(app, shelter_id),
        "pack": any(message_id in part.filename for part in pack.parts),
    }


def test_drafts_are_never_public(app, as_role, client, tmp_path):
    jma_import(app, SHINDO)
    message = by_event(app)["jma:20090811050711:earthquake"]
    hidden = public_traces(app, client, message.id, tmp_path)
    assert not any(hidden.values()), hidden
    coordinator = as_role("coordinator")
    token = csrf_token(coordinator, "/messages/drafts")
    assert coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": token}).status_code == 302
    shown = public_traces(app, client, message.id, tmp_path)
    assert all(shown.values()), shown  # the same checks see it once it is published


def test_the_index_gives_a_drafted_message_by_its_first_sentences(app, as_role, client):
    jma_import(app, SHINDO)
    message = by_event(app)["jma:20090811050711:earthquake"]
    coordinator = as_role("coordinator")
    coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": csrf_token(coordinator, "/messages/drafts")})
    sentences = texts(message)["en"].splitlines()
    index = client.get("/en").get_data(as_text=True)
    assert f"{sentences[0]} {sentences[1]} …" in index  # the page of the message has the rest
    assert sentences[2] not in index and sentences[2] in client.get(f"/m/{message.id}/en").get_data(as_text=True)
    staff_list = coordinator.get("/messages/").get_data(as_text=True)
    assert texts(message)["ja"].splitlines()[0] in staff_list and "{time}" not in staff_list


def test_withdrawn_draft_stays_hidden(app, client, tmp_path):
    lines = jma_import(app, QUAKE, CANCEL)
    message_id = lines[0].split(" ")[1]
    traces = public_traces(app, client, message_id, tmp_path)
    assert not any(traces.values()), traces


def cap_of(client, message_id: str) -> ET.Element:
    response = client.get(f"/m/{message_id}.cap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.get_data())


def text(root: ET.Element, path: str) -> str | None:
    return root.findtext("/".join(f"{{{NS}}}{p}" for p in path.split("/")))


def test_a_later_telegram_makes_the_published_message_its_next_version(app, as_role, client):
    jma_import(app, TSUNAMI[0])
    message = by_event(app)["jma:20110311144640:tsunami"]
    coordinator = as_role("coordinator")
    token = csrf_token(coordinator, "/messages/drafts")
    coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": token})
    first = cap_of(client, message.id)
    assert (text(first, "identifier"), text(first, "msgType")) == (message.id, "Alert")
    assert "大津波警報" in text(first, "info/headline")

    lines = jma_import(app, TSUNAMI[1])
    assert lines[0].startswith(f"update {message.id} jma:20110311144640:tsunami: ") and "now version 2" in lines[0]
    updated = by_event(app)["jma:20110311144640:tsunami"]
    assert (updated.status, updated.version) == ("published", 2)
    second = cap_of(client, message.id)
    assert text(second, "msgType") == "Update"
    assert text(second, "identifier") == f"{message.id}-v2"
    assert text(second, "references") == f"bosai@localhost,{message.id},{text(first, 'sent')}"
    assert "大津波警報" not in text(second, "info/description").splitlines()[0]
    page = client.get(f"/m/{message.id}/ja").get_data(as_text=True)
    assert "解除されました" in page
    with app.app_context():
        trail = [(e.user, e.action, e.target) for e in entries(get_db())]
    assert ("jma", "draft_update", message.id) in trail and ("jma", "draft", message.id) in trail


def test_public_page_shows_the_jma_credit_once(app, as_role, client):
    jma_import(app, SHINDO)
    message = by_event(app)["jma:20090811050711:earthquake"]
    coordinator = as_role("coordinator")
    coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": csrf_token(coordinator, "/messages/drafts")})
    for tag, local in (("ja", None), ("en", "Source: Japan Meteorological Agency"), ("vi", "Nguồn:")):
        html = client.get(f"/m/{message.id}/{tag}").get_data(as_text=True)
        credit = re.search(r'<p class="credit">(.*?)</p>', html, re.S)
        assert credit, tag
        assert html.count("出典：気象庁") == 1 and CREDIT in credit[1], tag
        if local:
            assert html.count(local) == 1 and local in credit[1], tag
        assert "最大震度6弱を観測しました。" in html


def test_messages_list(app):
    jma_import(app, SHINDO, *DRILL)
    run = CliRunner().invoke(main, ["messages", "list", "--json", "--instance", app.instance_path])
    assert run.exit_code == 0, run.output
    listed = json.loads(run.output)
    assert len(listed) == 2
    drill = next(m for m in listed if m["drill"])
    assert {k: drill[k] for k in ("status", "version", "shelter", "template")} == {
        "status": "draft", "version": 1, "shelter": None, "template": "jma.quake.occurred"}
    assert drill["parts"][-1] == {"template_id": "jma.credit", "values": {}}
    assert set(drill["texts"]) == set(LANGUAGES) == set(drill["languages"])
    assert "最大震度5弱を観測しました。" in drill["texts"]["ja"]
    assert drill["source"]["kind"] == "jma" and drill["source"]["file"].endswith(DRILL[1])
    assert drill["created_at"] and drill["updated_at"]
    table = CliRunner().invoke(main, ["messages", "list", "--instance", app.instance_path]).output.splitlines()
    assert table[0].split() == ["id", "status", "drill", "v", "langs", "updated", "text"]
    assert any(line.startswith(drill["id"]) and " draft " in line and " drill " in line for line in table[1:])


OLD_MESSAGES = """CREATE TABLE [messages] (
   [id] TEXT PRIMARY KEY, [template_id] TEXT NOT NULL, [slot_values] TEXT NOT NULL,
   [languages] TEXT NOT NULL, [author] TEXT NOT NULL, [created_at] TEXT NOT NULL,
   [updated_at] TEXT NOT NULL, [withdrawn_at] TEXT, [drill] INTEGER DEFAULT 0,
   [shelter_id] INTEGER, [area] TEXT)"""


def test_one_template_messages_migrate_to_one_part(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    conn = sqlite3.connect(instance / "bosai.sqlite3")
    conn.execute(OLD_MESSAGES)
    conn.execute("INSERT INTO messages VALUES ('abc', 'shelter.opened', ?, '[\"ja\", \"en\"]', 'sato', "
                 "'2026-09-01T00:00:00+00:00', '2026-09-01T01:00:00+00:00', NULL, 1, NULL, '駅前')",
                 [json.dumps({"place": "市民体育館", "time": "09:30"}, ensure_ascii=False)])
    conn.commit()
    conn.close()
    for _ in range(2):  # idempotent
        result = CliRunner().invoke(main, ["db", "init", "--instance", str(instance)])
        assert result.exit_code == 0, result.output
    listed = json.loads(CliRunner().invoke(main, ["messages", "list", "--json", "--instance", str(instance)]).output)
    assert [(m["id"], m["status"], m["version"], m["drill"], m["where"]) for m in listed] == [
        ("abc", "published", 1, True, "駅前")]
    assert listed[0]["parts"] == [{"template_id": "shelter.opened", "values": {"place": "市民体育館", "time": "09:30"}}]
    assert "市民体育館" in listed[0]["texts"]["ja"]


ELEMENT_TEXT = re.compile(rb">([^<>]+)<")
TRICKY = "<>&\"'=+-@ \u3000\u200b\u202e\ufeff\t\n|｜《》{}%5-+6弱7震度山田𠮷ကမ္ဘာ😀"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(name=st.sampled_from([SHINDO, QUAKE, DRILL[1], FOREIGN, TSUNAMI[0], EEW, LIFTED[0]]), data=st.data())
def test_any_uploaded_telegram_is_stored_and_shown_or_refused(app, as_role, client, name, data):
    """A telegram with one element's text replaced by anything: refused with a reason (400, nothing
    changed), or drafted, published and shown on every public page, CAP, feed and QR sheet."""
    raw = (FIXTURES / name).read_bytes()
    spots = list(ELEMENT_TEXT.finditer(raw))
    spot = spots[data.draw(st.integers(0, len(spots) - 1), label="element")]
    new = data.draw(st.text(st.sampled_from(TRICKY) | st.characters(codec="utf-8"), max_size=30), label="text")
    mutated = raw[:spot.start(1)] + new.encode("utf-8") + raw[spot.end(1):]
    coordinator = as_role("coordinator")
    before = dump(app)
    response = upload(coordinator, ("mutated.xml", mutated))
    assert response.status_code in (200, 400), response.status
    if response.status_code == 400:
        assert "mutated.xml" in response.get_data(as_text=True)
        assert dump(app) == before
        return
    with app.app_context():
        drafts = model.drafts(get_db())
    token = csrf_token(coordinator, "/messages/drafts")
    for draft in drafts:
        assert coordinator.post(f"/messages/{draft.id}/publish", data={"csrf_token": token}).status_code == 302
        for url in (f"/m/{draft.id}", f"/m/{draft.id}/en", f"/m/{draft.id}/my", f"/m/{draft.id}.cap.xml", "/", "/my",
                    "/alerts.atom"):
            assert client.get(url).status_code == 200, url
        sheet = coordinator.get(f"/messages/{draft.id}/qr.pdf")
        assert sheet.status_code in (200, 302)  # 302: the sheet cannot be laid out, and the page says why


def test_qr_sheet_of_a_drafted_message_prints_every_part(app, as_role):
    jma_import(app, QUAKE)  # fifteen sentences: each language gets a taller block
    message = by_event(app)["jma:20080614084350:earthquake"]
    coordinator = as_role("coordinator")
    coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": csrf_token(coordinator, "/messages/drafts")})
    response = coordinator.get(f"/messages/{message.id}/qr.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) > 4  # 16 languages, blocks taller than the standard third of a page
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    for sentence in ("最大震度6強を観測しました。", "この地震による津波の心配はありません。", "出典：気象庁",
                     "Source:JapanMeteorologicalAgency", f"/m/{message.id}/en"):
        assert sentence in text, sentence
    assert render(response.data, 1, dpi=30).share() > 0.01  # ink on the first page


def test_uploads_follow_the_watched_areas(make_app):
    app = make_app(JMA_WATCH="宮城県, 04")
    coordinator = app.test_client()
    coordinator.post("/login", data={"username": "coordinator", "password": PASSWORD,
                                     "csrf_token": csrf_token(coordinator)})
    html = upload(coordinator, fixture(EEW), fixture(SHINDO)).get_data(as_text=True)
    assert html.count("対象外") == 2 and html.count("監視対象の地域が含まれていません") == 2  # 石川県, 静岡県…
    assert by_event(app) == {}
    upload(coordinator, fixture("20210217140808_0_VXSE51_010000.xml"))  # 宮城県中部
    assert list(by_event(app)) == ["jma:20210217230627:earthquake"]


def test_the_mirror_follows_publishing_and_later_telegrams(make_app, tmp_path):
    folder = tmp_path / "mirror"
    app = make_app(STATIC_MIRROR=str(folder), BASE_URL="https://bosai.example.jp")
    coordinator = app.test_client()
    coordinator.post("/login", data={"username": "coordinator", "password": PASSWORD,
                                     "csrf_token": csrf_token(coordinator)})
    upload(coordinator, fixture(TSUNAMI[0]))
    message = by_event(app)["jma:20110311144640:tsunami"]
    mirror = get_mirror(app)
    assert mirror is not None and mirror.flush(20)
    assert not (folder / "m" / message.id).exists()  # a draft has no files
    coordinator.post(f"/messages/{message.id}/publish", data={"csrf_token": csrf_token(coordinator, "/messages/drafts")})
    assert mirror.flush(20)
    page = folder / "m" / message.id / "ja" / "index.html"
    assert "大津波警報が発表されています" in page.read_text(encoding="utf-8")

    result = CliRunner().invoke(main, ["jma", "import", str(FIXTURES / TSUNAMI[1]), "--instance", app.instance_path],
                                env={"BOSAI_JMA_WATCH": "", "BOSAI_STATIC_MIRROR": str(folder),
                                     "BOSAI_BASE_URL": "https://bosai.example.jp"}, catch_exceptions=False)
    assert result.exit_code == 0 and "now version 2" in result.output
    assert "解除されました" in page.read_text(encoding="utf-8")
    cap = ET.fromstring((folder / "m" / f"{message.id}.cap.xml").read_bytes())
    assert text(cap, "identifier") == f"{message.id}-v2"
