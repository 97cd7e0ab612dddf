"""Login, logout and changing one's own password."""

from __future__ import annotations

import math
import re
from urllib.parse import unquote, urlsplit

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from app import audit
from app.forms import Form
from app.auth import bp, throttle
from app.auth.access import is_public, public, start_session
from app.auth.policy import LANDING, allows
from app.auth.users import MIN_PASSWORD, User, UserError, set_password, verify
from app.db import get_db
from app.i18n import _, lazy
from app.security import cookie_dropped

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENDS = "".join(map(chr, range(0x21)))  # C0 controls and space: browsers strip them at the ends
_TAB_NEWLINE = {9: None, 10: None, 13: None}  # browsers remove these anywhere in a URL


class LoginForm(Form):
    username = StringField(lazy("User name"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(lazy("Password"), validators=[DataRequired(), Length(max=1024)])


class PasswordForm(Form):
    current = PasswordField(lazy("Current password"), validators=[DataRequired(), Length(max=1024)])
    new = PasswordField(lazy("New password"), validators=[DataRequired(), Length(min=MIN_PASSWORD, max=1024)])
    repeat = PasswordField(lazy("New password again"),
                           validators=[DataRequired(), EqualTo("new", message=lazy("The passwords differ."))])


def safe_next(target: str | None) -> str | None:
    """``target`` if a browser would read it as a path on this site, else None.

    Browsers strip controls and spaces at the ends of a URL, remove tabs and newlines anywhere
    and read ``\\`` as ``/``; so ``/\\t/evil.example`` is ``//evil.example``, another host.
    The cleaned target, and its percent-decoded forms, must start with one ``/``, hold no
    backslash and no control character, and name no scheme or host."""
    if not target:
        return None
    cleaned = target.strip(_ENDS).translate(_TAB_NEWLINE)
    decoded = [cleaned, unquote(cleaned), unquote(unquote(cleaned))]
    if any(_CONTROL.search(form) or "\\" in form or not form.startswith("/") or form.startswith("//")
           for form in decoded):
        return None
    parts = urlsplit(cleaned)
    return None if parts.scheme or parts.netloc else cleaned


def may_open(user: User, path: str) -> bool:
    """Whether ``path`` is a page of this app that ``user``'s role may open."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    try:
        endpoint, _args = adapter.match(urlsplit(path).path, method="GET")
    except HTTPException:
        return False
    return is_public(endpoint) or allows(user, endpoint)


def landing(user: User, target: str | None) -> str:
    """Where to go after login: ``next`` if it is safe and the role may open it, else the
    role's start page."""
    path = safe_next(target)
    return path if path and may_open(user, path) else url_for(LANDING[user.role])


def _refused(form: LoginForm, wait: int) -> tuple[str, int, dict[str, str]]:
    flash(_("Too many failed logins. Please wait %(minutes)s min and try again.",
            minutes=math.ceil(wait / 60)), "error")
    return render_template("auth/login.html", form=form, cookie_dropped=cookie_dropped()), 429, \
        {"Retry-After": str(wait)}


@bp.route("/login", methods=["GET", "POST"])
@public
def login() -> Response | tuple[str, int] | tuple[str, int, dict[str, str]]:
    """Staff login, throttled (see ``throttle``): a locked name or pair is refused (429) unchecked."""
    form = LoginForm()
    if form.validate_on_submit():
        db, username, address = get_db(), (form.username.data or "").strip(), request.remote_addr
        wait = throttle.refused_for(db, username, address)
        if wait:
            audit.record("login_failed", detail="locked", user=username)
            return _refused(form, wait)
        user = verify(db, username, form.password.data or "")
        if user is not None:
            throttle.succeeded(db, username, address)
            start_session(user)
            g.user = user
            audit.record("login")
            return redirect(landing(user, request.args.get("next")))
        throttle.record_failure(db, username, address)
        audit.record("login_failed", user=username)
        wait = throttle.refused_for(db, username, address)
        if wait:
            return _refused(form, wait)
        flash(_("Wrong user name or password."), "error")
    return render_template("auth/login.html", form=form, cookie_dropped=cookie_dropped()), \
        (401 if form.is_submitted() else 200)


@bp.post("/logout")
@public
def logout() -> Response:
    """A POST, so CSRF-protected like every form; public, so a stale page can still log out."""
    if g.user is not None:
        audit.record("logout")
    session.clear()
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
def password() -> Response | tuple[str, int]:
    """Change one's own password; every other session of the account ends."""
    form = PasswordForm()
    if form.validate_on_submit():
        db = get_db()
        if verify(db, g.user.username, form.current.data or "") is None:
            form.current.errors = [_("Wrong password.")]
        else:
            try:
                epoch = set_password(db, g.user.username, form.new.data or "")
            except UserError as exc:
                form.new.errors = [str(exc)]
            else:
                session["epoch"] = epoch
                audit.record("password", target=g.user.username)
                flash(_("Password changed. Your other sessions have ended."), "ok")
                return redirect(url_for(LANDING[g.user.role]))
    return render_template("auth/password.html", form=form), (400 if form.errors else 200)
