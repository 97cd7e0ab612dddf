"""Rendered pages as pixels, for tests that check ink: poppler's ``pdftoppm`` draws a page in
greyscale, and these count the dark pixels of the page or of a region of it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

DARK = 200  # a grey level below this is ink


@dataclass(frozen=True)
class Page:
    """A page rendered in greyscale: ``width`` x ``height`` pixels, one byte each, at ``dpi``."""

    width: int
    height: int
    dpi: int
    pixels: bytes

    def region(self, box: tuple[float, float, float, float]) -> bytes:
        """The pixels of ``box`` = (x, y, width, height) in PDF points from the lower left."""
        scale = self.dpi / 72
        x0, x1 = max(0, round(box[0] * scale)), min(self.width, round((box[0] + box[2]) * scale))
        top = max(0, round(self.height - (box[1] + box[3]) * scale))
        bottom = min(self.height, round(self.height - box[1] * scale))
        return b"".join(self.pixels[row * self.width + x0:row * self.width + x1] for row in range(top, bottom))

    def ink(self, box: tuple[float, float, float, float] | None = None) -> int:
        """Dark pixels in ``box`` (see ``region``; the whole page by default)."""
        return sum(1 for b in (self.pixels if box is None else self.region(box)) if b < DARK)

    def share(self) -> float:
        """Share of dark pixels on the page."""
        return self.ink() / len(self.pixels)

    def changed(self, box: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> int:
        """Pixels of ``box`` that differ clearly from those of the same-sized box ``other``."""
        return sum(1 for a, b in zip(self.region(box), self.region(other)) if abs(a - b) > 60)

    def diff(self, other: Page) -> int:
        """Pixels dark here and light in ``other`` (same size): what this page adds."""
        return sum(1 for a, b in zip(self.pixels, other.pixels) if a < DARK <= b)


def render(data: bytes, page: int = 1, dpi: int = 60) -> Page:
    """Page ``page`` of the PDF ``data`` rendered by pdftoppm in greyscale."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-"],
                         input=data, check=True, capture_output=True).stdout
    # PGM: "P5\n<w> <h>\n255\n" then one byte a pixel
    magic, size, depth, pixels = out.split(b"\n", 3)
    assert magic == b"P5" and depth == b"255", "pdftoppm wrote no greyscale PGM"
    width, height = map(int, size.split())
    return Page(width, height, dpi, pixels[:width * height])
