"""Font fallback, right-to-left order, placeholders and text that grows: whatever is accepted prints."""

from __future__ import annotations

import pytest
from printables import notices
from printables.fonts import font
from printables.pdf import Document
from printables.textlayout import PLACEHOLDER, TextBlock
from printables_testkit import assert_fonts_embedded, fonts_of, text_of_pdf
from tests.pixels import render

# a name in each script beyond our 16 variants, the registry key of the font that must draw it
NAMES = {
    "bengali": ("রহিম উদ্দিন", "bn"), "sinhala": ("සුනිල් පෙරේරා", "si"), "arabic": ("محمد علي", "ar"),
    "urdu": ("احمد رضا خان", "ar"), "amharic": ("አበበ ቢቂላ", "am"), "khmer": ("សុខ ចាន់", "km"),
    "lao": ("ສົມພອນ ແກ້ວ", "lo"), "mongolian": ("ᠪᠠᠲᠤ ᠪᠣᠯᠣᠳ", "mn"), "kanji": ("𠮷田 太郎", "han_ext"),
    "emoji": ("Maria 😀", "symbols"),
}


class Recorder:
    """A canvas stand-in that records what ``Layout.draw`` draws."""

    def __init__(self) -> None:
        self.drawn: list[tuple[str, float, str]] = []
        self.font = ""

    def setFont(self, name: str, size: float) -> None:  # noqa: N802 - ReportLab's name
        self.font = name

    def setFillColor(self, colour: object) -> None:  # noqa: N802
        pass

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self.drawn.append((self.font, x, str(text)))


def _draw(text: str, lang: str, width: float = 300) -> bytes:
    doc = Document("t", (400, 200))
    TextBlock(text, lang).fit(width, 180, 14, 6, grow=True).draw(doc.canvas, 20, 190, width)
    return doc.finish()


@pytest.mark.parametrize("lang", ["en", "my", "ja"])
@pytest.mark.parametrize("script", NAMES)
def test_names_in_other_scripts_print_in_their_font(script: str, lang: str) -> None:
    text, key = NAMES[script]
    with notices.collect() as warnings:
        data = _draw(text, lang)
    assert warnings == []
    assert_fonts_embedded(data)
    stem = font(key).path.stem.split("-")[0].split("_")[0]
    assert any(stem.lower() in name.lower() for name, _ in fonts_of(data)), (stem, fonts_of(data))
    assert render(data).ink() > 30
    assert PLACEHOLDER not in text_of_pdf(data)


def test_right_to_left_words_are_drawn_right_to_left() -> None:
    """In an Arabic sentence the first word is drawn rightmost, each word's joined letters in
    visual order (final form first); a Latin word inside keeps its own order."""
    canvas = Recorder()
    TextBlock("مرحبا Ali علي", "en").layout(400, 10).draw(canvas, 0, 100, 400)
    runs = [(name, text.strip()) for name, _, text in sorted(canvas.drawn, key=lambda d: d[1]) if text.strip()]
    assert runs == [(font("ar").name, "\ufef2\ufee0\ufecb"), (font("latin").name, "Ali"),
                    (font("ar").name, "\ufe8e\ufe92\ufea3\ufeae\ufee3")]


def test_an_arabic_name_follows_latin_words_in_a_latin_sentence() -> None:
    canvas = Recorder()
    TextBlock("Name: محمد", "en").layout(400, 10).draw(canvas, 0, 100, 400)
    assert [(name, text) for name, _, text in canvas.drawn] == [(font("latin").name, "Name: "),
                                                              (font("ar").name, "\ufeaa\ufee4\ufea4\ufee3")]


def test_a_right_to_left_line_starts_at_the_right_in_a_left_aligned_box() -> None:
    canvas = Recorder()
    layout = TextBlock("محمد علي", "en").layout(400, 10)
    layout.draw(canvas, 0, 100, 400)
    assert min(x for _, x, _ in canvas.drawn) == pytest.approx(400 - layout.width)
    canvas = Recorder()
    TextBlock("Ali محمد", "en").layout(400, 10).draw(canvas, 0, 100, 400)
    assert min(x for _, x, _ in canvas.drawn) == 0


def test_arabic_is_shaped_and_reordered_in_the_pdf() -> None:
    data = _draw("محمد", "en")
    glyphs = text_of_pdf(data).strip()
    assert glyphs and glyphs != "محمد"  # joined presentation forms in visual order, not the logical letters


def test_a_character_no_font_has_is_a_placeholder_and_a_warning() -> None:
    with notices.collect() as warnings:
        block = TextBlock("Ab\U000f0001c", "en")
        data = _draw("Ab\U000f0001c", "en")
    assert block.missing == {"\U000f0001"}
    assert warnings == ["no installed font has U+F0001 (unnamed): drawn as a placeholder (U+FFFD)"]
    assert PLACEHOLDER in text_of_pdf(data)


def test_warnings_never_hold_the_text() -> None:
    with notices.collect() as warnings:
        TextBlock("Secret Name \U000f0002", "en")
    assert warnings and "Secret" not in warnings[0]


def test_a_long_shaped_word_breaks_rather_than_fail() -> None:
    """A 150-letter Latin name in the Myanmar font (shaped) is wider than any line at the floor size."""
    layout = TextBlock("A" * 150, "my").fit(100, 10, 11, 5, grow=True)
    assert layout.size == 5 and len(layout.lines) > 3
    assert "".join(p.text for line in layout.lines for s in line.segments for p in s.pieces) == "A" * 150


def test_grow_keeps_every_character_of_a_thousand() -> None:
    text = "ငလျင် " * 170
    layout = TextBlock(text, "my").fit(200, 20, 11, 6, grow=True)
    drawn = "".join(p.text + s.trailing for line in layout.lines for s in line.segments for p in s.pieces)
    assert drawn.split() == text.split()


def test_a_ruby_phrase_wider_than_the_line_keeps_its_reading() -> None:
    layout = TextBlock("｜避難所避難所避難所《ひなんじょひなんじょひなんじょ》", "ja@easy").fit(20, 10, 11, 6, grow=True)
    assert any(p.reading for line in layout.lines for s in line.segments for p in s.pieces)


@pytest.mark.parametrize("char", ["\u200e", "\u200f", "\u061c"])
def test_bidi_marks_are_dropped(char: str) -> None:
    assert TextBlock(f"a{char}b", "en").text == "ab"


def test_line_separators_start_new_lines() -> None:
    assert len(TextBlock("a\u2028b\u2029c", "en").layout(300, 10).lines) == 3


def test_fallback_fonts_are_embedded_subsets() -> None:
    data = _draw("𠮷田 😀 রহিম", "ja")
    assert all(embedded for _, embedded in fonts_of(data))
    assert len(data) < 200_000  # subsets, not whole fonts (IPAmj Mincho is 50 MB)


def test_punctuation_stays_in_the_font_of_the_text_around_it() -> None:
    """The Arabic comma and question mark belong to no script of their own (so no script font
    claims them); in an English text they are drawn with the Arabic letters around them."""
    pieces = [p for s in TextBlock("محمد، علي؟", "en").paragraphs[0] for p in s.pieces]
    assert {p.font.name for p in pieces} == {font("ar").name}
