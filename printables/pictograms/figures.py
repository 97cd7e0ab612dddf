"""Figures for shelter, facility and hazard pictograms, drawn in the 100-unit box by a Pen.

One style throughout (ISO 7001-like): solid silhouettes, round-capped limbs of one stroke
weight, no text. Each function draws only the figure; frames are added by ``pictograms.draw``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from printables.pictograms.pen import STROKE, Pen

Figure = Callable[[Pen], None]
FIGURES: dict[str, Figure] = {}


def figure(*keys: str) -> Callable[[Figure], Figure]:
    def register(func: Figure) -> Figure:
        for key in keys:
            FIGURES[key] = func
        return func
    return register


# --- people -------------------------------------------------------------------------------

def man(p: Pen, cx: float = 50, scale: float = 1.0, base: float = 8) -> None:
    s = scale
    p.circle(cx, base + 78 * s, 8 * s)
    p.rect(cx - 13 * s, base + 38 * s, 26 * s, 29 * s, 5 * s)
    p.rect(cx - 12 * s, base, 10.5 * s, 42 * s, 4 * s)
    p.rect(cx + 1.5 * s, base, 10.5 * s, 42 * s, 4 * s)
    p.rect(cx - 19.5 * s, base + 36 * s, 5.5 * s, 29 * s, 2.7 * s)
    p.rect(cx + 14 * s, base + 36 * s, 5.5 * s, 29 * s, 2.7 * s)


def woman(p: Pen, cx: float = 50, scale: float = 1.0, base: float = 8) -> None:
    s = scale
    p.circle(cx, base + 78 * s, 8 * s)
    p.poly([(cx - 9 * s, base + 67 * s), (cx + 9 * s, base + 67 * s), (cx + 19 * s, base + 28 * s),
            (cx - 19 * s, base + 28 * s)])
    p.rect(cx - 8 * s, base + 55 * s, 16 * s, 12 * s, 4 * s)
    p.rect(cx - 9 * s, base, 7 * s, 30 * s, 3.5 * s)
    p.rect(cx + 2 * s, base, 7 * s, 30 * s, 3.5 * s)
    p.rect(cx - 18 * s, base + 40 * s, 5.5 * s, 25 * s, 2.7 * s)
    p.rect(cx + 12.5 * s, base + 40 * s, 5.5 * s, 25 * s, 2.7 * s)


def runner(p: Pen, cx: float = 50, scale: float = 1.0, base: float = 8, width: float = STROKE) -> None:
    """A person running to the right."""
    def at(x: float, y: float) -> tuple[float, float]:
        return cx + x * scale, base + y * scale
    w = width * scale
    p.circle(*at(10, 80), 9 * scale)
    p.line([at(4, 64), at(-8, 36)], w * 1.4)
    p.line([at(-8, 36), at(8, 20), at(2, 2)], w)
    p.line([at(-8, 36), at(-22, 22), at(-36, 22)], w)
    p.line([at(4, 62), at(18, 50), at(30, 56)], w)
    p.line([at(2, 62), at(-12, 56), at(-20, 44)], w)


def bust(p: Pen, cx: float, base: float, scale: float = 1.0) -> None:
    """Head and shoulders."""
    p.circle(cx, base + 30 * scale, 9 * scale)
    p.curve(lambda path: (path.moveTo(cx - 17 * scale, base), path.lineTo(cx - 17 * scale, base + 8 * scale),
                          path.curveTo(cx - 17 * scale, base + 18 * scale, cx - 10 * scale, base + 20 * scale,
                                       cx, base + 20 * scale),
                          path.curveTo(cx + 10 * scale, base + 20 * scale, cx + 17 * scale, base + 18 * scale,
                                       cx + 17 * scale, base + 8 * scale),
                          path.lineTo(cx + 17 * scale, base)))


@figure("toilet_men", "man")
def _toilet_men(p: Pen) -> None:
    man(p)


@figure("toilet_women", "woman")
def _toilet_women(p: Pen) -> None:
    woman(p)


@figure("toilet")
def _toilet(p: Pen) -> None:
    man(p, 26, 0.85, 10)
    woman(p, 74, 0.85, 10)
    p.line([(50, 8), (50, 92)], STROKE * 0.35, cap=0)


@figure("toilet_accessible", "wheelchair")
def _wheelchair(p: Pen) -> None:
    p.circle(38, 84, 8)
    p.line([(36, 70), (36, 44), (62, 44), (72, 20), (80, 20)], STROKE)
    p.line([(36, 60), (54, 60)], STROKE * 0.8)
    p.arc(42, 36, 24, 100, 270, STROKE * 0.8)


@figure("family", "children")
def _family(p: Pen) -> None:
    man(p, 24, 0.8, 8)
    woman(p, 76, 0.8, 8)
    man(p, 50, 0.5, 8)


@figure("staff", "volunteer")
def _staff(p: Pen) -> None:
    man(p)
    p.rect(34, 52, 32, 10, 2, knock=True)


@figure("pregnant")
def _pregnant(p: Pen) -> None:
    woman(p)
    p.circle(62, 46, 11)


@figure("evacuation", "evacuation_route", "exit")
def _evacuation(p: Pen) -> None:
    runner(p, 40, 0.95, 6)
    p.arrow(66, 20, 96, 20, STROKE * 0.9)


@figure("emergency_exit")
def _emergency_exit(p: Pen) -> None:
    p.frame(60, 6, 34, 86, 0, STROKE * 0.7)
    runner(p, 36, 0.9, 6)
    p.arrow(62, 50, 88, 50, STROKE * 0.8)


@figure("reception", "register_here", "information")
def _reception(p: Pen) -> None:
    bust(p, 50, 44, 1.3)
    p.rect(10, 10, 80, 30, 3)
    p.rect(6, 38, 88, 7, 2)


@figure("consultation", "help", "meeting")
def _consultation(p: Pen) -> None:
    bust(p, 26, 8, 1.05)
    bust(p, 74, 8, 1.05)
    _bubble(p, 8, 58, 40, 30, tail_left=True)
    _bubble(p, 52, 58, 40, 30, tail_left=False)
    for x in (18, 28, 38):
        p.circle(x, 73, 3, knock=True)
    for x in (62, 72, 82):
        p.circle(x, 73, 3, knock=True)


def _bubble(p: Pen, x: float, y: float, w: float, h: float, tail_left: bool) -> None:
    p.rect(x, y, w, h, 8)
    tx = x + (10 if tail_left else w - 10)
    p.poly([(tx - 6, y + 2), (tx + 6, y + 2), (tx + (-8 if tail_left else 8), y - 9)])


@figure("interpreter", "globe")
def _interpreter(p: Pen) -> None:
    _bubble(p, 6, 46, 48, 42, tail_left=True)
    _bubble(p, 46, 10, 48, 42, tail_left=False)
    p.line([(18, 54), (30, 80), (42, 54)], STROKE * 0.6, knock=True)
    p.line([(23, 63), (37, 63)], STROKE * 0.5, knock=True)
    p.line([(56, 40), (84, 40)], STROKE * 0.5, knock=True)
    p.line([(70, 46), (70, 18)], STROKE * 0.5, knock=True)
    p.line([(58, 22), (70, 32), (82, 22)], STROKE * 0.5, knock=True)


@figure("drinking_water", "not_drinking_water", "water_supply", "water_truck")
def _drinking_water(p: Pen) -> None:
    p.line([(14, 82), (46, 82), (46, 70)], STROKE * 1.2, cap=0)
    p.rect(8, 74, 12, 16, 2)
    p.drop(46, 50, 6)
    p.poly([(30, 36), (70, 36), (64, 6), (36, 6)])
    p.poly([(34, 32), (66, 32), (64, 22), (36, 22)], knock=True)


@figure("hand_washing", "hand_sanitiser", "keep_clean")
def _hand_washing(p: Pen) -> None:
    p.line([(10, 86), (46, 86), (46, 74)], STROKE * 1.1, cap=0)
    p.drop(46, 60, 4.5)
    p.curve(lambda path: (path.moveTo(14, 10), path.curveTo(14, 30, 22, 44, 40, 44),
                          path.lineTo(56, 44), path.curveTo(60, 44, 60, 38, 56, 38), path.lineTo(42, 36),
                          path.lineTo(58, 30), path.curveTo(64, 28, 62, 20, 56, 22), path.lineTo(34, 26),
                          path.lineTo(34, 10)))
    p.curve(lambda path: (path.moveTo(86, 10), path.curveTo(86, 30, 78, 42, 64, 46),
                          path.lineTo(62, 40), path.lineTo(70, 34), path.lineTo(66, 28), path.lineTo(66, 10)))


@figure("food", "eating", "kitchen", "cooking", "baby_food")
def _food(p: Pen) -> None:
    p.ring(50, 48, 26, STROKE * 0.8)
    p.line([(12, 90), (12, 66)], STROKE * 0.5)
    p.line([(20, 90), (20, 66)], STROKE * 0.5)
    p.line([(28, 90), (28, 66)], STROKE * 0.5)
    p.curve(lambda path: (path.moveTo(10, 68), path.lineTo(30, 68), path.curveTo(30, 60, 24, 58, 24, 54),
                          path.lineTo(16, 54), path.curveTo(16, 58, 10, 60, 10, 68)))
    p.line([(20, 56), (20, 8)], STROKE * 0.9)
    p.curve(lambda path: (path.moveTo(84, 90), path.curveTo(72, 84, 72, 60, 76, 48), path.lineTo(84, 48)))
    p.line([(80, 50), (80, 8)], STROKE * 0.9)


@figure("supplies", "emergency_bag", "clothes", "sanitary_products", "valuables", "lost_found")
def _supplies(p: Pen) -> None:
    p.rect(12, 8, 76, 56)
    p.poly([(12, 66), (88, 66), (80, 80), (20, 80)])
    p.rect(44, 40, 12, 40, knock=True)
    p.rect(48, 8, 4, 56, knock=True)


@figure("blanket", "bed", "sleep", "rest_area", "living_space")
def _blanket(p: Pen) -> None:
    for i, y in enumerate((10, 34, 58)):
        p.rect(14 + i * 3, y, 72 - i * 6, 20, 6)
        p.line([(22 + i * 3, y + 10), (78 - i * 3, y + 10)], STROKE * 0.3, knock=True, cap=0)


@figure("first_aid", "hospital", "doctor")
def _first_aid(p: Pen) -> None:
    p.rect(8, 8, 84, 84, 10)
    p.rect(40, 20, 20, 60, knock=True)
    p.rect(20, 40, 60, 20, knock=True)


@figure("aed")
def _aed(p: Pen) -> None:
    def heart(path):
        path.moveTo(50, 10)
        path.curveTo(30, 30, 6, 44, 6, 66)
        path.curveTo(6, 90, 40, 96, 50, 74)
        path.curveTo(60, 96, 94, 90, 94, 66)
        path.curveTo(94, 44, 70, 30, 50, 10)
    p.curve(heart)
    p.bolt(50, 54, 52, knock=True)


@figure("medicine")
def _medicine(p: Pen) -> None:
    p.c.saveState()
    p.c.translate(40, 56)
    p.c.rotate(40)
    p.rect(-34, -13, 68, 26, 13)
    p.rect(0, -9, 30, 18, 9, knock=True)
    p.c.restoreState()
    p.circle(72, 24, 16)
    p.line([(60, 24), (84, 24)], STROKE * 0.4, knock=True, cap=0)


@figure("baby", "diaper", "baby_changing")
def _baby(p: Pen) -> None:
    p.wedge(44, 50, 32, 0, 180)
    p.curve(lambda path: (path.moveTo(12, 50), path.lineTo(86, 50), path.curveTo(86, 34, 74, 28, 60, 28),
                          path.lineTo(40, 28), path.curveTo(24, 28, 12, 34, 12, 50)))
    p.line([(86, 50), (92, 80)], STROKE * 0.7)
    p.circle(26, 16, 9)
    p.circle(72, 16, 9)


@figure("nursing_room", "baby_milk")
def _nursing_room(p: Pen) -> None:
    p.rect(36, 62, 28, 8, 2)
    p.curve(lambda path: (path.moveTo(44, 70), path.lineTo(44, 78), path.curveTo(44, 92, 56, 92, 56, 78),
                          path.lineTo(56, 70)))
    p.rect(30, 8, 40, 52, 10)
    for y in (22, 34, 46):
        p.line([(30, y), (44, y)], STROKE * 0.35, knock=True, cap=0)


@figure("changing_room")
def _changing_room(p: Pen) -> None:
    p.arc(50, 78, 8, -90, 270, STROKE * 0.6)
    p.line([(50, 70), (10, 40), (90, 40), (50, 70)], STROKE * 0.8)
    p.rect(22, 8, 56, 26, 4)


@figure("shoes_off", "shoes")
def _shoes_off(p: Pen) -> None:
    p.curve(lambda path: (path.moveTo(8, 12), path.lineTo(8, 50), path.lineTo(30, 50), path.lineTo(36, 38),
                          path.curveTo(50, 32, 70, 30, 72, 20), path.lineTo(72, 12)))
    p.arrow(50, 60, 86, 88, STROKE * 0.8)


def profile(p: Pen) -> None:
    """A head and neck facing right (x 18-80, y 8-92; the mouth is near (74, 42))."""
    def head(path):
        path.moveTo(30, 8)
        path.lineTo(30, 30)
        path.curveTo(14, 40, 14, 86, 46, 90)
        path.curveTo(70, 92, 76, 72, 72, 62)
        path.lineTo(80, 50)
        path.lineTo(72, 48)
        path.lineTo(72, 36)
        path.curveTo(72, 30, 66, 30, 60, 30)
        path.lineTo(58, 8)
    p.curve(head)


def walker(p: Pen, cx: float = 50, scale: float = 1.0, base: float = 8, width: float = STROKE) -> None:
    """A person walking to the right (calmer than ``runner``)."""
    def at(x: float, y: float) -> tuple[float, float]:
        return cx + x * scale, base + y * scale
    w = width * scale
    p.circle(*at(2, 80), 9 * scale)
    p.line([at(0, 64), at(-2, 38)], w * 1.5)
    p.line([at(-2, 36), at(8, 18), at(12, 2)], w)
    p.line([at(-2, 36), at(-10, 18), at(-18, 2)], w)
    p.line([at(0, 62), at(10, 46), at(16, 36)], w * 0.9)
    p.line([at(-2, 62), at(-12, 48), at(-16, 38)], w * 0.9)


def zigzag(p: Pen, x1: float, y1: float, x2: float, y2: float, turns: int = 3, amp: float = 4,
           width: float = STROKE * 0.4, knock: bool = False) -> None:
    """A zigzag line from (x1, y1) to (x2, y2): pain, shivering, itching."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * amp, dx / length * amp
    points = [(x1, y1)]
    for i in range(1, turns * 2):
        side = 1 if i % 2 else -1
        points.append((x1 + dx * i / (turns * 2) + nx * side, y1 + dy * i / (turns * 2) + ny * side))
    points.append((x2, y2))
    p.line(points, width, knock)


