"""The one place that touches ReportLab internals (undocumented APIs that may change between
releases): a TrueType font's character map and vertical metrics, and HarfBuzz shaping through
``shapeFragWord``. Everything else in ``printables`` uses ReportLab's public API only; after a
ReportLab upgrade, ``tests/printables/test_print_fonts.py`` checks this module first."""

from __future__ import annotations

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeFragWord

SHAPING_FEATURES = {"kern": True, "liga": True, "dlig": False}


def charmap(font_name: str) -> dict[int, int]:
    """Code point to glyph id of a registered TrueType font."""
    return pdfmetrics.getFont(font_name).face.charToGlyph


def vertical_metrics(font_name: str) -> tuple[float, float]:
    """Ascent and descent (positive, below the baseline) of a registered font, at 1 pt."""
    face = pdfmetrics.getFont(font_name).face
    return face.ascent / 1000, -face.descent / 1000


def shaped(text: str, font_name: str) -> tuple[str, float]:
    """``text`` shaped by HarfBuzz in the font (a ``ShapedStr`` that ``drawString`` draws glyph by
    glyph, in visual order for right-to-left scripts) and its width at 1 pt. Shaped at 1000 pt,
    so one shaping serves every size."""
    width = pdfmetrics.stringWidth(text, font_name, 1000)
    word = shapeFragWord([width, (ABag(fontName=font_name, fontSize=1000), text)],
                         features=SHAPING_FEATURES, force=True)
    return word[1][1], word[0] / 1000
