"""Drill packs: everything a shelter needs for a drill in one go. Every standard sign in
Japanese and the shelter's languages, a blank registration card per language, the three pointing
boards per language besides Japanese, and a QR sheet per message the shelter posts (chosen by
``phrasebook.messages.shelter_messages``: its own and area-wide ones). Output: one merged PDF, or a ZIP of separate PDFs with ``index.txt``.

``plan_pack`` checks the request and lists the parts (cheap); ``build_pack`` builds them,
calling ``progress(done, total, title)`` after each part."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from pypdf import PdfReader, PdfWriter

from phrasebook.errors import PhrasebookError
from phrasebook.languages import SOURCE, get_language
from printables.boards import BOARDS, board_pdf
from printables.card import card_pdf
from printables.errors import LayoutError, PrintableError
from printables.sheet import message_sheet_pdf
from printables.signs import further_languages, sign_pack_pdf, sign_template, sign_templates

FORMATS = ("pdf", "zip")
Progress = Callable[[int, int, str], None]


class PackError(PrintableError):
    """One part of a pack could not be built; the message names the part."""


@dataclass(frozen=True)
class PackMessage:
    """A published message as a pack needs it."""

    id: str
    template_id: str
    values: Mapping[str, Any]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class PackPart:
    """One PDF of a pack: its file name in the ZIP, its title, and how to build it."""

    filename: str
    title: str
    build: Callable[[], bytes]


def plan_pack(langs: Sequence[str], messages: Sequence[PackMessage], base_url: str = "",
              sign_ids: Sequence[str] | None = None) -> list[PackPart]:
    """The parts of a shelter's drill pack, in print order. ``langs``: the shelter's languages
    (Japanese is always added; at most 15 others); ``messages``: the messages it posts, a QR
    sheet each; ``sign_ids``: default every sign; ``base_url``: the public address the QR codes
    point at (needed when there are messages)."""
    codes = list(dict.fromkeys(get_language(code).code for code in (SOURCE, *langs)))
    further = [lang.code for lang in further_languages(codes)]
    if messages and not base_url.startswith(("http://", "https://")):
        raise LayoutError("the QR sheets need the public base URL (http:// or https://), "
                          "e.g. https://bosai.example.jp")
    groups: dict[str, list[str]] = {}
    for sign_id in sign_ids if sign_ids is not None else [tpl.id for tpl in sign_templates()]:
        tpl = sign_template(sign_id)
        groups.setdefault(tpl.category, []).append(tpl.id)
    parts = [PackPart(f"signs/{category}.pdf", f"表示シート Signs: {category} ({len(ids)})",
                      partial(sign_pack_pdf, ids, further)) for category, ids in groups.items()]
    for code in codes:
        lang = get_language(code)
        parts.append(PackPart(f"cards/card-{lang.bcp47}.pdf", f"避難者登録カード Registration card: {lang.native}",
                              partial(card_pdf, code)))
    for code in further:
        lang = get_language(code)
        parts += [PackPart(f"boards/{board}-{lang.bcp47}.pdf",
                           f"指さしボード（{label}）Pointing board ({board}): {lang.native}", partial(board_pdf, board, code))
                  for board, label in BOARDS.items()]
    parts += [PackPart(f"sheets/message-{m.id}.pdf", f"QRメッセージシート QR sheet: {m.id} ({m.template_id})",
                       partial(message_sheet_pdf, m.template_id, m.values, m.languages, base_url, m.id))
              for m in messages]
    return parts


def build_pack(parts: Sequence[PackPart], fmt: str = "pdf", progress: Progress | None = None,
               title: str = "bosai-kit drill pack") -> bytes:
    """Build every part and return one merged PDF (``fmt="pdf"``, a bookmark per part) or a ZIP
    of the separate PDFs with ``index.txt`` (``fmt="zip"``)."""
    if fmt not in FORMATS:
        raise LayoutError(f"unknown pack format {fmt!r}; use {' or '.join(FORMATS)}")
    if not parts:
        raise LayoutError("the pack has no parts")
    built: list[tuple[PackPart, bytes]] = []
    for done, part in enumerate(parts, 1):
        try:
            built.append((part, part.build()))
        except PhrasebookError as exc:
            raise PackError(f"{part.title}: {exc}") from exc
        if progress:
            progress(done, len(parts), part.title)
    return _merged(built, title) if fmt == "pdf" else _zipped(built, title)


def _merged(built: list[tuple[PackPart, bytes]], title: str) -> bytes:
    writer = PdfWriter()
    for part, data in built:
        writer.append(io.BytesIO(data), outline_item=part.title)
    writer.add_metadata({"/Title": title, "/Creator": "bosai-kit"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zipped(built: list[tuple[PackPart, bytes]], title: str) -> bytes:
    width = max(len(part.filename) for part, _ in built)
    lines = [title, "", "Print on A4 (signs and sheets portrait, pointing boards landscape).", "",
             *(f"{part.filename.ljust(width)}  {len(PdfReader(io.BytesIO(data)).pages):>3} p.  {part.title}"
               for part, data in built)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.txt", "\n".join(lines) + "\n")
        for part, data in built:
            archive.writestr(part.filename, data)
    return out.getvalue()