def burst(p: Pen, cx: float, cy: float, r: float, points: int = 8, knock: bool = False) -> None:
    """A star burst: pain, impact."""
    corners = []
    for i in range(points * 2):
        radius = r if i % 2 == 0 else r * 0.5
        angle = math.pi / 2 + math.pi * i / points
        corners.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    p.poly(corners, knock)


def steam(p: Pen, xs: tuple[float, ...], y1: float, y2: float, width: float = STROKE * 0.45) -> None:
    """Wavy lines rising from y1 to y2: hot water, a bath."""
    for x in xs:
        h = (y2 - y1) / 2
        p.curve(lambda path, x=x, h=h: (path.moveTo(x, y1),
                                         path.curveTo(x - 7, y1 + h * 0.5, x - 7, y1 + h * 0.5, x, y1 + h),
                                         path.curveTo(x + 7, y1 + h * 1.5, x + 7, y1 + h * 1.5, x, y2)),
                fill=False, width=width, close=False)


def arc_arrow(p: Pen, cx: float, cy: float, r: float, start: float, extent: float,
              width: float = STROKE * 0.8) -> None:
    """An arc (degrees, anticlockwise for a positive extent) ending in an arrowhead: again, flush, close."""
    head = width * 2.2
    sign = 1 if extent > 0 else -1
    end = math.radians(start + extent - sign * math.degrees(head * 0.8 / r))
    p.arc(cx, cy, r, start, extent - sign * math.degrees(head * 0.8 / r), width)
    x, y = cx + r * math.cos(end), cy + r * math.sin(end)
    tx, ty = -math.sin(end) * sign, math.cos(end) * sign
    nx, ny = math.cos(end) * head * 0.8, math.sin(end) * head * 0.8
    p.poly([(x + tx * head, y + ty * head), (x + nx, y + ny), (x - nx, y - ny)])


