"""The composer with the shipped JMA templates: a ``term:`` slot is a choice of translated terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.app.conftest import csrf_token

URL = "/messages/new/jma.quake.areas"


@pytest.fixture
def app_locales(shipped_locales: Path) -> Path:
    """The app on the shipped catalogs instead of the small fixture set."""
    return shipped_locales


def post(client, **fields):
    data = {"areas": "宮城県北部", "areas__en": "Miyagi Ken Hokubu", "languages": ["ja", "en", "ko"],
            "preview": "1", **fields, "csrf_token": csrf_token(client, URL)}
    return client.post(URL, data=data)


def test_intensity_is_chosen_from_the_terms(staff):
    html = staff.get(URL).get_data(as_text=True)
    select = re.search(r'<select[^>]*name="intensity".*?</select>', html, re.S)[0]
    options = re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options == [("", "—"), ("1", "震度1"), ("2", "震度2"), ("3", "震度3"), ("4", "震度4"),
                       ("5-", "震度5弱"), ("5+", "震度5強"), ("6-", "震度6弱"), ("6+", "震度6強"), ("7", "震度7")]


def test_preview_shows_the_term_in_each_language(staff):
    html = post(staff, intensity="6+").get_data(as_text=True)
    assert "震度6強を観測した地域は、宮城県北部です。" in html
    assert "Areas where Seismic Intensity 6 Upper was observed: Miyagi Ken Hokubu (宮城県北部)." in html
    assert "진도 6강의 흔들림이 관측된 지역은" in html


def test_an_unknown_term_is_refused_in_the_staff_language(staff):
    response = post(staff, intensity="8")
    assert response.status_code == 200
    assert "一覧から選んでください。" in response.get_data(as_text=True)
