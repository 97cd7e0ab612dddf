"""Published messages in the library: the link to shelters by id, the migration of databases that
named the shelter by typed text, stored digits, and the command line reading them without the web app."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from app.cli import main
from phrasebook.cap import NS
from phrasebook.messages import all_messages, get, publish, shelter_messages, update, withdraw
from phrasebook.messages_schema import init_messages
from phrasebook.shelters import ShelterError, create_shelter, init_shelters, update_shelter
from phrasebook.store import open_db

VALUES = {"place": "市民体育館", "time": "09:30"}
# The messages table as it was before messages were linked to shelters by id.
OLD_MESSAGES = """CREATE TABLE [messages] (
   [id] TEXT PRIMARY KEY, [template_id] TEXT NOT NULL, [slot_values] TEXT NOT NULL,
   [languages] TEXT NOT NULL, [author] TEXT NOT NULL, [shelter] TEXT, [created_at] TEXT NOT NULL,
   [updated_at] TEXT NOT NULL, [withdrawn_at] TEXT, [drill] INTEGER DEFAULT 0)"""
OLD_SHELTERS = """CREATE TABLE [shelters] ([id] INTEGER PRIMARY KEY, [name] TEXT, [address] TEXT,
   [capacity] INTEGER, [languages] TEXT, [is_open] INTEGER, [created_at] TEXT, [closed_at] TEXT)"""
TYPED = {  # message id -> the shelter name staff typed with the old composer
    "exact": "北小学校 体育館", "fullwidth": "北小学校\u3000体育館", "spaced": "  北小学校   体育館 ",
    "letters": "ＡＢＣ会館", "unknown": "駅前\u202e広場\u200b ", "area": "", "null": None,
}


@pytest.fixture
def db(tmp_path):
    store = open_db(tmp_path / "bosai.sqlite3")
    init_shelters(store)
    init_messages(store)
    yield store
    store.conn.close()


def make_old_instance(instance: Path) -> None:
    """An instance database with the old schema: shelters, and messages naming theirs by text."""
    instance.mkdir()
    conn = sqlite3.connect(instance / "bosai.sqlite3")
    conn.execute(OLD_SHELTERS)
    conn.execute(OLD_MESSAGES)
    conn.executemany("INSERT INTO shelters (id, name, languages, is_open) VALUES (?, ?, '[\"ja\"]', 1)",
                     [(1, "北小学校 体育館"), (2, "ABC会館")])
    conn.executemany("INSERT INTO messages VALUES (?, 'shelter.opened', ?, '[\"ja\", \"en\"]', 'sato', ?, "
                     "'2026-09-01T00:00:00+00:00', '2026-09-01T00:00:00+00:00', NULL, 0)",
                     [(mid, json.dumps(VALUES, ensure_ascii=False), typed) for mid, typed in TYPED.items()])
    conn.commit()
    conn.close()


def test_old_database_migrates_on_db_init(tmp_path):
    instance = tmp_path / "instance"
    make_old_instance(instance)
    result = CliRunner().invoke(main, ["db", "init", "--instance", str(instance)])
    assert result.exit_code == 0, result.output
    db = open_db(instance / "bosai.sqlite3")
    assert "shelter" not in db["messages"].columns_dict
    found = {m.id: (m.shelter_id, m.area) for m in all_messages(db)}
    assert found == {"exact": (1, ""), "fullwidth": (1, ""), "spaced": (1, ""), "letters": (2, ""),
                     "unknown": (None, "駅前広場"), "area": (None, ""), "null": (None, "")}
    assert get(db, "unknown").where == "駅前広場" and get(db, "fullwidth").where == "北小学校 体育館"
    # The shelter's kiosk and pack now see its own messages and the area-wide ones alike.
    assert sorted(m.id for m in shelter_messages(db, 1)) == ["area", "exact", "fullwidth", "null", "spaced",
                                                             "unknown"]
    db.conn.close()
    again = CliRunner().invoke(main, ["db", "init", "--instance", str(instance)])  # idempotent
    assert again.exit_code == 0, again.output
    db = open_db(instance / "bosai.sqlite3")
    assert {m.id: (m.shelter_id, m.area) for m in all_messages(db)} == found
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_renaming_a_shelter_keeps_its_messages(db):
    shelter = create_shelter(db, "市民体育館")
    other = create_shelter(db, "第二小学校")
    own = publish(db, "shelter.opened", VALUES, ["ja"], "sato", shelter.id, False)
    area = publish(db, "shelter.opened", VALUES, ["ja"], "sato", None, False)
    elsewhere = publish(db, "shelter.opened", VALUES, ["ja"], "sato", other.id, False)
    gone = publish(db, "shelter.opened", VALUES, ["ja"], "sato", shelter.id, True)
    withdraw(db, gone.id)
    update_shelter(db, shelter.id, "市民体育館（本館）", "", 0, ["ja"], True)
    assert {m.id for m in shelter_messages(db, shelter.id)} == {own.id, area.id}
    assert {m.id for m in shelter_messages(db, other.id)} == {elsewhere.id, area.id}
    assert get(db, own.id).where == "市民体育館（本館）" and get(db, area.id).where == ""


def test_a_message_for_an_unknown_shelter_is_refused(db):
    with pytest.raises(ShelterError):
        publish(db, "shelter.opened", VALUES, ["ja"], "sato", 99, False)
    message = publish(db, "shelter.opened", VALUES, ["ja"], "sato", None, False)
    with pytest.raises(ShelterError):
        update(db, message.id, VALUES, ["ja"], 99, False)
    assert db["messages"].count == 1


@pytest.mark.parametrize("typed", ["၀၉:၃၀", "०९:३०", "๐๙:๓๐", "０９：３０"])
def test_native_digits_are_stored_as_ascii(db, typed):
    message = publish(db, "shelter.opened", {"place": "体育館 ３号", "time": typed}, ["ja"], "sato", None, False)
    assert get(db, message.id).values == {"place": "体育館 ３号", "time": "09:30"}  # text keeps its digits


def test_bosai_cap_reads_the_message_without_building_the_web_app(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    make_old_instance(instance)
    assert CliRunner().invoke(main, ["db", "init", "--instance", str(instance)]).exit_code == 0

    def no_app(*args, **kwargs):
        raise AssertionError("the web app was built")

    monkeypatch.setattr("app.create_app", no_app)
    monkeypatch.setenv("BOSAI_CAP_AREA", "Example City")
    result = CliRunner().invoke(main, ["cap", "fullwidth", "--instance", str(instance)])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.output.encode("utf-8"))
    assert root.findtext(f"{{{NS}}}info/{{{NS}}}area/{{{NS}}}areaDesc") == "北小学校 体育館"
    area = ET.fromstring(CliRunner().invoke(main, ["cap", "area", "--instance", str(instance)]).output.encode())
    assert area.findtext(f"{{{NS}}}info/{{{NS}}}area/{{{NS}}}areaDesc") == "Example City"
    missing = CliRunner().invoke(main, ["cap", "nosuch", "--instance", str(instance)])
    assert missing.exit_code == 1 and "no published message 'nosuch'" in missing.output
