"""What text bosai-kit accepts: one set of rules for every field that people type into (slot
values, registrations, shelters, messages) and for the translation checks.

Refused everywhere: control characters (tab and line breaks only where a field takes several
lines) and noncharacters, bidi controls (overrides, embeddings, isolates, marks), zero-width and other invisible
format characters, and lone surrogates (they cannot be stored as UTF-8). ZWNJ and ZWJ choose
conjunct forms in Devanagari and Myanmar: they are allowed between two letters of those scripts
and refused elsewhere. Digits in Myanmar (၀-၉), Devanagari (०-९), Thai (๐-๙) and full-width
(０-９) forms are accepted in numbers, phone numbers and dates, and stored as ASCII digits.
The reading of a name (``reading``) is in Latin letters or katakana, so that staff can read it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from phrasebook.errors import PhrasebookError

# Refused characters by kind (the kind is the error ``code``).
# Noncharacters (U+FDD0-FDEF and the last two code points of every plane) are not for
# interchange, and XML (CAP) cannot carry U+FFFE and U+FFFF.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}"
                                             for plane in range(0, 0x110000, 0x10000))
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029" + _NONCHARACTERS
BIDI_MARKS = "\u061c\u200e\u200f"  # invisible direction marks (ALM, LRM, RLM)
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates (a range)
_BIDI = BIDI_MARKS + BIDI_CONTROLS
_INVISIBLE = "\u200b\u2060-\u2064\ufeff\ud800-\udfff"
JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: part of Devanagari and Myanmar spelling
_CONJUNCT_SCRIPTS = "\u0900-\u097f\ua8e0-\ua8ff\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
_STRAY_JOINER = re.compile(f"(?<![{_CONJUNCT_SCRIPTS}])[{JOINERS}]|[{JOINERS}](?![{_CONJUNCT_SCRIPTS}])")
_REFUSED = re.compile(f"[{_CONTROL}]|[{_BIDI}]|[{_INVISIBLE}]")
_LINE_BREAKS = re.compile(r"\r\n?|[\n\t]")

_ZEROS = ("0", "\u1040", "\u0966", "\u0e50", "\uff10")  # ASCII, Myanmar, Devanagari, Thai, full-width
_TO_ASCII = {ord(zero) + i: str(i) for zero in _ZEROS[1:] for i in range(10)}
# Separators people type in numbers and dates with a Japanese keyboard or IME.
_SEPARATORS = str.maketrans({"－": "-", "ー": "-", "‐": "-", "‑": "-", "–": "-", "—": "-", "−": "-",
                             "＋": "+", "（": "(", "）": ")", "\u3000": " ", "／": "/", "：": ":",
                             "．": ".", "，": ","})

# Longest accepted text by field kind.
MAX_LINE = 200
MAX_LONG_TEXT = 1000
MAX_SLOT_TEXT = 500
MAX_SHELTER_NAME = 200
MAX_ADDRESS = 300
MAX_PHONE = 30
_PHONE = re.compile(r"\+?[0-9][0-9\- ()]*")


class TextRefused(PhrasebookError, ValueError):
    """Text that breaks a rule: ``code`` is one of ``empty``, ``too_long``, ``control``, ``bidi``,
    ``invisible``, ``joiner``, ``reading``; ``char`` the first offending character (if any)."""

    def __init__(self, code: str, reason: str, char: str = "") -> None:
        self.code, self.char = code, char
        super().__init__(reason)


@dataclass(frozen=True)
class Problem:
    code: str  # control, bidi, invisible, joiner
    char: str
    position: int

    @property
    def reason(self) -> str:
        what = {"control": "a control character", "bidi": "a bidi control character",
                "invisible": "an invisible (zero-width) character",
                "joiner": "a zero-width joiner outside a Devanagari or Myanmar word"}[self.code]
        name = unicodedata.name(self.char, "")
        return f"contains {what}: U+{ord(self.char):04X}{' ' + name if name else ''} at position {self.position + 1}"


def _kind(char: str) -> str:
    if re.match(f"[{_CONTROL}]", char):
        return "control"
    if re.match(f"[{_BIDI}]", char):
        return "bidi"
    return "invisible"


def find_problem(text: str, multiline: bool = False) -> Problem | None:
    """The first refused character of ``text``, or None. ``multiline``: tab and line breaks
    are allowed (long text, catalogs)."""
    for match in _REFUSED.finditer(text):
        if not (multiline and match.group() in "\t\n\r"):
            return Problem(_kind(match.group()), match.group(), match.start())
    if match := _STRAY_JOINER.search(text):
        return Problem("joiner", match.group(), match.start())
    if not multiline and (match := re.search("[\t\n\r]", text)):
        return Problem("control", match.group(), match.start())
    return None


def without_refused(text: str) -> str:
    """``text`` with every refused character removed (for text stored before these rules)."""
    while problem := find_problem(text):
        text = text[:problem.position] + text[problem.position + 1:]
    return text


def one_line(text: str) -> str:
    """``text`` stripped, its tabs and line breaks turned into spaces (a single-line field)."""
    return _LINE_BREAKS.sub(" ", text.strip()).strip()


def clean_text(value: object, max_len: int, multiline: bool = False, required: bool = True) -> str:
    """``value`` stripped (single line: tabs and line breaks become spaces), checked against the
    rules. Raises ``TextRefused``; an empty text is ``""`` unless ``required``."""
    if not isinstance(value, str):
        raise TextRefused("text", "expected text")
    text = value.strip() if multiline else one_line(value)
    if not text:
        if required:
            raise TextRefused("empty", "is empty")
        return ""
    if len(text) > max_len:
        raise TextRefused("too_long", f"is longer than {max_len} characters ({len(text)})")
    if problem := find_problem(text, multiline):
        raise TextRefused(problem.code, problem.reason, problem.char)
    return text


def is_phone(text: str) -> bool:
    """A phone number people can dial: ASCII digits (see ``ascii_digits``), spaces, ``-``,
    ``()`` and a leading ``+``; at least three digits, at most ``MAX_PHONE`` characters."""
    return (len(text) <= MAX_PHONE and _PHONE.fullmatch(text) is not None
            and sum(c.isdigit() for c in text) >= 3)


def fold_spaces(text: str) -> str:
    """Runs of whitespace (full-width spaces included) as one space, no space at either end."""
    return " ".join(text.split())


def name_key(name: str) -> str:
    """How two names are compared: NFKC (full-width forms), spaces folded, case folded."""
    return fold_spaces(unicodedata.normalize("NFKC", name)).casefold()


def ascii_digits(text: str) -> str:
    """Myanmar, Devanagari, Thai and full-width digits as ASCII; full-width and IME separators
    (－ ー ＋ （ ） ／ ： and the full-width space) as their ASCII forms."""
    return text.translate(_TO_ASCII).translate(_SEPARATORS)



_HIRAGANA = {code: code + 0x60 for code in [*range(0x3041, 0x3097), 0x309D, 0x309E]}  # as katakana
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc-\u30fe\u31f0-\u31ff]")
_READING_SEPARATORS = frozenset(" -'’.,=・゠")


def _reading_letter(char: str, previous: str) -> bool:
    if _KATAKANA.fullmatch(char):
        return True
    if unicodedata.category(char) == "Mn":  # an accent that did not compose, on a Latin letter
        return previous != "" and _reading_letter(previous, "")
    return unicodedata.category(char).startswith("L") and unicodedata.name(char, "").startswith("LATIN ")


def search_key(text: str) -> str:
    """How a search matches a name or its reading: ``name_key``, and hiragana as katakana (ぐえん
    finds グエン)."""
    return name_key(text).translate(_HIRAGANA)


def reading(text: str) -> str:
    """The reading of a name as staff can read it aloud: Latin letters (accents included) or
    katakana, words joined by spaces, ``-``, ``'``, ``.``, ``,``, ``=`` or ``・``. Full-width
    Latin and half-width katakana become their usual forms (NFKC) and hiragana becomes katakana.
    ``text`` has passed ``clean_text``. Raises ``TextRefused`` (code ``reading``)."""
    text = fold_spaces(unicodedata.normalize("NFKC", text).translate(_HIRAGANA))
    if len(text) > MAX_LINE:  # NFKC can lengthen a text: ㌔ is キロ
        raise TextRefused("too_long", f"is longer than {MAX_LINE} characters ({len(text)})")
    letters = 0
    for i, char in enumerate(text):
        if _reading_letter(char, text[i - 1] if i else ""):
            letters += 1
        elif char not in _READING_SEPARATORS:
            name = unicodedata.name(char, "")
            raise TextRefused("reading", f"is not in Latin letters or katakana: U+{ord(char):04X}"
                                         f"{' ' + name if name else ''} at position {i + 1}", char)
    if not letters:
        raise TextRefused("reading", "has no Latin letter or katakana")
    return text
