"""Shelter signs: one page per sign, pictogram and Japanese on the category colour, then up to
15 further languages laid out to fit. Many signs make one PDF pack."""

from __future__ import annotations

import math
from collections.abc import Sequence

from phrasebook.languages import SOURCE, Language, get_language
from phrasebook.render import render
from phrasebook.templates import Template, get_template, load_templates
from printables import pictograms
from printables.colours import GREY, INK, RULE, scheme, white
from printables.errors import LayoutError
from printables.fonts import font
from printables.pdf import Document, mm, page_size
from printables.textlayout import TextBlock

MAX_LANGUAGES = 15
_FRAMES = {"prohibition": "prohibition", "caution": "caution", "mandatory": "mandatory"}


def sign_templates() -> list[Template]:
    """Every sign template, in definition order."""
    return [tpl for tpl in load_templates().values() if tpl.kind == "sign"]


def sign_template(sign_id: str) -> Template:
    """The sign template ``sign_id``; accepts ``toilet`` for ``sign.toilet``."""
    tpl = get_template(sign_id if "." in sign_id else f"sign.{sign_id}")
    if tpl.kind != "sign":
        raise LayoutError(f"{tpl.id} is a {tpl.kind} template, not a sign")
    return tpl


def further_languages(langs: Sequence[str], limit: int = MAX_LANGUAGES) -> list[Language]:
    """The requested languages other than Japanese, without repeats; at most ``limit``."""
    out: list[Language] = []
    for code in langs:
        lang = get_language(code)
        if lang.code != SOURCE and lang not in out:
            out.append(lang)
    if len(out) > limit:
        raise LayoutError(f"{len(out)} languages besides Japanese; at most {limit} fit on one sheet")
    return out


class ShelterSign:
    """One sign page. Layout constants in millimetres."""

    MARGIN = 12
    GAP = 5
    BAND_SHARE = 0.46  # of the printable area: pictogram + Japanese
    PANEL_PAD = 4
    LABEL_H = 4.5
    LABEL_PT = 8
    MIN_PT = 7
    JA_MAX_PT = 160
    JA_MIN_PT = 20
    FOOTER_PT = 6.5

    def __init__(self, tpl: Template, langs: list[Language], pagesize: tuple[float, float]) -> None:
        self.tpl = tpl
        self.langs = langs
        self.width, self.height = pagesize
        self.landscape = self.width > self.height
        self.colours = scheme(tpl.category)
        self.texts = {lang.code: render(tpl.id, lang.code) for lang in [get_language(SOURCE), *langs]}

    def draw(self, doc: Document) -> None:
        c = doc.canvas
        m = self.MARGIN * mm
        inner_w, inner_h = self.width - 2 * m, self.height - 2 * m
        if self.landscape:
            band = (m, m, inner_w * self.BAND_SHARE, inner_h)
            rest = (m + band[2] + self.GAP * mm, m, inner_w - band[2] - self.GAP * mm, inner_h)
        else:
            band_h = inner_h * (self.BAND_SHARE if len(self.langs) > 3 else 0.55) if self.langs else inner_h
            band = (m, self.height - m - band_h, inner_w, band_h)
            rest = (m, m, inner_w, inner_h - band_h - self.GAP * mm)
        ja_size = self._band(c, *band)
        if self.langs:
            self._languages(c, *rest, max_pt=ja_size * 0.8)
        c.setFillColor(GREY)
        c.setFont(font("latin").name, self.FOOTER_PT)
        c.drawString(m, m / 2, f"{self.tpl.id} · bosai-kit")

    def _band(self, c, x: float, y: float, w: float, h: float) -> float:
        """The coloured band: pictogram panel on top, Japanese below; returns the Japanese size."""
        c.setFillColor(self.colours.band)
        c.roundRect(x, y, w, h, 4 * mm, stroke=0, fill=1)
        pad = self.PANEL_PAD * mm
        panel = min(w - 2 * pad, h * 0.62)
        px, py = x + (w - panel) / 2, y + h - pad - panel
        c.setFillColor(white)
        c.roundRect(px, py, panel, panel, 3 * mm, stroke=0, fill=1)
        frame = _FRAMES.get(self.tpl.category)
        key = self.tpl.pictogram or ""
        inset = panel * 0.08
        pictograms.draw(c, key, px + inset, py + inset, panel - 2 * inset, fg=self.colours.figure,
                        frame=frame or pictograms.frame_of(key), category=self.tpl.category)
        box_w, box_h = w - 2 * pad, py - y - 2 * pad
        layout = TextBlock(self.texts[SOURCE], SOURCE, bold=True).fit(
            box_w, box_h, self.JA_MAX_PT, self.JA_MIN_PT, f"sign {self.tpl.id} (ja)")
        c.setFillColor(self.colours.text)
        layout.draw(c, x + pad, y + pad + (box_h + layout.height) / 2, box_w, "center")
        return layout.size

    def _languages(self, c, x: float, y: float, w: float, h: float, max_pt: float) -> None:
        """Further languages in a grid of cells: a small native-name label, then the text."""
        n = len(self.langs)
        cols = 1 if n <= (4 if self.landscape else 6) else (2 if n <= 10 else 3)
        rows = math.ceil(n / cols)
        gap = 2.5 * mm
        cell_w, cell_h = (w - (cols - 1) * gap) / cols, (h - (rows - 1) * gap) / rows
        text_h = cell_h - (self.LABEL_H + 1) * mm
        blocks = [TextBlock(self.texts[lang.code], lang, bold=True) for lang in self.langs]
        start = max(self.MIN_PT, min(max_pt, text_h * 0.75))
        fitted = [b.fit(cell_w, text_h, start, self.MIN_PT, f"sign {self.tpl.id} ({b.lang.code})") for b in blocks]
        common = min(layout.size for layout in fitted)  # one size for every language reads calmer
        for i, (lang, block) in enumerate(zip(self.langs, blocks)):
            cx = x + (i // rows) * (cell_w + gap)
            top = y + h - (i % rows) * (cell_h + gap)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            c.line(cx, top, cx + cell_w, top)
            c.setFillColor(GREY)
            TextBlock(lang.native, lang).fit(cell_w, self.LABEL_H * mm, self.LABEL_PT, 5, "a language label").draw(
                c, cx, top - 0.5 * mm, cell_w)
            layout = block.fit(cell_w, text_h, common, min(common, self.MIN_PT), f"sign {self.tpl.id} ({lang.code})")
            c.setFillColor(INK)
            layout.draw(c, cx, top - (self.LABEL_H + 1) * mm - (text_h - layout.height) / 2, cell_w, "center")


def sign_pack_pdf(sign_ids: Sequence[str], langs: Sequence[str], paper: str = "A4",
                  orientation: str = "portrait") -> bytes:
    """One page per sign (in the order given) in Japanese plus ``langs``; PDF bytes."""
    if not sign_ids:
        raise LayoutError("no sign ids given")
    pagesize = page_size(paper, orientation)
    further = further_languages(langs)
    signs = [ShelterSign(sign_template(sid), further, pagesize) for sid in sign_ids]
    doc = Document("bosai-kit signs", pagesize)
    for i, sign in enumerate(signs):
        if i:
            doc.canvas.showPage()
        sign.draw(doc)
    return doc.finish()
