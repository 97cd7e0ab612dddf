"""QR message sheets: a message in each chosen language, each with a QR code that opens it in
that language (``{base_url}/m/{message_id}/{lang}``), or that holds the text itself for places
without a network. QR codes are vectors, error correction M, at least 25 mm wide."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import qrcode
from qrcode.exceptions import DataOverflowError

from phrasebook.languages import Language, get_language
from phrasebook.parts import Part as MessagePart, join_sentences
from phrasebook.render import render
from phrasebook.templates import get_template
from phrasebook import furigana
from printables.colours import GREY, INK, RULE
from printables.errors import LayoutError, TextDoesNotFit
from printables.pdf import Document, mm, page_size
from printables.stacks import Part, Stack, fit_stack
from printables.textlayout import TextBlock

QR_MIN_MM = 25


def message_url(base_url: str, message_id: str, lang: Language) -> str:
    """Where the public page of the message in ``lang`` lives."""
    if not base_url.startswith(("http://", "https://")):
        raise LayoutError(f"base URL must start with http:// or https://: {base_url!r}")
    return f"{base_url.rstrip('/')}/m/{message_id}/{lang.bcp47}"


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR modules (with the 4-module quiet zone), error correction M."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data.encode("utf-8"))
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError):
        raise LayoutError(f"too much text for a QR code ({len(data.encode('utf-8'))} bytes)") from None
    return code.get_matrix()


def draw_qr(canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the matrix as filled rectangles (one per horizontal run) in a ``size`` square."""
    n = len(matrix)
    module = size / n
    canvas.setFillColor(INK)
    for row, cells in enumerate(matrix):
        col = 0
        while col < n:
            if cells[col]:
                start = col
                while col < n and cells[col]:
                    col += 1
                canvas.rect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module,
                            stroke=0, fill=1)
            col += 1


class MessageSheet:
    """A4 portrait, one block per language (taller for a message of many sentences, up to a
    page). Layout constants in millimetres."""

    MARGIN = 12
    BLOCK_H = 62
    QR = 34
    LABEL_PT, TEXT_PT, MIN_PT, URL_PT = 8, 16, 7, 6.5
    READABLE_PT = 10  # a message of many sentences is set no smaller: its block grows instead

    def __init__(self, parts: Sequence[MessagePart], langs: Sequence[str], base_url: str,
                 message_id: str | None = None, embed_text: bool = False) -> None:
        if not langs:
            raise LayoutError("no languages given")
        if not parts:
            raise LayoutError("no message parts given")
        for part in parts:
            get_template(part.template_id)
        self.langs = list(dict.fromkeys(get_language(code) for code in langs))
        self.texts = {lang.code: join_sentences(render(p.template_id, lang.code, p.values) for p in parts)
                      for lang in self.langs}
        self.id = message_id or parts[0].template_id
        self.urls = {lang.code: message_url(base_url, self.id, lang) for lang in self.langs}
        self.embed_text = embed_text

    def pdf(self) -> bytes:
        doc = Document(f"bosai-kit message {self.id}", page_size("A4", "portrait"))
        m = self.MARGIN * mm
        w = doc.width - 2 * m
        top = doc.height - m
        for lang in self.langs:
            stack, block_h = self._fit(lang, w - self.QR * mm - 8 * mm, doc.height - 2 * m)
            if top - block_h < m - 0.01 and top < doc.height - m:
                doc.canvas.showPage()
                top = doc.height - m
            self._block(doc, lang, m, top, w, stack)
            top -= block_h
        return doc.finish()

    def _fit(self, lang: Language, text_w: float, page_h: float) -> tuple[Stack, float]:
        """The language's label and text, and the height of its block: the standard block if
        the text fits there, else a taller one (a message of many sentences) with the text set
        from ``READABLE_PT`` down, up to the page."""
        label = Part(lang.native, lang, self.LABEL_PT, colour=GREY)
        where = f"the {lang.code} message"
        text, pad = self.texts[lang.code], 6 * mm  # 2 mm above the text, 4 mm between blocks
        standard = self.BLOCK_H * mm
        try:
            stack = fit_stack([label, Part(text, lang, self.TEXT_PT, bold=True)], text_w, standard - pad,
                              self.MIN_PT, where)
        except TextDoesNotFit:
            stack = fit_stack([label, Part(text, lang, self.READABLE_PT, bold=True)], text_w, page_h - pad,
                              self.MIN_PT, where)
        return stack, max(standard, stack.height + pad)

    def _block(self, doc: Document, lang: Language, x: float, top: float, w: float, stack: Stack) -> None:
        c = doc.canvas
        h = self.BLOCK_H * mm - 4 * mm
        qr = self.QR * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(x, top, x + w, top)
        text = self.texts[lang.code]
        stack.draw(c, x, top - 2 * mm)
        url = self.urls[lang.code]
        data = furigana.plain(text) if self.embed_text else url
        draw_qr(c, qr_matrix(data), x + w - qr, top - 2 * mm - qr, qr)
        c.setFillColor(GREY)
        TextBlock(url, "en").fit(qr + 6 * mm, h - qr - 3 * mm, self.URL_PT, 5, "the URL under the QR code").draw(
            c, x + w - qr - 6 * mm, top - 3 * mm - qr, qr + 6 * mm, "right")


def message_sheet_pdf(template_id: str, values: Mapping[str, Any] | None, langs: Sequence[str], base_url: str,
                      message_id: str | None = None, embed_text: bool = False) -> bytes:
    """The QR message sheet of one template as PDF bytes."""
    return parts_sheet_pdf([MessagePart(template_id, dict(values or {}))], langs, base_url, message_id, embed_text)


def parts_sheet_pdf(parts: Sequence[MessagePart], langs: Sequence[str], base_url: str,
                    message_id: str | None = None, embed_text: bool = False) -> bytes:
    """The QR message sheet of a message's parts (a sentence each, one a line) as PDF bytes."""
    return MessageSheet(parts, langs, base_url, message_id, embed_text).pdf()
