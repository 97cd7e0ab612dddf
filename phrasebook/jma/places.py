"""Readable JMA place names: a Latin (Hepburn) reading for every reader, furigana for Easy Japanese.

JMA names epicentres and areas in Japanese only (岩手県内陸南部, 千葉県九十九里・外房); the readings
come from ``phrasebook.readings`` (which also holds the fixes for JMA area words).
"""

from __future__ import annotations

from phrasebook.languages import LANGUAGES
from phrasebook.readings import furigana, latin
from phrasebook.slots import Place

EASY = "ja@easy"
_LATIN_READERS = [code for code in LANGUAGES if not code.startswith("ja")]


def place(name: str, abroad: bool = False) -> Place:
    """A slot value for ``name``: the Japanese name, its Latin reading for every other language
    and furigana for Easy Japanese."""
    reading = latin(name, abroad)
    names = {code: reading for code in _LATIN_READERS} if reading and reading != name else {}
    return Place(name, {**names, EASY: furigana(name)})


def joined(names: list[str]) -> Place:
    """Several areas as one place slot: 宮城県中部、福島県浜通り (Miyagi Ken Chubu, Fukushima Ken Hamadori)."""
    names = list(dict.fromkeys(names))
    reading = ", ".join(latin(n) for n in names)
    return Place("、".join(names), {**{code: reading for code in _LATIN_READERS},
                                   EASY: "、".join(furigana(n) for n in names)})
