"""A built wheel is the whole product: installed outside the checkout, ``bosai`` works from any
folder with the catalogs, templates, static files and schemas it carries as package data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["locales", "app/templates", "app/static", "phrasebook/schemas"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and installed (without dependencies) into a fresh folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    str(ROOT), "-w", str(work / "dist")], check=True, cwd=work)
    (wheel,) = (work / "dist").glob("bosai_kit-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(work / "site"), str(wheel)], check=True, cwd=work)
    return work


def run_bosai(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``bosai`` from the installed copy only: the checkout is neither the folder nor on the path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BOSAI_")}
    env["PYTHONPATH"] = str(installed / "site")
    return subprocess.run([sys.executable, "-c", "from app.cli import main; main()", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_wheel_carries_every_data_file(installed: Path) -> None:
    (wheel,) = (installed / "dist").glob("bosai_kit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {str(path.relative_to(ROOT)) for folder in SHIPPED for path in (ROOT / folder).rglob("*")
                if path.is_file() and "__pycache__" not in path.parts}
    packaged = {name.replace("phrasebook/locales/", "locales/", 1) for name in names}
    assert expected - packaged == set()


@pytest.mark.slow
def test_installed_bosai_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    where = run_bosai(installed, "phrases", "stats", "--json", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert '"my"' in where.stdout and '"ne"' in where.stdout

    out = tmp_path / "x.pdf"
    sign = run_bosai(installed, "sign", "sign.toilet", "--lang", "my,ne", "-o", str(out), cwd=tmp_path)
    assert sign.returncode == 0, sign.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    fonts = {str(font) for page in reader.pages for font in page["/Resources"]["/Font"].values()
             for font in [font.get_object()["/BaseFont"]]}
    assert any("Padauk" in font or "Myanmar" in font for font in fonts), fonts

    located = subprocess.run(
        [sys.executable, "-c", "import phrasebook.paths as p, app; print(p.locales_dir()); print(app.__file__)"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed / "site")},
        capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(path).is_relative_to(installed / "site") for path in located), located


@pytest.mark.slow
def test_installed_app_serves_pages_from_package_data(installed: Path, tmp_path: Path) -> None:
    script = ("from app import create_app\n"
              f"app = create_app({{'INSTANCE_PATH': {str(tmp_path / 'instance')!r}}})\n"
              "client = app.test_client()\n"
              "print(client.get('/login').status_code, client.get('/static/bosai.css').status_code)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(installed / "site")}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "200"]


def test_nothing_refers_outside_the_checkout() -> None:
    """Code, tests, docs and CI never read the team's folder beside the checkout."""
    outside = "../" + "shared"
    files = [path for folder in ("app", "phrasebook", "printables", "scripts", "tests", "docs", ".ci")
             for path in (ROOT / folder).rglob("*") if path.is_file() and path.suffix != ".pyc"]
    files += [ROOT / "README.md", ROOT / "setup.cfg", ROOT / "setup.py"]
    offenders = [str(path.relative_to(ROOT)) for path in files
                 if outside in path.read_text(encoding="utf-8", errors="replace")]
    assert offenders == []
