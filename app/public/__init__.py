"""Public pages: the home page ``/`` (the published messages, newest first, in the reader's
language; ``/<lang>`` in one language; ``/m/`` redirects there), ``/m/<id>`` (language
picker), ``/m/<id>/<lang>`` (the message in one language), ``/m/<id>.cap.xml`` (CAP 1.2) and
``/alerts.atom`` (the Atom feed). Drafts are never shown (404). No JavaScript; cacheable with
ETags. The static mirror and export (``app.public.export``) are rendered by these same views; in
a portable export ``page_url`` makes the links relative to the page's file."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from flask import Blueprint, abort, current_app, g, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app.auth import public
from app.db import get_db
from app.i18n import all_languages, current_language, match_tag
from app.links import base_url
from app.public.feed import MIMETYPE, atom_feed
from phrasebook import messages as model
from phrasebook.cap import message_cap as cap_for
from phrasebook.jma import CREDIT, CREDIT_TEMPLATE
from phrasebook.languages import LANGUAGES, SOURCE, Language
from phrasebook.parts import Part
from phrasebook.places import place_named
from phrasebook.render import catalog
from phrasebook.templates import load_templates

bp = Blueprint("public", __name__)
STATIC_EXPORT = "bosai.static_export"  # WSGI environ key set while exporting static files


def page_file(path: str) -> str:
    """The file a page is exported to: ``/m/abc/en`` -> ``m/abc/en/index.html``."""
    return posixpath.join(path.strip("/"), "index.html")


@bp.app_template_global()
def page_url(endpoint: str, **values: Any) -> str:
    """``url_for``; in a static export, the link relative to the current page's file, naming
    ``index.html`` explicitly (file:// has no directory index)."""
    url = url_for(endpoint, **values)
    if not request.environ.get(STATIC_EXPORT):
        return url
    target = url.lstrip("/") if endpoint == "static" else page_file(url)
    return posixpath.relpath(target, posixpath.dirname(page_file(request.path)))


def cacheable(body: str | bytes, negotiated: bool = False, mimetype: str = "text/html") -> Response:
    """A page that phones and proxies may keep briefly and revalidate with its ETag (304).
    ``negotiated``: the page depends on the language cookie and Accept-Language."""
    response = make_response(body)
    response.mimetype = mimetype
    response.cache_control.public = True
    response.cache_control.max_age = int(current_app.config["PUBLIC_MAX_AGE"])
    if negotiated:
        response.vary.update(("Accept-Language", "Cookie"))
    response.add_etag()
    return response.make_conditional(request)


HEADLINE_SENTENCES = 2


@dataclass(frozen=True)
class Entry:
    """A message in the index: its text in the reader's language, or in Japanese
    (``fallback``) when it has none; ``link`` is the language its link opens (None: the picker)."""

    message: model.Message
    shown: model.Rendition
    fallback: bool
    link: Language | None

    @property
    def headline(self) -> str | None:
        """The first sentences of the text (a message drafted from a telegram has many), with
        an ellipsis when more follow: the page of the message has them all."""
        if self.shown.text is None:
            return None
        lines = self.shown.text.splitlines()
        return " ".join(lines[:HEADLINE_SENTENCES]) + (" …" if len(lines) > HEADLINE_SENTENCES else "")


def index_entry(message: model.Message, lang: Language, content: tuple) -> Entry:
    """The message's entry in the index in ``lang`` (rendered once per message and ``content``)."""
    def make() -> Entry:
        if lang.code in message.languages:
            shown = model.renditions(message.parts, (lang.code,))[0]
            if shown.text is not None:
                return Entry(message, shown, False, lang)
        original = model.renditions(message.parts, (SOURCE,))[0]
        return Entry(message, original, lang.code != SOURCE, LANGUAGES[SOURCE] if SOURCE in message.languages else None)

    return rendered_once(("entry", repr(message), lang.code), content, make)


def index_page(messages: list[model.Message], lang: Language) -> str:
    """The current messages (newest first, as given), then the withdrawn ones, in ``lang``,
    with the language picker."""
    content = content_of(lang.code)
    entries = [index_entry(m, lang, content) for m in messages]
    return render_template("public/index.html", lang=lang, current=[e for e in entries if not e.message.withdrawn],
                           withdrawn=[e for e in entries if e.message.withdrawn], choices=LANGUAGES.values(),
                           portable=bool(request.environ.get(STATIC_EXPORT)))


@bp.get("/")
@public
@all_languages
def home() -> Response:
    """The message index in the reader's language (``?lang=``, cookie, Accept-Language)."""
    return cacheable(index_page(model.public_messages(get_db()), current_language()), negotiated=True)


@bp.get("/<lang>")
@public
@all_languages
def home_in(lang: str) -> Response:
    """The message index in one language (``/vi``, ``/ja-x-easy``): the picker's links."""
    code = match_tag(lang) or abort(404)
    g.ui_lang = LANGUAGES[code]
    return cacheable(index_page(model.public_messages(get_db()), g.ui_lang))


@bp.get("/m/")
@public
def index() -> Response:
    """The index used to live here."""
    return redirect(url_for("public.home"))


@bp.get("/alerts.atom")
@public
def feed() -> Response:
    """Every message as an Atom entry linking its pages and its CAP alert."""
    return cacheable(atom_feed(model.public_messages(get_db()), current_app.config, base_url()), mimetype=MIMETYPE)


@bp.get("/m/<message_id>")
@public
@all_languages
def message(message_id: str) -> Response:
    """The language picker: the reader's own language first, then every other one."""
    found = model.get_public(get_db(), message_id) or abort(404)
    langs = [LANGUAGES[code] for code in found.languages]
    preferred = current_language()
    langs.sort(key=lambda lang: lang != preferred)
    return cacheable(render_template("public/picker.html", message=found, langs=langs), negotiated=True)


@bp.get("/m/<message_id>.cap.xml")
@public
def message_cap(message_id: str) -> Response:
    """The message as a CAP 1.2 alert, one ``<info>`` per language."""
    found = model.get_public(get_db(), message_id) or abort(404)
    return cacheable(cap_for(found, current_app.config, base_url()), mimetype="application/cap+xml")


@bp.get("/m/<message_id>/<lang>")
@public
@all_languages
def message_in(message_id: str, lang: str) -> Response:
    """The message in one language, with the Japanese original beside it for staff."""
    found = model.get_public(get_db(), message_id) or abort(404)
    code = match_tag(lang)
    if code not in found.languages:
        abort(404)
    g.ui_lang = LANGUAGES[code]
    return cacheable(_message_page(found, code))


_RENDERED: dict[tuple, tuple[tuple, Any]] = {}
_RENDERED_MAX = 8192
T = TypeVar("T")


def content_of(code: str) -> tuple:
    """What a rendering in ``code`` depends on besides the message: the templates and the
    catalogs of ``code`` and Japanese (parsed objects that change identity when their files change)."""
    return load_templates(), catalog(code), catalog(SOURCE)


def rendered_once(key: tuple, content: tuple, make: Callable[[], T]) -> T:
    """``make()``, kept under ``key`` while ``content`` (``content_of``) stays the same; ``key``
    holds the rest (the whole message, since two edits may fall in the same second)."""
    cached = _RENDERED.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], content)):
        return cached[1]
    value = make()
    if len(_RENDERED) >= _RENDERED_MAX:
        _RENDERED.clear()
    _RENDERED[key] = (content, value)
    return value


