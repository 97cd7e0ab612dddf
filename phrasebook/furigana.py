"""Furigana in Aozora Bunko notation: ``｜避難所《ひなんじょ》`` or ``避難所《ひなんじょ》``.

Without ``｜`` the base is the run of kanji just before ``《``. Renderers turn the runs into
``<ruby>`` (HTML) or readings drawn above the base (PDF).
"""

from __future__ import annotations

import re

Run = tuple[str, str | None]  # (base text, reading or None)

_KANJI = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]"
_RUBY = re.compile(rf"[｜|](?P<base>[^｜|《》]+)《(?P<r1>[^《》]+)》|(?P<kanji>{_KANJI}+)《(?P<r2>[^《》]+)》")


def parse(text: str) -> list[Run]:
    """Split ``text`` into runs; plain runs have ``None`` as reading."""
    runs: list[Run] = []
    pos = 0
    for match in _RUBY.finditer(text):
        if match.start() > pos:
            runs.append((text[pos:match.start()], None))
        if match["base"] is not None:
            runs.append((match["base"], match["r1"]))
        else:
            runs.append((match["kanji"], match["r2"]))
        pos = match.end()
    if pos < len(text):
        runs.append((text[pos:], None))
    return runs


def plain(text: str) -> str:
    """The text without readings, as it would be read with furigana hidden."""
    return "".join(base for base, _ in parse(text))


def has_ruby(text: str) -> bool:
    return any(reading for _, reading in parse(text))
