"""Where the content lives: the ``locales`` folder, overridable with ``BOSAI_LOCALES``.

In a checkout (or an editable install) that is ``locales/`` beside this package; an installed
wheel carries the same files as package data in ``phrasebook/locales/`` (see setup.py)."""

from __future__ import annotations

import os
from pathlib import Path

DOMAIN = "bosai"
_HERE = Path(__file__).resolve().parent
_SOURCE_LOCALES = _HERE.parent / "locales"
_PACKAGED_LOCALES = _HERE / "locales"


def locales_dir() -> Path:
    """The folder holding template definitions, the ``.pot`` and one catalog per variant."""
    override = os.environ.get("BOSAI_LOCALES")
    if override:
        return Path(override)
    return _SOURCE_LOCALES if (_SOURCE_LOCALES / "templates").is_dir() else _PACKAGED_LOCALES


def templates_dir(root: Path | None = None) -> Path:
    return (root or locales_dir()) / "templates"


def pot_path(root: Path | None = None) -> Path:
    return (root or locales_dir()) / f"{DOMAIN}.pot"


def po_path(code: str, root: Path | None = None) -> Path:
    return (root or locales_dir()) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def glossary_path(code: str, root: Path | None = None) -> Path:
    """A language's glossary of key terms, next to its catalog folder."""
    return (root or locales_dir()) / code / "glossary.toml"