def crossed(p: Pen, x1: float = 16, y1: float = 88, x2: float = 86, y2: float = 12) -> None:
    """A bar with a cut-out edge struck through a figure: the thing is missing (outages)."""
    p.line([(x1, y1), (x2, y2)], STROKE * 1.5, knock=True, cap=0)
    p.line([(x1, y1), (x2, y2)], STROKE * 0.8, cap=0)


@figure("quiet", "slowly")
def _quiet(p: Pen) -> None:
    profile(p)
    p.rect(82, 30, 7, 34, 3.5)


@figure("lights_out", "night", "evening")
def _lights_out(p: Pen) -> None:
    p.circle(44, 52, 34)
    p.circle(62, 64, 30, knock=True)
    for x, y, r in ((78, 26, 4), (86, 44, 3), (66, 16, 3)):
        p.circle(x, y, r)


@figure("charging", "power", "generator")
def _charging(p: Pen) -> None:
    p.rect(26, 6, 48, 88, 8)
    p.rect(32, 18, 36, 64, 2, knock=True)
    p.bolt(50, 50, 46)


@figure("phone", "emergency_phone")
def _phone(p: Pen) -> None:
    p.arc(50, 30, 40, 40, 100, STROKE * 1.4)
    p.c.saveState()
    p.c.translate(19, 56)
    p.c.rotate(-30)
    p.rect(-10, -8, 20, 16, 6)
    p.c.restoreState()
    p.c.saveState()
    p.c.translate(81, 56)
    p.c.rotate(30)
    p.rect(-10, -8, 20, 16, 6)
    p.c.restoreState()
    p.rect(24, 6, 52, 30, 6)
    p.circle(50, 21, 8, knock=True)


