"""PDF plumbing shared by the printables: paper sizes, a canvas that never uses base-14 fonts."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printables.errors import LayoutError
from printables.fonts import font

PAPERS = {"A4": A4, "A3": A3}
ORIENTATIONS = ("portrait", "landscape")

__all__ = ["ORIENTATIONS", "PAPERS", "Document", "mm", "page_size"]


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """Width and height in points; raises ``LayoutError`` for unknown values."""
    if paper not in PAPERS:
        raise LayoutError(f"unknown paper {paper!r}; use {' or '.join(PAPERS)}")
    if orientation not in ORIENTATIONS:
        raise LayoutError(f"unknown orientation {orientation!r}; use {' or '.join(ORIENTATIONS)}")
    return (portrait if orientation == "portrait" else landscape)(PAPERS[paper])


class Document:
    """A canvas writing to memory; its initial font is an embedded one (no base-14 Helvetica)."""

    def __init__(self, title: str, pagesize: tuple[float, float]) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=pagesize, initialFontName=font("latin").name,
                             initialFontSize=10, invariant=True, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setCreator("bosai-kit")
        self.canvas.setAuthor("bosai-kit")
        self.width, self.height = pagesize

    def set_page_size(self, pagesize: tuple[float, float]) -> None:
        self.canvas.setPageSize(pagesize)
        self.width, self.height = pagesize

    def finish(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()
