"""Place names on pages for the public and evacuees: a shelter's name as a reader of the page's
language sees it (its registered or generated reading, see ``phrasebook.slots.Place``)."""

from __future__ import annotations

from markupsafe import Markup, escape

from app.db import get_db
from app.i18n import ruby
from phrasebook.languages import Language
from phrasebook.places import place_named


def place_name(name: str, lang: Language) -> Markup:
    """``name`` for a reader of ``lang``, its Japanese part marked ``lang="ja"``: 北小学校 →
    Kita Shogakko (北小学校) in English, with furigana in Easy Japanese."""
    place = place_named(get_db(), name)
    text = place.name_in(lang)
    japanese = Markup('<span lang="ja">{}</span>').format(place.ja)
    if lang.code == "ja@easy":
        return ruby(text)
    for opening, closing in (("(", ")"), ("（", "）")):
        if text != place.ja and text.endswith(f"{opening}{place.ja}{closing}"):
            return escape(text[:-len(place.ja) - 2]) + Markup(opening) + japanese + Markup(closing)
    return japanese if text == place.ja else escape(text)
