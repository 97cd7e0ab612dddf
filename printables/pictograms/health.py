"""Health pictograms for the pointing boards: symptoms, fever checks and masks (our own drawings)."""

from __future__ import annotations

from printables.pictograms.figures import FIGURES, burst, bust, figure, profile, steam, zigzag
from printables.pictograms.pen import STROKE, Pen

__all__ = ["FIGURES"]


def big_bust(p: Pen, scale: float = 1.8, base: float = 4) -> None:
    """Head and shoulders filling the box, leaving room above or beside for a sign of the symptom."""
    bust(p, 50, base, scale)


def face(p: Pen) -> None:
    """A large face on shoulders with two eyes (x 14-86, y 4-92)."""
    p.wedge(50, 4, 38, 0, 180)
    p.circle(50, 60, 33, knock=True)
    p.circle(50, 60, 29)
    p.circle(39, 68, 3.5, knock=True)
    p.circle(61, 68, 3.5, knock=True)


@figure("headache")
def _headache(p: Pen) -> None:
    big_bust(p)
    zigzag(p, 28, 72, 10, 86, 2, 3.5)
    zigzag(p, 50, 80, 50, 96, 2, 3.5)
    zigzag(p, 72, 72, 90, 86, 2, 3.5)


@figure("chest_pain")
def _chest_pain(p: Pen) -> None:
    big_bust(p, 2.2)
    burst(p, 50, 24, 15, knock=True)


@figure("stomachache")
def _stomachache(p: Pen) -> None:
    p.circle(56, 80, 9)
    p.line([(50, 66), (42, 52), (40, 40)], STROKE * 1.5)
    p.line([(40, 38), (50, 22), (46, 6)], STROKE)
    p.line([(40, 38), (30, 22), (24, 6)], STROKE)
    p.line([(50, 64), (58, 52), (50, 42)], STROKE * 0.9)
    burst(p, 72, 44, 13)


@figure("nausea")
def _nausea(p: Pen) -> None:
    with p.at(-4, 8, 0.84):
        profile(p)
    steam(p, (78, 92), 44, 6, STROKE * 0.6)


@figure("cough")
def _cough(p: Pen) -> None:
    with p.at(-8, 8, 0.84):
        profile(p)
    for y1, y2 in ((48, 64), (44, 44), (40, 24)):
        p.line([(70, y1 + (y2 - y1) * 0.1), (82, y1 + (y2 - y1) * 0.55)], STROKE * 0.5)
        p.circle(92, y2, 4)


@figure("breathing")
def _breathing(p: Pen) -> None:
    def lobe(side: int):
        def build(path):
            path.moveTo(50 - side * 6, 64)
            path.curveTo(50 - side * 18, 76, 50 - side * 38, 62, 50 - side * 40, 32)
            path.curveTo(50 - side * 41, 12, 50 - side * 28, 6, 50 - side * 16, 10)
            path.curveTo(50 - side * 6, 14, 50 - side * 6, 24, 50 - side * 6, 32)
        return build
    p.curve(lobe(1))
    p.curve(lobe(-1))
    p.line([(50, 94), (50, 58)], STROKE * 0.8)
    for side in (1, -1):
        p.line([(50, 62), (50 - side * 14, 50), (50 - side * 16, 34)], STROKE * 0.45, knock=True)


@figure("dizzy")
def _dizzy(p: Pen) -> None:
    big_bust(p, 1.7)
    p.curve(lambda path: path.ellipse(18, 76, 64, 18), fill=False, width=STROKE * 0.4, close=False)
    burst(p, 22, 88, 7, 5)
    burst(p, 78, 80, 7, 5)


def _snowflake(p: Pen, cx: float, cy: float, r: float) -> None:
    for angle in (0, 60, 120):
        with p.at(cx, cy, 1, angle):
            p.line([(-r, 0), (r, 0)], STROKE * 0.4)


@figure("cold")
def _cold(p: Pen) -> None:
    big_bust(p, 1.7)
    zigzag(p, 10, 8, 10, 46, 3, 4)
    zigzag(p, 90, 8, 90, 46, 3, 4)
    _snowflake(p, 80, 82, 13)


def sun(p: Pen, cx: float, cy: float, r: float) -> None:
    """A sun: a disc and eight short rays."""
    p.circle(cx, cy, r)
    for i in range(8):
        with p.at(cx, cy, 1, i * 45):
            p.line([(r * 1.4, 0), (r * 1.9, 0)], STROKE * 0.35)


@figure("heat")
def _heat(p: Pen) -> None:
    bust(p, 40, 4, 1.7)
    sun(p, 80, 80, 9)
    p.drop(16, 64, 4)
    p.drop(66, 54, 4)


@figure("itch")
def _itch(p: Pen) -> None:
    p.rect(4, 10, 92, 26, 13)
    with p.at(60, 92, 0.62, 180):
        hand(p)
    for x in (20, 84):
        zigzag(p, x, 44, x, 66, 2, 3.5, STROKE * 0.4)


@figure("diarrhoea")
def _diarrhoea(p: Pen) -> None:
    toilet_bowl(p)
    burst(p, 78, 82, 11)


def toilet_bowl(p: Pen) -> None:
    """A western toilet seen from the side, tank on the left (x 10-84, y 6-82)."""
    p.rect(10, 48, 20, 34, 3)
    p.rect(30, 44, 54, 6, 3)
    p.curve(lambda path: (path.moveTo(30, 40), path.lineTo(82, 40), path.curveTo(82, 26, 70, 20, 58, 20),
                          path.lineTo(56, 6), path.lineTo(32, 6), path.lineTo(30, 20)))


@figure("bleeding")
def _bleeding(p: Pen) -> None:
    with p.at(40, 6, 1, 20):
        hand(p, 0.9)
    p.line([(24, 66), (44, 58)], STROKE * 0.4, knock=True)
    p.drop(80, 56, 6)
    p.drop(72, 26, 7)


def hand(p: Pen, scale: float = 1.0) -> None:
    """An open hand, fingers up, wrist at the origin (x -24..24, y 0..88)."""
    s = scale
    p.rect(-20 * s, 0, 36 * s, 50 * s, 10 * s)
    for i, top in enumerate((78, 88, 84, 72)):
        p.rect((-20 + i * 9.5) * s, 30 * s, 7.8 * s, (top - 30) * s, 3.9 * s)
    with p.at(14 * s, 18 * s, 1, 40):
        p.rect(0, -4 * s, 30 * s, 8.4 * s, 4.2 * s)


@figure("thermometer")
def _thermometer(p: Pen) -> None:
    with p.at(50, 50, 1, -35):
        p.circle(0, -30, 15)
        p.frame(-10, -30, 20, 72, 10, STROKE * 0.7)
        p.rect(-4, -30, 8, 46, 4)
        for y in (0, 12, 24):
            p.line([(14, y), (22, y)], STROKE * 0.4)


@figure("wear_mask")
def _wear_mask(p: Pen) -> None:
    face(p)
    p.rect(28, 34, 44, 24, 8, knock=True)
    p.line([(28, 54), (20, 66)], STROKE * 0.35, knock=True)
    p.line([(72, 54), (80, 66)], STROKE * 0.35, knock=True)
    for y in (41, 48):
        p.line([(34, y), (66, y)], STROKE * 0.25, cap=0)
