"""Fixtures for the printables tests: a temporary phrasebook in 16 real variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from printables_testkit import build_locales


@pytest.fixture(scope="session")
def locales_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_locales(tmp_path_factory.mktemp("locales"))


@pytest.fixture(autouse=True)
def locales(locales_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every printables test reads the temporary phrasebook."""
    monkeypatch.setenv("BOSAI_LOCALES", str(locales_root))
    return locales_root
