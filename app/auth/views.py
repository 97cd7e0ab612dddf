"""Login and logout."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from app.auth import bp
from app.auth.access import public
from app.auth.users import verify
from app.db import get_db
from app.i18n import _, lazy


class LoginForm(FlaskForm):
    username = StringField(lazy("User name"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(lazy("Password"), validators=[DataRequired(), Length(max=1024)])


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything else goes to the staff start page."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("messages.index")


@bp.route("/login", methods=["GET", "POST"])
@public
def login() -> Response | str:
    form = LoginForm()
    if form.validate_on_submit():
        user = verify(get_db(), form.username.data or "", form.password.data or "")
        if user is not None:
            session.clear()
            session.permanent = True
            session.update(kind="staff", uid=user.id)
            return redirect(safe_next(request.args.get("next")))
        flash(_("Wrong user name or password."), "error")
    return render_template("auth/login.html", form=form), (401 if form.is_submitted() else 200)


@bp.post("/logout")
@public
def logout() -> Response:
    """A POST, so CSRF-protected like every form; public, so a stale page can still log out."""
    session.clear()
    return redirect(url_for("auth.login"))
