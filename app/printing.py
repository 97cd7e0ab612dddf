"""The bridge to ``printables``: PDFs as HTTP responses, and a PNG preview via pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

from flask import Response
from wtforms.fields.choices import SelectChoice

from app.i18n import lazy
from printables import notices
from printables.pdf import ORIENTATIONS, PAPERS

PDFTOPPM = "pdftoppm"
PREVIEW_DPI = 50
PRINT_WARNINGS = "X-Bosai-Print-Warnings"  # what the printout lacks, e.g. a character no font has
PAPER_CHOICES = list(PAPERS)
ORIENTATION_CHOICES = [SelectChoice(name, {"portrait": lazy("Portrait"), "landscape": lazy("Landscape")}[name])
                       for name in ORIENTATIONS]


class PreviewUnavailable(RuntimeError):
    """pdftoppm (poppler-utils) is not installed or failed."""


def first_page_png(pdf: bytes, dpi: int = PREVIEW_DPI) -> bytes:
    """The PDF's first page as PNG bytes, drawn by poppler's pdftoppm."""
    exe = shutil.which(PDFTOPPM)
    if exe is None:
        raise PreviewUnavailable("pdftoppm is not installed (apt-get install poppler-utils)")
    try:
        done = subprocess.run([exe, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", "-"],  # to stdout
                              input=pdf, capture_output=True, timeout=60, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise PreviewUnavailable(f"pdftoppm failed: {exc}") from None
    if not done.stdout.startswith(b"\x89PNG"):
        raise PreviewUnavailable("pdftoppm wrote no PNG")
    return done.stdout


def pdf_response(data: bytes, filename: str, download: bool = True) -> Response:
    response = Response(data, mimetype="application/pdf")
    disposition = "attachment" if download else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def printed_pdf(build: Callable[[], bytes], filename: str, download: bool = True) -> Response:
    """The PDF ``build()`` makes, as a response. Warnings raised while printing (a character no
    installed font has, drawn as a placeholder) are logged for the operator and listed in the
    ``X-Bosai-Print-Warnings`` header."""
    with notices.collect() as warnings:
        data = build()
    response = pdf_response(data, filename, download)
    if warnings:
        response.headers[PRINT_WARNINGS] = " | ".join(warnings)
    return response


def png_response(data: bytes) -> Response:
    return Response(data, mimetype="image/png")
