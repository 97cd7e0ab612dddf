"""Readable JMA place names: a Latin (Hepburn) reading for every reader, furigana for Easy Japanese.

JMA names epicentres and areas in Japanese only (岩手県内陸南部, 千葉県九十九里・外房). Readings come
from cutlet (Hepburn romaji) over fugashi with the UniDic-lite dictionary, which ship in their wheels
and work offline. Long vowels are written without macrons, as on road signs (Tōkyō → Tokyo).
``READINGS`` fixes the words of JMA area names that the dictionary reads wrongly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from phrasebook.languages import LANGUAGES
from phrasebook.slots import Place

EASY = "ja@easy"
# JMA area-name words the dictionary misreads: surface → (romaji, hiragana).
READINGS = {
    "三宅島": ("Miyakejima", "みやけじま"), "大東島": ("Daitojima", "だいとうじま"),
    "淡路島": ("Awajishima", "あわじしま"), "屋久島": ("Yakushima", "やくしま"),
    "鳥島": ("Torishima", "とりしま"), "中通り": ("Nakadori", "なかどおり"),
    "浜通り": ("Hamadori", "はまどおり"), "最上": ("Mogami", "もがみ"), "嶺南": ("Reinan", "れいなん"),
    "嶺北": ("Reihoku", "れいほく"), "陸奥湾": ("Mutsu Wan", "むつわん"),
    "三八上北": ("Sanpachi Kamikita", "さんぱちかみきた"), "外海": ("Sotoumi", "そとうみ"),
    "日本海": ("Nihonkai", "にほんかい"), "オホーツク海": ("Okhotsk-kai", "おほーつくかい"),
    "上中下越": ("Jo-Chu-Kaetsu", "じょうちゅうかえつ"), "中・西部": ("Chu / Seibu", "ちゅう・せいぶ"),
    "九十九里": ("Kujukuri", "くじゅうくり"), "県": ("Ken", "けん"),
}
_OVERRIDE = re.compile("|".join(sorted(map(re.escape, READINGS), key=len, reverse=True)))
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々ヶ]")
_LATIN_READERS = [code for code in LANGUAGES if not code.startswith("ja")]


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
        romaji, kana = READINGS[match[0]]
        runs.append((match[0], romaji, kana))
        pos = match.end()
    if pos < len(name):
        runs.append((name[pos:], None, None))
    return runs


@lru_cache(maxsize=2048)
def latin(name: str, abroad: bool = False) -> str:
    """The Hepburn reading of a Japanese place name: 岩手県内陸南部 → Iwate Ken Nairiku Nanbu;
    places ``abroad`` keep their usual spelling (チリ中部沿岸 → Chile Chubu Engan)."""
    words = []
    for surface, romaji, _ in _segments(name):
        words.append(romaji if romaji else _plain_hepburn(_cutlet(abroad).romaji(surface, title=True)))
    text = " ".join(w.strip() for w in words if w.strip())
    text = re.sub(r"\s*[/・]\s*", " / ", text)
    text = re.sub(r" Bu\b", "bu", text)  # 北西部: Hokusei Bu → Hokuseibu
    return re.sub(r"\s+", " ", text).strip()


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


@lru_cache(maxsize=2048)
def furigana(name: str) -> str:
    """The name with readings in the phrasebook's furigana markup (``｜石川《いしかわ》``)."""
    out = []
    for surface, _, kana in _segments(name):
        if kana is not None:
            out.append(f"｜{surface}《{kana}》" if _KANJI.search(surface) else surface)
            continue
        for word in _cutlet().tagger(surface):
            reading = getattr(word.feature, "kana", None)
            if _KANJI.search(word.surface) and reading and reading != "*":
                out.append(f"｜{word.surface}《{_hiragana(reading)}》")
            else:
                out.append(word.surface)
    return "".join(out)


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
