"""The municipality overview at ``/overview``: every shelter's people and needs, totals, CSV."""

from __future__ import annotations

import csv
import io

from tests.app.test_shelters_kiosk import kiosk_client, real_app, register, staff_client  # noqa: F401


def test_overview_shows_each_shelters_needs_and_totals(real_app):
    register(kiosk_client(real_app, 1), lang="my", name="Aung", household_count="2", allergy=["egg"],
             interpreter="yes")
    register(kiosk_client(real_app, 1), lang="vi", name="Nguyen", household_count="3", dietary=["halal"])
    register(kiosk_client(real_app, 2), lang="my", name="Su", household_count="1", allergy=["egg"],
             interpreter="yes", pregnancy="yes")
    admin = staff_client(real_app, "admin")
    page = admin.get("/overview").get_data(as_text=True)
    assert "市民体育館" in page and "第二小学校" in page
    assert "5 / 50" in page and "1 / 30" in page and "6 / 80" in page  # households counted, totals
    assert "通訳：ミャンマー語: 2" in page or "ミャンマー語: 2" in page  # interpreter need, staff language
    assert "ミャンマー語: 3" in page  # people present in Myanmar across both shelters
    assert "妊娠" in page and "ハラール" in page and "卵" in page
    assert "my:" not in page and "interpreter:" not in page  # no raw ids


def test_overview_csv_has_one_row_per_shelter_and_totals(real_app):
    register(kiosk_client(real_app, 1), lang="my", name="Aung", household_count="2", allergy=["egg"])
    register(kiosk_client(real_app, 2), lang="ne", name="=cmd|' /C calc'!A0", household_count="4")
    data = staff_client(real_app, "admin").get("/overview.csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    header, first, second, total = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(header) == len(set(header))
    people = header.index("在所者数")
    assert (first[0], first[people]) == ("市民体育館", "2")
    assert (second[0], second[people]) == ("第二小学校", "4")
    assert (total[0], total[people]) == ("合計", "6")
    assert total[header.index("言語: ネパール語")] == "4"


def test_overview_is_for_the_whole_area_only(real_app):
    assert staff_client(real_app, "staff").get("/overview").status_code == 403
    assert staff_client(real_app, "translator").get("/overview.csv").status_code == 403
    assert real_app.test_client().get("/overview").status_code == 302
    assert kiosk_client(real_app, 1).get("/overview").status_code in (302, 403)
