"""Pictograms: every common and content key has its own drawing that stays in its box; sign colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from phrasebook.templates import read_templates
from printables import pictograms
from printables.colours import SCHEMES, contrast, white
from printables.pdf import Document
from printables_testkit import png_ink
from tests.pixels import Page, render

REAL_TEMPLATES = read_templates(Path(__file__).resolve().parents[2] / "locales" / "templates")


@pytest.mark.parametrize("key", pictograms.COMMON_KEYS)
def test_common_keys_have_their_own_drawing(key: str) -> None:
    assert not pictograms.is_generic(key)


def _used_keys() -> list[tuple[str, str]]:
    return sorted({(t.pictogram, t.category) for t in REAL_TEMPLATES.values()
                   if t.pictogram and t.kind in ("sign", "board", "food")})


def test_every_pictogram_key_used_by_the_content_has_its_own_drawing() -> None:
    """Content must not silently fall back to a generic figure: draw (or alias) a new key first."""
    used = _used_keys()
    assert len(used) > 100, "the real sign, board and food templates were not found"
    generic = sorted(f"{key} ({category})" for key, category in used if pictograms.is_generic(key, category))
    assert not generic, "pictogram keys with only a generic figure: " + ", ".join(generic)


@pytest.mark.parametrize("key, same_as", [("not_drinking_water", "drinking_water"), ("parking", "car"),
                                          ("no_parking", "car"), ("no_eating", "food"), ("no_flush", "flush")])
def test_keys_that_mean_the_same_share_a_drawing(key: str, same_as: str) -> None:
    figures = pictograms.FIGURES
    assert figures[pictograms.figure_of(key)] is figures[same_as]


def _one_key_per_drawing() -> list[str]:
    first: dict[object, str] = {}
    for key, draw_figure in pictograms.FIGURES.items():
        first.setdefault(draw_figure, key)
    return sorted(first.values())


@pytest.mark.parametrize("key", _one_key_per_drawing())
def test_figures_stay_inside_their_box(key: str, tmp_path: Path) -> None:
    doc = Document("t", (120, 120))
    pictograms.draw(doc.canvas, key, 10, 10, 100, frame="plain")
    doc.canvas.setFillColor(white)
    doc.canvas.rect(9, 9, 102, 102, stroke=0, fill=1)  # cover the box: any ink left spilled out of it
    assert png_ink(doc.finish(), dpi=72) == 0


CELL, COLUMNS, GRID_DPI = 40, 16, 72  # the grid of every used pictogram, rendered once
REFERENCES = [(f"_blank:{frame}", frame) for frame in pictograms.FRAMES]  # each frame without a figure


def _cell(index: int) -> tuple[float, float, float, float]:
    """Box of the ``index``-th grid cell in points (x, y from the lower left, width, height)."""
    rows = -(-(len(_used_keys()) + len(REFERENCES)) // COLUMNS)
    return (index % COLUMNS * CELL, (rows - 1 - index // COLUMNS) * CELL, CELL, CELL)


@pytest.fixture(scope="module")
def grid() -> Page:
    """Every pictogram the content uses, then each frame with a blank figure, one per cell."""
    keys = _used_keys() + REFERENCES
    rows = -(-len(keys) // COLUMNS)
    doc = Document("grid", (COLUMNS * CELL, rows * CELL))
    for i, (key, category) in enumerate(keys):
        x, y, _, _ = _cell(i)
        if key.startswith("_blank:"):
            pictograms.draw(doc.canvas, "_blank", x + 4, y + 4, CELL - 8, frame=category)
        else:
            pictograms.draw(doc.canvas, key, x + 4, y + 4, CELL - 8, category=category)
    return render(doc.finish(), dpi=GRID_DPI)


@pytest.mark.parametrize("index, key, category", [(i, *kc) for i, kc in enumerate(_used_keys())])
def test_every_template_pictogram_draws_its_figure(grid: Page, index: int, key: str, category: str) -> None:
    """The figure draws in its cell: enough pixels differ from its frame drawn alone."""
    frame = pictograms.frame_of(key)
    reference = _cell(len(_used_keys()) + pictograms.FRAMES.index(frame))
    assert grid.ink(_cell(index)) > 0
    assert grid.changed(_cell(index), reference) > 0.01 * (CELL * GRID_DPI / 72) ** 2, f"{key} draws no figure"


@pytest.mark.parametrize("key", ["toilet", "no_smoking", "caution_slippery", "unknown_thing", "no_unknown"])
@pytest.mark.parametrize("frame", [None, *pictograms.FRAMES])
def test_pictograms_are_not_blank(key: str, frame: str | None, tmp_path: Path) -> None:
    doc = Document("t", (200, 200))
    pictograms.draw(doc.canvas, key, 20, 20, 160, frame=frame, category="information")
    assert png_ink(doc.finish(), dpi=20) > 0.02


def test_prefixes_choose_frames_and_figures() -> None:
    assert pictograms.frame_of("no_pets") == "prohibition"
    assert pictograms.figure_of("no_pets_allowed") == "pets"
    assert pictograms.frame_of("caution_hot") == "caution"
    assert pictograms.figure_of("toilet_portable") == "toilet"
    assert pictograms.figure_of("mystery", "allergen") == "_allergen"


def test_unknown_frame_is_an_error() -> None:
    with pytest.raises(ValueError):
        pictograms.draw(Document("t", (10, 10)).canvas, "toilet", 0, 0, 10, frame="sparkly")


@pytest.mark.parametrize("category", sorted(SCHEMES))
def test_sign_text_contrast_is_at_least_7_to_1(category: str) -> None:
    scheme = SCHEMES[category]
    assert contrast(scheme.band, scheme.text) >= 7
    assert contrast(scheme.figure, white) >= 7
