"""Kiosk links of a shelter: creating one (shown once) and revoking it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from app import audit
from app.db import get_db
from app.forms import text_problem
from app.i18n import _
from app.shelters import bp
from app.shelters.scope import visible
from phrasebook.shelters import MAX_KIOSK_LABEL, ShelterError, create_kiosk_token, list_kiosk_tokens, revoke_kiosk_token


@bp.post("/<int:shelter_id>/kiosks")
def new_kiosk(shelter_id: int) -> Response | str:
    """Create a kiosk link; it is shown this once (only its hash is kept)."""
    shelter = visible(shelter_id)
    try:
        token = create_kiosk_token(get_db(), shelter_id, request.form.get("label", ""))
    except ShelterError as exc:
        flash(text_problem(exc.code, MAX_KIOSK_LABEL, str(exc)), "error")
        return redirect(url_for("shelters.detail", shelter_id=shelter_id))
    audit.record("kiosk_create", target=shelter_id)
    link = url_for("kiosk.start", token=token, _external=True)
    return render_template("shelters/kiosk_link.html", shelter=shelter, link=link)


@bp.post("/<int:shelter_id>/kiosks/<token_hash>/revoke")
def revoke_kiosk(shelter_id: int, token_hash: str) -> Response:
    visible(shelter_id)
    if token_hash not in {t["token_hash"] for t in list_kiosk_tokens(get_db(), shelter_id)}:
        abort(404)
    revoke_kiosk_token(get_db(), token_hash)
    audit.record("kiosk_revoke", target=shelter_id, detail=token_hash[:12])
    flash(_("The kiosk link has been revoked."))
    return redirect(url_for("shelters.detail", shelter_id=shelter_id))
