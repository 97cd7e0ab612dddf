"""Readings of Japanese place names: Hepburn romaji for readers of other languages, hiragana and
furigana markup for Easy Japanese.

Readings come from cutlet (Hepburn romaji) over fugashi with the UniDic-lite dictionary, which ship
in their wheels and work offline. Long vowels are written without macrons, as on road signs
(Tōkyō → Tokyo). ``FIXES`` holds the place-name words the dictionary reads wrongly. A name the
dictionary cannot read at all (Cyrillic, emoji...) gets no reading (``""``): callers then show the
name itself. Nothing here raises on any text.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

# Place-name words the dictionary misreads (many from JMA area names): surface → (romaji, hiragana).
FIXES = {
    "三宅島": ("Miyakejima", "みやけじま"), "大東島": ("Daitojima", "だいとうじま"),
    "淡路島": ("Awajishima", "あわじしま"), "屋久島": ("Yakushima", "やくしま"),
    "鳥島": ("Torishima", "とりしま"), "中通り": ("Nakadori", "なかどおり"),
    "浜通り": ("Hamadori", "はまどおり"), "最上": ("Mogami", "もがみ"), "嶺南": ("Reinan", "れいなん"),
    "嶺北": ("Reihoku", "れいほく"), "陸奥湾": ("Mutsu Wan", "むつわん"),
    "三八上北": ("Sanpachi Kamikita", "さんぱちかみきた"), "外海": ("Sotoumi", "そとうみ"),
    "日本海": ("Nihonkai", "にほんかい"), "オホーツク海": ("Okhotsk-kai", "おほーつくかい"),
    "上中下越": ("Jo-Chu-Kaetsu", "じょうちゅうかえつ"), "中・西部": ("Chu / Seibu", "ちゅう・せいぶ"),
    "九十九里": ("Kujukuri", "くじゅうくり"), "中越": ("Chuetsu", "ちゅうえつ"), "県": ("Ken", "けん"),
}
_OVERRIDE = re.compile("|".join(sorted(map(re.escape, FIXES), key=len, reverse=True)))
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")
KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_MARKUP = re.compile(r"[｜|《》]")  # furigana markup characters: never copied into a reading
_LOCK = threading.Lock()  # a MeCab tagger is not safe to share between server threads


@lru_cache(maxsize=2)
def _cutlet(foreign: bool = False):
    """Foreign spellings (チリ → Chile) only for places abroad: in Japan they misread (トカラ)."""
    import cutlet  # loads the MeCab dictionary (about a second): only when a name is read

    return cutlet.Cutlet(use_foreign_spelling=foreign)


def _plain_hepburn(text: str) -> str:
    """Long vowels without macrons: ou, oo → o; uu → u (Toukyou → Tokyo)."""
    return re.sub(r"([Oo])[ou]|([Uu])u", lambda m: m[1] or m[2], text)


def _segments(name: str) -> list[tuple[str, str | None, str | None]]:
    """(surface, fixed romaji or None, fixed reading or None) runs of ``name``."""
    runs, pos = [], 0
    for match in _OVERRIDE.finditer(name):
        if match.start() > pos:
            runs.append((name[pos:match.start()], None, None))
        romaji, kana = FIXES[match[0]]
        runs.append((match[0], romaji, kana))
        pos = match.end()
    if pos < len(name):
        runs.append((name[pos:], None, None))
    return runs


def _romaji(surface: str, abroad: bool) -> str:
    """cutlet's reading of one run; characters it cannot read (it writes ``?``) are dropped."""
    try:
        with _LOCK:
            text = _cutlet(abroad).romaji(surface, title=True)
    except Exception:  # noqa: BLE001  a reading is a help, never a reason to fail
        return ""
    if "?" not in surface:
        text = text.replace("?", " ")
    return _plain_hepburn(text)


@lru_cache(maxsize=4096)
def latin(name: str, abroad: bool = False) -> str:
    """The Hepburn reading of a Japanese place name: 岩手県内陸南部 → Iwate Ken Nairiku Nanbu,
    市民体育館 → Shimin Taiikukan; places ``abroad`` keep their usual spelling (チリ中部沿岸 →
    Chile Chubu Engan); ``""`` when the name has no Japanese to read or nothing in it can be
    read in Latin letters."""
    if not (KANJI.search(name) or KANA.search(name)):
        return ""
    words = [romaji or _romaji(surface, abroad) for surface, romaji, _ in _segments(_MARKUP.sub("", name))]
    text = " ".join(w.strip() for w in words if w.strip())
    text = re.sub(r"\s*[/・]\s*", " / ", text)
    text = re.sub(r" Bu\b", "bu", text)  # 北西部: Hokusei Bu → Hokuseibu
    text = re.sub(r"\s+", " ", text).strip(" /")
    return text if re.search(r"[A-Za-z0-9]", text) else ""


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def _words(surface: str) -> list[tuple[str, str | None]]:
    """(word, hiragana reading or None) of a run, by the dictionary."""
    try:
        with _LOCK:
            tagged = [(word.surface, getattr(word.feature, "kana", None)) for word in _cutlet().tagger(surface)]
    except Exception:  # noqa: BLE001
        return [(surface, None)]
    return [(text, _hiragana(reading) if reading and reading != "*" else None) for text, reading in tagged]


def _ruby_runs(name: str) -> list[tuple[str, str | None]]:
    """(text, reading or None) runs: a reading only on runs that hold kanji."""
    runs: list[tuple[str, str | None]] = []
    for surface, _, kana in _segments(name):
        pairs = [(surface, kana)] if kana is not None else _words(surface)
        runs.extend((text, reading if KANJI.search(text) else None) for text, reading in pairs)
    return runs


@lru_cache(maxsize=4096)
def kana(name: str) -> str:
    """The reading of the whole name in hiragana (市民体育館 → しみんたいいくかん); ``""`` when
    the name has no kanji (it reads as written)."""
    clean = _MARKUP.sub("", name)
    if not KANJI.search(clean):
        return ""
    runs = _ruby_runs(clean)
    if any(reading is None and KANJI.search(text) for text, reading in runs):
        return ""  # a kanji the dictionary cannot read: no reading rather than a wrong one
    return "".join(reading or _hiragana(text) for text, reading in runs)


@lru_cache(maxsize=4096)
def furigana(name: str, reading: str = "") -> str:
    """The name in the phrasebook's furigana markup (``｜石川《いしかわ》``): word by word from the
    dictionary, or the whole name over ``reading`` when one was given and differs from the
    dictionary's. Markup characters typed in the name are dropped, so they never make ruby."""
    clean = _MARKUP.sub("", name)
    reading = _MARKUP.sub("", reading).strip()
    if not KANJI.search(clean):
        return clean
    if reading and reading != kana(clean):
        return f"｜{clean}《{reading}》"
    return "".join(f"｜{text}《{ruby}》" if ruby else text for text, ruby in _ruby_runs(clean))
