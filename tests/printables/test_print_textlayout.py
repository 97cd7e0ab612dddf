"""Text layout: one regression test per DESIGN.md §5 trap, plus hostile text."""

from __future__ import annotations

import icu
import pytest
from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeFragWord

from printables.errors import TextDoesNotFit, TextError
from printables.fonts import font
from printables.pdf import Document
from printables.textlayout import CANNOT_START, TextBlock, clean, fit_text, shape
from printables_testkit import assert_fonts_embedded, text_of_pdf

THAI = "เกิดแผ่นดินไหวรุนแรง กรุณาตั้งสติและป้องกันศีรษะของคุณ ศูนย์อพยพเปิดแล้วที่โรงเรียนประถม"
MYANMAR = "ပြင်းထန်သော ငလျင် လှုပ်ခဲ့ပါသည်။ စိတ်အေးအေးထားပြီး ခေါင်းကို ကာကွယ်ပါ။"
NEPALI = "ठूलो भूकम्प गयो। शान्त रहनुहोस् र आफ्नो टाउको जोगाउनुहोस्।"


def _draw(text: str, lang: str, width: float = 300) -> bytes:
    doc = Document("t", (400, 400))
    TextBlock(text, lang).fit(width, 380, 14, 6).draw(doc.canvas, 20, 390, width)
    return doc.finish()


# --- trap: dlig turns ます into 〼 with CJK fonts ------------------------------------------

