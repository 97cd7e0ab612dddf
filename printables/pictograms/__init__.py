"""Our own vector pictograms: ``draw(canvas, key, x, y, size)`` for any key.

A key resolves to a frame and a figure. ``no_*`` keys get the prohibition frame (red ring and
slash over a black figure), ``caution_*`` keys the caution triangle; signs pass their category's
frame. The figure is the key's own drawing, else that of a shorter key (``toilet_portable`` ->
``toilet``, ``no_pets`` -> ``pets``), else a generic figure for the template's category; such
keys are reported by ``is_generic`` so that the gallery can show what still needs a drawing.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas

from printables.colours import BLUE, INK, RED, YELLOW
# these modules register their figures on import
from printables.pictograms import food as _food  # noqa: F401
from printables.pictograms import health as _health  # noqa: F401
from printables.pictograms import places as _places  # noqa: F401
from printables.pictograms import safety as _safety  # noqa: F401
from printables.pictograms import talk as _talk  # noqa: F401
from printables.pictograms.figures import FIGURES, figure
from printables.pictograms.pen import STROKE, Pen

FRAMES = ("plain", "prohibition", "caution", "mandatory")
COMMON_KEYS = (
    "toilet", "toilet_accessible", "toilet_women", "toilet_men", "drinking_water", "food", "supplies",
    "first_aid", "aed", "nursing_room", "changing_room", "no_entry", "no_smoking", "no_fire", "shoes_off",
    "quiet", "lights_out", "charging", "notice_board", "consultation", "interpreter", "pets", "rubbish",
    "hand_washing", "emergency_exit", "evacuation", "women_only", "prayer_room", "out_of_order", "reception",
    "shelter", "earthquake", "tsunami", "phone", "medicine", "blanket", "baby",
    "food_egg", "food_milk", "food_wheat", "food_buckwheat", "food_peanut", "food_shrimp", "food_crab",
    "food_walnut", "food_pork", "food_beef", "food_chicken", "food_lamb", "food_fish", "food_alcohol",
    "food_soy", "food_sesame",
)
_PREFIX_FRAMES = {"no_": "prohibition", "caution_": "caution"}
_KEY_FRAMES = {"not_drinking_water": "prohibition", "caution": "caution", "danger": "caution"}
# generic figures by template category (signs, board items, food items)
GENERIC = {
    "information": "_info", "safe_condition": "evacuation", "fire_equipment": "fire_extinguisher",
    "mandatory": "danger", "caution": "danger", "prohibition": "_blank",
    "question": "_question", "symptom": "_symptom", "time": "clock", "number": "_bubble",
    "answer": "_bubble", "courtesy": "_bubble", "request": "_bubble", "instruction": "_bubble",
    "need": "_bubble", "allergen": "_allergen", "dietary": "food", "religious": "food", "rule": "food",
}


def frame_of(key: str) -> str:
    """The frame a key implies by its prefix ('plain' when none)."""
    if key in _KEY_FRAMES:
        return _KEY_FRAMES[key]
    return next((frame for prefix, frame in _PREFIX_FRAMES.items() if key.startswith(prefix)), "plain")


def figure_of(key: str, category: str = "") -> str:
    """The figure key drawn for ``key``: its own, a shorter key's, or the category's generic one."""
    if key in FIGURES:
        return key
    parts = key.split("_")
    for prefix in _PREFIX_FRAMES:
        if key.startswith(prefix):
            parts = key[len(prefix):].split("_")
    for n in range(len(parts), 0, -1):
        candidate = "_".join(parts[:n])
        if candidate in FIGURES:
            return candidate
    return GENERIC.get(category, "_info")


def is_generic(key: str, category: str = "") -> bool:
    """True when ``key`` has no drawing of its own or of a shorter key."""
    return figure_of(key, category) not in (key, *_shorter(key))


def _shorter(key: str) -> list[str]:
    parts = key.split("_")
    out = ["_".join(parts[:n]) for n in range(1, len(parts))]
    for prefix in _PREFIX_FRAMES:
        if key.startswith(prefix):
            rest = key[len(prefix):].split("_")
            out += ["_".join(rest[:n]) for n in range(1, len(rest) + 1)]
    return out


def draw(canvas: Canvas, key: str, x: float, y: float, size: float, fg: Color = INK,
         frame: str | None = None, category: str = "") -> None:
    """Draw pictogram ``key`` in a ``size`` pt square with lower-left corner (x, y).

    ``fg`` colours plain figures; ``frame`` overrides the frame the key's prefix implies.
    """
    frame = frame or frame_of(key)
    if frame not in FRAMES:
        raise ValueError(f"unknown pictogram frame {frame!r}")
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / 100, size / 100)
    draw_figure = FIGURES[figure_of(key, category)]
    if frame == "plain":
        draw_figure(Pen(canvas, fg))
    elif frame == "prohibition":
        _inset(canvas, draw_figure, Pen(canvas, INK), 0.62)
        pen = Pen(canvas, RED)
        pen.ring(50, 50, 44, STROKE * 1.1)
        pen.line([(19, 81), (81, 19)], STROKE * 1.1, cap=0)
    elif frame == "caution":
        Pen(canvas, INK).poly([(50, 96), (98, 8), (2, 8)])
        Pen(canvas, YELLOW).poly([(50, 84), (88, 14), (12, 14)])
        canvas.translate(0, -8)
        _inset(canvas, draw_figure, Pen(canvas, INK, YELLOW), 0.46)
    else:
        Pen(canvas, BLUE).circle(50, 50, 48)
        _inset(canvas, draw_figure, Pen(canvas, white, BLUE), 0.62)
    canvas.restoreState()


def _inset(canvas: Canvas, draw_figure, pen: Pen, scale: float) -> None:
    canvas.saveState()
    canvas.translate(50 * (1 - scale), 50 * (1 - scale))
    canvas.scale(scale, scale)
    draw_figure(pen)
    canvas.restoreState()


@figure("_info")
def _info(p: Pen) -> None:
    p.ring(50, 50, 42, STROKE * 0.8)
    p.circle(50, 70, 7)
    p.rect(43, 20, 14, 38, 4)


@figure("_blank")
def _blank(p: Pen) -> None:
    """Nothing: the prohibition frame alone is the generic prohibition sign."""


@figure("_bubble")
def _bubble(p: Pen) -> None:
    p.rect(8, 30, 84, 60, 14)
    p.poly([(24, 32), (44, 32), (20, 10)])
    for cx in (30, 50, 70):
        p.circle(cx, 60, 6, knock=True)


@figure("_question")
def _question(p: Pen) -> None:
    p.rect(8, 30, 84, 60, 14)
    p.poly([(24, 32), (44, 32), (20, 10)])
    p.arc(50, 68, 11, -60, 230, STROKE * 0.8, knock=True)
    p.line([(55, 59), (50, 52), (50, 48)], STROKE * 0.8, knock=True)
    p.circle(50, 38, 4.5, knock=True)


@figure("_symptom")
def _symptom(p: Pen) -> None:
    p.circle(40, 62, 24)
    p.rect(16, 6, 48, 30, 12)
    p.rect(74, 40, 12, 46, 6)
    p.circle(80, 22, 7)


@figure("_allergen", "allergy")
def _allergen(p: Pen) -> None:
    p.wedge(40, 56, 34, 180, 180)
    p.rect(4, 54, 72, 6)
    p.rect(78, 40, 12, 48, 6)
    p.circle(84, 24, 7)
    p.rect(22, 10, 36, 8, 3)


@figure("fire_extinguisher")
def _fire_extinguisher(p: Pen) -> None:
    p.rect(30, 6, 36, 66, 12)
    p.rect(40, 72, 16, 10)
    p.line([(34, 86), (62, 86)], STROKE * 0.7)
    p.line([(56, 80), (78, 80), (86, 60)], STROKE * 0.6)


def all_keys() -> list[str]:
    """Every key with a drawing of its own (generic helper figures excluded)."""
    return sorted(k for k in FIGURES if not k.startswith("_"))
