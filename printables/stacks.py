"""Bilingual text stacks: the Japanese line(s) above the reader's language, measured first,
then drawn. Used by the card, boards and sheets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from phrasebook.languages import Language
from printables.colours import INK
from printables.errors import TextDoesNotFit
from printables.textlayout import Layout, TextBlock

SHRINK = 0.9
PHRASE_SHRINK = 0.7  # fit_stack shrinks text this far to keep CJK phrases whole before breaking them


@dataclass(frozen=True)
class Part:
    """One text of a stack: its language, size in points, weight and colour."""

    text: str
    lang: Language
    size: float
    bold: bool = False
    colour: Color = INK


class Stack:
    """Texts wrapped to one width at their own sizes, one under another."""

    GAP = 0.15  # space between parts, in em of the following part

    def __init__(self, parts: list[Part], width: float, where: str = "a text block",
                 whole_phrases: bool = False) -> None:
        self.width = width
        self.items: list[tuple[Part, Layout]] = []
        for part in parts:
            layout = TextBlock(part.text, part.lang, part.bold).layout(width, part.size, split_words=True,
                                                                       whole_phrases=whole_phrases)
            if layout is None:
                raise TextDoesNotFit(part.text, where, part.size)
            self.items.append((part, layout))

    @property
    def height(self) -> float:
        gaps = sum(part.size * self.GAP for part, _ in self.items[1:])
        return sum(layout.height for _, layout in self.items) + gaps

    @property
    def text_width(self) -> float:
        """The width of the widest line, at most ``width``."""
        return max((layout.width for _, layout in self.items), default=0.0)

    def draw(self, canvas: Canvas, x: float, top: float, align: str = "left") -> float:
        """Draw from ``top`` down; returns the bottom y."""
        y = top
        for i, (part, layout) in enumerate(self.items):
            if i:
                y -= part.size * self.GAP
            canvas.setFillColor(part.colour)
            y = layout.draw(canvas, x, y, self.width, align)
        return y


def fit_stack(parts: list[Part], width: float, height: float, min_pt: float, where: str) -> Stack:
    """A stack whose parts shrink together until it fits ``height``; ``TextDoesNotFit`` when even
    the smallest part would go below ``min_pt``. Down to ``PHRASE_SHRINK`` of their size the parts
    keep Japanese and Chinese phrases whole (トイレは｜どこですか, never どこで｜すか); only text
    that needs more shrinking breaks inside a phrase."""
    smallest = min(part.size for part in parts)
    for whole_phrases, floor in ((True, max(min_pt, smallest * PHRASE_SHRINK)), (False, min_pt)):
        scale = 1.0
        while True:
            try:
                stack = Stack([replace(part, size=part.size * scale) for part in parts], width, where, whole_phrases)
            except TextDoesNotFit:
                stack = None
            if stack is not None and stack.height <= height:
                return stack
            if smallest * scale * SHRINK < floor:
                break
            scale *= SHRINK
    raise TextDoesNotFit(parts[-1].text, where, min_pt)