def _credit(found: model.Message, code: str) -> model.Rendition | None:
    """The source credit of a message drafted from JMA's telegrams, shown once under it (after
    the full Japanese credit ``CREDIT``): its ``jma.credit`` rendering in the page's language."""
    if not any(p.template_id == CREDIT_TEMPLATE for p in found.parts):
        return None
    return model.renditions([Part(CREDIT_TEMPLATE)], (code,))[0]


def _message_page(found: model.Message, code: str) -> str:
    """The page HTML, rendered once per message version and content version (and per kind of
    page: served or exported, the time zone, and the registered reading of its shelter's name)."""
    def make() -> str:
        body = [p for p in found.parts if p.template_id != CREDIT_TEMPLATE]
        shown = model.renditions(body, (code, "ja") if code != "ja" else ("ja",))
        others = [LANGUAGES[c] for c in found.languages if c != code]
        return render_template("public/message.html", message=found, shown=shown[0],
                               original=shown[1] if len(shown) > 1 else None, others=others,
                               credit=_credit(found, code), jma_credit=CREDIT)

    where = repr(place_named(get_db(), found.where)) if found.where else ""  # its reading may change
    key = ("page", repr(found), where, code, bool(request.environ.get(STATIC_EXPORT)), current_app.config["TIMEZONE"])
    return rendered_once(key, content_of(code), make)
