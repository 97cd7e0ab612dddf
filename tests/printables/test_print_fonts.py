"""The font registry: every key loads, overrides work, a missing font names what to install."""

from __future__ import annotations

import pytest

from phrasebook.languages import LANGUAGES
from printables import fonts
from printables.errors import FontMissing


@pytest.mark.parametrize("key", sorted(fonts.SPECS))
@pytest.mark.parametrize("bold", [False, True])
def test_every_key_loads_with_latin_digits(key: str, bold: bool) -> None:
    face = fonts.font(key, bold)
    assert all(face.covers(d) for d in "0123456789")


def test_every_language_has_a_font() -> None:
    assert {lang.font for lang in LANGUAGES.values()} <= set(fonts.SPECS)


def test_shaped_and_unshaped_scripts() -> None:
    assert {k for k, s in fonts.SPECS.items() if s.shaped} == {"th", "my", "ne"}
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
