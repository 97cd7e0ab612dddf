import csv
import io

import pytest

from phrasebook.registrations import (
    RegistrationError, RegistrationInvalid, anonymise_closed_shelter, card_answers, create_registration, export_csv,
    get_registration,
    headcount, history, init_registrations, list_registrations, needs_summary, set_present,
    update_registration, validate,
)
from phrasebook.shelters import (
    ShelterClosed, assign_staff, create_kiosk_token, shelters_of, staff_of, create_shelter, init_shelters, kiosk_shelter, list_kiosk_tokens,
    revoke_kiosk_token, update_shelter,
)
from phrasebook.store import open_db

ANSWERS = {"name": "NGUYEN VAN A", "name_reading": "グエン", "sex": "male", "household_count": "3",
           "allergy": ["egg", "peanut"], "dietary": ["pork", "halal"], "interpreter": "yes",
           "injury": "no", "medication": "yes", "phone": "090-1234-5678"}


@pytest.fixture
def db(tmp_path):
    store = open_db(tmp_path / "bosai.sqlite3")
    init_shelters(store)
    init_registrations(store)
    yield store
    store.conn.close()


@pytest.fixture
def shelter(db):
    return create_shelter(db, "市民体育館", "1-2-3 Example", 100, ["ja", "vi", "my"])


def test_validate_keeps_good_answers_and_names_bad_ones():
    clean, errors = validate({"name": "", "age": "two hundred", "email": "nope", "sex": "robot",
                              "phone": "090-1111-2222", "allergy": ["egg", "uranium"],
                              "dietary": "pork", "unknown_field": "x", "nationality": "a\u202eb"})
    assert errors == {"name": "required", "age": "number", "email": "email", "sex": "choice",
                      "allergy": "choice", "nationality": "invalid_chars"}
    assert clean == {"phone": "090-1111-2222", "dietary": ["pork"]}


@pytest.mark.parametrize("field, value, code", [
    ("name", "x" * 201, "too_long"), ("birth_date", "2999-01-01", "date"), ("birth_date", "1.4.1990", "date"),
    ("household_count", "0", "number_range"), ("age", "၁၃၁", "number_range"), ("age", "4O", "number"),
    ("japanese_level", "<script>", "choice"), ("name", "A\u200bB", "invalid_chars"),
    ("name", "A\u200dB", "invalid_chars"), ("phone", "090-abcd", "phone"),
])
def test_bad_values(field, value, code):
    assert validate({"name": "A", field: value})[1] == {field: code}


@pytest.mark.parametrize("field, value, stored", [
    ("age", "၃၄", 34), ("age", "३४", 34), ("age", "๓๔", 34), ("age", "３４", 34),
    ("household_count", "၃", 3), ("phone", "၀၉၀-၁၂၃၄-၅၆၇၈", "090-1234-5678"),
    ("phone", "０９０ー１２３４ー５６７８", "090-1234-5678"), ("phone", "०९०-१२३४-५६७८", "090-1234-5678"),
    ("phone", "๐๙๐ ๑๒๓๔ ๕๖๗๘", "090 1234 5678"), ("birth_date", "၁၉၉၀-၀၄-၀၁", "1990-04-01"),
    ("birth_date", "１９９０－０４－０１", "1990-04-01"), ("name", "रमेश\u200dकुमार", "रमेश\u200dकुमार"),
])
def test_native_digits_are_accepted_and_stored_as_ascii(field, value, stored):
    clean, errors = validate({"name": "A", field: value})
    assert errors == {} and clean[field] == stored


def test_staff_fields_are_not_accepted_from_the_kiosk():
    clean, _ = validate({"name": "A", "registration_number": "999", "check_out": "2026-01-01"})
    assert clean == {"name": "A"}


def test_create_list_and_history(db, shelter):
    created = create_registration(db, shelter.id, "vi", ANSWERS)
    assert created.number == f"{shelter.id}-00001" and created.answers["allergy"] == ["egg", "peanut"]
    [reg] = list_registrations(db, shelter.id, query="nguyen")
    assert reg.answers["household_count"] == 3 and reg.lang == "vi" and reg.present
    assert headcount(db, shelter.id) == (3, 100)
    set_present(db, reg.id, [shelter.id], False, "staff1", destination="親戚の家")
    assert headcount(db, shelter.id) == (0, 100)
    set_present(db, reg.id, [shelter.id], True, "staff1")
    assert [e["kind"] for e in history(db, reg.id, [shelter.id])] == ["check_in", "check_out", "check_in"]


def test_invalid_registration_is_not_stored(db, shelter):
    with pytest.raises(RegistrationInvalid, match="required") as refused:
        create_registration(db, shelter.id, "en", {"age": "30"})
    assert refused.value.errors == {"name": "required"} and refused.value.clean == {"age": 30}
    assert db["registrations"].count == 0


def test_staff_of_other_shelters_cannot_read(db, shelter):
    other = create_shelter(db, "第二小学校")
    create_registration(db, shelter.id, "en", {"name": "A"})
    reg_id = db["registrations"].count
    with pytest.raises(RegistrationError):
        get_registration(db, reg_id, [other.id])
    assert get_registration(db, reg_id, [shelter.id]).answers == {"name": "A"}


def test_edit_is_validated_and_logged(db, shelter):
    create_registration(db, shelter.id, "en", {"name": "A"})
    assert update_registration(db, 1, [shelter.id], {"name": "A", "age": "x"}, "staff1") == {"age": "number"}
    assert update_registration(db, 1, [shelter.id], {"name": "A", "age": "40", "check_in": "2026-09-01"}, "staff1") == {}
    assert get_registration(db, 1, None).answers == {"name": "A", "age": 40, "check_in": "2026-09-01"}
    assert history(db, 1, None)[-1]["kind"] == "edit"


