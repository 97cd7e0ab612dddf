"""Login and logout."""

from __future__ import annotations

import math

from flask import flash, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from app.forms import Form
from app.auth import bp, throttle
from app.auth.access import public
from app.auth.users import verify
from app.db import get_db
from app.i18n import _, lazy


class LoginForm(Form):
    username = StringField(lazy("User name"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(lazy("Password"), validators=[DataRequired(), Length(max=1024)])


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything else goes to the staff start page."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("messages.index")


@bp.route("/login", methods=["GET", "POST"])
@public
def login() -> Response | tuple[str, int] | tuple[str, int, dict[str, str]]:
    """Staff login; a name or address with too many recent failures is refused (429) unchecked."""
    form = LoginForm()
    if form.validate_on_submit():
        db, username = get_db(), form.username.data or ""
        keys = throttle.attempt_keys(username, request.remote_addr)
        wait = throttle.locked_for(db, keys)
        if wait:
            flash(_("Too many failed logins. Please wait %(minutes)s min and try again.",
                    minutes=math.ceil(wait / 60)), "error")
            return render_template("auth/login.html", form=form), 429, {"Retry-After": str(wait)}
        user = verify(db, username, form.password.data or "")
        if user is not None:
            throttle.clear(db, username)
            session.clear()
            session.permanent = True
            session.update(kind="staff", uid=user.id)
            return redirect(safe_next(request.args.get("next")))
        throttle.record_failure(db, keys)
        flash(_("Wrong user name or password."), "error")
    return render_template("auth/login.html", form=form), (401 if form.is_submitted() else 200)


@bp.post("/logout")
@public
def logout() -> Response:
    """A POST, so CSRF-protected like every form; public, so a stale page can still log out."""
    session.clear()
    return redirect(url_for("auth.login"))
