"""Pointing-board pictograms: papers, embassies, glasses and conversation moves (our own drawings)."""

from __future__ import annotations

from printables.pictograms.figures import FIGURES, arc_arrow, bust, figure, walker
from printables.pictograms.pen import STROKE, Pen

__all__ = ["FIGURES"]


@figure("embassy")
def _embassy(p: Pen) -> None:
    p.poly([(6, 70), (94, 70), (50, 90)])
    p.rect(10, 62, 80, 6)
    for x in (16, 34, 56, 74):
        p.rect(x, 20, 10, 40)
    p.rect(10, 12, 80, 6)
    p.rect(4, 4, 92, 6)
    p.circle(50, 78, 4, knock=True)


@figure("passport")
def _passport(p: Pen) -> None:
    p.rect(20, 4, 60, 92, 6)
    p.ring(50, 58, 18, STROKE * 0.45, knock=True)
    p.curve(lambda path: path.ellipse(42, 40, 16, 36), fill=False, width=STROKE * 0.35, close=False, knock=True)
    p.line([(32, 58), (68, 58)], STROKE * 0.35, knock=True, cap=0)
    p.line([(34, 20), (66, 20)], STROKE * 0.5, knock=True, cap=0)


@figure("id_card")
def _id_card(p: Pen) -> None:
    p.rect(4, 16, 92, 68, 8)
    p.bg, p.fg = p.fg, p.bg
    bust(p, 28, 28, 1.1)
    p.bg, p.fg = p.fg, p.bg
    for y, x2 in ((64, 86), (50, 86), (36, 74)):
        p.line([(52, y), (x2, y)], STROKE * 0.5, knock=True)


@figure("glasses")
def _glasses(p: Pen) -> None:
    for cx in (28, 72):
        p.ring(cx, 46, 17, STROKE * 0.8)
    p.arc(50, 46, 7, 20, 140, STROKE * 0.6)
    p.line([(11, 50), (6, 70)], STROKE * 0.6)
    p.line([(89, 50), (94, 70)], STROKE * 0.6)


@figure("point")
def _point(p: Pen) -> None:
    for x in (8, 32, 56):
        for y in (8, 30):
            p.rect(x, y, 18, 16, 3)
    with p.at(60, 48, 0.5, -30):
        p.rect(-7, 0, 14, 48, 7)
        p.rect(-9, 40, 40, 34, 10)
        p.rect(-9, 78, 40, 20, 3)
        for y in (52, 62):
            p.line([(10, y), (28, y)], STROKE * 0.3, knock=True)


@figure("repeat")
def _repeat(p: Pen) -> None:
    arc_arrow(p, 50, 50, 36, 110, 290)
    for x in (34, 50, 66):
        p.circle(x, 50, 5.5)


@figure("follow")
def _follow(p: Pen) -> None:
    walker(p, 64, 0.86, 4)
    walker(p, 24, 0.66, 4)
    p.arrow(40, 90, 94, 90, STROKE * 0.6)
