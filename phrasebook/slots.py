"""Typed slot values: parsing user input and formatting it per locale with Babel (CLDR)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Mapping
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_datetime, match_skeleton
from babel.numbers import format_decimal

from phrasebook.errors import SlotValueError
from phrasebook.languages import Language, native_digits
from phrasebook.textsafety import MAX_SLOT_TEXT as MAX_TEXT
from phrasebook.textsafety import TextRefused, ascii_digits, clean_text, is_phone, one_line

# Text rule codes (``phrasebook.textsafety``) as slot problem codes.
_TEXT_CODES = {"text": "text", "empty": "text_empty", "too_long": "text_long", "control": "text_control",
               "bidi": "text_bidi", "invisible": "text_invisible", "joiner": "text_invisible"}
MAX_NUMBER = 10**12
DIGIT_KINDS = ("date", "time", "datetime", "number", "phone")
EASY = "ja@easy"
ROMAJI = "romaji"  # a place value's key for its reading in Latin letters (beside language codes)


@dataclass(frozen=True)
class Place:
    """A place: its Japanese name, optionally its names in other languages (by gettext code) and
    its ``romaji`` reading; ``ja@easy`` may give the Japanese name with furigana markup.

    A reader without a name in their language gets the reading (``phrasebook.readings``, the
    dictionary's when ``romaji`` is empty): Latin letters for every reader who does not read
    Japanese (what road signs in Japan carry besides Japanese), the kanji name for Chinese
    readers when the name is all kanji, furigana for Easy Japanese.
    """

    ja: str
    names: dict[str, str] = field(default_factory=dict)
    romaji: str = ""

    def name_in(self, lang: Language) -> str:
        """The name a reader of ``lang`` sees; the Japanese name stays beside a translated name
        or a reading so that people can match it with Japanese signs."""
        from phrasebook import readings  # cutlet loads only when a place is shown

        if lang.code == EASY:
            return self.names.get(EASY) or readings.furigana(self.ja)
        if lang.code.startswith("ja"):
            return self.ja
        chinese = lang.script in ("Hans", "Hant")
        local = self.names.get(lang.code)
        if not local and not (chinese and not readings.KANA.search(self.ja)):
            local = self.romaji or readings.latin(self.ja)
        if not local or local == self.ja:
            return self.ja
        return f"{local}（{self.ja}）" if chinese else f"{local} ({self.ja})"

    def as_value(self) -> dict[str, str]:
        """The place as a JSON-ready slot value that ``parse_value`` reads back."""
        return {"ja": self.ja, **self.names, **({ROMAJI: self.romaji} if self.romaji else {})}


@dataclass(frozen=True)
class Term:
    """A ``term:FAMILY`` slot's value: ``key`` names the term template ``FAMILY.key``, whose
    catalog entries translate it; ``ja`` is its Japanese. Other text (in a ``free_text`` slot)
    has no key and stays in Japanese."""

    key: str | None
    ja: str


def _term(value: Any, terms: Mapping[str, str], free_text: bool) -> Term:
    text = _clean_text((value.key or value.ja) if isinstance(value, Term) else value)
    if text in terms:
        return Term(text, terms[text])
    by_ja = {unicodedata.normalize("NFKC", ja): key for key, ja in terms.items()}
    if (key := by_ja.get(unicodedata.normalize("NFKC", text))) is not None:
        return Term(key, terms[key])
    if free_text:
        return Term(None, text)
    raise SlotValueError("term", "expected one of the listed terms")


def _clean_text(value: Any) -> str:
    try:
        return clean_text(value, MAX_TEXT)
    except TextRefused as exc:
        raise SlotValueError(_TEXT_CODES[exc.code], str(exc)) from None


def canonical(kind: str, value: Any) -> Any:
    """A typed-in value as it is stored: digits of dates, times, numbers and phone numbers in
    ASCII (Myanmar, Devanagari, Thai and full-width digits accepted); one line, stripped."""
    if not isinstance(value, str):
        return value
    return one_line(ascii_digits(value) if kind in DIGIT_KINDS else value)


def parse_value(kind: str, value: Any, terms: Mapping[str, str] | None = None, free_text: bool = False) -> Any:
    """Turn user input (strings from a form or the command line) into a typed value. A term
    slot's value is a ``Term``: one of ``terms`` (key -> Japanese), given by its key or its
    Japanese (full-width digits match: レベル４ is レベル4), or other text if ``free_text``.

    Raises ``SlotValueError`` (a ``ValueError``) with a short reason and its code when the value
    does not fit the type.
    """
    value = canonical(kind, value) if kind in DIGIT_KINDS else value
    if kind == "text":
        return _clean_text(value)
    if kind.startswith("term:"):
        return _term(value, terms or {}, free_text)
    if kind == "place":
        if isinstance(value, Place):
            value = {"ja": value.ja, **value.names, ROMAJI: value.romaji}
        if isinstance(value, dict):
            if not value.get("ja"):
                raise SlotValueError("place_ja", "needs a Japanese name ('ja')")
            names = {k: _clean_text(v) for k, v in value.items() if k not in ("ja", ROMAJI) and v}
            return Place(_clean_text(value["ja"]), names,
                         _clean_text(value[ROMAJI]) if value.get(ROMAJI) else "")
        return Place(_clean_text(value))
    if kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise SlotValueError("date", "expected a date like 2026-09-01") from None
    if kind == "time":
        if isinstance(value, time):
            return value
        try:
            return time.fromisoformat(str(value).strip())
        except ValueError:
            raise SlotValueError("time", "expected a time like 15:30") from None
    if kind == "datetime":
        if isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise SlotValueError("datetime", "expected a date and time like 2026-09-01T15:30") from None
    if kind == "number":
        if isinstance(value, bool):
            raise SlotValueError("number", "expected a number")
        if isinstance(value, (int, float, Decimal)):
            return value
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise SlotValueError("number", "expected a number") from None
        if not number.is_finite() or abs(number) >= MAX_NUMBER:
            raise SlotValueError("number", f"expected a number below {MAX_NUMBER:,}")
        return number
    if kind == "phone":
        text = _clean_text(value)
        if not is_phone(text):
            raise SlotValueError("phone", "expected a phone number of digits, spaces, '-', '+' and '()'")
        return text
    if kind == "url":
        text = _clean_text(value)
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            raise SlotValueError("url", "expected an http:// or https:// address")
        return text
    raise SlotValueError("slot_type", f"unknown slot type {kind!r}")


@lru_cache(maxsize=32)
def _locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


@lru_cache(maxsize=128)
def _skeleton(identifier: str, skeleton: str) -> str:
    """The locale's CLDR pattern for a skeleton (Babel's ``format_skeleton`` matches it anew
    on every call, which costs more than the formatting)."""
    skeletons = _locale(identifier).datetime_skeletons
    return skeletons[skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)]


# Where the locale's short weekday misleads, it is spelled out: Tagalog "Mar" (Martes) reads like
# Marso (March); Spanish "El mar, 1 de septiembre" reads "the sea", "mié" and "sáb" are cut short.
_DATE_PATTERNS = {"tl": "EEEE, MMMM d", "es": "EEEE, d 'de' MMMM"}


def _format(value: Any, skeleton: str, lang: Language) -> str:
    pattern = _DATE_PATTERNS.get(lang.code) if skeleton == "MMMMEd" else None
    return format_datetime(value, pattern or _skeleton(lang.babel, skeleton), locale=_locale(lang.babel))


def format_value(kind: str, value: Any, lang: Language) -> str:
    """Format a parsed value for a reader of ``lang`` (terms are translated by
    ``phrasebook.render``, from the catalogs).

    Dates and numbers follow the locale's CLDR patterns; times are 24-hour everywhere, as on
    Japanese notices and clocks; Myanmar and Nepali get their own digits there, as in their
    print usage. Phone numbers and URLs keep ASCII digits: people dial
    and type them.
    """
    locale = _locale(lang.babel)
    if kind in ("text", "phone", "url"):
        return value
    if kind == "place":
        return value.name_in(lang)
    if kind == "date":
        out = _format(value, "MMMMEd", lang)
    elif kind == "time":
        out = _format(value, "Hm", lang)
    elif kind == "datetime":
        pattern = locale.datetime_formats["medium"].format
        out = pattern(_format(value, "Hm", lang), _format(value, "MMMMEd", lang))
    elif kind == "number":
        out = format_decimal(value, locale=locale)
    else:
        raise ValueError(f"unknown slot type {kind!r}")
    return native_digits(lang, out)