def test_dlig_trap_and_our_features() -> None:
    """ReportLab's default features (dlig on) turn ます into 〼 in a shaped CJK font; ours do not."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from printables.textlayout import SHAPING_FEATURES

    pdfmetrics.registerFont(TTFont("test-ja-shaped", str(font("ja").path)))
    word = [0, (ABag(fontName="test-ja-shaped", fontSize=10), "ます")]
    assert shapeFragWord(list(word))[1][1] == "〼"
    assert shapeFragWord(list(word), features=SHAPING_FEATURES)[1][1] == "ます"


def test_cjk_is_never_shaped_so_masu_stays() -> None:
    text, width = shape("ます", font("ja"))
    assert text == "ます" and not isinstance(text, ShapedStr)
    assert width == pytest.approx(stringWidth("ます", font("ja").name, 1))
    assert "ます" in text_of_pdf(_draw("ますます注意してください。", "ja"))


# --- trap: Thai, Myanmar and Devanagari must be shaped -----------------------------------

@pytest.mark.parametrize("lang, text", [("th", "ที่น้ำ"), ("my", "ခေါင်းကို"), ("ne", "प्राथमिक")])
def test_complex_scripts_are_shaped(lang: str, text: str) -> None:
    block = TextBlock(text, lang)
    piece = block.paragraphs[0][0].pieces[0]
    shaped, _ = shape(piece.text, piece.font)
    assert isinstance(shaped, ShapedStr)
    assert any(d.x_offset or d.y_offset for d in shaped.__shapeData__) or str(shaped) != text


def test_myanmar_reorders_glyphs() -> None:
    """Myanmar ေ is stored after the consonant but drawn before it: shaping changes the order."""
    shaped, _ = shape("ခေါ", font("my"))
    assert str(shaped) != "ခေါ"


# --- trap: never split a shaped word; break Thai and Myanmar at ICU word boundaries --------

@pytest.mark.parametrize("lang, text", [("th", THAI), ("my", MYANMAR), ("ne", NEPALI)])
@pytest.mark.parametrize("width", [60, 90, 140, 220])
def test_lines_break_only_at_icu_boundaries(lang: str, text: str, width: float) -> None:
    block = TextBlock(text, lang)
    lines = block.lines(width, 10)
    assert lines is not None
    it = icu.BreakIterator.createLineInstance(icu.Locale(lang))
    it.setText(text)
    boundaries = {0, *it}
    pos = 0
    for line in lines:
        line_text = "".join(seg.text + " " * (seg.space > 0) for seg in line.segments)
        assert pos in boundaries, f"line starts inside a word: {line_text!r}"
        pos += len(line_text)
        assert line.width * 10 <= width + 1e-6
    assert "".join(s.text for line in lines for s in line.segments) == text.replace(" ", "")


def test_a_shaped_word_wider_than_the_box_shrinks_instead_of_splitting() -> None:
    block = TextBlock("ประชาสัมพันธ์", "th")
    assert block.lines(20, 12) is None
    assert block.lines(20, 12, split_words=True) is None  # shaped words are never split
    fitted = block.fit(40, 50, 24, 4)
    assert len(fitted.lines) == 1 and fitted.size < 24
    with pytest.raises(TextDoesNotFit, match="ประชาสัมพันธ์"):
        block.fit(20, 50, 24, 12)


def test_shaped_width_is_measured() -> None:
    text = "ခေါင်းကို"
    _, shaped_width = shape(text, font("my"))
    assert shaped_width != pytest.approx(stringWidth(text, font("my").name, 1))


# --- trap: U+200B is drawn as a space ---------------------------------------------------

def test_zero_width_space_is_dropped() -> None:
    assert clean("ห้อง\u200bน้ำ") == "ห้องน้ำ"
    block = TextBlock("ห้อง\u200bน้ำ", "th")
    assert "\u200b" not in "".join(s.text for s in block.paragraphs[0])


# --- trap: kinsoku for full-width ，！？：；” ------------------------------------------------

@pytest.mark.parametrize("char", list("，！？：；”"))
def test_kinsoku_full_width_punctuation_never_starts_a_line(char: str) -> None:
    assert char in CANNOT_START
    text = ("避難所" + char) * 12
    block = TextBlock(text, "ja")
    for width in range(20, 200, 7):
        lines = block.lines(width, 10, split_words=True)
        assert lines is not None
        for line in lines[1:]:
            assert not line.segments[0].text.startswith(char), f"width {width}: line starts with {char}"


# --- trap: no font fallback inside a word: Latin digits in Thai, Myanmar, Nepali --------

@pytest.mark.parametrize("lang, text", [("th", "ห้อง12เวลา15:30น."), ("my", "အခန်း12 15:30တွင်"),
                                        ("ne", "कोठा12 15:30 बजे")])
def test_latin_digits_use_the_language_font(lang: str, text: str) -> None:
    block = TextBlock(text, lang)
    fonts_used = {p.font.name for seg in block.paragraphs[0] for p in seg.pieces}
    assert fonts_used == {block.primary.name}


def test_japanese_place_name_inside_thai_falls_back_to_the_japanese_font() -> None:
    block = TextBlock("เปิดศูนย์อพยพ (中央小学校)", "th")
    used = {p.font.name for seg in block.paragraphs[0] for p in seg.pieces}
    assert font("ja").name in used and font("th").name in used


# --- furigana -------------------------------------------------------------------------------

def test_furigana_are_kept_with_their_base_and_drawn() -> None:
    block = TextBlock("｜避難所《ひなんじょ》に いきます", "ja@easy")
    ruby = [p for seg in block.paragraphs[0] for p in seg.pieces if p.reading]
    assert ruby and ruby[0].text == "避難所" and ruby[0].reading == "ひなんじょ"
    text = text_of_pdf(_draw("｜避難所《ひなんじょ》に いきます", "ja@easy"))
    assert "ひなんじょ" in text and "避難所" in text and "《" not in text


def test_easy_japanese_breaks_only_at_spaces() -> None:
    block = TextBlock("ひなんじょに いって ください", "ja@easy")
    assert [s.text for s in block.paragraphs[0]] == ["ひなんじょに", "いって", "ください"]


# --- hostile text ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["<b>bold</b> & </para> <font name='x'>", "a < b && c > d", "&amp; &lt;"])
def test_markup_is_drawn_literally(text: str) -> None:
    data = _draw(text, "en")
    assert_fonts_embedded(data)
    assert "".join(text_of_pdf(data).split()) == "".join(text.split())


@pytest.mark.parametrize("text", ["abc\x00def", "line\x1bescape", "abc\x7f", "safe\u202eevil", "x\u2066y"])
def test_control_and_bidi_characters_are_refused(text: str) -> None:
    with pytest.raises(TextError):
        TextBlock(text, "en")


def test_emoji_is_drawn_with_the_symbol_font() -> None:
    block = TextBlock("Hello 😀", "en")
    assert [p.font.name for p in block.paragraphs[0][-1].pieces] == [font("symbols").name]
    assert not block.missing


def test_ten_thousand_characters_do_not_fit_a_small_box() -> None:
    with pytest.raises(TextDoesNotFit, match="does not fit"):
        fit_text("避難" * 5000, "ja", 200, 100, 20, 6)


def test_ten_thousand_characters_can_fill_a_page() -> None:
    layout = fit_text("word " * 2000, "en", 500, 760, 12, 3)
    assert layout.height <= 760


def test_newlines_make_lines_and_tabs_are_spaces() -> None:
    block = TextBlock("one\ttwo\nthree", "en")
    assert len(block.lines(500, 10)) == 2


# --- CJK phrases: ICU breaks Japanese between almost any two characters -------------------------

def _line_texts(block: TextBlock, width: float, size: float = 18) -> list[str]:
    lines = block.lines(width, size, split_words=True)
    assert lines is not None
    return ["".join(seg.text for seg in line.segments) for line in lines]


@pytest.mark.parametrize("text, phrases", [
    ("トイレはどこですか？", ["トイレは", "どこですか？"]),
    ("お医者さんを呼んでください", ["お医者さんを", "呼んでください"]),
    ("毛布をお願いします", ["毛布を", "お願いします"]),
    ("日本語が分かりません", ["日本語が", "分かりません"]),
    ("連絡が取れない家族はいますか", ["連絡が", "取れない", "家族は", "いますか"]),
    ("宗教や信条などで、食べられない物", ["宗教や", "信条などで、", "食べられない", "物"]),
    ("乗り場と使い方（地図）", ["乗り場と", "使い方", "（地図）"]),
])
def test_japanese_breaks_at_phrase_boundaries(text: str, phrases: list[str]) -> None:
    assert [seg.text for seg in TextBlock(text, "ja").paragraphs[0]] == phrases


def test_japanese_never_breaks_inside_a_phrase_that_fits() -> None:
    block = TextBlock("トイレはどこですか？", "ja")
    phrase = block.paragraphs[0][1].width * 18
    for width in range(int(phrase) + 1, int(phrase) * 3):
        lines = _line_texts(block, width)
        assert "どこですか？" in lines or "トイレはどこですか？" in lines, f"width {width}: {lines}"
        assert not any(line.endswith("どこで") for line in lines)


def test_a_japanese_phrase_wider_than_the_line_breaks_inside_on_its_own_line() -> None:
    block = TextBlock("トイレはどこですか？", "ja")
    lines = _line_texts(block, 18 * 4.5)
    assert lines[0] == "トイレは" and "".join(lines) == "トイレはどこですか？"
    assert block.lines(18 * 4.5, 18) is not None  # no shrinking needed: kana may always break
    for line in lines[1:]:
        assert line[0] not in CANNOT_START


@pytest.mark.parametrize("lang, text, words", [("zh_Hans", "请问厕所在哪里？", ["厕所", "哪里？"]),
                                               ("zh_Hant", "請問廁所在哪裡？", ["廁所", "哪裡？"]),
                                               ("ko", "화장실은 어디에 있습니까?", ["어디에", "있습니까?"])])
def test_chinese_words_and_korean_words_stay_whole_when_they_fit(lang: str, text: str, words: list[str]) -> None:
    block = TextBlock(text, lang)
    widest = max(seg.width for seg in block.paragraphs[0]) * 18
    for width in range(int(widest) + 1, int(widest) * 4, 5):
        lines = [line.strip() for line in _line_texts(block, width)]
        joined = "|".join(lines)
        for word in words:
            assert word in joined.replace(" ", ""), f"{lang} width {width}: {lines}"


def test_easy_japanese_phrase_too_wide_for_a_food_cell_breaks_instead_of_failing() -> None:
    block = TextBlock("｜乳《にゅう》（｜牛乳《ぎゅうにゅう》・チーズ・バター　など）", "ja@easy")
    assert block.lines(60, 8) is None  # phrases (分かち書き) stay whole unless words may split
    lines = _line_texts(block, 60, 8)
    assert len(lines) > 1 and all(not line.startswith(("・", "）")) for line in lines)
    ruby = [p.text for line in block.lines(60, 8, split_words=True) for s in line.segments for p in s.pieces
            if p.reading]
    assert ruby == ["乳", "牛乳"]  # a ruby base is never split


def test_board_text_shrinks_a_little_to_keep_japanese_phrases_whole() -> None:
    from phrasebook.languages import get_language
    from printables.stacks import Part, fit_stack

    parts = [Part("少し待ってください", get_language("ja"), 18, True),
             Part("Please wait a moment", get_language("en"), 18, True)]
    stack = fit_stack(parts, 120, 90, 6, "a board item")
    ja_lines = ["".join(s.text for s in line.segments) for line in stack.items[0][1].lines]
    assert ja_lines == ["少し", "待ってください"] or ja_lines == ["少し待ってください"]
    assert stack.items[0][0].size >= 18 * 0.7