def test_needs_summary(db, shelter):
    create_registration(db, shelter.id, "my", ANSWERS)
    create_registration(db, shelter.id, "ne", {"name": "B", "allergy": ["egg"], "pregnancy": "yes"})
    needs = needs_summary(db, shelter.id)
    assert needs["allergy:egg"] == 2 and needs["dietary:halal"] == 1 and needs["interpreter:my"] == 1
    assert needs["medical"] == 1 and needs["pregnancy"] == 1
    assert [r.answers["name"] for r in list_registrations(db, shelter.id, need="dietary:halal")] == ["NGUYEN VAN A"]


def test_csv_for_excel(db, shelter):
    create_registration(db, shelter.id, "vi", dict(ANSWERS, name="=HYPERLINK(\"http://evil\")"))
    data = export_csv(db, shelter.id)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, row = rows
    assert header[:4] == ["受付番号", "言語", "登録日時", "退所日時"] and "氏名" in header
    assert row[header.index("氏名")].startswith("'=")
    assert row[header.index("言語")] == "ベトナム語"
    assert row[header.index("食物アレルギーはありますか")] == "卵・落花生（ピーナッツ）"


def test_csv_columns_are_unique_and_times_are_local(db, shelter):
    reg = create_registration(db, shelter.id, "en", {"name": "Jane", "email": "jane@example.com",
                                                   "emergency_contact_name": "John", "emergency_contact_email": "john@example.com"})
    db["registrations"].update(reg.id, {"created_at": "2026-11-25T23:30:05+00:00"})
    set_present(db, reg.id, None, False, "staff")
    db["registrations"].update(reg.id, {"checked_out_at": "2026-11-26T01:02:00+00:00"})
    header, row = list(csv.reader(io.StringIO(export_csv(db, shelter.id, "Asia/Tokyo").decode("utf-8-sig"))))
    assert len(header) == len(set(header))
    assert row[header.index("氏名")] == "Jane" and row[header.index("海外の緊急連絡先：氏名")] == "John"
    assert row[header.index("メールアドレス")] == "jane@example.com"
    assert row[header.index("海外の緊急連絡先：メールアドレス")] == "john@example.com"
    assert row[header.index("登録日時")] == "2026-11-26 08:30"  # Japan time, the day after in UTC
    assert row[header.index("退所日時")] == "2026-11-26 10:02"
    utc = dict(zip(*list(csv.reader(io.StringIO(export_csv(db, shelter.id, "UTC").decode("utf-8-sig"))))))
    assert utc["登録日時"] == "2026-11-25 23:30"


def test_card_answers_fill_the_staff_box_from_the_record(db, shelter):
    reg = create_registration(db, shelter.id, "en", {"name": "Jane"})
    db["registrations"].update(reg.id, {"created_at": "2026-11-25T16:00:00+00:00"})
    reg = get_registration(db, reg.id, None)
    assert card_answers(reg, "市民体育館", "Asia/Tokyo") == {
        "shelter_name": "市民体育館", "check_in": "2026-11-26", "name": "Jane", "registration_number": reg.number}
    set_present(db, reg.id, None, False, "staff")
    typed = create_registration(db, shelter.id, "en", {"name": "A", "check_in": "2026-11-20", "shelter_name": "旧館"},
                                source="staff", actor="staff")
    assert get_registration(db, reg.id, None).checked_out_at
    assert "check_out" in card_answers(get_registration(db, reg.id, None), "市民体育館", "Asia/Tokyo")
    assert card_answers(typed, "市民体育館", "Asia/Tokyo")["check_in"] == "2026-11-20"  # what staff typed wins
    assert card_answers(typed, "市民体育館", "Asia/Tokyo")["shelter_name"] == "旧館"


def test_anonymise_only_closed_shelters(db, shelter):
    create_registration(db, shelter.id, "vi", ANSWERS)
    with pytest.raises(ValueError, match="close the shelter"):
        anonymise_closed_shelter(db, shelter.id, "admin")
    update_shelter(db, shelter.id, shelter.name, shelter.address, 100, ["ja"], is_open=False)
    assert anonymise_closed_shelter(db, shelter.id, "admin") == 1
    reg = get_registration(db, 1, None)
    assert reg.answers == {"household_count": 3} and reg.anonymised_at
    assert "NGUYEN" not in export_csv(db, shelter.id).decode("utf-8-sig")
    with pytest.raises(ShelterClosed, match="closed") as closed:
        create_registration(db, shelter.id, "en", {"name": "late"})
    assert closed.value.shelter.id == shelter.id


def test_staff_assignment(db, shelter):
    other = create_shelter(db, "第二小学校")
    assign_staff(db, shelter.id, [7, 8])
    assign_staff(db, other.id, [8])
    assert shelters_of(db, 8) == [shelter.id, other.id] and shelters_of(db, 7) == [shelter.id]
    assign_staff(db, shelter.id, [])
    assert shelters_of(db, 7) == [] and staff_of(db, other.id) == [8]


def test_kiosk_tokens(db, shelter):
    token = create_kiosk_token(db, shelter.id, "entrance tablet")
    assert kiosk_shelter(db, token) == shelter.id
    assert kiosk_shelter(db, token + "x") is None and kiosk_shelter(db, "") is None
    [row] = list_kiosk_tokens(db, shelter.id)
    assert token not in str(row)
    revoke_kiosk_token(db, row["token_hash"])
    assert kiosk_shelter(db, token) is None