@figure("smartphone", "wifi", "no_phone")
def _smartphone(p: Pen) -> None:
    p.rect(28, 6, 44, 88, 8)
    p.rect(33, 18, 34, 66, 2, knock=True)
    p.circle(50, 12, 3, knock=True)


@figure("notice_board", "document", "hazard_map", "write")
def _notice_board(p: Pen) -> None:
    p.frame(10, 30, 80, 62, 3, STROKE * 0.7)
    p.line([(22, 30), (18, 6)], STROKE * 0.7)
    p.line([(78, 30), (82, 6)], STROKE * 0.7)
    p.rect(20, 44, 26, 38)
    p.rect(54, 56, 26, 26)
    for y in (72, 62, 52):
        p.line([(24, y), (42, y)], STROKE * 0.25, knock=True, cap=0)


@figure("pets", "assistance_dog", "no_pets")
def _pets(p: Pen) -> None:
    p.ellipse(28, 10, 72, 48)
    for cx, cy in ((20, 56), (38, 76), (62, 76), (80, 56)):
        p.ellipse(cx - 9, cy - 12, cx + 9, cy + 12)


@figure("rubbish", "cleaning")
def _rubbish(p: Pen) -> None:
    p.poly([(20, 70), (80, 70), (74, 6), (26, 6)])
    p.rect(14, 74, 72, 8, 2)
    p.rect(40, 82, 20, 8, 3)
    for x in (36, 50, 64):
        p.line([(x, 60), (x, 16)], STROKE * 0.45, knock=True)


