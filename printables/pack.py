"""Drill packs: everything a shelter needs for a drill in one go. Every standard sign in
Japanese and the shelter's languages, a blank registration card per language, the three pointing
boards per language besides Japanese, and a QR sheet per message the shelter posts (chosen by
``phrasebook.messages.shelter_messages``: its own and area-wide ones). Output: one merged PDF, or a ZIP of separate PDFs with ``index.txt``.

``plan_pack`` checks the request and lists the parts (cheap); ``build_pack`` builds them,
calling ``progress(done, total, title)`` after each part. A part that cannot be built (a QR
sheet whose place is too long for it, say) never stops the pack: it is left out, passed to
``skipped``, and listed with its reason in Japanese and English on the pack's first page (PDF) or
in ``index.txt`` (ZIP)."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from pypdf import PdfReader, PdfWriter

from phrasebook.errors import PhrasebookError
from phrasebook.languages import SOURCE, get_language
from phrasebook.parts import Part as MessagePart
from printables.boards import BOARDS, board_pdf
from printables.card import card_pdf
from printables.errors import FontMissing, LayoutError, PrintableError, TextDoesNotFit, TextError
from printables.pdf import Document, mm, page_size
from printables.sheet import parts_sheet_pdf
from printables.signs import further_languages, sign_pack_pdf, sign_template, sign_templates
from printables.textlayout import TextBlock

FORMATS = ("pdf", "zip")
Progress = Callable[[int, int, str], None]
# why a part was left out: code -> (Japanese, English), for the pack's index; the app shows the
# same codes in the staff language (app/shelters/packs.py)
SKIP_REASONS: dict[str, tuple[str, str]] = {
    "too_long": ("文字が多すぎて、決まった大きさに入りません", "the text is too long for its space"),
    "bad_text": ("印刷できない文字が含まれています", "the text holds characters that cannot be printed"),
    "font": ("必要なフォントがインストールされていません", "a font it needs is not installed"),
    "layout": ("この内容ではレイアウトできません", "it cannot be laid out with this content"),
    "error": ("作成中にエラーが起きました", "an error occurred while building it"),
}
log = logging.getLogger(__name__)


class PackError(PrintableError):
    """One part of a pack could not be built; the message names the part."""


@dataclass(frozen=True)
class PackMessage:
    """A published message as a pack needs it."""

    id: str
    parts: tuple[MessagePart, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class PackPart:
    """One PDF of a pack: its file name in the ZIP, its title, and how to build it."""

    filename: str
    title: str
    build: Callable[[], bytes]


@dataclass(frozen=True)
class Skipped:
    """A part left out of a pack: why (a ``SKIP_REASONS`` code) and the library's message."""

    part: PackPart
    reason: str
    detail: str

    @property
    def line(self) -> str:
        """The index line: the part, then the reason in Japanese and English."""
        ja, en = SKIP_REASONS[self.reason]
        return f"{self.part.filename}  {self.part.title}: {ja} / {en} ({self.detail})"


def _skip_reason(exc: Exception) -> str:
    for kind, code in ((TextDoesNotFit, "too_long"), (TextError, "bad_text"), (FontMissing, "font"),
                       (LayoutError, "layout")):
        if isinstance(exc, kind):
            return code
    return "error"


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
    parts += [PackPart(f"sheets/message-{m.id}.pdf", f"QRメッセージシート QR sheet: {m.id} ({m.parts[0].template_id})",
                       partial(parts_sheet_pdf, m.parts, m.languages, base_url, m.id))
              for m in messages]
    return parts


def build_pack(parts: Sequence[PackPart], fmt: str = "pdf", progress: Progress | None = None,
               title: str = "bosai-kit drill pack", skipped: Callable[[Skipped], None] | None = None) -> bytes:
    """Build every part and return one merged PDF (``fmt="pdf"``, a bookmark per part) or a ZIP
    of the separate PDFs with ``index.txt`` (``fmt="zip"``). A part that fails is left out and
    passed to ``skipped``; ``PackError`` only when no part at all could be built."""
    if fmt not in FORMATS:
        raise LayoutError(f"unknown pack format {fmt!r}; use {' or '.join(FORMATS)}")
    if not parts:
        raise LayoutError("the pack has no parts")
    built: list[tuple[PackPart, bytes]] = []
    left_out: list[Skipped] = []
    for done, part in enumerate(parts, 1):
        try:
            built.append((part, part.build()))
        except PhrasebookError as exc:
            left_out.append(Skipped(part, _skip_reason(exc), str(exc)))
        except Exception as exc:  # a bug: the rest of the pack is still printed; the log keeps the trace
            log.exception("pack part %s failed", part.filename)
            left_out.append(Skipped(part, "error", f"{type(exc).__name__}: {exc}"))
        if left_out and left_out[-1].part is part:
            log.warning("pack part left out: %s", left_out[-1].line)
            if skipped:
                skipped(left_out[-1])
        if progress:
            progress(done, len(parts), part.title)
    if not built:
        raise PackError(f"no part of the pack could be built; {left_out[0].part.title}: {left_out[0].detail}")
    return _merged(built, title, left_out) if fmt == "pdf" else _zipped(built, title, left_out)


def _skipped_page(left_out: list[Skipped]) -> bytes:
    """A first page listing the parts left out, each with its reason in Japanese and English."""
    doc = Document("bosai-kit drill pack: parts not built", page_size("A4", "portrait"))
    margin, width = 15 * mm, doc.width - 30 * mm
    y = doc.height - margin
    texts = [("作成できなかった部分 Parts not built", 14, True),
             ("この訓練パックには、次の部分が入っていません。内容を直してから、もう一度作成してください。"
              " These parts are not in this drill pack. Fix their content, then build the pack again.", 9, False)]
    texts += [(skip.line, 8, False) for skip in left_out]
    for text, size, bold in texts:
        layout = TextBlock(text, "ja", bold).fit(width, y - margin, size, 5, "the list of parts not built", grow=True)
        if y - layout.height < margin:
            doc.canvas.showPage()
            y = doc.height - margin
        y = layout.draw(doc.canvas, margin, y, width) - 2 * mm
    return doc.finish()


def _merged(built: list[tuple[PackPart, bytes]], title: str, left_out: list[Skipped]) -> bytes:
    writer = PdfWriter()
    if left_out:
        writer.append(io.BytesIO(_skipped_page(left_out)), outline_item="作成できなかった部分 Parts not built")
    for part, data in built:
        writer.append(io.BytesIO(data), outline_item=part.title)
    writer.add_metadata({"/Title": title, "/Creator": "bosai-kit"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zipped(built: list[tuple[PackPart, bytes]], title: str, left_out: list[Skipped]) -> bytes:
    width = max(len(part.filename) for part, _ in built)
    lines = [title, "", "Print on A4 (signs and sheets portrait, pointing boards landscape).", "",
             *(f"{part.filename.ljust(width)}  {len(PdfReader(io.BytesIO(data)).pages):>3} p.  {part.title}"
               for part, data in built)]
    if left_out:
        lines += ["", "作成できなかった部分 Parts not built:", *(skip.line for skip in left_out)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.txt", "\n".join(lines) + "\n")
        for part, data in built:
            archive.writestr(part.filename, data)
    return out.getvalue()
