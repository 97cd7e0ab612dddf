"""The dashboard's work on catalogs: coverage and checks per language, and applying an upload
or a review so that the catalog file and the phrase store change together or not at all."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from phrasebook.catalog import STATES, PoFile, mark_reviewed, parse_po, read_po, write_atomic
from phrasebook.checks import Issue, check_catalog
from phrasebook.errors import CatalogError
from phrasebook.glossary import load_glossary
from phrasebook.languages import LANGUAGES, Language
from phrasebook.paths import glossary_path, po_path, templates_dir
from phrasebook.store import import_phrases
from phrasebook.templates import load_templates

# States of work in progress: reported, but an upload may still have them.
NOT_BLOCKING = {"untranslated", "fuzzy"}
_write_lock = threading.Lock()


@dataclass
class Report:
    """One language's catalog: entries, counts per state and check issues (or a parse error)."""

    lang: Language
    po: PoFile | None = None
    error: CatalogError | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {state: 0 for state in STATES}
        for entry in (self.po.entries.values() if self.po else ()):
            counts[entry.state] += 1
        return counts

    @property
    def coverage(self) -> int:
        """Percent of entries translated (reviewed or not)."""
        if not self.po or not self.po.entries:
            return 0
        counts = self.counts
        return round(100 * (counts["unreviewed"] + counts["reviewed"]) / len(self.po.entries))

    def count(self, severity: str) -> int:
        return sum(issue.severity == severity for issue in self.issues)

    def issues_at(self, line: int) -> list[Issue]:
        return [issue for issue in self.issues if issue.line == line]


_reports: dict[str, tuple[tuple, Report]] = {}  # code: (file stamps, report); see report()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's (mtime_ns, size, inode); None when it is missing. Any write changes it."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


def _inputs(code: str) -> tuple:
    """What a language's report depends on: its catalog, its glossary and every template file."""
    files = [po_path(code), glossary_path(code), *sorted(templates_dir().glob("*.toml"))]
    return tuple((str(path), _stamp(path)) for path in files)


def report(code: str) -> Report:
    """The language's report, checked again only when one of its files changed (cached in memory
    per process; a report is shared, never changed)."""
    inputs = _inputs(code)
    cached = _reports.get(code)
    if cached is not None and cached[0] == inputs:
        return cached[1]
    fresh = _report(code)
    _reports[code] = (inputs, fresh)
    return fresh


def _report(code: str) -> Report:
    lang = LANGUAGES[code]
    try:
        po = read_po(po_path(code), code)
    except CatalogError as exc:
        return Report(lang, error=exc)
    return Report(lang, po, issues=check_catalog(po, load_templates(), load_glossary(code)))


def validate_upload(code: str, data: bytes, filename: str) -> tuple[PoFile, list[Issue], list[Issue]]:
    """Parse and check an uploaded catalog for ``code``: (catalog, blocking issues, the rest).

    Raises ``CatalogError`` (with the line) for text that is not a usable catalog at all.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(filename, None, f"not UTF-8 (byte {exc.start})") from None
    po = parse_po(text.replace("\r\n", "\n"), filename, code)
    issues = check_catalog(po, load_templates(), load_glossary(code))
    blocking = [i for i in issues if i.severity == "error" and i.check not in NOT_BLOCKING]
    return po, blocking, [i for i in issues if i not in blocking]


def _replace_and_import(db: sqlite_utils.Database, path: Path, change) -> None:
    """Change the catalog file with ``change()``, then reload the store; on any failure put
    the old file back (the store import is one transaction, so it is untouched)."""
    with _write_lock:
        old = path.read_text(encoding="utf-8")
        change()
        try:
            import_phrases(db)
        except BaseException:
            write_atomic(path, old)
            raise


def apply_upload(db: sqlite_utils.Database, code: str, data: bytes) -> None:
    """Replace the catalog with an upload that passed ``validate_upload`` and reload the store."""
    path = po_path(code)
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    _replace_and_import(db, path, lambda: write_atomic(path, text))


def review(db: sqlite_utils.Database, code: str, ids: list[str], reviewer: str) -> int:
    """Mark entries reviewed by ``reviewer`` (recorded in the catalog); returns how many."""
    path = po_path(code)
    marked: list[int] = []
    _replace_and_import(db, path, lambda: marked.append(mark_reviewed(path, ids, reviewer)))
    return marked[0]