@figure("women_only")
def _women_only(p: Pen) -> None:
    p.poly([(50, 96), (94, 58), (86, 58), (86, 4), (14, 4), (14, 58), (6, 58)])
    p.bg, p.fg = p.fg, p.bg
    woman(p, 50, 0.68, 8)
    p.bg, p.fg = p.fg, p.bg


@figure("prayer_room", "ablution")
def _prayer_room(p: Pen) -> None:
    p.rect(6, 6, 88, 8, 2)
    p.circle(70, 30, 9)
    p.line([(30, 20), (46, 44), (62, 36)], STROKE * 1.3)
    p.line([(30, 20), (54, 20)], STROKE)
    p.line([(52, 40), (58, 24)], STROKE * 0.7)


@figure("out_of_order", "under_repair", "building_inspection")
def _out_of_order(p: Pen) -> None:
    p.c.saveState()
    p.c.translate(50, 50)
    p.c.rotate(-45)
    p.rect(-7, -40, 14, 62, 6)
    p.circle(0, 30, 18)
    p.rect(-6, 30, 12, 20, knock=True)
    p.c.restoreState()


@figure("shelter", "evacuation_site", "home", "temporary_housing", "school", "cooling_shelter")
def _shelter(p: Pen) -> None:
    p.poly([(50, 94), (96, 54), (84, 54), (84, 6), (16, 6), (16, 54), (4, 54)])
    p.bg, p.fg = p.fg, p.bg
    man(p, 38, 0.48, 6)
    woman(p, 62, 0.48, 6)
    p.bg, p.fg = p.fg, p.bg


