"""Food pictograms for allergens and dietary or religious rules (our own drawings)."""

from __future__ import annotations

from printables.pictograms.figures import FIGURES, figure
from printables.pictograms.pen import STROKE, Pen

__all__ = ["FIGURES"]


@figure("food_egg")
def _egg(p: Pen) -> None:
    p.curve(lambda path: (path.moveTo(50, 92), path.curveTo(74, 92, 84, 46, 82, 36),
                          path.curveTo(80, 14, 66, 6, 50, 6), path.curveTo(34, 6, 20, 14, 18, 36),
                          path.curveTo(16, 46, 26, 92, 50, 92)))


@figure("food_milk", "food_dairy")
def _milk(p: Pen) -> None:
    p.rect(24, 6, 52, 58)
    p.poly([(24, 66), (76, 66), (64, 84), (36, 84)])
    p.rect(36, 86, 28, 8)
    p.drop(50, 28, 9, knock=True)


@figure("food_wheat")
def _wheat(p: Pen) -> None:
    p.line([(50, 6), (50, 70)], STROKE * 0.5)
    for y in (34, 50, 66):
        for side in (-1, 1):
            p.c.saveState()
            p.c.translate(50 + side * 9, y)
            p.c.rotate(-side * 35)
            p.ellipse(-6, -11, 6, 11)
            p.c.restoreState()
    p.ellipse(44, 76, 56, 96)


@figure("food_buckwheat")
def _buckwheat(p: Pen) -> None:
    p.wedge(50, 44, 40, 180, 180)
    p.rect(10, 42, 80, 6)
    for x in (30, 44, 58):
        p.line([(x, 48), (x + 4, 60), (x, 72), (x + 4, 82)], STROKE * 0.35)
    p.line([(60, 62), (94, 94)], STROKE * 0.45)
    p.line([(70, 58), (98, 84)], STROKE * 0.45)


@figure("food_peanut")
def _peanut(p: Pen) -> None:
    p.c.saveState()
    p.c.translate(50, 50)
    p.c.rotate(35)
    p.circle(0, 20, 22)
    p.circle(0, -20, 22)
    p.rect(-16, -20, 32, 40)
    p.line([(-16, 0), (16, 0)], STROKE * 0.3, knock=True, cap=0)
    p.c.restoreState()


@figure("food_shrimp", "food_seafood", "food_shellfish")
def _shrimp(p: Pen) -> None:
    p.arc(50, 46, 28, 20, 250, STROKE * 2.4)
    p.poly([(56, 20), (78, 10), (80, 30)])
    p.line([(74, 60), (92, 88)], STROKE * 0.25)
    p.line([(76, 56), (96, 76)], STROKE * 0.25)
    for angle in (110, 150, 190):
        import math
        x = 50 + 28 * math.cos(math.radians(angle))
        y = 46 + 28 * math.sin(math.radians(angle))
        x2 = 50 + 40 * math.cos(math.radians(angle))
        y2 = 46 + 40 * math.sin(math.radians(angle))
        p.line([(x, y), (x2, y2)], STROKE * 0.25, knock=True)


@figure("food_crab")
def _crab(p: Pen) -> None:
    p.ellipse(24, 22, 76, 54)
    for side in (-1, 1):
        for i in range(3):
            y = 28 + i * 8
            p.line([(50 + side * 24, y), (50 + side * 38, y - 6), (50 + side * 44, y - 16)], STROKE * 0.35)
        p.line([(50 + side * 16, 50), (50 + side * 24, 66)], STROKE * 0.5)
        p.circle(50 + side * 26, 76, 11)
        p.wedge(50 + side * 26, 76, 12, 70, 40, knock=True)


@figure("food_walnut", "food_nuts")
def _walnut(p: Pen) -> None:
    p.ellipse(18, 10, 82, 90)
    p.line([(50, 12), (50, 88)], STROKE * 0.35, knock=True, cap=0)
    for y in (30, 50, 70):
        p.arc(34, y, 8, 200, 140, STROKE * 0.25, knock=True)
        p.arc(66, y, 8, 200, 140, STROKE * 0.25, knock=True)


