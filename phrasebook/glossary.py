"""Glossaries: each language's agreed translation of key Japanese terms, and matching them.

``locales/<code>/glossary.toml`` has a ``[terms]`` table mapping the Japanese term to its
translation, which ``bosai phrases check`` looks for in every entry whose source has the term.
Inflected languages may give there the part that stays the same in every case form (a stem).
In Easy Japanese a value may carry furigana (``｜避難指示《ひなんしじ》``); it is compared with
furigana hidden. The words that fill ``term:`` slots are catalog entries of their own (templates
of kind term), checked against the glossary like any entry.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from phrasebook.errors import CatalogError
from phrasebook.furigana import plain
from phrasebook.paths import glossary_path

# Scripts that separate words with spaces: there a term must begin a word, not sit inside one.
SPACED_SCRIPTS = ("Latn", "Cyrl", "Kore", "Deva")


@lru_cache(maxsize=64)
def _read(path: str, stamp: tuple[int, int]) -> dict[str, str]:
    try:
        terms = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("terms", {})
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(path, None, f"TOML syntax error: {exc}") from None
    return {str(k): str(v) for k, v in terms.items()}


def load_glossary(code: str, root: Path | None = None) -> dict[str, str]:
    """A language's checked terms (empty if it has no glossary), cached until the file changes."""
    path = glossary_path(code, root)
    if not path.exists():
        return {}
    st = path.stat()
    return dict(_read(str(path), (st.st_mtime_ns, st.st_size)))


def _word_start(text: str, at: int) -> bool:
    return at == 0 or unicodedata.category(text[at - 1])[0] not in "LMN"


def claim(text: str, terms: Iterable[str], spaced: bool = False) -> set[str]:
    """The ``terms`` found in ``text``, longest first, each occurrence claimed by one term only:
    in 大雨特別警報 the term 特別警報 is found and 警報 is not. With ``spaced`` a term must begin
    a word (it may end inside one: a stem)."""
    taken = [False] * len(text)
    found: set[str] = set()
    for term in sorted(set(terms), key=len, reverse=True):
        start = text.find(term) if term else -1
        while start >= 0:
            end = start + len(term)
            if not any(taken[start:end]) and (not spaced or _word_start(text, start)):
                taken[start:end] = [True] * len(term)
                found.add(term)
            start = text.find(term, start + 1)
    return found


def misses(source: str, text: str, glossary: Mapping[str, str], spaced: bool = False) -> list[str]:
    """The glossary terms of ``source`` whose agreed translation does not stand for them in
    ``text``: it is missing, or only found inside the translation of a longer term or inside
    another word."""
    wanted = {term: plain(glossary[term]).casefold() for term in claim(source, glossary)}
    present = claim(plain(text).casefold(), wanted.values(), spaced)
    return sorted((term for term, want in wanted.items() if want not in present), key=source.find)
