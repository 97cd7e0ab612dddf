"""Multilingual text layout: the one place that breaks, measures, fits and draws text in PDFs.

The traps measured in DESIGN.md §5 are handled here, each with a regression test:

- Thai, Myanmar, Devanagari and the other complex scripts are shaped (HarfBuzz through ReportLab,
  in ``printables.rlcompat``) with ``dlig`` off; CJK fonts are registered unshaped, so ます never
  becomes 〼.
- Lines are broken here, never by ReportLab: break opportunities come from ICU's line
  BreakIterator (dictionary word boundaries for Thai and Myanmar, UAX #14 for the rest) plus the
  kinsoku additions ReportLab lacks (full-width ，！？：；”). Each segment is shaped whole and
  measured with its shaped width, so a shaped word is not split; a segment wider than the box
  makes the text smaller instead (down to the floor size, see below).
- ICU lets Japanese, Chinese and Korean break between almost any two characters, so their
  segments are phrases, broken inside only when a phrase is wider than the whole line: Japanese
  phrases end after particles (トイレは｜どこですか), punctuation and spaces and before opening
  brackets; Chinese phrases are ICU dictionary words; Korean phrases are space-separated words.
  Easy Japanese breaks only at its spaces (分かち書き), inside a phrase only when words may split.
- U+200B, soft hyphens, variation selectors and bidi marks are dropped (ReportLab would draw
  them); control characters and bidi embeddings, overrides and isolates are refused.
- Each character is drawn with the language's font when that font has it (the Thai, Myanmar and
  Nepali fonts include Latin digits); others fall back to the font of their script, then to any
  font that has them (``fonts.fallback``: Bengali, Arabic, rare kanji, emoji, ...). A character no
  installed font has is drawn as U+FFFD and reported (``printables.notices``), never an error.
- Right-to-left text (Arabic, Urdu, Hebrew) is broken into lines in logical order, then each
  line is reordered with ICU's Unicode bidi algorithm and each run shaped (HarfBuzz joins the
  letters and outputs them in visual order).
- Text too long for its box shrinks to the floor size, then breaks words (shaped ones too, as a
  last resort) and, with ``fit(grow=True)``, grows taller than the box: nothing is cut.
- Text is drawn with ``drawString`` glyph runs, never parsed as Paragraph markup, so user text
  such as ``</para>`` or ``&amp;`` is drawn literally.
- Easy Japanese furigana (``｜避難所《ひなんじょ》``) are drawn above their base text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import icu
from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from phrasebook import furigana
from phrasebook.languages import Language, get_language
from phrasebook.textsafety import BIDI_CONTROLS, BIDI_MARKS, JOINERS
from printables import notices, rlcompat
from printables.errors import TextDoesNotFit, TextError
from printables.fonts import Font, fallback, font
from printables.rlcompat import SHAPING_FEATURES

PLACEHOLDER = "\ufffd"  # drawn for a character no installed font has
CANNOT_START = set(textsplit.ALL_CANNOT_START) | set("，！？：；”’）〉》」』】〕］｝、。．…‥〜～")
CANNOT_END = set(textsplit.ALL_CANNOT_END) | set("（〈《「『【〔［｛“‘")
EASY = "ja@easy"
CJK_SCRIPTS = ("Jpan", "Hans", "Hant", "Kore")
RUBY_SCALE = 0.5
LINE_GAP = 1.1  # line height = (ascent + descent) * LINE_GAP
# ascent and descent (at 1 pt) a line makes room for: a few fonts declare much more for rare
# stacked marks (Noto Sans Arabic 1.37 + 0.74 em), which would shrink a name in a box to half
# the size of a Latin one; every font of the 16 variants lies within these
MAX_ASCENT, MAX_DESCENT = 1.1, 0.5
SHRINK_STEP = 0.93
EASY_BREAK_AFTER = set("。、．，！？")
PHRASE_END = EASY_BREAK_AFTER | set("!?,.:;：；・） ）」』】〕］｝〉》”’") | {" ", "\u3000"}
OPENING = set("（(「『【〔［｛〈《“‘")
# Japanese phrase rule: particles after a content word close its phrase; so does a particle or an
# inflected ending before the next content word. Longest particles first.
JA_PARTICLES = ("から", "まで", "など", "より", "は", "が", "を", "に", "で", "へ", "も", "の", "と", "や")
JA_FINAL = JA_PARTICLES + ("か", "ね", "よ")
JA_ENDINGS = set("いるただてばくうずり")  # last kana of a verb, adjective or adverb (two kana or more)
JA_BOUND = ("ます", "まし", "ませ", "です", "でし", "ら", "り", "る", "れ", "ろ", "っ", "ん")  # never start a phrase
JA_PREFIXES = set("おご")  # honorific prefixes belong to the word after them
HIRAGANA = re.compile("[\u3041-\u309f]+")

# invisible at print time: zero-width space, BOM, soft hyphen, direction marks, variation selectors
_DROPPED = (dict.fromkeys(map(ord, "\u200b\ufeff\u00ad" + BIDI_MARKS), None)
            | dict.fromkeys(range(0xFE00, 0xFE10), None) | dict.fromkeys(range(0xE0100, 0xE01F0), None))
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def clean(text: str) -> str:
    """``text`` ready for layout: newlines normalised, tabs as spaces, invisible break hints dropped.

    Raises ``TextError`` for control characters, bidi overrides and unpaired surrogates.
    """
    text = (text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
            .replace("\t", " ").translate(_DROPPED))
    if _BIDI.search(text):
        raise TextError(f"text contains right-to-left or bidi control characters: {_shown(text)}")
    bad = [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cs")]
    if bad:
        raise TextError(f"text contains control character U+{ord(bad[0]):04X}: {_shown(text)}")
    return text


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


@lru_cache(maxsize=8192)
def shape(text: str, fnt: Font) -> tuple[str, float]:
    """The text as ReportLab draws it in ``fnt`` (a ShapedStr for shaped fonts) and its width at
    1 pt. The shape data is in 1/1000 em, so one shaping serves every size."""
    if not fnt.shaped or not text.strip():
        return text, stringWidth(text, fnt.name, 1)
    return rlcompat.shaped(text, fnt.name)


@dataclass(frozen=True)
class Piece:
    """A run of text in one font, optionally with a furigana reading; widths are at 1 pt."""

    text: str
    font: Font
    width: float
    reading: str = ""
    reading_font: Font | None = None
    reading_width: float = 0.0

    @property
    def advance(self) -> float:
        return max(self.width, self.reading_width * RUBY_SCALE)


@dataclass(frozen=True)
class Segment:
    """Text between two break opportunities: pieces, then the width of its trailing spaces."""

    pieces: tuple[Piece, ...]
    space: float
    trailing: str = ""
    parts: tuple[Segment, ...] = ()  # a phrase's pieces between its inner break opportunities

    @property
    def width(self) -> float:
        return sum(p.advance for p in self.pieces)

    @property
    def splittable(self) -> bool:
        return not any(p.font.shaped or p.reading for p in self.pieces)

    @property
    def has_ruby(self) -> bool:
        return any(p.reading for p in self.pieces)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Line:
    segments: tuple[Segment, ...]

    @property
    def width(self) -> float:
        if not self.segments:
            return 0.0
        return sum(s.width + s.space for s in self.segments[:-1]) + self.segments[-1].width

    @property
    def has_ruby(self) -> bool:
        return any(p.reading for s in self.segments for p in s.pieces)

    @property
    def fonts(self) -> set[Font]:
        return {p.font for s in self.segments for p in s.pieces}


class TextBlock:
    """Text in one language prepared for layout: cleaned, segmented and measured once."""

    def __init__(self, text: str, lang: Language | str, bold: bool = False) -> None:
        self.lang = get_language(lang) if isinstance(lang, str) else lang
        self.text = clean(text)
        self.bold = bold
        self.primary = font(self.lang.font, bold)
        self.loose = self.lang.code != EASY  # phrases too wide for a line break inside without split_words
        self.rtl = bool(_RTL.search(self.text))
        self.missing: set[str] = set()  # characters no installed font has
        self.paragraphs = [self._segments(p.strip(" \u3000")) for p in self.text.split("\n")]
        for char in sorted(self.missing):
            notices.warn(f"no installed font has U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')}): "
                         f"drawn as a placeholder (U+FFFD)")

    def _segments(self, para: str) -> list[Segment]:
        runs = furigana.parse(para) if self.lang.script == "Jpan" else [(para, None)]
        plain = "".join(base for base, _ in runs)
        if not plain:
            return []
        ruby: list[tuple[int, int, str]] = []
        pos = 0
        for base, reading in runs:
            if reading:
                ruby.append((pos, pos + len(base), reading))
            pos += len(base)
        inside = {p for start, end, _ in ruby for p in range(start + 1, end)}
        allowed, preferred = self._breaks(plain)
        cuts = sorted(allowed - inside) + [len(plain)]
        phrase_ends = (preferred - inside) | {len(plain)}
        segments: list[Segment] = []
        start = atom = 0
        parts: list[Segment] = []
        for cut in cuts:
            parts.append(self._segment(plain, atom, cut, ruby))
            atom = cut
            if cut in phrase_ends:
                whole = self._segment(plain, start, cut, ruby)
                segments.append(replace(whole, parts=tuple(parts)) if len(parts) > 1 else whole)
                start, parts = cut, []
        return segments

    def _breaks(self, plain: str) -> tuple[set[int], set[int]]:
        """Positions (0 < p < len) where a line may break, and the phrase boundaries among them
        where it breaks first."""
        after_space = {p for p in range(1, len(plain)) if plain[p - 1] in " \u3000"}
        found = set(_icu_breaks(plain, self.lang.babel))
        if self.lang.code == EASY:
            preferred = {p for p in range(1, len(plain)) if plain[p - 1] in EASY_BREAK_AFTER} | after_space
            found |= preferred
        elif self.lang.script in CJK_SCRIPTS:
            preferred = after_space | {p for p in range(1, len(plain))
                                       if plain[p - 1] in PHRASE_END or plain[p] in OPENING}
            if self.lang.script == "Jpan":
                preferred |= _japanese_phrase_breaks(plain)
            elif self.lang.script in ("Hans", "Hant"):
                preferred |= {start for start, _ in _icu_spans(_word_iterator(self.lang.babel), plain)}
        else:
            preferred = found
        allowed = {p for p in found if 0 < p < len(plain)
                   and plain[p] not in CANNOT_START and plain[p - 1] not in CANNOT_END and plain[p] not in " \u3000"}
        return allowed, preferred & allowed

    def _segment(self, plain: str, start: int, end: int, ruby: list[tuple[int, int, str]]) -> Segment:
        chunk = plain[start:end]
        body = chunk.rstrip(" \u3000")
        trailing = chunk[len(body):]
        pieces: list[Piece] = []
        pos = start
        for rstart, rend, reading in ruby:
            if rend <= pos or rstart >= start + len(body):
                continue
            pieces += self._pieces(plain[pos:rstart])
            base = self._pieces(plain[rstart:rend])
            if len(base) == 1:
                rfont = font("ja", False)
                base = [Piece(base[0].text, base[0].font, base[0].width, reading, rfont, shape(reading, rfont)[1])]
            pieces += base
            pos = rend
        pieces += self._pieces(plain[pos:start + len(body)])
        space = sum(shape(t, f)[1] for t, f in self._runs(trailing)) if trailing else 0.0
        return Segment(tuple(pieces), space, trailing)

    def _runs(self, text: str) -> list[tuple[str, Font]]:
        return _font_runs(text, self.primary, self.bold, self.missing)

    def _pieces(self, text: str) -> list[Piece]:
        return [Piece(t, f, shape(t, f)[1]) for t, f in self._runs(text)]

    def lines(self, width: float, size: float, split_words: bool = False,
              whole_phrases: bool = False, force: bool = False) -> list[Line] | None:
        """The lines at ``size`` pt in ``width`` pt, or None if a segment is wider than ``width``
        (and may not, or cannot, be split; with ``whole_phrases`` a CJK phrase never is). With
        ``force`` any segment is cut between grapheme clusters and the result is never None."""
        out: list[Line] = []
        for phrases in self.paragraphs:
            current: list[Segment] = []
            x = 0.0
            for phrase in phrases:
                if whole_phrases and not force and phrase.parts and phrase.width * size > width + 1e-6:
                    return None
                units = self._units(phrase, width / size, split_words)
                if len(units) > 1 and current:  # a phrase broken inside starts its own line
                    out.append(Line(tuple(current)))
                    current, x = [], 0.0
                for seg in units:
                    if current and x + seg.width * size > width + 1e-6:
                        out.append(Line(tuple(current)))
                        current, x = [], 0.0
                    if not current and seg.width * size > width + 1e-6:
                        if not (force or (split_words and seg.splittable)):
                            return None
                        parts = self._split(seg, width / size, force)
                        if parts is None:
                            return None
                        out += [Line((part,)) for part in parts[:-1]]
                        seg = parts[-1]
                    current.append(seg)
                    x += (seg.width + seg.space) * size
            out.append(Line(tuple(current)))
        return out

    def _units(self, phrase: Segment, width: float, split_words: bool) -> tuple[Segment, ...]:
        """The phrase whole, or its parts when it is wider than ``width`` (at 1 pt) and may break."""
        if phrase.parts and phrase.width > width + 1e-9 and (self.loose or split_words):
            return phrase.parts
        return (phrase,)

    def _split(self, seg: Segment, width: float, force: bool = False) -> list[Segment] | None:
        """A segment cut between grapheme clusters into parts at most ``width`` wide (at 1 pt);
        None if one cluster is wider, unless ``force``: then it stands alone. A segment with
        furigana is forced onto a line of its own whole, so no reading is lost."""
        if seg.has_ruby:
            return [seg] if force else None
        parts: list[Segment] = []
        current = ""
        for cluster in _clusters(seg.text):
            trial = current + cluster
            if current and _width(self._pieces(trial)) > width:
                parts.append(Segment(tuple(self._pieces(current)), 0.0))
                trial = cluster
            if _width(self._pieces(trial)) > width and not force:
                return None
            current = trial
        parts.append(Segment(tuple(self._pieces(current)), seg.space))
        return parts

    def layout(self, width: float, size: float, split_words: bool = False,
               whole_phrases: bool = False, force: bool = False) -> Layout | None:
        lines = self.lines(width, size, split_words, whole_phrases, force)
        return None if lines is None else Layout(lines, size, self.primary, self.rtl)

    def fit(self, width: float, height: float, max_size: float, min_size: float,
            where: str = "its box", grow: bool = False) -> Layout:
        """The largest layout from ``max_size`` down to ``min_size`` that fits the box.

        When even ``min_size`` does not fit: with ``grow``, the text at ``min_size`` with words
        broken wherever needed, taller than ``height`` (the caller makes room or continues it on
        the next page); else ``TextDoesNotFit`` naming the text.
        """
        size = max_size
        while True:
            found = self.layout(width, size)
            if found is not None and found.height <= height + 1e-6:
                return found
            if size <= min_size:
                break
            size = max(min_size, size * SHRINK_STEP)
        found = self.layout(width, min_size, split_words=True)
        if found is not None and found.height <= height + 1e-6:
            return found
        if grow:
            return self.layout(width, min_size, split_words=True, force=True)
        raise TextDoesNotFit(self.text, where, min_size)


def _width(pieces: list[Piece]) -> float:
    return sum(p.advance for p in pieces)


def _clusters(text: str) -> list[str]:
    it = icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())
    return [text[a:b] for a, b in _icu_spans(it, text)]


def _icu_spans(it: icu.BreakIterator, text: str) -> list[tuple[int, int]]:
    """Boundaries from an ICU iterator as Python string indices (ICU counts UTF-16 units)."""
    it.setText(text)
    to_py, units = {0: 0}, 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        to_py[units] = i + 1
    bounds = [to_py[b] for b in [it.first(), *it] if b in to_py]
    return list(zip(bounds, bounds[1:]))


def _icu_breaks(text: str, locale: str) -> list[int]:
    it = icu.BreakIterator.createLineInstance(icu.Locale(locale))
    return [start for start, _ in _icu_spans(it, text)]


def _word_iterator(locale: str) -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale(locale))


def _content(char: str) -> bool:
    """A character of a content word in Japanese: kanji, katakana, Latin letters or digits."""
    return char.isalnum() and not HIRAGANA.fullmatch(char)


def _particles(kana: str) -> bool:
    """Whether ``kana`` is nothing but particles."""
    return kana == "" or any(kana.startswith(p) and _particles(kana[len(p):]) for p in JA_PARTICLES)


def _japanese_phrase_breaks(text: str) -> set[int]:
    """Phrase boundaries (文節) found from each hiragana run and its neighbours: after the particles
    that follow a content word (トイレは｜どこ, unless the rest of the run is particles too or a
    verb ending: 分かります, 曲がります), and before a content word that follows a particle or an
    inflected ending (水を｜飲みたい, 食べる｜物, but 乗り場, 使い方; お/ご go with the next word)."""
    found: set[int] = set()
    for m in HIRAGANA.finditer(text):
        start, end = m.span()
        run = m.group()
        if start and _content(text[start - 1]):
            cuts = [k for k in range(1, len(run)) if _particles(run[:k])
                    and not _particles(run[k:]) and not run[k:].startswith(JA_BOUND)]
            if cuts:
                found.add(start + cuts[-1])
        if end < len(text) and _content(text[end]):
            body = run[:-1] if len(run) > 1 and run[-1] in JA_PREFIXES else run
            if body.endswith(JA_FINAL) or (len(body) > 1 and body[-1] in JA_ENDINGS):
                found.add(start + len(body))
    return found


def _common(char: str) -> bool:
    """Whether ``char`` belongs to no script of its own (punctuation, digits, symbols, marks)."""
    return icu.Script.getScript(char).getShortName() in ("Zyyy", "Zinh")


def _font_runs(text: str, primary: Font, bold: bool, missing: set[str] | None = None) -> list[tuple[str, Font]]:
    """``text`` cut into runs, each in the first font that has its characters: the language's
    font, else ``fonts.fallback``; combining marks and joiners stay with their base character
    when its font has them (joiners are dropped from an unshaped font that lacks them). A
    character no font has becomes ``PLACEHOLDER`` and is added to ``missing``."""
    runs: list[tuple[str, Font]] = []
    current: Font | None = None
    for char in text:
        if current is not None and (char == " " or char in JOINERS or unicodedata.category(char).startswith("M")) \
                and current.covers(char):
            chosen = current
        elif char in JOINERS:
            if current is None or not current.shaped:
                continue
            chosen = current
        elif primary.covers(char):
            chosen = primary
        elif current is not None and current.covers(char) and _common(char):
            chosen = current  # punctuation and digits stay in the font of the text around them
        else:
            found = fallback(char, bold)
            if found is None:
                if missing is not None:
                    missing.add(char)
                char, found = PLACEHOLDER, font("latin", bold)
            chosen = found
        if runs and chosen is current:
            runs[-1] = (runs[-1][0] + char, chosen)
        else:
            runs.append((char, chosen))
        current = chosen
    return runs


class Layout:
    """Lines at one size, ready to draw; sizes in points."""

    def __init__(self, lines: list[Line], size: float, primary: Font, rtl: bool = False) -> None:
        self.lines = lines
        self.size = size
        self.primary = primary
        self.rtl = rtl  # some line may hold right-to-left text: reorder lines when drawing

    def part(self, start: int, end: int) -> Layout:
        """The layout of lines ``start:end`` only (to continue a text on the next page)."""
        return Layout(self.lines[start:end], self.size, self.primary, self.rtl)

    def _metrics(self, line: Line) -> tuple[float, float]:
        fonts = line.fonts or {self.primary}
        return (min(MAX_ASCENT, max(f.ascent for f in fonts)), min(MAX_DESCENT, max(f.descent for f in fonts)))

    def _ruby_height(self, line: Line) -> float:
        return self.size * RUBY_SCALE * 1.15 if line.has_ruby else 0.0

    def line_height(self, line: Line) -> float:
        ascent, descent = self._metrics(line)
        return (ascent + descent) * LINE_GAP * self.size + self._ruby_height(line)

    @property
    def height(self) -> float:
        return sum(self.line_height(line) for line in self.lines)

    @property
    def baseline(self) -> float:
        """How far below the top the first baseline lies (to align layouts side by side)."""
        return self._baseline(self.lines[0]) if self.lines else 0.0

    def _baseline(self, line: Line) -> float:
        ascent, descent = self._metrics(line)
        return self._ruby_height(line) + ((LINE_GAP - 1) / 2 * (ascent + descent) + ascent) * self.size

    @property
    def width(self) -> float:
        return max((line.width for line in self.lines), default=0.0) * self.size

    def draw(self, canvas: Canvas, x: float, top: float, width: float, align: str = "left") -> float:
        """Draw the lines from ``top`` down inside ``width``; returns the bottom y. The caller sets
        the fill colour."""
        y = top
        for line in self.lines:
            baseline = y - self._baseline(line)
            lx = x + {"left": 0.0, "center": (width - line.width * self.size) / 2,
                      "right": width - line.width * self.size}[align]
            runs = self._runs(line, lx)
            if self.rtl and not line.has_ruby and _RTL.search(_line_text(line)):
                visual, rtl_base = _visual_runs(line, self.size)
                if rtl_base and align == "left":  # a right-to-left line starts at the right
                    lx = x + width - line.width * self.size
                runs = [(fnt, text, lx + dx) for fnt, text, dx in visual]
            for fnt, text, rx in runs:
                canvas.setFont(fnt.name, self.size)
                canvas.drawString(rx, baseline, text)
            for piece, px in self._ruby(line, lx):
                self._piece(canvas, piece, px, baseline)
            y -= self.line_height(line)
        return y

    def _runs(self, line: Line, x: float) -> list[tuple[Font, str, float]]:
        """Plain pieces merged into one string per font run (searchable, compact); shaped pieces
        keep their own shaped strings."""
        runs: list[tuple[Font, str, float]] = []
        open_run = False
        for i, seg in enumerate(line.segments):
            for piece in seg.pieces:
                if piece.reading:
                    open_run = False
                elif piece.font.shaped:
                    runs.append((piece.font, shape(piece.text, piece.font)[0], x))
                    open_run = False
                elif open_run and runs[-1][0] == piece.font:
                    runs[-1] = (piece.font, runs[-1][1] + piece.text, runs[-1][2])
                else:
                    runs.append((piece.font, piece.text, x))
                    open_run = True
                x += piece.advance * self.size
            if i < len(line.segments) - 1:
                if open_run and abs(shape(seg.trailing, runs[-1][0])[1] - seg.space) < 1e-6:
                    runs[-1] = (runs[-1][0], runs[-1][1] + seg.trailing, runs[-1][2])
                else:
                    open_run = False
                x += seg.space * self.size
        return runs

    def _ruby(self, line: Line, x: float) -> list[tuple[Piece, float]]:
        out = []
        for seg in line.segments:
            for piece in seg.pieces:
                if piece.reading:
                    out.append((piece, x))
                x += piece.advance * self.size
            x += seg.space * self.size
        return out

    def _piece(self, canvas: Canvas, piece: Piece, x: float, baseline: float) -> None:
        size = self.size
        canvas.setFont(piece.font.name, size)
        canvas.drawString(x + (piece.advance - piece.width) * size / 2, baseline, shape(piece.text, piece.font)[0])
        if piece.reading and piece.reading_font:
            rsize = size * RUBY_SCALE
            canvas.setFont(piece.reading_font.name, rsize)
            canvas.drawString(x + (piece.advance * size - piece.reading_width * rsize) / 2,
                              baseline + piece.font.ascent * size, piece.reading)


def _line_chars(line: Line) -> list[tuple[str, Font]]:
    """The characters of a line in logical order, each with its font (spaces between segments
    in the font of the text before them)."""
    chars: list[tuple[str, Font]] = []
    for i, seg in enumerate(line.segments):
        chars += [(char, piece.font) for piece in seg.pieces for char in piece.text]
        if i < len(line.segments) - 1 and seg.trailing:
            fnt = chars[-1][1] if chars else seg.pieces[0].font
            chars += [(char, fnt) for char in seg.trailing]
    return chars


def _line_text(line: Line) -> str:
    return "".join(piece.text for seg in line.segments for piece in seg.pieces)


def _visual_runs(line: Line, size: float) -> tuple[list[tuple[Font, str, float]], bool]:
    """A line holding right-to-left text as runs in visual order (Unicode bidi algorithm, ICU),
    each with its offset from the line's left end, and whether the line is right-to-left (its
    first strong character is). Each directional run is cut by font; in a right-to-left run the
    font runs go right to left and HarfBuzz outputs each in visual order (unshaped ones are
    reversed here, brackets mirrored)."""
    chars = _line_chars(line)
    text = "".join(char for char, _ in chars)
    unicode_text = icu.UnicodeString(text)
    bidi = icu.Bidi()
    bidi.setPara(unicode_text, 0xFE)  # UBIDI_DEFAULT_LTR: direction from the first strong character
    to_py, units = {0: 0}, 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        to_py[units] = i + 1
    runs: list[tuple[Font, str, float]] = []
    x = 0.0
    for index in range(bidi.countRuns()):
        start, length, direction = bidi.getVisualRun(index)
        chunk = chars[to_py[start]:to_py[start + length]]
        pieces: list[tuple[str, Font]] = []
        for char, fnt in chunk:
            if pieces and pieces[-1][1] is fnt:
                pieces[-1] = (pieces[-1][0] + char, fnt)
            else:
                pieces.append((char, fnt))
        if direction:  # right to left
            pieces.reverse()
        for piece_text, fnt in pieces:
            if direction and not (fnt.shaped and _RTL.search(piece_text)):
                piece_text = "".join(icu.Char.charMirror(char) for char in reversed(piece_text))
            drawn, advance = shape(piece_text, fnt)
            runs.append((fnt, drawn, x))
            x += advance * size
    return runs, bidi.getParaLevel() % 2 == 1


def fit_text(text: str, lang: Language | str, width: float, height: float, max_size: float,
             min_size: float, bold: bool = False, where: str = "its box") -> Layout:
    """Shortcut: the layout of ``text`` fitted into a ``width`` x ``height`` pt box."""
    return TextBlock(text, lang, bold).fit(width, height, max_size, min_size, where)
