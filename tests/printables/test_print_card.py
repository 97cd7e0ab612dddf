"""The registration card with the real phrasebook: a page budget for every language (two A4 sheets
printed double-sided), sizes for handwriting, page numbers and filled answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from phrasebook.card import sections
from printables.card import RegistrationCard, card_pdf
from printables_testkit import ALL_CODES, assert_fonts_embedded, check_inside_page, text_of_pdf

REAL_LOCALES = Path(__file__).resolve().parents[2] / "locales"
# pages of the bilingual card; 4 pages are two sheets printed double-sided
PAGE_BUDGET = {"ja": 3, "zh_Hans": 3, "zh_Hant": 3}
MAX_PAGES = 4


@pytest.fixture(autouse=True)
def real_phrasebook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOSAI_LOCALES", str(REAL_LOCALES))


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("code", ALL_CODES)
def test_card_keeps_its_page_budget(code: str) -> None:
    data = card_pdf(code)
    pages = _pages(data)
    assert pages <= PAGE_BUDGET.get(code, MAX_PAGES), f"{code} card has {pages} pages"
    text = "".join(text_of_pdf(data).split())
    assert f"{pages}/{pages}" in text  # page numbers
    check_inside_page(data)


def test_card_keeps_sizes_for_handwriting_and_reading() -> None:
    card = RegistrationCard
    assert card.LINE_BOX >= 8 and card.AREA_BOX >= 15
    assert card.BOX >= 4
    assert min(card.HELP_PT, card.TEXT_PT, card.LABEL_PT) >= 7


def test_two_short_fields_share_a_row_and_the_staff_section_is_one_framed_block() -> None:
    card = RegistrationCard("en")
    by_key = {section.key: section for section in sections()}
    identity = by_key["identity"].fields
    assert len(card._rows(list(identity))) < len(identity)  # birth date and age share a row
    assert len(card._section(by_key["stay"])) == 1  # framed and never split across pages


def test_filled_card_draws_answers_and_ticks_on_the_same_pages(tmp_path: Path) -> None:
    answers = {"name": "Nguyễn Thị Lan", "sex": "female", "age": "34", "nationality": "Việt Nam",
               "address": "Chuo 1-2-3, Sendai", "reason": ["house_damaged", "anxious"], "injury": True,
               "injury_detail": "left arm", "allergy": ["egg", "food.wheat"], "dietary": ["pork"],
               "japanese_level": "basic", "embassy_contact": False, "registration_number": "A-017"}
    blank = card_pdf("vi")
    filled = card_pdf("vi", answers)
    assert _pages(filled) == _pages(blank)
    assert_fonts_embedded(filled)
    text = text_of_pdf(filled)
    for value in ("Nguyễn Thị Lan", "Việt Nam", "left arm", "A-017"):
        assert value in text
    assert len(filled) > len(blank)
