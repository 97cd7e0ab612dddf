"""The pictogram gallery: every drawn pictogram and every key the templates use, labelled."""

from __future__ import annotations

from phrasebook.templates import load_templates
from printables import pictograms
from printables.colours import GREY, INK, RULE
from printables.pdf import Document, mm, page_size
from printables.textlayout import TextBlock


class PictogramGallery:
    """A4 pages of pictograms in a grid; keys that only have a generic figure are marked."""

    MARGIN = 12 * mm
    COLUMNS = 6
    CELL_H = 44 * mm
    ICON = 24 * mm
    LABEL_H = 12 * mm

    def __init__(self) -> None:
        used: dict[str, str] = {}
        for tpl in load_templates().values():
            if tpl.pictogram and tpl.kind in ("sign", "board", "food"):
                used.setdefault(tpl.pictogram, tpl.category)
        keys = set(pictograms.all_keys()) | set(used) | set(pictograms.COMMON_KEYS)
        self.entries = [(key, used.get(key, "")) for key in sorted(keys)]

    def pdf(self) -> bytes:
        doc = Document("bosai-kit pictograms", page_size("A4", "portrait"))
        c = doc.canvas
        cell_w = (doc.width - 2 * self.MARGIN) / self.COLUMNS
        rows = int((doc.height - 2 * self.MARGIN) // self.CELL_H)
        per_page = rows * self.COLUMNS
        for start in range(0, len(self.entries), per_page):
            if start:
                c.showPage()
            for i, (key, category) in enumerate(self.entries[start:start + per_page]):
                x = self.MARGIN + (i % self.COLUMNS) * cell_w
                top = doc.height - self.MARGIN - (i // self.COLUMNS) * self.CELL_H
                c.setStrokeColor(RULE)
                c.setLineWidth(0.5)
                c.rect(x + 1 * mm, top - self.CELL_H + 1 * mm, cell_w - 2 * mm, self.CELL_H - 2 * mm)
                pictograms.draw(c, key, x + (cell_w - self.ICON) / 2, top - 4 * mm - self.ICON, self.ICON,
                                category=category)
                label = key + (" (generic)" if pictograms.is_generic(key, category) else "")
                c.setFillColor(GREY if pictograms.is_generic(key, category) else INK)
                TextBlock(label, "en").fit(cell_w - 4 * mm, self.LABEL_H, 8, 5, f"pictogram label {key}").draw(
                    c, x + 2 * mm, top - 6 * mm - self.ICON - 2 * mm, cell_w - 4 * mm, "center")
        return doc.finish()


def pictograms_pdf() -> bytes:
    """The gallery of all pictograms as PDF bytes."""
    return PictogramGallery().pdf()
