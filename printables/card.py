"""The evacuee registration card: A4, every label in Japanese and the evacuee's language,
write-in boxes for handwriting, checkboxes, food pictograms, consent; blank or filled.

The questions come from ``phrasebook.card`` (the same structure the kiosk form walks). Answers
(for a filled card) are those of ``phrasebook.registrations``, keyed by field name: text for
write-in fields, an option key (``female``, ``yes``) or a list of them (``["egg", "pork"]``);
full template ids (``card.sex.option.female``, ``food.egg``) and ``True``/``False`` work too.

The card is compact so that it prints on two A4 sheets double-sided: short fields share a row,
options flow inline, help text sets Japanese and the evacuee's language side by side where it is
wide, and the staff-only section is framed and kept on one page.

A filled answer shrinks to fit its box down to ``ANSWER_MIN_PT``; longer answers make the box
taller, and an answer taller than ``MAX_BOX`` continues in boxes on the following rows and pages:
whatever the registration accepted is printed whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from reportlab.lib.colors import Color

from phrasebook.card import FOOD_FIELDS, Field, Section, intro_ids, sections, title_id
from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.render import render
from phrasebook.templates import load_templates
from printables import pictograms
from printables.colours import GREY, INK, NAVY, RULE, white
from printables.errors import LayoutError
from printables.pdf import Document, mm, page_size
from printables.stacks import Part, Stack
from printables.textlayout import Layout, TextBlock

CHOICE_INPUTS = ("choice", "multi", "yesno")
HALF_INPUTS = frozenset({"text", "number", "date", "phone", "yesno"})  # may share a row with the next field
WIDE_FIELDS = frozenset({"name", "name_reading", "emergency_contact_name"})  # always a whole row
Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Block:
    """A piece of the card that stays on one page: its height in points and how to draw it
    from a top y."""

    height: float
    draw: Callable[[float], None]
    more: tuple[Block, ...] = field(default=())  # continuation blocks that follow this one


def join(blocks: Sequence[Block]) -> Block:
    """The blocks one under another, as one block."""
    def draw(top: float) -> None:
        for block in blocks:
            block.draw(top)
            top -= block.height
    return Block(sum(b.height for b in blocks), draw)


def space(height: float) -> Block:
    return Block(height, lambda top: None)


class RegistrationCard:
    """The card as blocks laid out on A4 pages. Layout constants in millimetres."""

    MARGIN = 10
    FOOTER = 6  # band for the page number
    GAP = 3  # between a label and its input, and between side-by-side texts
    PAIR_GAP = 6  # between two fields sharing a row
    ROW_PAD = 0.9
    LABEL_W = 52  # label column of a whole-width row
    HALF_LABEL_W = 34  # label column of a half-width field
    PAIR_SAVING = 0.75  # two fields share a row when it is at most this share of their two rows
    LINE_BOX, AREA_BOX = 8, 15  # write-in box heights: one line, several lines
    BOX = 4.2  # checkbox side
    TICK_GAP = 1.2  # checkbox to its text
    OPTION_GAP = 4  # between options on one line
    SIDE_BY_SIDE = 110  # help at least this wide sets the two languages side by side
    HELP_SHARES = (0.35, 0.42, 0.5)  # the Japanese column's share of side-by-side help; the lowest wins
    FRAME = 1.5  # staff-only frame outside the section
    FOOD_COLS = 7
    FOOD_ICON = 9
    TITLE_PT, SECTION_PT, LABEL_PT, TEXT_PT, HELP_PT, ANSWER_PT, PAGE_PT = 14, 9.5, 8.5, 8, 7, 11, 7
    ANSWER_MIN_PT = 6  # answers shrink to this size, then wrap to more lines
    MAX_BOX = 110  # a taller answer continues in another box below

    def __init__(self, lang: Language | str, answers: Answers | None = None) -> None:
        self.lang = get_language(lang) if isinstance(lang, str) else lang
        self.ja = get_language(SOURCE)
        self.answers = dict(answers or {})
        self.doc = Document("bosai-kit evacuee registration card", page_size("A4", "portrait"))
        self.c = self.doc.canvas
        self.x0 = self.MARGIN * mm
        self.width = self.doc.width - 2 * self.MARGIN * mm

    # --- pages --------------------------------------------------------------------------------

    def pdf(self) -> bytes:
        top = self.doc.height - self.MARGIN * mm
        pages = self._paginate(self._blocks(), top - (self.MARGIN + self.FOOTER) * mm)
        for number, page in enumerate(pages, 1):
            if number > 1:
                self.c.showPage()
            join(page).draw(top)
            self.c.setFillColor(GREY)
            TextBlock(f"{number} / {len(pages)}", self.ja).layout(self.width, self.PAGE_PT).draw(
                self.c, self.x0, (self.MARGIN + self.FOOTER / 2) * mm, self.width, "right")
        return self.doc.finish()

    @staticmethod
    def _paginate(blocks: list[Block], room: float) -> list[list[Block]]:
        pages: list[list[Block]] = [[]]
        used = 0.0
        for block in blocks:
            if block.height > room:
                raise LayoutError(f"a part of the registration card is taller than a page ({block.height / mm:.0f} mm)")
            if pages[-1] and used + block.height > room:
                pages.append([])
                used = 0.0
            pages[-1].append(block)
            used += block.height
        return pages

    def _blocks(self) -> list[Block]:
        blocks = []
        title = title_id()
        if title:
            blocks.append(join([self._line(title, self.TITLE_PT, self.x0, self.width, True, INK, "center"),
                                space(2 * mm)]))
        blocks += [self._help(help_id, self.x0, self.width) for help_id in intro_ids()]
        for section in sections():
            blocks += self._section(section)
        return blocks

    # --- text helpers ---------------------------------------------------------------------------

    def _parts(self, template_id: str, size: float, bold: bool = False, colour: Color = INK) -> list[Part]:
        parts = [Part(render(template_id, SOURCE), self.ja, size, bold, colour)]
        if self.lang.code != SOURCE:
            parts.append(Part(render(template_id, self.lang.code), self.lang, size, bold, colour))
        return parts

    def _stack(self, template_id: str, size: float, width: float, bold: bool = False,
               colour: Color = INK) -> Stack:
        return Stack(self._parts(template_id, size, bold, colour), width, template_id)

    def _line(self, template_id: str, size: float, x: float, width: float, bold: bool = False,
              colour: Color = INK, align: str = "left") -> Block:
        """Japanese and the evacuee's language on one line when both fit, else one under the other."""
        stack = self._stack(template_id, size, width, bold, colour)
        layouts = [layout for _, layout in stack.items]
        gap = self.GAP * mm
        total = sum(layout.width for layout in layouts) + gap * (len(layouts) - 1)
        if len(layouts) == 1 or any(len(layout.lines) > 1 for layout in layouts) or total > width:
            return Block(stack.height, lambda top: stack.draw(self.c, x, top, align))
        baseline = max(layout.baseline for layout in layouts)

        def draw(top: float) -> None:
            lx = x + (width - total) / 2 if align == "center" else x
            for (part, layout) in stack.items:
                self.c.setFillColor(part.colour)
                layout.draw(self.c, lx, top - (baseline - layout.baseline), layout.width)
                lx += layout.width + gap
        return Block(max(baseline - layout.baseline + layout.height for layout in layouts), draw)

    def _help(self, template_id: str, x: float, width: float) -> Block:
        """Grey help text; Japanese and the evacuee's language in two columns when it is wide."""
        parts = self._parts(template_id, self.HELP_PT, colour=GREY)
        columns = [(x, Stack(parts, width, template_id))]
        if len(parts) > 1 and width >= self.SIDE_BY_SIDE * mm:
            gap = self.GAP * mm
            splits = [[(x, Stack(parts[:1], w, template_id)),
                       (x + w + gap, Stack(parts[1:], width - w - gap, template_id))]
                      for w in (share * (width - gap) for share in self.HELP_SHARES)]
            columns = min(splits, key=lambda cols: max(stack.height for _, stack in cols))

        def draw(top: float) -> None:
            for cx, stack in columns:
                stack.draw(self.c, cx, top)
        return Block(max(stack.height for _, stack in columns) + 1.2 * mm, draw)

    # --- sections and rows ---------------------------------------------------------------------

    def _section(self, section: Section) -> list[Block]:
        """The section's blocks; its heading stays with the first row, a staff-only section is framed
        and kept whole."""
        head = [self._bar(section.title_id)] + [self._help(h, self.x0, self.width) for h in section.help_ids]
        body = self._rows(list(section.fields))
        if section.fields and all(f.staff_only for f in section.fields):
            return [self._framed(join(head + body))]
        return [join(head + body[:1]), *body[1:]]

    def _bar(self, template_id: str) -> Block:
        pad = 1.2 * mm
        text = self._line(template_id, self.SECTION_PT, self.x0 + 2 * mm, self.width - 4 * mm, True, white)
        height = text.height + 2 * pad

        def draw(top: float) -> None:
            self.c.setFillColor(NAVY)
            self.c.rect(self.x0, top - height, self.width, height, stroke=0, fill=1)
            text.draw(top - pad)
        return Block(height + 1 * mm, draw)

    def _framed(self, block: Block) -> Block:
        """The staff-only section inside a thick frame."""
        pad = self.FRAME * mm

        def draw(top: float) -> None:
            block.draw(top - pad)
            self.c.setStrokeColor(INK)
            self.c.setLineWidth(1.8)
            self.c.rect(self.x0 - pad, top - block.height - 2 * pad, self.width + 2 * pad, block.height + 2 * pad,
                        stroke=1, fill=0)
        return Block(block.height + 3 * pad, draw)

    def _rows(self, fields: list[Field]) -> list[Block]:
        """Rows of fields: two short fields side by side when that saves enough height."""
        blocks: list[Block] = []
        half = (self.width - self.PAIR_GAP * mm) / 2
        i = 0
        while i < len(fields):
            f = fields[i]
            if f.name in FOOD_FIELDS:
                blocks += self._food(f)
                i += 1
                continue
            pair = fields[i:i + 2]
            full = self._cell(f, self.x0, self.width, self.LABEL_W * mm)
            if len(pair) == 2 and all(g.input in HALF_INPUTS and g.name not in WIDE_FIELDS | FOOD_FIELDS.keys()
                                      for g in pair):
                cells = [self._cell(g, self.x0 + j * (half + self.PAIR_GAP * mm), half, self.HALF_LABEL_W * mm)
                         for j, g in enumerate(pair)]
                second = self._cell(pair[1], self.x0, self.width, self.LABEL_W * mm)
                alone = full.height + second.height
                if (max(cell.height for cell in cells) <= self.PAIR_SAVING * alone
                        and not any(cell.more for cell in cells)):
                    blocks.append(self._row(cells))
                    i += 2
                    continue
            blocks += [self._row([full]), *full.more]
            i += 1
        return blocks

    def _row(self, cells: list[Block]) -> Block:
        """Cells side by side under a thin rule."""
        pad = self.ROW_PAD * mm

        def draw(top: float) -> None:
            self.c.setStrokeColor(RULE)
            self.c.setLineWidth(0.4)
            self.c.line(self.x0, top, self.x0 + self.width, top)
            for cell in cells:
                cell.draw(top - pad)
        return Block(max(cell.height for cell in cells) + 2 * pad, draw)

    def _cell(self, f: Field, x: float, width: float, label_w: float) -> Block:
        """One field at ``x``: label, input to its right, help below. A yes/no field gives its
        label all the width its options leave."""
        gap = self.GAP * mm
        if f.input in CHOICE_INPUTS:
            flow, flow_h, used = self._flow(f, width - label_w - gap)
            if f.input == "yesno":
                label_w = width - used - gap
        label = self._stack(f.label_id, self.LABEL_PT, label_w, bold=True)
        in_x, in_w = x + label_w + gap, width - label_w - gap
        more: tuple[Block, ...] = ()
        if f.input in CHOICE_INPUTS:
            input_h = flow_h
            draw_input = partial(self._draw_flow, f, flow, in_x)
        else:
            box = self._write_box(f, in_x, in_w, self.AREA_BOX * mm if f.input == "textarea" else self.LINE_BOX * mm)
            input_h, draw_input, more = box.height, box.draw, box.more
        whole = label_w < self.LABEL_W * mm or f.input == "yesno"
        help_block = self._help(f.help_id, *((x, width) if whole else (in_x, in_w))) if f.help_id else space(0)
        top_h = max(label.height, input_h)

        def draw(top: float) -> None:
            label.draw(self.c, x, top)
            draw_input(top)
            help_block.draw(top - top_h - 1 * mm)
        return Block(top_h + (help_block.height + 1 * mm if f.help_id else 0), draw, more)

    def _write_box(self, f: Field, x: float, w: float, h: float) -> Block:
        """A box to write in (with the answer, if any); staff-only boxes have the thick frame the
        card's help text names. A long answer makes the box taller and continues in the blocks
        of ``more``."""
        value = self.answers.get(f.name)
        pad = 1.5 * mm
        if value in (None, ""):
            empty = self._box(f, x, w, h, None)
            return Block(empty.height, empty.draw)
        answer = TextBlock(str(value), self.lang).fit(w - 2 * pad, h - 2 * pad, self.ANSWER_PT, self.ANSWER_MIN_PT,
                                                      f"the card field {f.name}", grow=True)
        chunks: list[Layout] = []
        start, used = 0, 0.0
        for i, line in enumerate(answer.lines):
            line_h = answer.line_height(line)
            if i > start and used + line_h > self.MAX_BOX * mm - 2 * pad:
                chunks.append(answer.part(start, i))
                start, used = i, 0.0
            used += line_h
        chunks.append(answer.part(start, len(answer.lines)))
        boxes = [self._box(f, x, w, max(h, chunk.height + 2 * pad), chunk) for chunk in chunks]
        more = tuple(Block(box.height + 2 * self.ROW_PAD * mm, partial(box.draw_at, self.ROW_PAD * mm))
                     for box in boxes[1:])
        return Block(boxes[0].height, boxes[0].draw, more)

    def _box(self, f: Field, x: float, w: float, h: float, answer: Layout | None) -> _Box:
        return _Box(self, f.staff_only, x, w, h, answer)

    # --- options -------------------------------------------------------------------------------

    def _chosen(self, f: Field) -> set[str]:
        value = self.answers.get(f.name)
        if value is None:
            return set()
        if isinstance(value, bool):
            value = "yes" if value else "no"
        values = [value] if isinstance(value, str) else list(value)
        return {v.rsplit(".", 1)[-1] for v in values}

    def _flow(self, f: Field, width: float) -> tuple[list[tuple[str, Stack, float, float]], float, float]:
        """Options flowing inline like words: (key, text, x, y) each, the height and the width used."""
        box, tick = self.BOX * mm, self.TICK_GAP * mm
        placed: list[tuple[str, Stack, float, float]] = []
        x = y = line_h = used = 0.0
        for key, option_id in zip(f.options, f.option_ids):
            stack = self._stack(option_id, self.TEXT_PT, width - box - tick)
            w = box + tick + stack.text_width
            if x and x + w > width:
                y += line_h + 1.5 * mm
                x = line_h = 0.0
            placed.append((key, stack, x, y))
            used = max(used, x + w)
            x += w + self.OPTION_GAP * mm
            line_h = max(line_h, stack.height, box)
        return placed, y + line_h, used

    def _draw_flow(self, f: Field, placed: list[tuple[str, Stack, float, float]], x: float, top: float) -> None:
        chosen = self._chosen(f)
        box = self.BOX * mm
        for key, stack, ox, oy in placed:
            self._checkbox(x + ox, top - oy - box, key in chosen)
            stack.draw(self.c, x + ox + box + self.TICK_GAP * mm, top - oy)

    def _checkbox(self, x: float, y: float, ticked: bool) -> None:
        side = self.BOX * mm
        self.c.setStrokeColor(INK)
        self.c.setLineWidth(0.8)
        self.c.rect(x, y, side, side, stroke=1, fill=0)
        if ticked:
            self.c.setLineWidth(1.4)
            self.c.line(x + side * 0.18, y + side * 0.5, x + side * 0.42, y + side * 0.2)
            self.c.line(x + side * 0.42, y + side * 0.2, x + side * 0.85, y + side * 0.85)

    # --- food ------------------------------------------------------------------------------------

    def _food(self, f: Field) -> list[Block]:
        """The label across the page, then rows of food cells (pictogram, checkbox, names); the
        label stays with the first row."""
        label = self._line(f.label_id, self.LABEL_PT, self.x0, self.width, bold=True)
        rows = self._food_rows(f)
        blocks = [self._row([join([label, space(1 * mm), *rows[:1]])]), *rows[1:]]
        if f.help_id:
            blocks.append(self._help(f.help_id, self.x0, self.width))
        return blocks

    def _food_rows(self, f: Field) -> list[Block]:
        chosen = self._chosen(f)
        templates = load_templates()
        foods = [templates[option_id] for option_id in f.option_ids]
        cell_w = self.width / self.FOOD_COLS
        icon, box = self.FOOD_ICON * mm, self.BOX * mm
        rows = []
        for i in range(0, len(foods), self.FOOD_COLS):
            cells = [(self.x0 + j * cell_w, tpl, self._stack(tpl.id, self.HELP_PT, cell_w - 2 * mm))
                     for j, tpl in enumerate(foods[i:i + self.FOOD_COLS])]

            def draw(top: float, cells=cells) -> None:
                for cx, tpl, stack in cells:
                    pictograms.draw(self.c, tpl.pictogram or "", cx + 1 * mm, top - icon, icon, category=tpl.category)
                    self._checkbox(cx + icon + 3 * mm, top - icon / 2 - box / 2, tpl.id.rsplit(".", 1)[-1] in chosen)
                    stack.draw(self.c, cx + 1 * mm, top - icon - 1 * mm)
            rows.append(Block(icon + 1 * mm + max(stack.height for _, _, stack in cells) + 2 * mm, draw))
        return rows


@dataclass(frozen=True)
class _Box:
    """One write-in box of ``height`` points at ``x``, with (part of) an answer."""

    card: RegistrationCard
    staff_only: bool
    x: float
    w: float
    height: float
    answer: Layout | None

    def draw(self, top: float) -> None:
        c, pad = self.card.c, 1.5 * mm
        c.setStrokeColor(INK if self.staff_only else RULE)
        c.setLineWidth(1.8 if self.staff_only else 0.8)
        c.rect(self.x, top - self.height, self.w, self.height, stroke=1, fill=0)
        if self.answer is not None:
            c.setFillColor(INK)
            self.answer.draw(c, self.x + pad, top - pad, self.w - 2 * pad)

    def draw_at(self, offset: float, top: float) -> None:
        self.draw(top - offset)


def card_pdf(lang: str, answers: Answers | None = None) -> bytes:
    """The registration card in Japanese and ``lang``, blank or filled with ``answers``."""
    return RegistrationCard(lang, answers).pdf()
