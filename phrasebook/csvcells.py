"""CSV cells that spreadsheet programs show as text: a cell that would start a formula, or that
starts with an apostrophe itself, gets a leading apostrophe (``excel_cell``), which ``read_cell``
takes off again on import."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_cell(value: Any) -> str:
    """A CSV cell that Excel shows as text, never runs as a formula."""
    text = str(value)
    return "'" + text if text[:1] in (*FORMULA_STARTS, "'") else text


def read_cell(text: str) -> str:
    """The value ``excel_cell`` wrote."""
    return text[1:] if text[:1] == "'" else text
