"""The printables' named exceptions; each message says what to fix."""

from __future__ import annotations

from phrasebook.errors import PhrasebookError


class PrintableError(PhrasebookError):
    """Base class for every error the printables raise on purpose."""


class FontMissing(PrintableError):
    """A font file the registry needs is not installed or not usable."""


class TextError(PrintableError, ValueError):
    """Text that cannot be drawn (control characters, characters no font has)."""


class TextDoesNotFit(PrintableError, ValueError):
    """Text that does not fit its box even at the smallest allowed size."""

    def __init__(self, text: str, where: str, min_size: float) -> None:
        self.text = text
        shown = text if len(text) <= 60 else text[:57] + "..."
        super().__init__(f"text does not fit {where} even at {min_size:g} pt: {shown!r}")


class LayoutError(PrintableError, ValueError):
    """A request the layout cannot satisfy (too many languages, unknown paper, ...)."""
