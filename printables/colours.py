"""Colours: safety-sign meanings (ISO 3864 / JIS Z 9103) chosen for WCAG 7:1 text contrast."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, black, white

GREEN = HexColor("#00643A")  # safe condition, evacuation
RED = HexColor("#B0001E")  # prohibition, fire equipment
BLUE = HexColor("#004A99")  # mandatory action
YELLOW = HexColor("#F7C600")  # caution (black text and figure)
NAVY = HexColor("#14264A")  # information
INK = HexColor("#111111")
GREY = HexColor("#555555")  # secondary text on white: 7.5:1
RULE = HexColor("#9A9A9A")  # lines and boxes, not text


@dataclass(frozen=True)
class Scheme:
    """A sign's colours: band background, text and pictogram colour on it."""

    band: Color
    text: Color
    figure: Color  # pictogram figure colour on its white panel


SCHEMES: dict[str, Scheme] = {
    "safe_condition": Scheme(GREEN, white, GREEN),
    "prohibition": Scheme(RED, white, INK),
    "fire_equipment": Scheme(RED, white, RED),
    "mandatory": Scheme(BLUE, white, BLUE),
    "caution": Scheme(YELLOW, INK, INK),
    "information": Scheme(NAVY, white, NAVY),
}


def scheme(category: str) -> Scheme:
    """The colours for a sign category; unknown categories are information signs."""
    return SCHEMES.get(category, SCHEMES["information"])


def _luminance(colour: Color) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red) + 0.7152 * channel(colour.green) + 0.0722 * channel(colour.blue)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


__all__ = ["BLUE", "GREEN", "GREY", "INK", "NAVY", "RED", "RULE", "SCHEMES", "YELLOW", "black", "contrast",
           "scheme", "white"]
