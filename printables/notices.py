"""Warnings raised while printing that must not stop the print (a character no installed font
has, drawn as a placeholder): logged for the operator and collected for the caller.

    with collect() as warnings:
        pdf = card_pdf("en", answers)
    # warnings: ["no installed font has U+1FAE8 (SHAKING FACE): drawn as \ufffd", ...]

Warnings name characters, never the text they came from (it may be personal data)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

log = logging.getLogger("printables")
_collected: ContextVar[list[str] | None] = ContextVar("printables_notices", default=None)


@contextmanager
def collect() -> Iterator[list[str]]:
    """A list that receives every warning raised inside the ``with`` block (each once)."""
    found: list[str] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def warn(message: str) -> None:
    """Log ``message`` and add it to the list being collected, if any."""
    found = _collected.get()
    if found is None or message not in found:
        log.warning("%s", message)
    if found is not None and message not in found:
        found.append(message)
