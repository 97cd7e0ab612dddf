"""Every printable: pages, sizes, embedded fonts, text, nothing outside the page, not blank."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from phrasebook.errors import SlotError, UnknownLanguage, UnknownTemplate
from phrasebook.render import MissingTranslation
from printables.boards import board_pdf
from printables.card import card_pdf
from printables.errors import LayoutError, TextDoesNotFit, TextError
from printables.gallery import pictograms_pdf
from printables.sheet import message_sheet_pdf, qr_matrix
from printables.signs import sign_pack_pdf
from printables.specimen import specimen_pdf
from printables_testkit import ALL_CODES, assert_fonts_embedded, check_inside_page, page_sizes_mm, png_ink, text_of_pdf

FURTHER = [c for c in ALL_CODES if c != "ja"]
PLACE = {"ja": "中央小学校", "en": "Chuo Elementary School"}


def check_pdf(data: bytes, tmp_path: Path, pages: int | None = None) -> None:
    assert data.startswith(b"%PDF")
    if pages is not None:
        assert len(PdfReader(io.BytesIO(data)).pages) == pages
    assert_fonts_embedded(data)
    check_inside_page(data)
    assert png_ink(data) > 0.005, "page renders blank"


# --- signs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("paper, orientation, size", [("A4", "portrait", (210, 297)), ("A4", "landscape", (297, 210)),
                                                      ("A3", "portrait", (297, 420)), ("A3", "landscape", (420, 297))])
def test_sign_pack_pages_and_sizes(paper, orientation, size, tmp_path: Path) -> None:
    data = sign_pack_pdf(["sign.toilet", "no_smoking", "sign.emergency_exit"], ["en", "th"], paper, orientation)
    check_pdf(data, tmp_path, pages=3)
    assert set(page_sizes_mm(data)) == {size}


@pytest.mark.parametrize("count", [1, 2, 5, 8, 15])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_sign_with_1_to_15_languages(count: int, orientation: str, tmp_path: Path) -> None:
    data = sign_pack_pdf(["sign.emergency_exit"], FURTHER[:count], "A4", orientation)
    check_pdf(data, tmp_path, pages=1)


@pytest.mark.parametrize("code", FURTHER)
def test_sign_in_each_language(code: str, tmp_path: Path) -> None:
    data = sign_pack_pdf(["sign.no_smoking"], [code])
    check_pdf(data, tmp_path, pages=1)
    assert "禁煙" in text_of_pdf(data)


def test_sign_text_is_extractable_for_latin() -> None:
    text = text_of_pdf(sign_pack_pdf(["sign.toilet"], ["en", "fr", "ru"]))
    for word in ("トイレ", "Toilet", "Toilettes", "Туалет"):
        assert word in text


def test_sign_errors() -> None:
    with pytest.raises(UnknownTemplate):
        sign_pack_pdf(["sign.nope"], ["en"])
    with pytest.raises(UnknownLanguage):
        sign_pack_pdf(["sign.toilet"], ["xx"])
    with pytest.raises(LayoutError, match="not a sign"):
        sign_pack_pdf(["board.water"], ["en"])
    with pytest.raises(LayoutError, match="paper"):
        sign_pack_pdf(["sign.toilet"], ["en"], paper="B5")
    with pytest.raises(LayoutError):
        sign_pack_pdf([], ["en"])


def test_sign_needs_a_usable_translation(locales_root: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil
    root = tmp_path / "loc"
    shutil.copytree(locales_root, root)
    po = root / "th" / "LC_MESSAGES" / "bosai.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "ห้องน้ำ"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.setenv("BOSAI_LOCALES", str(root))
    with pytest.raises(MissingTranslation, match="sign.toilet"):
        sign_pack_pdf(["sign.toilet"], ["th"])


# --- card --------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ALL_CODES)
def test_blank_card_in_every_language(code: str, tmp_path: Path) -> None:
    data = card_pdf(code)
    check_pdf(data, tmp_path)
    assert set(page_sizes_mm(data)) == {(210, 297)}
    assert "避難者登録カード" in text_of_pdf(data)


def test_filled_card_shows_answers(tmp_path: Path) -> None:
    data = card_pdf("en", {"name": "Maria <Santos> & </para>", "sex": "female", "allergy": ["egg"]})
    check_pdf(data, tmp_path)
    assert "Maria <Santos> & </para>" in text_of_pdf(data)
    assert len(data) > len(card_pdf("en"))  # the tick marks and the name


def test_card_refuses_bidi_overrides() -> None:
    with pytest.raises(TextError):
        card_pdf("en", {"name": "evil\u202etxt.exe"})


def test_card_prints_a_huge_answer_whole_over_pages(tmp_path: Path) -> None:
    """Far beyond what the form accepts: the box grows and continues; nothing is cut."""
    data = card_pdf("en", {"name": "x" * 10_000})
    check_pdf(data, tmp_path)
    text = text_of_pdf(data)
    assert text.count("x") >= 10_000
    assert len(page_sizes_mm(data)) > len(page_sizes_mm(card_pdf("en")))


# --- QR message sheet ------------------------------------------------------------------------------

def test_sheet_in_all_languages(tmp_path: Path) -> None:
    data = message_sheet_pdf("shelter.opened", {"place": PLACE, "time": "15:30"}, ALL_CODES,
                             "https://bosai.example.jp/")
    check_pdf(data, tmp_path)
    text = text_of_pdf(data)
    assert "https://bosai.example.jp/m/shelter.opened/en" in "".join(text.split())
    assert "Chuo Elementary School" in text


def test_sheet_qr_codes_are_big_enough_with_error_correction_m() -> None:
    from printables.sheet import QR_MIN_MM, MessageSheet
    assert MessageSheet.QR >= QR_MIN_MM
    matrix = qr_matrix("https://bosai.example.jp/m/x/en")
    assert len(matrix) >= 21 + 8


def test_sheet_embed_text_and_message_id(tmp_path: Path) -> None:
    data = message_sheet_pdf("quake.strong_shaking", None, ["th", "my", "ne"], "https://b.example",
                             message_id="m42", embed_text=True)
    check_pdf(data, tmp_path, pages=1)
    assert "https://b.example/m/m42/ne" in "".join(text_of_pdf(data).split())


def test_sheet_errors() -> None:
    with pytest.raises(SlotError):
        message_sheet_pdf("shelter.opened", {"place": "x"}, ["en"], "https://b.example")
    with pytest.raises(SlotError):
        message_sheet_pdf("shelter.opened", {"place": "a\x00b", "time": "15:00"}, ["en"], "https://b.example")
    with pytest.raises(LayoutError, match="base URL"):
        message_sheet_pdf("quake.strong_shaking", None, ["en"], "javascript:alert(1)")
    with pytest.raises(LayoutError, match="QR"):
        qr_matrix("x" * 10_000)


# --- boards, gallery, specimen ----------------------------------------------------------------------

@pytest.mark.parametrize("board", ["common", "staff", "evacuee"])
@pytest.mark.parametrize("code", ["ja", "en", "th", "my", "ne", "zh_Hant", "ja@easy"])
def test_boards(board: str, code: str, tmp_path: Path) -> None:
    data = board_pdf(board, code)
    check_pdf(data, tmp_path)
    assert set(page_sizes_mm(data)) == {(297, 210)}


def test_unknown_board() -> None:
    with pytest.raises(LayoutError, match="board"):
        board_pdf("kitchen", "en")


def test_pictogram_gallery(tmp_path: Path) -> None:
    data = pictograms_pdf()
    check_pdf(data, tmp_path)
    assert "toilet_accessible" in text_of_pdf(data)


def test_specimen_has_one_page_per_variant(tmp_path: Path) -> None:
    data = specimen_pdf()
    check_pdf(data, tmp_path, pages=16)
    for page in (1, 9, 13, 14):
        assert png_ink(data, page) > 0.005
