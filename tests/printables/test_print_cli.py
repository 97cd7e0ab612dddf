"""The printables commands through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from printables_testkit import assert_fonts_embedded, page_sizes_mm


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)
    return invoke


def test_sign_list(run) -> None:
    result = run("sign", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split("\t")[0] == "sign.toilet"
    assert all(line.startswith("sign.") for line in lines)


def test_sign_pack(run, tmp_path: Path) -> None:
    out = tmp_path / "signs.pdf"
    result = run("sign", "sign.toilet", "no_smoking", "--lang", "en,th", "--lang", "my", "--paper", "A3",
                 "--orientation", "landscape", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert page_sizes_mm(data) == [(420, 297)] * 2
    assert_fonts_embedded(data)


@pytest.mark.parametrize("args, message", [
    (["sign", "sign.nope", "--lang", "en", "-o", "x.pdf"], "unknown template id"),
    (["sign", "sign.toilet", "--lang", "xx", "-o", "x.pdf"], "unknown language"),
    (["sign", "sign.toilet", "-o", "x.pdf"], "--lang"),
    (["sign", "sign.toilet", "--lang", ",".join(["en", "fr", "es", "vi", "tl", "th", "id", "pt_BR", "my", "ne", "ru",
                                                   "ko", "zh_Hans", "zh_Hant", "ja@easy"]) + ",xx", "-o", "x.pdf"],
     "unknown language"),
    (["board", "kitchen", "--lang", "en", "-o", "x.pdf"], "kitchen"),
    (["sheet", "shelter.opened", "--set", "place=\u202egpj.exe", "--set", "time=15:00", "--lang", "en",
      "--base-url", "https://b.example", "-o", "x.pdf"], "control"),
    (["sheet", "shelter.opened", "--lang", "en", "--base-url", "https://b.example", "-o", "x.pdf"], "missing"),
])
def test_clear_errors(run, args: list[str], message: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_card(run, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    assert run("card", "--lang", "ne", "-o", str(out)).exit_code == 0
    assert set(page_sizes_mm(out.read_bytes())) == {(210, 297)}


def test_sheet(run, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    result = run("sheet", "shelter.opened", "--set", "place=中央小学校", "--set", "place.en=Chuo School",
                 "--set", "time=15:30", "--lang", "en,th", "--lang", "ja@easy", "--base-url", "https://b.example",
                 "--message-id", "abc", "--embed-text", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert_fonts_embedded(out.read_bytes())


@pytest.mark.parametrize("board", ["common", "staff", "evacuee"])
def test_board(run, board: str, tmp_path: Path) -> None:
    out = tmp_path / "board.pdf"
    assert run("board", board, "--lang", "my", "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command", ["pictograms", "specimen"])
def test_gallery_and_specimen(run, command: str, tmp_path: Path) -> None:
    out = tmp_path / f"{command}.pdf"
    result = run(command, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert_fonts_embedded(out.read_bytes())


@pytest.mark.parametrize("command", ["pictograms", "sign", "card", "sheet", "board", "specimen"])
def test_commands_are_documented(run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert main.commands[command].help
