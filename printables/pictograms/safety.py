"""Safety pictograms: cautions, prohibitions, mandatory actions, outages, fire equipment (our own drawings)."""

from __future__ import annotations

from printables.pictograms.figures import FIGURES, burst, bust, arc_arrow, crossed, figure, man, steam, zigzag
from printables.pictograms.health import toilet_bowl
from printables.pictograms.places import door
from printables.pictograms.pen import STROKE, Pen

__all__ = ["FIGURES"]


@figure("caution_slippery")
def _slippery(p: Pen) -> None:
    p.circle(26, 76, 9.5)
    p.line([(32, 62), (46, 36)], STROKE * 1.5)
    p.line([(46, 36), (66, 44), (86, 56)], STROKE * 1.1)
    p.line([(46, 36), (52, 20), (72, 16)], STROKE * 1.1)
    p.line([(34, 60), (46, 76), (58, 82)], STROKE)
    p.line([(32, 58), (16, 52), (8, 60)], STROKE)
    p.rect(4, 4, 92, 6, 3)


@figure("caution_step")
def _step(p: Pen) -> None:
    p.rect(56, 4, 40, 22)
    p.rect(4, 4, 52, 6)
    p.circle(76, 72, 9.5)
    p.line([(64, 62), (42, 42)], STROKE * 1.5)
    p.line([(42, 42), (52, 28), (56, 32)], STROKE * 1.1)
    p.line([(42, 42), (26, 28), (12, 14)], STROKE * 1.1)
    p.line([(64, 60), (78, 48), (90, 46)], STROKE)
    p.line([(60, 62), (52, 76), (44, 84)], STROKE)


@figure("caution_head")
def _head(p: Pen) -> None:
    p.rect(24, 78, 52, 16)
    bust(p, 50, 4, 1.7)
    burst(p, 50, 78, 12, 7, knock=True)
    burst(p, 50, 78, 8, 7)
    for side in (-1, 1):
        p.line([(50 + side * 18, 72), (50 + side * 32, 66)], STROKE * 0.45)


@figure("caution_falling")
def _falling(p: Pen) -> None:
    man(p, 38, 0.85, 4)
    with p.at(70, 68, 1, 20):
        p.rect(-12, -11, 24, 22, 2)
    for x in (60, 72):
        p.line([(x, 94), (x, 84)], STROKE * 0.4)


@figure("caution_glass")
def _glass(p: Pen) -> None:
    p.rect(14, 4, 40, 7, 3)
    p.line([(34, 8), (34, 38)], STROKE * 0.7)
    p.curve(lambda path: (path.moveTo(14, 92), path.curveTo(14, 60, 22, 40, 34, 40),
                          path.curveTo(46, 40, 54, 60, 54, 78), path.lineTo(46, 66), path.lineTo(40, 84),
                          path.lineTo(32, 70), path.lineTo(24, 88)))
    p.poly([(62, 4), (80, 4), (70, 30)])
    p.poly([(84, 4), (96, 4), (92, 20)])
    p.poly([(70, 40), (86, 46), (76, 62)])


@figure("caution_hot")
def _hot(p: Pen) -> None:
    p.wedge(50, 42, 38, 180, 180)
    p.rect(8, 40, 84, 6, 3)
    steam(p, (30, 50, 70), 54, 94, STROKE * 0.6)


@figure("water_outage")
def _water_outage(p: Pen) -> None:
    p.line([(30, 84), (54, 84), (54, 72)], STROKE * 1.3, cap=0)
    p.rect(24, 74, 12, 20, 3)
    p.drop(54, 22, 18)
    crossed(p, 30, 62, 80, 2)


@figure("power_outage")
def _power_outage(p: Pen) -> None:
    p.circle(50, 60, 26)
    p.rect(38, 18, 24, 18, 3)
    p.rect(42, 8, 16, 8, 3)
    crossed(p)


@figure("danger_collapse")
def _collapse(p: Pen) -> None:
    with p.at(42, 10, 0.95, 14):
        p.poly([(0, 78), (34, 50), (26, 50), (26, 0), (-26, 0), (-26, 50), (-34, 50)])
        p.line([(-4, 60), (6, 40), (-6, 24), (4, 0)], STROKE * 0.5, knock=True, cap=0)
    with p.at(84, 40, 1, 30):
        p.rect(-6, -6, 12, 12)
    with p.at(80, 14, 1, -20):
        p.rect(-7, -7, 14, 14)
    p.rect(4, 2, 92, 6, 2)


@figure("close_door")
def _close_door(p: Pen) -> None:
    door(p, 4, open_=True)
    arc_arrow(p, 54, 48, 40, -35, 85, STROKE * 0.6)


@figure("flush")
def _flush(p: Pen) -> None:
    toilet_bowl(p)
    arc_arrow(p, 62, 76, 14, 110, 290, STROKE * 0.55)


@figure("photography")
def _camera(p: Pen) -> None:
    p.rect(6, 16, 88, 58, 8)
    p.rect(30, 70, 28, 12, 3)
    p.circle(50, 44, 22, knock=True)
    p.circle(50, 44, 15)
    p.rect(74, 62, 12, 6, 2, knock=True)


@figure("fire_alarm")
def _fire_alarm(p: Pen) -> None:
    p.curve(lambda path: (path.moveTo(22, 30), path.lineTo(78, 30), path.lineTo(70, 40),
                          path.curveTo(70, 74, 64, 82, 50, 82), path.curveTo(36, 82, 30, 74, 30, 40)))
    p.rect(14, 22, 72, 8, 4)
    p.circle(50, 16, 7)
    p.circle(50, 86, 4)
    for start in (145, -35):
        p.arc(50, 60, 42, start, 70, STROKE * 0.45)


@figure("fire_hydrant")
def _fire_hydrant(p: Pen) -> None:
    p.ring(40, 54, 30, STROKE * 0.9)
    p.ring(40, 54, 16, STROKE * 0.9)
    p.circle(40, 54, 5)
    p.line([(70, 54), (70, 22), (84, 14)], STROKE * 0.9)
    p.poly([(80, 8), (94, 18), (96, 4)])


@figure("fire_bucket")
def _fire_bucket(p: Pen) -> None:
    p.poly([(16, 70), (84, 70), (74, 6), (26, 6)])
    p.arc(50, 66, 26, 15, 150, STROKE * 0.5)
    zigzag(p, 24, 56, 76, 56, 4, 3, STROKE * 0.35, knock=True)
