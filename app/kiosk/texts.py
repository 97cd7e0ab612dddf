"""Kiosk wording from the phrasebook, in the evacuee's language.

An entry with no usable translation falls back to the Japanese source, marked as Japanese, so
nothing is ever shown in the wrong language under the wrong ``lang`` attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from app.i18n import passage
from phrasebook.furigana import plain
from phrasebook.languages import LANGUAGES, Language
from phrasebook.render import MissingTranslation, render


@dataclass(frozen=True)
class Text:
    text: str
    lang: Language

    def __html__(self) -> Markup:
        return Markup('<span lang="{}">{}</span>').format(self.lang.bcp47, passage(self.text, self.lang))

    def __str__(self) -> str:
        return self.text

    @property
    def plain(self) -> str:
        """The text without furigana markup (for an attribute or a script)."""
        return plain(self.text)


def say(template_id: str, lang: Language, **values: Any) -> Text:
    """The template in ``lang`` (or in Japanese if it has no usable translation yet)."""
    try:
        return Text(render(template_id, lang.code, values), lang)
    except MissingTranslation:
        return Text(render(template_id, "ja", values), LANGUAGES["ja"])
