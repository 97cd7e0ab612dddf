"""Facility pictograms: baths, stairs, rooms, vehicles and shelter areas (our own drawings)."""

from __future__ import annotations

from printables.pictograms.figures import FIGURES, bust, figure, man, runner, steam, walker, woman
from printables.pictograms.pen import STROKE, Pen

__all__ = ["FIGURES"]


def tub(p: Pen, x: float, y: float, w: float, h: float) -> None:
    """A bathtub with a rim and two feet."""
    p.rect(x - 3, y + h - 6, w + 6, 6, 3)
    p.curve(lambda path: (path.moveTo(x, y + h - 6), path.lineTo(x + w, y + h - 6), path.lineTo(x + w, y + h * 0.4),
                          path.curveTo(x + w, y + 4, x + w - 8, y + 4, x + w - 14, y + 4), path.lineTo(x + 14, y + 4),
                          path.curveTo(x + 8, y + 4, x, y + 4, x, y + h * 0.4)))
    p.rect(x + 8, y - 4, 8, 8, 2)
    p.rect(x + w - 16, y - 4, 8, 8, 2)


@figure("bath")
def _bath(p: Pen) -> None:
    tub(p, 8, 10, 84, 40)
    bust(p, 38, 50, 1.1)
    steam(p, (64, 80), 56, 92)


@figure("bath_men")
def _bath_men(p: Pen) -> None:
    man(p, 24, 0.9, 6)
    tub(p, 50, 10, 44, 28)
    steam(p, (64, 80), 46, 80, STROKE * 0.4)


@figure("bath_women")
def _bath_women(p: Pen) -> None:
    woman(p, 24, 0.9, 6)
    tub(p, 50, 10, 44, 28)
    steam(p, (64, 80), 46, 80, STROKE * 0.4)


@figure("shower")
def _shower(p: Pen) -> None:
    p.line([(10, 6), (10, 86), (54, 86), (54, 76)], STROKE * 0.7)
    p.wedge(54, 60, 20, 0, 180)
    for x1, x2 in ((40, 28), (50, 46), (60, 64), (70, 82)):
        p.line([(x1, 54), (x2, 10)], STROKE * 0.4)


@figure("bicycle_parking")
def _bicycle(p: Pen) -> None:
    for cx in (24, 76):
        p.ring(cx, 28, 17, STROKE * 0.6)
    w = STROKE * 0.6
    p.line([(24, 28), (44, 28), (68, 56), (36, 56), (24, 28)], w)
    p.line([(44, 28), (34, 64)], w)
    p.line([(26, 66), (42, 66)], w)
    p.line([(76, 28), (64, 70), (74, 74)], w)


def car_body(p: Pen) -> None:
    """A car from the side, facing right (x 6-94, y 8-72)."""
    p.curve(lambda path: (path.moveTo(6, 22), path.lineTo(6, 42), path.curveTo(6, 48, 10, 50, 18, 50),
                          path.lineTo(28, 50), path.lineTo(36, 70), path.lineTo(66, 70), path.lineTo(78, 50),
                          path.curveTo(90, 50, 94, 46, 94, 38), path.lineTo(94, 22)))
    p.poly([(34, 50), (40, 64), (50, 64), (50, 50)], knock=True)
    p.poly([(56, 50), (56, 64), (63, 64), (71, 50)], knock=True)
    wheels(p, (26, 74))


def wheels(p: Pen, xs: tuple[float, ...], y: float = 22, r: float = 12) -> None:
    """Wheels cut clear of the body above them."""
    for x in xs:
        p.circle(x, y, r + 4, knock=True)
        p.circle(x, y, r)
        p.circle(x, y, r * 0.35, knock=True)


@figure("car", "parking")
def _car(p: Pen) -> None:
    car_body(p)


@figure("ambulance")
def _ambulance(p: Pen) -> None:
    p.rect(4, 22, 64, 54, 4)
    p.curve(lambda path: (path.moveTo(70, 22), path.lineTo(70, 62), path.lineTo(84, 62), path.lineTo(96, 40),
                          path.lineTo(96, 22)))
    p.poly([(76, 44), (76, 56), (82, 56), (89, 44)], knock=True)
    p.rect(30, 38, 12, 32, knock=True)
    p.rect(20, 48, 32, 12, knock=True)
    p.rect(58, 78, 10, 8, 2)
    wheels(p, (22, 80))


@figure("elevator")
def _elevator(p: Pen) -> None:
    p.frame(8, 6, 56, 88, 3, STROKE * 0.6)
    man(p, 36, 0.8, 14)
    p.poly([(82, 78), (94, 60), (70, 60)])
    p.poly([(82, 22), (94, 40), (70, 40)])


def stairs(p: Pen, steps: int = 4, x: float = 6, y: float = 6, w: float = 88, h: float = 72) -> None:
    """A flight of stairs rising to the right."""
    sw, sh = w / steps, h / steps
    points = [(x, y), (x + w, y)]
    for i in range(steps, 0, -1):
        points += [(x + i * sw, y + i * sh), (x + (i - 1) * sw, y + i * sh)]
    p.poly(points[:-1] + [(x, y + sh)])


