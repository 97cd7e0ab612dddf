"""Drill packs (``printables.pack``): the parts, the merged PDF, the ZIP, progress, errors."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

from printables.errors import LayoutError, TextError
from phrasebook.parts import Part
from printables.pack import SKIP_REASONS, PackError, PackMessage, PackPart, Skipped, build_pack, plan_pack
from printables_testkit import assert_fonts_embedded, page_sizes_mm

BASE = "https://bosai.example.jp"
A4_PORTRAIT, A4_LANDSCAPE = (210, 297), (297, 210)
VALUES = {"place": "市民体育館", "time": "09:30"}


def message(id_: str) -> PackMessage:
    return PackMessage(id_, (Part("shelter.opened", VALUES),), ("ja", "en", "th"))


MESSAGES = [message("own"), message("area"), message("spaced")]

def test_plan_lists_every_part_in_print_order():
    parts = plan_pack(["en", "my", "ja"], MESSAGES, BASE)
    assert [p.filename for p in parts] == [
        "signs/information.pdf", "signs/prohibition.pdf", "signs/safe_condition.pdf",
        "cards/card-ja.pdf", "cards/card-en.pdf", "cards/card-my.pdf",
        "boards/common-en.pdf", "boards/staff-en.pdf", "boards/evacuee-en.pdf",
        "boards/common-my.pdf", "boards/staff-my.pdf", "boards/evacuee-my.pdf",
        "sheets/message-own.pdf", "sheets/message-area.pdf", "sheets/message-spaced.pdf",
    ]
    assert len({p.title for p in parts}) == len(parts)


def test_merged_pdf_pages_sizes_and_bookmarks():
    parts = plan_pack(["en"], MESSAGES[:2], BASE)
    data = build_pack(parts, "pdf")
    reader = PdfReader(io.BytesIO(data))
    sizes = page_sizes_mm(data)
    # 3 signs, the Japanese and the English card, 3 boards, 2 sheets; each part's own page count
    expected = sum(len(PdfReader(io.BytesIO(p.build())).pages) for p in parts)
    assert len(sizes) == expected
    assert sizes[:3] == [A4_PORTRAIT] * 3
    assert sizes.count(A4_LANDSCAPE) == sum(len(PdfReader(io.BytesIO(p.build())).pages)
                                             for p in parts if p.filename.startswith("boards/"))
    assert [item.title for item in reader.outline] == [p.title for p in parts]
    assert reader.metadata.title == "bosai-kit drill pack"
    assert_fonts_embedded(data)


def test_zip_of_separate_pdfs_with_an_index():
    parts = plan_pack(["th"], [message("own")], BASE)
    archive = zipfile.ZipFile(io.BytesIO(build_pack(parts, "zip", title="Drill: 市民体育館")))
    names = archive.namelist()
    assert names[0] == "index.txt"
    assert names[1:] == [p.filename for p in parts]
    index = archive.read("index.txt").decode("utf-8")
    assert index.startswith("Drill: 市民体育館\n")
    for name in names[1:]:
        pages = len(PdfReader(io.BytesIO(archive.read(name))).pages)
        assert pages >= 1
        assert any(line.startswith(name) and f"{pages} p." in line for line in index.splitlines()), name
    assert page_sizes_mm(archive.read("boards/common-th.pdf"))[0] == A4_LANDSCAPE


def test_progress_is_reported_after_each_part():
    parts = plan_pack(["en"], [], sign_ids=["toilet"])
    calls = []
    build_pack(parts, "pdf", lambda done, total, title: calls.append((done, total, title)))
    assert calls == [(i, len(parts), p.title) for i, p in enumerate(parts, 1)]


def test_japanese_only_shelter_gets_signs_and_a_card_but_no_boards():
    parts = plan_pack([], [])
    assert [p.filename.split("/")[0] for p in parts] == ["signs"] * 3 + ["cards"]


@pytest.mark.parametrize("kwargs, error", [
    (dict(langs=["xx"]), "unknown language"),
    (dict(messages=MESSAGES), "base URL"),
    (dict(sign_ids=["board.water"]), "not a sign"),
])
def test_bad_requests_are_refused_up_front(kwargs, error):
    args = dict(langs=["en"], messages=[], base_url="") | kwargs
    with pytest.raises(Exception, match=error):
        plan_pack(**args)


def test_unknown_format_and_failing_part():
    with pytest.raises(LayoutError, match="format"):
        build_pack(plan_pack([], [], sign_ids=["toilet"]), "docx")

    def broken() -> bytes:
        raise LayoutError("too many languages")

    with pytest.raises(PackError, match="no part of the pack could be built; Broken part: too many languages"):
        build_pack([PackPart("x.pdf", "Broken part", broken)], "zip")


LONG_PLACE = {"place": "市民体育館" * 100, "time": "09:30"}  # 500 characters
EMOJI_PLACE = {"place": "市民体育館 🏫", "time": "09:30"}


def test_a_part_that_cannot_be_built_is_listed_and_the_rest_is_built():
    # twelve sentences of 500 characters: more than a page of the QR sheet holds for one language
    messages = [PackMessage("long", (Part("shelter.opened", LONG_PLACE),) * 12, ("ja", "en")),
                PackMessage("emoji", (Part("shelter.opened", EMOJI_PLACE),), ("ja", "en"))]
    parts = plan_pack(["en"], messages, BASE)
    left_out: list[Skipped] = []
    progress: list[int] = []
    data = build_pack(parts, "zip", lambda done, total, title: progress.append(done), skipped=left_out.append)
    assert progress == list(range(1, len(parts) + 1))
    assert [(s.part.filename, s.reason) for s in left_out] == [("sheets/message-long.pdf", "too_long")]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "sheets/message-emoji.pdf" in archive.namelist() and "sheets/message-long.pdf" not in archive.namelist()
    index = archive.read("index.txt").decode("utf-8")
    assert "Parts not built" in index and "sheets/message-long.pdf" in index
    assert SKIP_REASONS["too_long"][0] in index and SKIP_REASONS["too_long"][1] in index


def test_the_merged_pdf_opens_with_the_parts_not_built():
    def broken() -> bytes:
        raise TextError("no font can draw it")

    parts = [PackPart("a.pdf", "Broken part", broken), *plan_pack([], [], sign_ids=["sign.toilet"])]
    data = build_pack(parts, "pdf")
    reader = PdfReader(io.BytesIO(data))
    assert [item.title for item in reader.outline] == ["作成できなかった部分 Parts not built", *(p.title for p in parts[1:])]
    first = "".join(reader.pages[0].extract_text().split())
    assert "Brokenpart" in first and "".join(SKIP_REASONS["bad_text"][1].split()) in first
    assert_fonts_embedded(data)


def test_a_bug_in_one_part_does_not_stop_the_pack():
    def buggy() -> bytes:
        raise ZeroDivisionError("division by zero")

    left_out: list[Skipped] = []
    parts = [PackPart("bug.pdf", "Buggy part", buggy), *plan_pack([], [], sign_ids=["sign.toilet"])]
    build_pack(parts, "zip", skipped=left_out.append)
    assert [(s.reason, s.detail) for s in left_out] == [("error", "ZeroDivisionError: division by zero")]
