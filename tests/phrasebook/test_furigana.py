import pytest

from phrasebook.furigana import has_ruby, parse, plain


@pytest.mark.parametrize("text, runs", [
    ("｜避難所《ひなんじょ》に　いって", [("避難所", "ひなんじょ"), ("に　いって", None)]),
    ("水《みず》を　のんで", [("水", "みず"), ("を　のんで", None)]),
    ("あたらしい避難所《ひなんじょ》", [("あたらしい", None), ("避難所", "ひなんじょ")]),
    ("|給水《きゅうすい》", [("給水", "きゅうすい")]),
    ("ふりがな　なし", [("ふりがな　なし", None)]),
])
def test_parse(text, runs):
    assert parse(text) == runs


def test_plain_and_has_ruby():
    assert plain("｜避難所《ひなんじょ》です") == "避難所です"
    assert has_ruby("水《みず》")
    assert not has_ruby("みず")
