"""Shared fixtures: a private copy of the fixture catalogs for tests that change files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_LOCALES = Path(__file__).parent / "fixtures" / "locales"


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of ``tests/fixtures/locales`` (3 templates, 16 variants), made current."""
    root = tmp_path / "locales"
    shutil.copytree(FIXTURE_LOCALES, root)
    monkeypatch.setenv("BOSAI_LOCALES", str(root))
    return root


@pytest.fixture(autouse=True)
def no_mirror_of_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apps and servers started by tests never write into a static mirror set in the
    environment, nor run its hook; tests that want a mirror configure their own."""
    for name in ("BOSAI_STATIC_MIRROR", "BOSAI_MIRROR_HOOK"):
        monkeypatch.delenv(name, raising=False)
