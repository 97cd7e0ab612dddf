"""The drafts page: messages drafted from JMA's telegrams, waiting for a person. Everyone on the
field staff sees them with their source and text in every language; publishing and discarding
follow ``may_write_message`` (drafts are area-wide: coordinators and admins). Telegram files can
be uploaded here as with ``bosai jma import`` (same code, same refusals)."""

from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_wtf.file import MultipleFileField
from werkzeug.wrappers import Response

from app import audit
from app.auth.policy import may_write_message
from app.db import get_db
from app.forms import Form
from app.i18n import _, lazy
from app.messages import bp
from app.messages.jma import Imported, store_telegrams
from app.public import mirror
from phrasebook import messages as model
from phrasebook.jma.drafts import Watched
from phrasebook.jma.telegram import Telegram, TelegramError, parse_bytes

ACTION_NAMES = {"draft": lazy("New draft"), "update": lazy("Updated"), "withdraw": lazy("Withdrawn"),
                "skip": lazy("Skipped")}


class TelegramUploadForm(Form):
    telegrams = MultipleFileField(lazy("Telegram files (JMA XML)"))


def _watched() -> Watched:
    """``BOSAI_JMA_WATCH``, as ``bosai jma`` reads it (a number or a JSON list is taken as such)."""
    setting = current_app.config.get("JMA_WATCH") or ""
    return Watched.parse([str(item) for item in setting] if isinstance(setting, list) else str(setting))


def _drafts_page(upload: TelegramUploadForm | None = None, imported: Imported | None = None,
                 status: int = 200) -> tuple[str, int]:
    db = get_db()
    drafts = [(m, model.renditions(m.parts, m.languages)) for m in model.drafts(db)]
    return render_template("messages/drafts.html", drafts=drafts, upload=upload or TelegramUploadForm(),
                           imported=imported, action_names=ACTION_NAMES,
                           can_write=may_write_message(db, g.user, None),
                           can_upload=may_write_message(db, g.user, None)), status


@bp.get("/drafts")
def drafts() -> tuple[str, int]:
    return _drafts_page()


@bp.post("/drafts/upload")
def upload_telegrams() -> tuple[str, int]:
    """Store uploaded telegrams as drafts; if any file cannot be used, nothing changes (400)."""
    form = TelegramUploadForm()
    files = [f for f in request.files.getlist(form.telegrams.name) if f.filename]
    if not form.validate_on_submit() or not files:
        form.telegrams.errors = [*form.telegrams.errors, _("Choose one or more telegram files.")]
        return _drafts_page(form, status=400)
    read: list[Telegram | TelegramError] = []
    for file in files:
        try:
            read.append(parse_bytes(file.read(), file.filename or "upload"))
        except TelegramError as exc:
            read.append(exc)
    imported = store_telegrams(get_db(), read, _watched(), g.user.username, g.user.role, request.remote_addr or "")
    for message_id in imported.public_ids:
        mirror.message_changed(message_id)
    return _drafts_page(imported=imported, status=400 if imported.refused else 200)


def _not_a_draft(message_id: str) -> Response | None:
    """A redirect saying so if the message is no longer a draft (published or withdrawn meanwhile)."""
    message = model.get(get_db(), message_id) or abort(404)
    if message.status == "draft":
        return None
    flash(_("This message is no longer a draft."), "error")
    return redirect(url_for("messages.detail", message_id=message.id))


@bp.post("/<message_id>/publish")
def publish_draft(message_id: str) -> Response:
    if refused := _not_a_draft(message_id):
        return refused
    message = model.get(get_db(), message_id)
    assert message is not None
    model.publish_draft(get_db(), message.id)
    mirror.message_changed(message.id)
    audit.record("publish", target=message.id)
    flash(_("Message published."), "ok")
    return redirect(url_for("messages.detail", message_id=message.id))


@bp.post("/<message_id>/discard")
def discard_draft(message_id: str) -> Response:
    if refused := _not_a_draft(message_id):
        return refused
    model.discard(get_db(), message_id)
    audit.record("discard", target=message_id)
    flash(_("Draft discarded."), "ok")
    return redirect(url_for("messages.drafts"))