@figure("food_pork", "food_lard")
def _pork(p: Pen) -> None:
    p.poly([(20, 62), (14, 92), (40, 76)])
    p.poly([(80, 62), (86, 92), (60, 76)])
    p.ellipse(14, 8, 86, 78)
    p.ellipse(32, 18, 68, 42, knock=True)
    p.ellipse(40, 25, 46, 35)
    p.ellipse(54, 25, 60, 35)
    p.circle(34, 56, 4, knock=True)
    p.circle(66, 56, 4, knock=True)


@figure("food_beef", "food_meat", "food_gelatin", "food_stock")
def _beef(p: Pen) -> None:
    p.arc(50, 64, 32, 10, 160, STROKE * 0.8)
    p.poly([(6, 64), (26, 56), (26, 70)])
    p.poly([(94, 64), (74, 56), (74, 70)])
    p.curve(lambda path: (path.moveTo(24, 72), path.lineTo(76, 72), path.lineTo(70, 30),
                          path.lineTo(30, 30)))
    p.ellipse(26, 6, 74, 38)
    p.circle(38, 56, 4, knock=True)
    p.circle(62, 56, 4, knock=True)
    p.ellipse(36, 16, 44, 24, knock=True)
    p.ellipse(56, 16, 64, 24, knock=True)


@figure("food_chicken")
def _chicken(p: Pen) -> None:
    p.ellipse(14, 20, 74, 62)
    p.poly([(14, 44), (4, 70), (26, 56)])
    p.circle(68, 66, 14)
    p.poly([(80, 70), (96, 64), (80, 60)])
    p.poly([(60, 78), (64, 88), (68, 80), (72, 88), (76, 78)])
    p.circle(70, 68, 3, knock=True)
    p.line([(38, 22), (36, 6)], STROKE * 0.4)
    p.line([(52, 22), (54, 6)], STROKE * 0.4)


@figure("food_lamb")
def _lamb(p: Pen) -> None:
    for cx, cy in ((26, 46), (40, 58), (56, 58), (68, 46), (54, 36), (36, 34)):
        p.circle(cx, cy, 14)
    p.ellipse(70, 46, 94, 74)
    p.circle(82, 64, 2.5, knock=True)
    for x in (28, 40, 54, 64):
        p.line([(x, 30), (x, 8)], STROKE * 0.5)


@figure("food_fish")
def _fish(p: Pen) -> None:
    p.ellipse(8, 26, 76, 74)
    p.poly([(66, 50), (96, 74), (96, 26)])
    p.circle(24, 54, 4.5, knock=True)
    p.arc(40, 50, 12, -60, 120, STROKE * 0.3, knock=True)


@figure("food_alcohol", "no_alcohol")
def _alcohol(p: Pen) -> None:
    p.rect(14, 6, 26, 58, 6)
    p.rect(22, 62, 10, 28, 3)
    p.curve(lambda path: (path.moveTo(54, 92), path.lineTo(90, 92), path.curveTo(90, 66, 84, 58, 72, 56),
                          path.curveTo(60, 58, 54, 66, 54, 92)))
    p.line([(72, 56), (72, 14)], STROKE * 0.5)
    p.line([(58, 10), (86, 10)], STROKE * 0.6)


@figure("food_soy")
def _soy(p: Pen) -> None:
    p.c.saveState()
    p.c.translate(50, 50)
    p.c.rotate(30)
    p.rect(-40, -16, 80, 32, 16)
    for x in (-24, 0, 24):
        p.circle(x, 0, 10, knock=True)
    p.c.restoreState()


@figure("food_sesame")
def _sesame(p: Pen) -> None:
    for x, y, angle in ((30, 66, 20), (62, 72, -30), (44, 40, 60), (74, 36, -10), (24, 24, -40), (54, 14, 30)):
        p.c.saveState()
        p.c.translate(x, y)
        p.c.rotate(angle)
        p.drop(0, -4, 8)
        p.c.restoreState()


@figure("food_vegetarian", "food_vegan", "food_root", "food_onion", "food_kiwi")
def _leaf(p: Pen) -> None:
    p.curve(lambda path: (path.moveTo(16, 14), path.curveTo(10, 60, 40, 90, 90, 90),
                          path.curveTo(90, 40, 60, 10, 16, 14)))
    p.line([(10, 6), (70, 70)], STROKE * 0.4, knock=True)
