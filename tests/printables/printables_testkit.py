"""Helpers for the printables tests: the sample phrasebook builder and PDF checks."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from pypdf import PdfReader

from phrasebook.catalog import update_catalogs
from phrasebook.languages import LANGUAGES
from phrasebook.paths import po_path
from printables_sample import TEMPLATES, TRANSLATIONS
from tests.pixels import render

BASE14 = {"Courier", "Helvetica", "Times", "Symbol", "ZapfDingbats"}
ALL_CODES = list(LANGUAGES)


def build_locales(root: Path) -> Path:
    """Write the test templates, generate the catalogs and fill in every translation."""
    (root / "templates").mkdir(parents=True)
    for name, text in TEMPLATES.items():
        (root / "templates" / name).write_text(text, encoding="utf-8")
    update_catalogs(root)
    for code in LANGUAGES:
        if code == "ja":
            continue
        path = po_path(code, root)
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=LANGUAGES[code].babel)
        for message in catalog:
            if message.context in TRANSLATIONS:
                message.string = TRANSLATIONS[message.context][code]
        with path.open("wb") as fh:
            write_po(fh, catalog, width=0)
    return root


def fonts_of(data: bytes) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font resource in the PDF."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            obj = ref.get_object()
            descriptor = obj.get("/FontDescriptor")
            embedded = bool(descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2",
                                                                                       "/FontFile3")))
            found.append((str(obj["/BaseFont"]), embedded))
    return found


def assert_fonts_embedded(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts, "no fonts in PDF"
    for name, embedded in fonts:
        assert embedded, f"font {name} is not embedded"
        assert name.split("+")[-1].split("-")[0] not in BASE14, f"base-14 font {name}"


def png_ink(data: bytes, page: int = 1, dpi: int = 30) -> float:
    """Share of non-white pixels of a page rendered by pdftoppm (greyscale)."""
    return render(data, page, dpi).share()


def check_inside_page(data: bytes) -> None:
    """Every text and path drawn lies inside the page's MediaBox (checked on the text matrix)."""
    reader = PdfReader(io.BytesIO(data))
    for number, page in enumerate(reader.pages, 1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        points: list[tuple[float, float]] = []

        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                points.append((x, y))

        page.extract_text(visitor_text=visit)
        for x, y in points:
            assert -0.5 <= x <= width + 0.5 and -0.5 <= y <= height + 0.5, \
                f"page {number}: text at ({x:.1f}, {y:.1f}) outside {width:.0f}x{height:.0f}"


def page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(data))
    return [(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
            for p in reader.pages]


def text_of_pdf(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
