"""Kiosk routes: start (binds the device), language picker, announcements, registration."""

from __future__ import annotations

import time

from flask import abort, current_app, g, make_response, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from app.auth import public
from app.auth.access import kiosk
from app.db import get_db
from app.i18n import all_languages, match_tag
from app.kiosk import bp
from app.kiosk.texts import say
from app.printing import printed_pdf
from phrasebook.card import fields, sections
from phrasebook.languages import LANGUAGES, Language
from phrasebook.messages import shelter_messages
from phrasebook.registrations import (RegistrationInvalid, card_answers, create_registration, get_registration,
                                      number_limits)
from phrasebook.shelters import ShelterClosed, get_shelter, kiosk_shelter

PRINT_WINDOW_S = 600  # the card just made can be printed for ten minutes
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


@bp.after_request
def kiosk_headers(response: Response) -> Response:
    """Kiosk pages run one local script (inactivity timer, announcement refresh), and are never
    stored: Back after a visit must show nothing of the previous person."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-store"
    return response


def _lang(code: str) -> Language:
    found = match_tag(code)
    if found is None:
        abort(404)
    g.ui_lang = LANGUAGES[found]
    return LANGUAGES[found]


def _announcements(lang: Language) -> list:
    """The shelter's current announcements (and area-wide ones), newest first, in ``lang``:
    each message with its parts' sentences."""
    return [(message, [say(part.template_id, lang, **part.values) for part in message.parts])
            for message in shelter_messages(get_db(), session["shelter_id"])]


@bp.get("/start/<token>")
@public
def start(token: str) -> Response:
    """Bind this device to the token's shelter (the link staff open once on the kiosk)."""
    shelter_id = kiosk_shelter(get_db(), token)
    if shelter_id is None:
        abort(403)
    session.clear()
    session.update(kind="kiosk", shelter_id=shelter_id, token=token)
    session.permanent = True
    return redirect(url_for("kiosk.picker"))


@bp.get("/")
@kiosk
@all_languages
def picker() -> str:
    session.pop("last_reg", None)
    return render_template("kiosk/picker.html", shelter=get_shelter(get_db(), session["shelter_id"]),
                           langs=list(LANGUAGES.values()), say=say)


@bp.post("/reset")
@kiosk
def reset() -> Response:
    """The inactivity timer (or the evacuee) ends the visit: nothing typed is kept."""
    session.pop("last_reg", None)
    return redirect(url_for("kiosk.picker"))


@bp.get("/<lang>/")
@kiosk
@all_languages
def home(lang: str) -> str:
    language = _lang(lang)
    return render_template("kiosk/home.html", lang=language, say=say, items=_announcements(language),
                           shelter=get_shelter(get_db(), session["shelter_id"]))


@bp.get("/<lang>/announcements")
@kiosk
@all_languages
def announcements(lang: str) -> str:
    """The announcement list alone, fetched by the page every minute."""
    language = _lang(lang)
    return render_template("kiosk/_announcements.html", lang=language, say=say, items=_announcements(language))


def _form_sections() -> list:
    return [s for s in sections() if s.fields and not any(f.staff_only for f in s.fields)]


@bp.route("/<lang>/register", methods=["GET", "POST"])
@kiosk
@all_languages
def register(lang: str) -> Response | str:
    """The form; a closed shelter shows a notice instead, and a form sent after the shelter
    closed comes back with everything typed and the notice."""
    language = _lang(lang)
    answers: dict = {}
    errors: dict[str, str] = {}
    closed = False
    if request.method == "GET" and not get_shelter(get_db(), session["shelter_id"]).is_open:
        return render_template("kiosk/closed.html", lang=language, say=say)
    if request.method == "POST":
        answers = {name: request.form.getlist(name) if field.input == "multi" else request.form.get(name, "")
                   for name, field in fields(include_staff=False).items() if name in request.form}
        try:
            reg = create_registration(get_db(), session["shelter_id"], language.code, answers)
        except RegistrationInvalid as exc:
            errors = exc.errors
        except ShelterClosed:
            closed = True
        else:
            session["last_reg"] = {"id": reg.id, "number": reg.number, "at": time.time()}
            return redirect(url_for("kiosk.done", lang=language.bcp47))
    page = render_template("kiosk/register.html", lang=language, say=say, sections=_form_sections(),
                           answers=answers, errors=errors, privacy=_privacy_ids(), closed=closed)
    return make_response(page, 409 if closed else 422 if errors else 200)


def _privacy_ids() -> list[str]:
    return [h for s in sections() if s.key == "privacy" for h in s.help_ids]


def _last_registration() -> dict | None:
    last = session.get("last_reg")
    if not last or time.time() - last["at"] > PRINT_WINDOW_S:
        return None
    return last


@bp.get("/<lang>/done")
@kiosk
@all_languages
def done(lang: str) -> Response | str:
    language = _lang(lang)
    last = _last_registration() or abort(404)
    return render_template("kiosk/done.html", lang=language, say=say, number=last["number"])


@bp.get("/<lang>/card.pdf")
@kiosk
@all_languages
def card(lang: str) -> Response:
    """The filled card of the registration this kiosk visit just made (and no other)."""
    from printables.card import card_pdf

    language = _lang(lang)
    last = _last_registration() or abort(404)
    reg = get_registration(get_db(), last["id"], [session["shelter_id"]])
    answers = card_answers(reg, get_shelter(get_db(), reg.shelter_id).name, current_app.config["TIMEZONE"])
    return printed_pdf(lambda: card_pdf(language.code, answers), f"card-{reg.number}.pdf", download=False)


@bp.app_template_global()
def number_range(field_name: str) -> dict[str, int]:
    """The smallest and largest answer a number field takes (for ``card.error.number_range``)."""
    low, high = number_limits(field_name)
    return {"low": low, "high": high}


@bp.context_processor
def kiosk_settings() -> dict:
    return {"kiosk_idle_s": current_app.config.get("KIOSK_IDLE_SECONDS", 90),
            "kiosk_warn_s": max(20, int(current_app.config.get("KIOSK_WARN_SECONDS", 30)))}
