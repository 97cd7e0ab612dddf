"""Public pages: the home page, and the published messages at ``/m/<id>`` (language picker)
and ``/m/<id>/<lang>`` (the message in one language). No JavaScript; cacheable with ETags."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, make_response, render_template, request
from werkzeug.wrappers import Response

from app.auth import public
from app.db import get_db
from app.i18n import all_languages, current_language, match_tag
from app.messages import model
from phrasebook.languages import LANGUAGES

bp = Blueprint("public", __name__)


def cacheable(html: str, negotiated: bool = False) -> Response:
    """A page that phones and proxies may keep briefly and revalidate with its ETag (304).
    ``negotiated``: the page depends on the language cookie and Accept-Language."""
    response = make_response(html)
    response.cache_control.public = True
    response.cache_control.max_age = int(current_app.config["PUBLIC_MAX_AGE"])
    if negotiated:
        response.vary.update(("Accept-Language", "Cookie"))
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/")
@public
@all_languages
def home() -> str:
    return render_template("public/home.html", languages=LANGUAGES.values())


@bp.get("/m/<message_id>")
@public
@all_languages
def message(message_id: str) -> Response:
    """The language picker: the reader's own language first, then every other one."""
    found = model.get(get_db(), message_id) or abort(404)
    langs = [LANGUAGES[code] for code in found.languages]
    preferred = current_language()
    langs.sort(key=lambda lang: lang != preferred)
    return cacheable(render_template("public/picker.html", message=found, langs=langs), negotiated=True)


@bp.get("/m/<message_id>/<lang>")
@public
@all_languages
def message_in(message_id: str, lang: str) -> Response:
    """The message in one language, with the Japanese original beside it for staff."""
    found = model.get(get_db(), message_id) or abort(404)
    code = match_tag(lang)
    if code not in found.languages:
        abort(404)
    g.ui_lang = LANGUAGES[code]
    shown = model.renditions(found.template_id, (code, "ja") if code != "ja" else ("ja",), found.values)
    others = [LANGUAGES[c] for c in found.languages if c != code]
    return cacheable(render_template("public/message.html", message=found, shown=shown[0],
                                     original=shown[1] if len(shown) > 1 else None, others=others))
