"""The place registry as CSV: ``bosai places export`` and ``import`` give back what was registered,
and a bad file changes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from app.audit import entries
from app.cli import main
from app.db import get_db
from app.cli.common import instance_db
from phrasebook.places import (PlaceError, create_place, import_places_csv, init_places, list_places,
                               places_csv)
from tests.app.conftest import csrf_token
from tests.app.test_places import names


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_export_then_import_into_another_instance_gives_the_same_registry(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    db = instance_db(first)
    create_place(db, "shelter", "市民体育館", names={"en": "City Gym", "vi": "Nhà thi đấu"})
    create_place(db, "distribution", "北部公民館", romaji="Hokubu Community Hall")
    create_place(db, "landmark", "駅前広場, \"東口\"")  # a comma and quotes in the name
    create_place(db, "landmark", "=HYPERLINK(\"x\")広場", romaji="-Hiroba")  # never a formula in a spreadsheet
    exported = tmp_path / "places.csv"
    assert run("places", "export", "-o", str(exported), "--instance", str(first)).exit_code == 0
    assert "\nlandmark,\"'=HYPERLINK(\"\"x\"\")広場\",'-Hiroba," in exported.read_text(encoding="utf-8")
    result = run("places", "import", str(exported), "--instance", str(second))
    assert result.exit_code == 0 and result.output == "4 places added, 0 updated\n"
    assert run("places", "export", "--instance", str(second)).output == exported.read_text(encoding="utf-8")
    assert [(p.kind, p.ja, p.romaji, p.names) for p in list_places(instance_db(second))] == \
        [(p.kind, p.ja, p.romaji, p.names) for p in list_places(db)]
    again = run("places", "import", str(exported), "--instance", str(second))
    assert again.output == "0 places added, 4 updated\n"


def test_a_bad_line_names_itself_and_nothing_changes(tmp_path: Path):
    instance = tmp_path / "instance"
    create_place(instance_db(instance), "landmark", "駅前広場")
    before = places_csv(instance_db(instance))
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,ja,romaji\nlandmark,新しい公園,\nvolcano,火口,\nlandmark,第二公園,第二\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", "import", str(bad), "--instance", str(instance)])
    assert result.exit_code == 1
    assert "line 3: unknown kind 'volcano'" in result.output and "line 4: the romaji reading must be in Latin" in result.output
    assert places_csv(instance_db(instance)) == before  # 新しい公園 (line 2) was not added either
    headless = tmp_path / "headless.csv"
    headless.write_text("新しい公園\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", "import", str(headless), "--instance", str(instance)])
    assert result.exit_code == 1 and "no header line" in result.output


@settings(max_examples=40, deadline=None)
@given(name=names | st.builds("".join, st.lists(st.sampled_from("=+-@'公園"), min_size=1, max_size=6)),
       english=st.text(st.characters(codec="utf-8"), max_size=20))
def test_any_registered_place_comes_back_from_its_csv(name: str, english: str):
    db = sqlite_utils.Database(memory=True)
    init_places(db)
    try:
        place = create_place(db, "landmark", name, names={"en": english})
    except PlaceError:
        return
    other = sqlite_utils.Database(memory=True)
    init_places(other)
    assert import_places_csv(other, places_csv(db)) == (1, 0)
    [back] = list_places(other)
    assert (back.kind, back.ja, back.romaji, back.kana, back.names) == \
        (place.kind, place.ja, place.romaji, place.kana, place.names)


def upload(client, data: bytes):
    token = csrf_token(client, "/places/")
    return client.post("/places/import", content_type="multipart/form-data",
                       data={"csrf_token": token, "places": (io.BytesIO(data), "places.csv"), "upload": "1"})


def test_staff_download_the_list_and_the_area_roles_import_it(app, as_role):
    coordinator, staff = as_role("coordinator"), as_role("staff")
    good = "kind,ja,romaji,en\nshelter,市民体育館,,City Gym\ndistribution,北部公民館,Hokubu Kominkan,\n".encode()
    response = upload(coordinator, good)
    assert response.status_code == 302
    listed = coordinator.get("/places/").get_data(as_text=True)
    assert "2件の場所を追加し、0件を更新しました。" in listed and "Shimin Taiikukan" in listed
    assert "<title>場所 · bosai-kit</title>" in listed and listed.count("ファイルから場所を取り込む") == 1
    download = staff.get("/places/places.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert "shelter,市民体育館,Shimin Taiikukan,しみんたいいくかん,City Gym" in download.get_data(as_text=True)
    assert upload(staff, good).status_code == 403

    before = download.get_data(as_text=True)
    refused = upload(coordinator, "ja,romaji\n新しい公園,\n第二公園,第二\n".encode())
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "何も変更していません" in html
    assert "3行目：読みはローマ字で入力してください" in html
    assert staff.get("/places/places.csv").get_data(as_text=True) == before
    assert upload(coordinator, "ja\n".encode("utf-16")).status_code == 400
    with app.app_context():
        assert [e for e in entries(get_db()) if e.action == "place_import"]
