"""Readings of place names: romaji, hiragana and furigana, offline, never failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from phrasebook.readings import furigana, kana, latin

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name, romaji, hiragana", [
    ("市民体育館", "Shimin Taiikukan", "しみんたいいくかん"),
    ("中央公民館", "Chuo Kominkan", "ちゅうおうこうみんかん"),  # long vowels without macrons
    ("さくら小学校", "Sakura Shogakko", "さくらしょうがっこう"),
    ("駅前広場", "Ekimae Hiroba", "えきまえひろば"),
    ("淡路島", "Awajishima", "あわじしま"),  # from the fix table
    ("新潟県中越", "Niigata Ken Chuetsu", "にいがたけんちゅうえつ"),  # not Nakakoshi
])
def test_readings_of_place_names(name, romaji, hiragana):
    assert (latin(name), kana(name)) == (romaji, hiragana)


def test_furigana_word_by_word_or_over_the_whole_name_when_corrected():
    assert furigana("市民体育館") == "｜市民《しみん》｜体育《たいいく》｜館《かん》"
    assert furigana("市民体育館", "しみんたいいくかん") == furigana("市民体育館")  # as generated
    assert furigana("市民体育館", "しみんじむ") == "｜市民体育館《しみんじむ》"
    assert furigana("さくら小学校") == "さくら｜小《しょう》｜学校《がっこう》"  # kana carries no ruby


@pytest.mark.parametrize("name", ["ABC Hall", "Москва", "?", "{place}", "%s", "😀", "한글", ""])
def test_a_name_without_japanese_has_no_reading(name):
    assert latin(name) == "" and kana(name) == ""


def test_unreadable_characters_are_left_out_and_markup_never_makes_ruby():
    assert latin("😀体育館") == "Taiikukan"
    assert "《" not in latin("市民《しみん》館") and furigana("｜市民") == "｜市民《しみん》"
    assert furigana("市民《あ》") == "｜市民《しみん》あ"


def test_readings_need_no_network():
    """The dictionary ships in the unidic-lite wheel: with every connection refused, names read."""
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('no network in this test')\n"
            "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
            "from phrasebook.readings import latin, kana\n"
            "print(latin('市民体育館'), kana('市民体育館'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "HOME": "/nonexistent", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Shimin Taiikukan しみんたいいくかん"
