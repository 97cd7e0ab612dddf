"""Pointing boards (指さしボード): a grid of items, each with pictogram, Japanese and the chosen
language, for pointing at when there is no shared language."""

from __future__ import annotations

from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.render import render
from phrasebook.templates import Template, load_templates
from printables import pictograms
from printables.colours import GREY, NAVY, RULE
from printables.errors import LayoutError
from printables.pdf import Document, mm, page_size
from printables.stacks import Part, fit_stack
from printables.textlayout import TextBlock

BOARDS = {"common": "共通", "staff": "職員用", "evacuee": "避難者用"}


def board_items(board: str) -> list[Template]:
    """The board's items in definition order; raises ``LayoutError`` for an unknown board."""
    if board not in BOARDS:
        raise LayoutError(f"unknown board {board!r}; use one of {', '.join(BOARDS)}")
    return [t for t in load_templates().values() if t.kind == "board" and board in t.meta.get("boards", ())]


class PointingBoard:
    """A4 landscape pages of item cells. Layout constants in millimetres."""

    MARGIN = 10
    HEADER = 12
    COLUMNS = 4
    ROWS = 4
    ICON = 17
    PAD = 2
    JA_PT, LANG_PT, MIN_PT = 18, 18, 6

    def __init__(self, board: str, lang: Language | str) -> None:
        self.board = board
        self.items = board_items(board)
        self.lang = get_language(lang) if isinstance(lang, str) else lang
        self.ja = get_language(SOURCE)

    def pdf(self) -> bytes:
        doc = Document(f"bosai-kit pointing board ({self.board})", page_size("A4", "landscape"))
        m = self.MARGIN * mm
        cell_w = (doc.width - 2 * m) / self.COLUMNS
        cell_h = (doc.height - 2 * m - self.HEADER * mm) / self.ROWS
        per_page = self.COLUMNS * self.ROWS
        pages = [self.items[i:i + per_page] for i in range(0, len(self.items), per_page)] or [[]]
        for number, items in enumerate(pages, 1):
            if number > 1:
                doc.canvas.showPage()
            self._header(doc, number, len(pages))
            for i, tpl in enumerate(items):
                x = m + (i % self.COLUMNS) * cell_w
                top = doc.height - m - self.HEADER * mm - (i // self.COLUMNS) * cell_h
                self._cell(doc, tpl, x, top, cell_w, cell_h)
        return doc.finish()

    def _header(self, doc: Document, number: int, total: int) -> None:
        m = self.MARGIN * mm
        title = f"指さしボード（{BOARDS[self.board]}）  {self.lang.native}"
        doc.canvas.setFillColor(NAVY)
        TextBlock(title, self.lang, bold=True).fit(doc.width - 2 * m - 20 * mm, self.HEADER * mm - 2 * mm, 14, 8,
                                                   "the board title").draw(doc.canvas, m, doc.height - m,
                                                                           doc.width - 2 * m)
        doc.canvas.setFillColor(GREY)
        TextBlock(f"{number}/{total}", "en").layout(20 * mm, 8).draw(
            doc.canvas, doc.width - m - 20 * mm, doc.height - m, 20 * mm, "right")

    def _cell(self, doc: Document, tpl: Template, x: float, top: float, w: float, h: float) -> None:
        c = doc.canvas
        pad = self.PAD * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.roundRect(x + pad / 2, top - h + pad / 2, w - pad, h - pad, 2 * mm, stroke=1, fill=0)
        icon = self.ICON * mm
        pictograms.draw(c, tpl.pictogram or "", x + pad * 2, top - pad * 2 - icon, icon, fg=NAVY,
                        category=tpl.category)
        text_x = x + pad * 3 + icon
        text_w = w - icon - pad * 5
        text_h = h - pad * 4
        parts = [Part(render(tpl.id, SOURCE), self.ja, self.JA_PT, bold=True)]
        if self.lang.code != SOURCE:
            parts.append(Part(render(tpl.id, self.lang.code), self.lang, self.LANG_PT, bold=True, colour=NAVY))
        stack = fit_stack(parts, text_w, text_h, self.MIN_PT, f"board item {tpl.id}")
        stack.draw(c, text_x, top - pad * 2 - (text_h - stack.height) / 2)


def board_pdf(board: str, lang: str) -> bytes:
    """The pointing board ``board`` (common, staff or evacuee) in Japanese and ``lang``."""
    return PointingBoard(board, lang).pdf()
