"""The font registry: every key loads, overrides work, a missing font names what to install, the
fallback finds a font for the scripts people in Japan write, and the ReportLab adapter works."""

from __future__ import annotations

import pytest

from phrasebook.languages import LANGUAGES
from printables import fonts, rlcompat
from printables.errors import FontMissing


LANGUAGE_KEYS = sorted({lang.font for lang in LANGUAGES.values()})
# a character of each script the fallback must cover, and the key whose font draws it
SCRIPT_SAMPLES = {"আ": "bn", "ස": "si", "ع": "ar", "ے": "ar", "አ": "am", "ខ": "km", "ລ": "lo", "ᠮ": "mn",
                  "த": "ta", "ש": "he", "ქ": "ka", "𠮷": "han_ext", "😀": "symbols", "☎": None, "،": "ar"}


@pytest.mark.parametrize("key", LANGUAGE_KEYS)
@pytest.mark.parametrize("bold", [False, True])
def test_every_language_font_loads_with_latin_digits(key: str, bold: bool) -> None:
    face = fonts.font(key, bold)
    assert all(face.covers(d) for d in "0123456789")


@pytest.mark.parametrize("key", sorted(set(fonts.SPECS) - set(LANGUAGE_KEYS)))
def test_every_fallback_font_loads(key: str) -> None:
    face = fonts.font(key)
    assert face.covers(" ") and len(face.cmap) > 50


def test_script_table_names_known_keys() -> None:
    assert set(fonts.SCRIPT_FONTS.values()) | set(fonts.FALLBACK_ORDER) <= set(fonts.SPECS)


@pytest.mark.parametrize("char, key", SCRIPT_SAMPLES.items())
def test_fallback_finds_the_script_font(char: str, key: str | None) -> None:
    found = fonts.fallback(char)
    assert found is not None and found.covers(char)
    if key:
        assert found.name == fonts.font(key).name


def test_no_font_for_a_private_use_character() -> None:
    assert fonts.fallback("\U000f0000") is None


def test_reportlab_adapter() -> None:
    face = fonts.font("th")
    assert rlcompat.charmap(face.name)[ord("ก")]
    ascent, descent = rlcompat.vertical_metrics(face.name)
    assert 0.5 < ascent < 1.5 and 0 < descent < 1
    drawn, width = rlcompat.shaped("ที่น้ำ", face.name)
    assert width > 0 and len(drawn.__shapeData__) == len(drawn)


def test_every_language_has_a_font() -> None:
    assert {lang.font for lang in LANGUAGES.values()} <= set(fonts.SPECS)


def test_shaped_and_unshaped_scripts() -> None:
    assert {k for k, s in fonts.SPECS.items() if s.shaped} >= {"th", "my", "ne", "ar", "bn", "si"}
    assert not any(fonts.SPECS[k].shaped for k in ("ja", "ko", "zh_Hans", "zh_Hant", "han_ext"))
    assert not fonts.font("ja").ttf.shapable


def test_variable_fonts_get_a_distinct_bold_instance() -> None:
    regular, bold = fonts.font("th"), fonts.font("th", bold=True)
    assert regular.ttf.face.name != bold.ttf.face.name


def test_each_cjk_language_has_its_own_font() -> None:
    names = {fonts.font(k).path.name + str(fonts.SPECS[k].index) for k in ("ja", "zh_Hans", "zh_Hant", "ko")}
    assert len(names) == 4


def test_missing_font_names_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(fonts, "SPECS", {"ko": fonts.FontSpec("ko", (str(tmp_path / "nope.ttf"),),
                                                               install="apt-get install fonts-nanum")})
    fonts.font.cache_clear()
    try:
        with pytest.raises(FontMissing, match="fonts-nanum"):
            fonts.font("ko")
    finally:
        fonts.font.cache_clear()


def test_override_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("BOSAI_FONT_LATIN", str(tmp_path / "missing.ttf"))
    fonts.font.cache_clear()
    try:
        with pytest.raises(FontMissing, match="BOSAI_FONT_LATIN"):
            fonts.font("latin")
    finally:
        monkeypatch.delenv("BOSAI_FONT_LATIN")
        fonts.font.cache_clear()


def test_cff_font_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    fake = tmp_path / "cff.otf"
    fake.write_bytes(b"OTTO" + b"\0" * 64)
    monkeypatch.setenv("BOSAI_FONT_LATIN", str(fake))
    fonts.font.cache_clear()
    try:
        with pytest.raises(FontMissing, match="TrueType"):
            fonts.font("latin")
    finally:
        monkeypatch.delenv("BOSAI_FONT_LATIN")
        fonts.font.cache_clear()
