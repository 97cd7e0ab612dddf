"""The evacuee registration card: A4, every label in Japanese and the evacuee's language,
write-in boxes for handwriting, checkboxes, food pictograms, consent; blank or filled.

The questions come from ``phrasebook.card`` (the same structure the kiosk form walks). Answers
(for a filled card) are those of ``phrasebook.registrations``, keyed by field name: text for
write-in fields, an option key (``female``, ``yes``) or a list of them (``["egg", "pork"]``);
full template ids (``card.sex.option.female``, ``food.egg``) and ``True``/``False`` work too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from phrasebook.card import FOOD_FIELDS, Field, Section, intro_ids, sections, title_id
from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.render import render
from phrasebook.templates import load_templates
from printables import pictograms
from printables.colours import GREY, INK, NAVY, RULE, white
from printables.pdf import Document, mm, page_size
from printables.stacks import Part, Stack
from printables.textlayout import TextBlock

WRITE_INPUTS = {"text": 10, "email": 10, "phone": 10, "date": 10, "number": 10, "textarea": 20}  # box mm
CHOICE_INPUTS = ("choice", "multi", "yesno")
Answers = Mapping[str, Any]


class RegistrationCard:
    """The card as flowing rows on A4 pages. Layout constants in millimetres."""

    MARGIN = 12
    LABEL_W = 64
    GAP = 4
    ROW_PAD = 2
    TITLE_PT, LABEL_PT, TEXT_PT, HELP_PT, ANSWER_PT = 17, 9, 8.5, 7, 11
    BOX = 4.2  # checkbox side
    FOOD_COLS = 5
    FOOD_ICON = 11

    def __init__(self, lang: Language | str, answers: Answers | None = None) -> None:
        self.lang = get_language(lang) if isinstance(lang, str) else lang
        self.ja = get_language(SOURCE)
        self.answers = dict(answers or {})
        self.doc = Document("bosai-kit evacuee registration card", page_size("A4", "portrait"))
        self.c = self.doc.canvas
        self.x0 = self.MARGIN * mm
        self.width = self.doc.width - 2 * self.MARGIN * mm
        self.page = 1

    # --- text helpers -------------------------------------------------------------------

    def _parts(self, template_id: str, size: float, bold: bool = False, colour=INK) -> list[Part]:
        parts = [Part(render(template_id, SOURCE), self.ja, size, bold, colour)]
        if self.lang.code != SOURCE:
            parts.append(Part(render(template_id, self.lang.code), self.lang, size, bold, colour))
        return parts

    def _room(self, height: float) -> float:
        """The top y for a block of ``height``, starting a new page when needed."""
        if self.y - height < self.MARGIN * mm + 6 * mm:
            self._footer()
            self.c.showPage()
            self.page += 1
            self.y = self.doc.height - self.MARGIN * mm
        return self.y

    def _footer(self) -> None:
        self.c.setFillColor(GREY)
        TextBlock(f"{self.page}", self.ja).layout(self.width, 7).draw(self.c, self.x0, self.MARGIN * mm, self.width,
                                                                       "right")

    # --- blocks ---------------------------------------------------------------------------

    def pdf(self) -> bytes:
        self.y = self.doc.height - self.MARGIN * mm
        title = title_id()
        if title:
            stack = Stack(self._parts(title, self.TITLE_PT, True), self.width, "the card title")
            self.y = stack.draw(self.c, self.x0, self.y, "center") - 3 * mm
        for help_id in intro_ids():
            self._help(help_id, self.x0, self.width)
        for section in sections():
            self._section(section)
        self._footer()
        return self.doc.finish()

    def _section(self, section: Section) -> None:
        stack = Stack(self._parts(section.title_id, self.LABEL_PT + 1.5, True, white), self.width - 4 * mm,
                      section.title_id)
        top = self._room(stack.height + 3 * mm + 12 * mm)
        self.c.setFillColor(NAVY)
        self.c.rect(self.x0, top - stack.height - 3 * mm, self.width, stack.height + 3 * mm, stroke=0, fill=1)
        stack.draw(self.c, self.x0 + 2 * mm, top - 1.5 * mm)
        self.y = top - stack.height - 5 * mm
        for help_id in section.help_ids:
            self._help(help_id, self.x0, self.width)
        for f in section.fields:
            self._field(f)

    def _help(self, template_id: str, x: float, width: float) -> None:
        stack = Stack(self._parts(template_id, self.HELP_PT, colour=GREY), width, template_id)
        top = self._room(stack.height + 2 * mm)
        self.y = stack.draw(self.c, x, top) - 2 * mm

    def _field(self, f: Field) -> None:
        label = Stack(self._parts(f.label_id, self.LABEL_PT, True), self.LABEL_W * mm, f.label_id)
        in_x = self.x0 + (self.LABEL_W + self.GAP) * mm
        in_w = self.width - (self.LABEL_W + self.GAP) * mm
        kind = f.input
        foods = f.name in FOOD_FIELDS
        if foods:
            input_h = self._food_grid(f, in_x, in_w, draw_at=None)
        elif kind in CHOICE_INPUTS:
            input_h = self._options(f, in_x, in_w, draw_at=None)
        else:
            input_h = WRITE_INPUTS.get(kind, 10) * mm
        height = max(label.height, input_h) + 2 * self.ROW_PAD * mm
        top = self._room(height)
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.4)
        self.c.line(self.x0, top, self.x0 + self.width, top)
        label.draw(self.c, self.x0, top - self.ROW_PAD * mm)
        in_top = top - self.ROW_PAD * mm
        if foods:
            self._food_grid(f, in_x, in_w, draw_at=in_top)
        elif kind in CHOICE_INPUTS:
            self._options(f, in_x, in_w, draw_at=in_top)
        else:
            self._write_box(f, in_x, in_top, in_w, input_h)
        self.y = top - height
        if f.help_id:
            self._help(f.help_id, in_x, in_w)

    def _write_box(self, f: Field, x: float, top: float, w: float, h: float) -> None:
        """A box to write in; staff-only boxes have the thick frame the card's help text names."""
        self.c.setStrokeColor(INK if f.staff_only else RULE)
        self.c.setLineWidth(1.8 if f.staff_only else 0.8)
        self.c.rect(x, top - h, w, h, stroke=1, fill=0)
        value = self.answers.get(f.name)
        if value not in (None, ""):
            pad = 1.5 * mm
            layout = TextBlock(str(value), self.lang).fit(w - 2 * pad, h - 2 * pad, self.ANSWER_PT, 5,
                                                          f"the card field {f.name}")
            self.c.setFillColor(INK)
            layout.draw(self.c, x + pad, top - pad, w - 2 * pad)

    def _chosen(self, f: Field) -> set[str]:
        value = self.answers.get(f.name)
        if value is None:
            return set()
        if isinstance(value, bool):
            value = "yes" if value else "no"
        values = [value] if isinstance(value, str) else list(value)
        return {v.rsplit(".", 1)[-1] for v in values}

    def _options(self, f: Field, x: float, w: float, draw_at: float | None) -> float:
        """Checkbox options in two columns; measures (draw_at None) or draws; returns the height."""
        chosen = self._chosen(f)
        cols = 2 if len(f.options) > 2 else len(f.options) or 1
        col_w = w / cols
        text_w = col_w - (self.BOX + 2.5) * mm
        y, height = 0.0, 0.0
        options = list(zip(f.options, f.option_ids))
        for i in range(0, len(options), cols):
            row = options[i:i + cols]
            stacks = [Stack(self._parts(option_id, self.TEXT_PT), text_w, option_id) for _key, option_id in row]
            row_h = max(max(s.height for s in stacks), self.BOX * mm) + 1.5 * mm
            if draw_at is not None:
                for j, ((key, _option_id), stack) in enumerate(zip(row, stacks)):
                    bx = x + j * col_w
                    by = draw_at - y - self.BOX * mm
                    self._checkbox(bx, by, key in chosen)
                    stack.draw(self.c, bx + (self.BOX + 2) * mm, draw_at - y)
            y += row_h
            height = y
        return height

    def _checkbox(self, x: float, y: float, ticked: bool) -> None:
        side = self.BOX * mm
        self.c.setStrokeColor(INK)
        self.c.setLineWidth(0.8)
        self.c.rect(x, y, side, side, stroke=1, fill=0)
        if ticked:
            self.c.setLineWidth(1.4)
            self.c.line(x + side * 0.18, y + side * 0.5, x + side * 0.42, y + side * 0.2)
            self.c.line(x + side * 0.42, y + side * 0.2, x + side * 0.85, y + side * 0.85)

    def _food_grid(self, f: Field, x: float, w: float, draw_at: float | None) -> float:
        """Food items with pictogram, checkbox and names; measures or draws; returns the height."""
        chosen = self._chosen(f)
        templates = load_templates()
        foods = [templates[option_id] for option_id in f.option_ids]
        cols = self.FOOD_COLS
        cell_w = w / cols
        icon = self.FOOD_ICON * mm
        y = 0.0
        for i in range(0, len(foods), cols):
            row = foods[i:i + cols]
            stacks = [Stack(self._parts(t.id, self.HELP_PT + 0.5), cell_w - 2 * mm, t.id) for t in row]
            row_h = icon + 1.5 * mm + max(s.height for s in stacks) + 2.5 * mm
            if draw_at is not None:
                for j, (tpl, stack) in enumerate(zip(row, stacks)):
                    cx = x + j * cell_w
                    top = draw_at - y
                    pictograms.draw(self.c, tpl.pictogram or "", cx + 1 * mm, top - icon, icon, category=tpl.category)
                    self._checkbox(cx + cell_w - (self.BOX + 2) * mm, top - icon / 2 - self.BOX * mm / 2,
                                   tpl.id.rsplit(".", 1)[-1] in chosen)
                    stack.draw(self.c, cx + 1 * mm, top - icon - 1.5 * mm)
            y += row_h
        return y


def card_pdf(lang: str, answers: Answers | None = None) -> bytes:
    """The registration card in Japanese and ``lang``, blank or filled with ``answers``."""
    return RegistrationCard(lang, answers).pdf()
