"""Typed slot values: parsing user input and formatting it per locale with Babel (CLDR)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_datetime, match_skeleton
from babel.numbers import format_decimal

from phrasebook.errors import SlotValueError
from phrasebook.languages import Language, native_digits

MAX_TEXT = 500
_PHONE = re.compile(r"^\+?[0-9][0-9\- ()]{1,30}$")
_TERM = re.compile(r"^[\w+-]{1,40}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Place:
    """A place: its Japanese name and, optionally, names in other languages (by gettext code);
    ``ja@easy`` may give the Japanese name with furigana markup."""

    ja: str
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, lang: Language) -> str:
        """The name a reader of ``lang`` sees; the Japanese name stays beside a translated one
        so that people can match it with Japanese signs."""
        if lang.code.startswith("ja"):
            return self.names.get(lang.code) or self.ja  # Easy Japanese: the name with furigana
        local = self.names.get(lang.code)
        if not local or local == self.ja:
            return self.ja
        if lang.script in ("Hans", "Hant"):
            return f"{local}（{self.ja}）"
        return f"{local} ({self.ja})"


def _clean_text(value: Any) -> str:
    if not isinstance(value, str):
        raise SlotValueError("text", "expected text")
    value = value.strip()
    if not value:
        raise SlotValueError("text_empty", "is empty")
    if len(value) > MAX_TEXT:
        raise SlotValueError("text_long", f"is longer than {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise SlotValueError("text_control", "contains control or invisible formatting characters")
    return value


def parse_value(kind: str, value: Any) -> Any:
    """Turn user input (strings from a form or the command line) into a typed value.

    Raises ``SlotValueError`` (a ``ValueError``) with a short reason and its code when the value
    does not fit the type.
    """
    if kind == "text":
        return _clean_text(value)
    if kind.startswith("term:"):
        text = _clean_text(value)
        if not _TERM.match(text):
            raise SlotValueError("term", "expected one of the listed terms")
        return text
    if kind == "place":
        if isinstance(value, Place):
            return Place(_clean_text(value.ja), {k: _clean_text(v) for k, v in value.names.items() if v})
        if isinstance(value, dict):
            if not value.get("ja"):
                raise SlotValueError("place_ja", "needs a Japanese name ('ja')")
            return Place(_clean_text(value["ja"]),
                         {k: _clean_text(v) for k, v in value.items() if k != "ja" and v})
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
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise SlotValueError("number", "expected a number") from None
    if kind == "phone":
        text = _clean_text(value)
        if not _PHONE.match(text) or sum(c.isdigit() for c in text) < 3:
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


def _format(value: Any, skeleton: str, lang: Language) -> str:
    return format_datetime(value, _skeleton(lang.babel, skeleton), locale=_locale(lang.babel))


def format_value(kind: str, value: Any, lang: Language) -> str:
    """Format a parsed value for a reader of ``lang``.

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
