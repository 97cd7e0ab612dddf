"""Drill pack builds from the shelter page: started in the background, their progress, the
download (planning and building are in ``app.shelters.packs``)."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response

from app.db import get_db
from app.i18n import _
from app.jobs import Job, JobFolder
from app.links import base_url
from app.shelters import bp
from app.shelters.packs import SKIP_REASONS, shelter_pack
from app.shelters.scope import visible
from phrasebook.errors import PhrasebookError
from phrasebook.shelters import Shelter
from printables.pack import FORMATS


def pack_jobs(shelter_id: int) -> JobFolder:
    """The drill-pack builds of a shelter (instance folder ``jobs/pack-<id>``)."""
    return JobFolder(Path(current_app.instance_path) / "jobs" / f"pack-{shelter_id}")


def pack_job(shelter_id: int, job_id: str) -> tuple[Shelter, Job]:
    shelter = visible(shelter_id)
    return shelter, pack_jobs(shelter_id).get(job_id) or abort(404)


@bp.post("/<int:shelter_id>/pack")
def start_pack(shelter_id: int) -> Response:
    """Start building the drill pack in the background (or show the build already running)."""
    visible(shelter_id)
    fmt = request.form.get("format", "pdf")
    if fmt not in FORMATS:
        abort(400)
    try:
        planned = shelter_pack(get_db(), shelter_id, base_url())
    except PhrasebookError as exc:
        flash(_("The drill pack could not be built: %(error)s", error=str(exc)), "error")
        return redirect(url_for("shelters.detail", shelter_id=shelter_id))
    job = pack_jobs(shelter_id).start(planned.filename(fmt), len(planned.parts),
                                      lambda progress, skip: planned.build(fmt, progress, skip))
    return redirect(url_for("shelters.pack_status", shelter_id=shelter_id, job_id=job.id))


@bp.get("/<int:shelter_id>/pack/<job_id>")
def pack_status(shelter_id: int, job_id: str) -> str:
    """Progress of the build (the page refreshes itself), then the download or the error."""
    shelter, job = pack_job(shelter_id, job_id)
    return render_template("shelters/pack.html", shelter=shelter, job=job, reasons=SKIP_REASONS)


@bp.get("/<int:shelter_id>/pack/<job_id>/download")
def pack_download(shelter_id: int, job_id: str) -> Response:
    _shelter, job = pack_job(shelter_id, job_id)
    if job.state != "done":
        abort(404)
    return send_file(pack_jobs(shelter_id).result(job), as_attachment=True, download_name=job.filename)
