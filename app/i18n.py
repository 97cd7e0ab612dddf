"""UI strings through Babel catalogs (``locales/ui/<code>/LC_MESSAGES/ui.po``) and the choice
of the interface language: the URL first, then the ``bosai_lang`` cookie, then Accept-Language.

Staff pages are in Japanese and English; public pages in every variant. English is the source
language of the UI strings (the msgids), so it needs no catalog.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar
from zoneinfo import ZoneInfo

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import LazyProxy, NullTranslations, Translations
from flask import Flask, current_app, g, has_request_context, request
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from phrasebook.errors import Sentence
from phrasebook.furigana import parse as parse_ruby
from phrasebook.languages import LANGUAGES, Language, get_language
from phrasebook.paths import locales_dir
from phrasebook.slots import format_value

STAFF_LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"
COOKIE = "bosai_lang"
UI_DOMAIN = "ui"
F = TypeVar("F", bound=Callable)
# Accept-Language tags that do not name our variants directly.
_ALIASES = {
    "zh": "zh_Hans", "zh-cn": "zh_Hans", "zh-sg": "zh_Hans", "zh-my": "zh_Hans",
    "zh-tw": "zh_Hant", "zh-hk": "zh_Hant", "zh-mo": "zh_Hant",
    "fil": "tl", "pt": "pt_BR",
}


def ui_dir() -> Path:
    """Where the UI catalogs live: ``locales/ui`` (follows ``BOSAI_LOCALES``)."""
    return locales_dir() / "ui"


def load_translations(folder: Path) -> dict[str, NullTranslations]:
    """Every UI catalog in ``folder``, compiled in memory (fuzzy entries are left out)."""
    found: dict[str, NullTranslations] = {}
    for code in LANGUAGES:
        path = folder / code / "LC_MESSAGES" / f"{UI_DOMAIN}.po"
        if not path.exists():
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=None, abort_invalid=True)
        buf = io.BytesIO()
        write_mo(buf, catalog, use_fuzzy=False)
        buf.seek(0)
        found[code] = Translations(buf, domain=UI_DOMAIN)
    return found


def match_tag(tag: str) -> str | None:
    """The variant code for a language tag (``ne-NP`` -> ``ne``, ``zh-TW`` -> ``zh_Hant``)."""
    tag = tag.strip().replace("_", "-").lower()
    parts = tag.split("-")
    for candidate in ("-".join(parts[:n]) for n in range(len(parts), 0, -1)):
        if candidate in _ALIASES:
            return _ALIASES[candidate]
        try:
            return get_language(candidate).code
        except KeyError:
            continue
    return None


def _choose(allowed: tuple[str, ...]) -> Language:
    view_lang = (request.view_args or {}).get("lang")
    for candidate in (view_lang, request.args.get("lang"), request.cookies.get(COOKIE)):
        if candidate:
            code = match_tag(candidate)
            if code in allowed:
                return LANGUAGES[code]
    for tag, _quality in request.accept_languages:
        code = match_tag(tag)
        if code in allowed:
            return LANGUAGES[code]
    return LANGUAGES[DEFAULT_LANGUAGE]


def all_languages(view: F) -> F:
    """Mark a view whose page is for everyone: its interface comes in every variant."""
    view.bosai_all_languages = True  # type: ignore[attr-defined]
    return view


def allowed_languages() -> tuple[str, ...]:
    """Every variant on pages for everyone (and on "not found"), else Japanese and English."""
    view = current_app.view_functions.get(request.endpoint or "")
    if request.endpoint is None or getattr(view, "bosai_all_languages", False):
        return tuple(LANGUAGES)
    return STAFF_LANGUAGES


def current_language() -> Language:
    """The interface language of this request (chosen once, then kept on ``g``)."""
    if not has_request_context():
        return LANGUAGES["en"]
    if "ui_lang" not in g:
        g.ui_lang = _choose(allowed_languages())
    return g.ui_lang


def gettext(message: str, **variables: Any) -> str:
    """``message`` in the interface language, with ``%(name)s`` variables filled in."""
    translations = current_app.extensions["bosai_ui"].get(current_language().code) if has_request_context() else None
    text = translations.gettext(message) if translations else message
    return text % variables if variables else text


_ = gettext


def lazy(message: str) -> LazyProxy:
    """A string translated when it is shown (form labels defined at import time)."""
    return LazyProxy(gettext, message, enable_cache=False)


def ruby(text: str) -> Markup:
    """Aozora furigana markup as HTML ``<ruby>``, everything escaped."""
    out = []
    for base, reading in parse_ruby(text):
        out.append(Markup("<ruby>{}<rt>{}</rt></ruby>").format(base, reading) if reading else escape(base))
    return Markup("").join(out)


def passage(text: str, lang: Language) -> Markup:
    """Phrase text as HTML for ``lang``: Easy Japanese gets ``<ruby>``, the rest is escaped."""
    return ruby(text) if lang.code == "ja@easy" else escape(text)


def language_label(code: str) -> str:
    """A variant's name in the staff language (ミャンマー語, Myanmar), for staff pages."""
    lang = LANGUAGES.get(code)
    if lang is None:
        return code
    return lang.japanese if current_language().code.startswith("ja") else lang.english


def local_time(stamp: str | datetime, lang: Language | None = None) -> str:
    """A stored UTC time as the local date and time, formatted for ``lang`` (CLDR)."""
    when = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    local = when.astimezone(ZoneInfo(current_app.config["TIMEZONE"]))
    return format_value("datetime", local.replace(tzinfo=None), lang or current_language())


def remember_choice(response: Response) -> Response:
    """``?lang=`` on a page that is not shared by caches sets the language cookie."""
    code = match_tag(request.args.get("lang", "")) if request.args.get("lang") else None
    if code in allowed_languages() and not response.cache_control.public:
        response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def said(sentences: Iterable[Sentence]) -> str:
    """Sentences (or clauses) from the library (``phrasebook.errors.Sentence``) in the UI language."""
    return "".join(gettext(s.template, **s.params) for s in sentences)


def init_app(app: Flask) -> None:
    """Load the catalogs, put ``_`` and the language helpers into Jinja."""
    app.extensions["bosai_ui"] = load_translations(ui_dir())
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda s: gettext(s), lambda s, p, n: gettext(s if n == 1 else p), newstyle=True)
    app.jinja_env.globals.update(passage=passage, local_time=local_time, languages=LANGUAGES,
                                  language_label=language_label, said=said)
    app.jinja_env.filters["ruby"] = ruby
    app.context_processor(lambda: {"ui_lang": current_language(), "staff_languages": STAFF_LANGUAGES})
    app.after_request(remember_choice)