@figure("earthquake")
def _earthquake(p: Pen) -> None:
    p.c.saveState()
    p.c.translate(50, 26)
    p.c.rotate(8)
    p.poly([(0, 66), (34, 36), (26, 36), (26, 0), (-26, 0), (-26, 36), (-34, 36)])
    p.line([(-4, 50), (6, 34), (-4, 20), (4, 2)], STROKE * 0.5, knock=True, cap=0)
    p.c.restoreState()
    for y in (8, 18):
        p.line([(6, y), (20, y + 5), (34, y), (48, y + 5), (62, y), (76, y + 5), (94, y)], STROKE * 0.55)


@figure("tsunami", "storm_surge", "tsunami_evacuation_site", "tsunami_evacuation_building")
def _tsunami(p: Pen) -> None:
    def wave(path):
        path.moveTo(4, 6)
        path.lineTo(4, 40)
        path.curveTo(10, 72, 40, 94, 70, 90)
        path.curveTo(90, 88, 96, 72, 86, 62)
        path.curveTo(78, 54, 64, 60, 68, 70)
        path.curveTo(50, 70, 40, 52, 46, 36)
        path.curveTo(54, 20, 80, 18, 96, 22)
        path.lineTo(96, 6)
    p.curve(wave)


@figure("danger", "caution", "alert")
def _exclamation(p: Pen) -> None:
    p.rect(42, 34, 16, 56, 7)
    p.circle(50, 16, 9)


@figure("not_ok", "no", "dont_understand", "dont_know")
def _cross(p: Pen) -> None:
    p.line([(20, 20), (80, 80)], STROKE * 1.6)
    p.line([(20, 80), (80, 20)], STROKE * 1.6)


@figure("ok", "yes", "thank_you")
def _ok(p: Pen) -> None:
    p.ring(50, 50, 36, STROKE * 1.6)


@figure("clock", "wait", "morning", "noon", "calendar", "queue")
def _clock(p: Pen) -> None:
    p.ring(50, 50, 38, STROKE * 0.9)
    p.line([(50, 50), (50, 76)], STROKE * 0.8)
    p.line([(50, 50), (68, 40)], STROKE * 0.8)


@figure("fire", "no_fire")
def _fire(p: Pen) -> None:
    def flame(path):
        path.moveTo(50, 6)
        path.curveTo(24, 6, 16, 30, 24, 48)
        path.curveTo(30, 62, 44, 70, 46, 94)
        path.curveTo(58, 80, 62, 66, 60, 56)
        path.curveTo(68, 62, 70, 70, 70, 76)
        path.curveTo(84, 60, 86, 38, 80, 26)
        path.curveTo(74, 12, 62, 6, 50, 6)
    p.curve(flame)
    p.curve(lambda path: (path.moveTo(50, 14), path.curveTo(38, 14, 34, 28, 40, 36),
                          path.curveTo(46, 44, 50, 48, 50, 56), path.curveTo(60, 46, 66, 34, 62, 24),
                          path.curveTo(60, 18, 56, 14, 50, 14)), knock=True)


@figure("smoking", "smoking_area", "no_smoking")
def _smoking(p: Pen) -> None:
    p.rect(8, 30, 62, 14)
    p.rect(72, 30, 10, 14)
    p.line([(76, 52), (70, 62), (80, 74), (74, 86)], STROKE * 0.6)


@figure("entry", "no_entry", "entrance")
def _entry(p: Pen) -> None:
    runner(p, 46, 0.95, 6)