@figure("stairs")
def _stairs(p: Pen) -> None:
    stairs(p, 4, 30, 6, 64, 56)
    walker(p, 28, 0.62, 36)


@figure("evacuation_upstairs")
def _evacuation_upstairs(p: Pen) -> None:
    stairs(p, 4, 30, 6, 64, 48)
    runner(p, 36, 0.58, 42)
    p.arrow(62, 70, 92, 94, STROKE * 0.7)


@figure("headquarters")
def _headquarters(p: Pen) -> None:
    FIGURES["reception"](p)
    p.line([(86, 46), (86, 96)], STROKE * 0.45, cap=0)
    p.poly([(86, 96), (86, 76), (68, 86)])


def door(p: Pen, x: float = 18, open_: bool = False) -> None:
    """A door frame 52 wide from the floor; closed (solid leaf) or open (leaf swung towards us)."""
    p.frame(x, 6, 52, 86, 0, STROKE * 0.6)
    if open_:
        p.poly([(x + 52, 6), (x + 52, 92), (x + 76, 98), (x + 76, 2)])
        p.circle(x + 70, 50, 3, knock=True)
    else:
        p.rect(x + 6, 10, 40, 78)
        p.circle(x + 38, 50, 3.5, knock=True)


@figure("in_use")
def _in_use(p: Pen) -> None:
    door(p, 8)
    p.bg, p.fg = p.fg, p.bg
    man(p, 34, 0.72, 14)
    p.bg, p.fg = p.fg, p.bg
    p.rect(72, 44, 22, 18, 3)
    p.arc(83, 62, 7, 0, 180, STROKE * 0.45)


@figure("vacant")
def _vacant(p: Pen) -> None:
    door(p, 8, open_=True)
    p.line([(22, 48), (32, 38), (52, 62)], STROKE * 0.8)


@figure("isolation_room")
def _isolation_room(p: Pen) -> None:
    p.frame(6, 6, 88, 88, 3, STROKE * 0.6)
    man(p, 34, 0.8, 12)
    with p.at(50, 30, 0.5):
        FIGURES["thermometer"](p)


@figure("laundry")
def _laundry(p: Pen) -> None:
    p.line([(4, 86), (96, 86)], STROKE * 0.35)
    p.poly([(30, 82), (42, 82), (50, 74), (58, 82), (70, 82), (92, 62), (82, 50), (70, 58), (70, 8), (30, 8),
            (30, 58), (18, 50), (8, 62)])
    for x in (36, 64):
        p.rect(x - 3, 78, 6, 16, 2)


@figure("priority_seat")
def _priority_seat(p: Pen) -> None:
    p.circle(36, 84, 8.5)
    p.line([(34, 70), (30, 46)], STROKE * 1.5)
    p.line([(30, 44), (58, 44), (60, 10)], STROKE * 1.1)
    p.line([(36, 66), (52, 56), (70, 60)], STROKE * 0.9)
    p.line([(70, 60), (76, 6)], STROKE * 0.45)
    p.line([(66, 64), (70, 60)], STROKE * 0.45)
    p.line([(18, 74), (18, 6)], STROKE * 0.6)
    p.line([(18, 34), (50, 34), (50, 6)], STROKE * 0.6)


@figure("study")
def _study(p: Pen) -> None:
    p.poly([(6, 22), (48, 14), (48, 76), (6, 84)])
    p.poly([(94, 22), (52, 14), (52, 76), (94, 84)])
    for y in (68, 56, 44, 32):
        p.line([(14, y + 4), (40, y - 2)], STROKE * 0.3, knock=True, cap=0)
        p.line([(60, y - 2), (86, y + 4)], STROKE * 0.3, knock=True, cap=0)


@figure("ventilation")
def _ventilation(p: Pen) -> None:
    p.frame(20, 8, 40, 84, 0, STROKE * 0.6)
    p.line([(40, 8), (40, 92)], STROKE * 0.4, cap=0)
    p.arrow(4, 62, 96, 62, STROKE * 0.7)
    p.arrow(96, 36, 4, 36, STROKE * 0.7)


@figure("stretcher")
def _stretcher(p: Pen) -> None:
    p.circle(18, 58, 9)
    p.rect(30, 48, 56, 16, 7)
    p.line([(4, 40), (96, 40)], STROKE * 0.6)
    for x in (22, 78):
        p.line([(x, 40), (x, 22)], STROKE * 0.5)
        p.ring(x, 16, 5, STROKE * 0.4)


@figure("assembly_point")
def _assembly_point(p: Pen) -> None:
    with p.at(20, 20, 0.6):
        FIGURES["family"](p)
    for x, y, sx, sy in ((4, 96, 1, -1), (96, 96, -1, -1), (4, 4, 1, 1), (96, 4, -1, 1)):
        p.arrow(x, y, x + sx * 18, y + sy * 18, STROKE * 0.5)
