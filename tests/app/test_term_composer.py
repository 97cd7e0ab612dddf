"""The composer with the shipped templates: a term slot that takes free text suggests its terms,
shows them translated in the preview and keeps other text in Japanese, marked 「」."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.app.conftest import csrf_token

URL = "/messages/new/evac.order_lifted"


@pytest.fixture
def app_locales(shipped_locales: Path) -> Path:
    """The app on the shipped catalogs instead of the small fixture set."""
    return shipped_locales


def preview(client, order: str) -> str:
    data = {"datetime": "2026-09-01T10:00", "area": "北町", "order": order, "languages": ["ja", "en", "ne", "zh_Hans"],
            "preview": "1", "csrf_token": csrf_token(client, URL)}
    response = client.post(URL, data=data)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_listed_terms_are_suggested_in_japanese(staff):
    html = staff.get(URL).get_data(as_text=True)
    field = re.search(r'<input[^>]*name="order"[^>]*>', html)[0]
    assert 'list="order-choices"' in field and 'type="text"' in field
    assert ('<datalist id="order-choices"><option value="高齢者等避難"><option value="避難指示">'
            '<option value="緊急安全確保"></datalist>') in html


def test_a_listed_term_is_previewed_from_each_catalog(staff):
    html = preview(staff, "避難指示")
    assert "北町に発令していた避難指示を解除しました。" in html
    assert "Evacuation Instructions" in html and "「避難指示」" not in html
    assert "सुरक्षित स्थानमा जाने निर्देशन" in html  # Nepali: its own entry for evac_info.level4


def test_other_text_is_previewed_in_japanese_marked(staff):
    html = preview(staff, "避難準備")
    assert "北町に発令していた避難準備を解除しました。" in html
    assert html.count("「避難準備」") == 3  # en, ne, zh_Hans
