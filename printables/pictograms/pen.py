"""Drawing primitives for pictograms: a 100 x 100 unit box, y up, one figure colour."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas

Point = tuple[float, float]
STROKE = 9.0  # limb and outline width in units: one weight for every pictogram


class Pen:
    """Draws in the unit box with the figure colour ``fg``; ``bg`` cuts shapes out of it."""

    def __init__(self, canvas: Canvas, fg: Color, bg: Color = white) -> None:
        self.c = canvas
        self.fg = fg
        self.bg = bg

    @contextmanager
    def at(self, x: float, y: float, scale: float = 1.0, angle: float = 0.0) -> Iterator[Pen]:
        """Draw with the origin moved to (x, y), then scaled and rotated (degrees, anticlockwise)."""
        self.c.saveState()
        self.c.translate(x, y)
        self.c.scale(scale, scale)
        self.c.rotate(angle)
        try:
            yield self
        finally:
            self.c.restoreState()

    def _colour(self, knock: bool) -> Color:
        return self.bg if knock else self.fg

    def _set(self, knock: bool) -> None:
        colour = self._colour(knock)
        self.c.setFillColor(colour)
        self.c.setStrokeColor(colour)

    def circle(self, cx: float, cy: float, r: float, knock: bool = False) -> None:
        self._set(knock)
        self.c.circle(cx, cy, r, stroke=0, fill=1)

    def ring(self, cx: float, cy: float, r: float, width: float = STROKE, knock: bool = False) -> None:
        self._set(knock)
        self.c.setLineWidth(width)
        self.c.circle(cx, cy, r, stroke=1, fill=0)

    def ellipse(self, x1: float, y1: float, x2: float, y2: float, knock: bool = False) -> None:
        self._set(knock)
        self.c.ellipse(x1, y1, x2, y2, stroke=0, fill=1)

    def rect(self, x: float, y: float, w: float, h: float, r: float = 0, knock: bool = False) -> None:
        self._set(knock)
        if r:
            self.c.roundRect(x, y, w, h, min(r, w / 2, h / 2), stroke=0, fill=1)
        else:
            self.c.rect(x, y, w, h, stroke=0, fill=1)

    def frame(self, x: float, y: float, w: float, h: float, r: float = 0, width: float = STROKE * 0.6,
              knock: bool = False) -> None:
        self._set(knock)
        self.c.setLineWidth(width)
        if r:
            self.c.roundRect(x, y, w, h, r, stroke=1, fill=0)
        else:
            self.c.rect(x, y, w, h, stroke=1, fill=0)

    def poly(self, points: Sequence[Point], knock: bool = False) -> None:
        self._set(knock)
        path = self.c.beginPath()
        path.moveTo(*points[0])
        for p in points[1:]:
            path.lineTo(*p)
        path.close()
        self.c.drawPath(path, stroke=0, fill=1)

    def line(self, points: Sequence[Point], width: float = STROKE, knock: bool = False, cap: int = 1) -> None:
        """A polyline with round caps and joins: limbs, handles, strokes."""
        self._set(knock)
        self.c.setLineWidth(width)
        self.c.setLineCap(cap)
        self.c.setLineJoin(1)
        path = self.c.beginPath()
        path.moveTo(*points[0])
        for p in points[1:]:
            path.lineTo(*p)
        self.c.drawPath(path, stroke=1, fill=0)

    def curve(self, build: Callable, fill: bool = True, width: float = STROKE, knock: bool = False,
              close: bool = True) -> None:
        """A free path: ``build(path)`` adds moveTo/lineTo/curveTo calls."""
        self._set(knock)
        self.c.setLineWidth(width)
        self.c.setLineCap(1)
        self.c.setLineJoin(1)
        path = self.c.beginPath()
        build(path)
        if close:
            path.close()
        self.c.drawPath(path, stroke=0 if fill else 1, fill=1 if fill else 0)

    def arc(self, cx: float, cy: float, r: float, start: float, extent: float, width: float = STROKE,
            knock: bool = False) -> None:
        """An open arc (degrees, counter-clockwise from 3 o'clock)."""
        self._set(knock)
        self.c.setLineWidth(width)
        self.c.setLineCap(1)
        path = self.c.beginPath()
        path.arc(cx - r, cy - r, cx + r, cy + r, start, extent)
        self.c.drawPath(path, stroke=1, fill=0)

    def wedge(self, cx: float, cy: float, r: float, start: float, extent: float, knock: bool = False) -> None:
        self._set(knock)
        self.c.wedge(cx - r, cy - r, cx + r, cy + r, start, extent, stroke=0, fill=1)

    def drop(self, cx: float, cy: float, r: float, knock: bool = False) -> None:
        """A water drop, point up, round part centred at (cx, cy)."""
        def build(p):
            p.moveTo(cx, cy + r * 2.1)
            p.curveTo(cx + r * 0.4, cy + r * 1.4, cx + r, cy + r * 0.8, cx + r, cy)
            p.curveTo(cx + r, cy - r * 1.33, cx - r, cy - r * 1.33, cx - r, cy)
            p.curveTo(cx - r, cy + r * 0.8, cx - r * 0.4, cy + r * 1.4, cx, cy + r * 2.1)
        self.curve(build, knock=knock)

    def bolt(self, cx: float, cy: float, h: float, knock: bool = False) -> None:
        """A lightning bolt of height ``h`` centred at (cx, cy)."""
        s = h / 100
        self.poly([(cx + 8 * s, cy + 50 * s), (cx - 22 * s, cy - 5 * s), (cx - 2 * s, cy - 5 * s),
                   (cx - 10 * s, cy - 50 * s), (cx + 22 * s, cy + 8 * s), (cx + 2 * s, cy + 8 * s)], knock)

    def arrow(self, x1: float, y1: float, x2: float, y2: float, width: float = STROKE, knock: bool = False) -> None:
        """A straight arrow from (x1, y1) to (x2, y2) with a solid head."""
        angle = math.atan2(y2 - y1, x2 - x1)
        head = width * 2.2
        bx, by = x2 - head * math.cos(angle), y2 - head * math.sin(angle)
        self.line([(x1, y1), (bx, by)], width, knock, cap=0)
        nx, ny = -math.sin(angle) * head * 0.8, math.cos(angle) * head * 0.8
        self.poly([(x2, y2), (bx + nx, by + ny), (bx - nx, by - ny)], knock)
