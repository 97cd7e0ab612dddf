"""The language registry: the one table of the 16 variants that everything else reads.

Adding a language is one row here, a catalog under ``locales/<code>/`` and a font entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from phrasebook.errors import UnknownLanguage


@dataclass(frozen=True)
class Language:
    """One language variant of the phrasebook."""

    code: str  # gettext directory name
    bcp47: str  # HTML lang attribute, CAP <language>
    babel: str  # Babel/CLDR locale used for dates and numbers
    native: str  # name in the language itself
    english: str
    japanese: str
    script: str  # ISO 15924
    font: str  # key in the printables font registry
    direction: str = "ltr"
    native_digits: str = ""  # digits 0-9 used in dates, times and numbers, if not Latin

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE


SOURCE = "ja"

_ROWS = [
    Language("ja", "ja", "ja", "日本語", "Japanese", "日本語", "Jpan", "ja"),
    Language("ja@easy", "ja-x-easy", "ja", "やさしい日本語", "Easy Japanese", "やさしい日本語", "Jpan", "ja"),
    Language("en", "en", "en", "English", "English", "英語", "Latn", "latin"),
    Language("zh_Hans", "zh-Hans", "zh_Hans_CN", "中文（简体）", "Chinese (Simplified)", "中国語（簡体字）", "Hans", "zh_Hans"),
    Language("zh_Hant", "zh-Hant", "zh_Hant_TW", "中文（繁體）", "Chinese (Traditional)", "中国語（繁体字）", "Hant", "zh_Hant"),
    Language("ko", "ko", "ko", "한국어", "Korean", "韓国語", "Kore", "ko"),
    Language("vi", "vi", "vi", "Tiếng Việt", "Vietnamese", "ベトナム語", "Latn", "latin"),
    Language("tl", "tl", "fil_PH", "Tagalog", "Tagalog", "タガログ語", "Latn", "latin"),
    Language("th", "th", "th", "ไทย", "Thai", "タイ語", "Thai", "th"),
    Language("id", "id", "id", "Bahasa Indonesia", "Indonesian", "インドネシア語", "Latn", "latin"),
    Language("es", "es", "es", "Español", "Spanish", "スペイン語", "Latn", "latin"),
    Language("pt_BR", "pt-BR", "pt_BR", "Português (Brasil)", "Portuguese (Brazil)", "ポルトガル語（ブラジル）", "Latn", "latin"),
    Language("my", "my", "my", "မြန်မာ", "Myanmar (Burmese)", "ミャンマー語", "Mymr", "my", native_digits="၀၁၂၃၄၅၆၇၈၉"),
    Language("ne", "ne", "ne", "नेपाली", "Nepali", "ネパール語", "Deva", "ne", native_digits="०१२३४५६७८९"),
    Language("ru", "ru", "ru", "Русский", "Russian", "ロシア語", "Cyrl", "latin"),
    Language("fr", "fr", "fr", "Français", "French", "フランス語", "Latn", "latin"),
]

LANGUAGES: dict[str, Language] = {row.code: row for row in _ROWS}
_BY_TAG = {row.bcp47.lower(): row for row in _ROWS}


def get_language(code: str) -> Language:
    """The variant for a gettext code (``zh_Hans``) or BCP 47 tag (``zh-Hans``)."""
    if code in LANGUAGES:
        return LANGUAGES[code]
    row = _BY_TAG.get(code.lower())
    if row is None:
        raise UnknownLanguage(code)
    return row


def native_digits(lang: Language, text: str) -> str:
    """``text`` with ASCII digits replaced by the language's own digits, if it has them."""
    if not lang.native_digits:
        return text
    return text.translate(str.maketrans("0123456789", lang.native_digits))
