"""The dashboard's work on catalogs: coverage and checks per language, revisions handed out with
downloads, and applying an upload (merged with what changed since its download), a review or an
update from the templates so that the catalog files and the phrase store change together or not
at all."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from phrasebook.catalog import (STATES, Conflict, PoFile, mark_reviewed, merge_upload, parse_po, read_po,
                                render_po, revision, update_catalogs, write_atomic)
from phrasebook.checks import Issue, blocking, check_catalog
from phrasebook.glossary import load_glossary
from phrasebook.errors import CatalogError
from phrasebook.glossary import load_glossary
from phrasebook.languages import LANGUAGES, Language
from phrasebook.pofile import decode
from phrasebook.paths import glossary_path, po_path, templates_dir
from phrasebook.store import import_phrases
from phrasebook.templates import load_templates

_write_lock = threading.RLock()


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
    def coverage(self) -> str:
        """Percent of entries translated (reviewed or not), see ``percent``."""
        counts = self.counts
        return percent(counts["unreviewed"] + counts["reviewed"], len(self.po.entries) if self.po else 0)

    def count(self, severity: str) -> int:
        return sum(issue.severity == severity for issue in self.issues)

    def issues_at(self, line: int) -> list[Issue]:
        return [issue for issue in self.issues if issue.line == line]


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` in percent with one decimal, rounded down: 100.0 only when complete
    (656 of 658 is 99.6, not 100)."""
    return f"{(1000 * part // whole) / 10:.1f}" if whole else "0.0"


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


def published_messages(db: sqlite_utils.Database) -> list:
    """The messages on public pages now (the one place that knows where they are kept)."""
    from phrasebook.messages import all_messages

    return [m for m in all_messages(db) if m.status == "published"] if "messages" in db.table_names() else []


@dataclass(frozen=True)
class Affected:
    """A published message that would lose its text in a language."""

    message_id: str
    template_id: str
    state: str  # what the entry would become: untranslated, fuzzy or missing


def affected_messages(db: sqlite_utils.Database, code: str, before: PoFile, after: PoFile) -> list[Affected]:
    """Published messages in ``code`` whose text is usable in ``before`` and not in ``after``."""
    usable = ("unreviewed", "reviewed")
    out = []
    for message in published_messages(db):
        if code not in message.languages:
            continue
        for template_id in dict.fromkeys(p.template_id for p in message.parts):
            old, new = before.entries.get(template_id), after.entries.get(template_id)
            if old is not None and old.state in usable and (new is None or new.state not in usable):
                out.append(Affected(message.id, template_id, new.state if new else "missing"))
                break
    return out


KEEP_REVISIONS = 200  # per language: how far back a download can still be merged


def remember(db: sqlite_utils.Database, code: str, text: str) -> str:
    """Keep ``text`` as a revision of the catalog (to merge uploads made from it); its id."""
    rev = revision(text)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.conn:
        db.execute("INSERT OR IGNORE INTO catalog_revisions VALUES (?, ?, ?, ?)", [code, rev, text, now])
        db.execute("DELETE FROM catalog_revisions WHERE code = ? AND revision NOT IN (SELECT revision FROM "
                   "catalog_revisions WHERE code = ? ORDER BY created_at DESC LIMIT ?)", [code, code, KEEP_REVISIONS])
    return rev


def _revision_text(db: sqlite_utils.Database, code: str, rev: str) -> str | None:
    row = db.execute("SELECT text FROM catalog_revisions WHERE code = ? AND revision = ?", [code, rev]).fetchone()
    return row[0] if row else None


@dataclass
class Upload:
    """What an uploaded catalog would do: problems that refuse it, or the new catalog text with
    the entries it changes and the published messages that would lose their text."""

    text: str = ""
    problems: list = field(default_factory=list)  # CatalogError or Issue
    warnings: list[Issue] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    affected: list[Affected] = field(default_factory=list)
    applied: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.problems or self.conflicts)


def prepare_upload(db: sqlite_utils.Database, code: str, data: bytes, filename: str) -> Upload:
    """Read, check and merge an uploaded catalog for ``code`` without changing anything."""
    try:
        po = parse_po(decode(data, filename), filename, code)
        current_text = po_path(code).read_text(encoding="utf-8")
        current = parse_po(current_text, po_path(code), code)
    except CatalogError as exc:
        return Upload(problems=[exc])
    now = revision(current_text)
    base_text = _revision_text(db, code, po.revision) if po.revision else None
    base = current if po.revision == now else (parse_po(base_text, po_path(code), code) if base_text else None)
    issues = check_catalog(po, load_templates(), load_glossary(code))
    refused = blocking(issues)
    if base is not None and base is not current:
        # Made before an update from the templates: the merge keeps the entries it lacks.
        refused = [i for i in refused if i.check not in ("missing", "stale")]
    if refused:
        return Upload(problems=refused, warnings=[i for i in issues if i not in refused])
    merged = merge_upload(current, po, base)
    text = render_po(merged.catalog, code)
    after = parse_po(text, po_path(code), code)
    return Upload(text, warnings=issues, conflicts=merged.conflicts, changed=merged.changed,
                  unreviewed=merged.unreviewed,
                  affected=affected_messages(db, code, parse_po(current_text, po_path(code), code), after))


def hold(db: sqlite_utils.Database, code: str, data: bytes, username: str) -> str:
    """Keep an upload waiting for its confirmation; the token that names it."""
    token = secrets.token_urlsafe(16)
    with db.conn:  # an upload never confirmed is dropped after a day
        db.execute("DELETE FROM catalog_uploads WHERE created_at < datetime('now', '-1 day')")
    db["catalog_uploads"].insert({"token": token, "code": code, "text": data.decode("utf-8", "replace"),
                                  "username": username,
                                  "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")})
    return token


def held(db: sqlite_utils.Database, code: str, token: str, username: str) -> bytes | None:
    """A held upload of ``username`` for ``code`` (taken out of the store), or None."""
    row = db.execute("SELECT text FROM catalog_uploads WHERE token = ? AND code = ? AND username = ?",
                     [token, code, username]).fetchone()
    with db.conn:
        db.execute("DELETE FROM catalog_uploads WHERE token = ?", [token])
    return row[0].encode("utf-8") if row else None


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


def submit_upload(db: sqlite_utils.Database, code: str, data: bytes, filename: str,
                  confirmed: frozenset[str] = frozenset()) -> Upload:
    """Prepare an upload and apply it (file and store together) unless it is refused or would
    take text from published messages not named in ``confirmed``. Checking and writing happen
    under one lock, so nothing written in between (a review) can be lost."""
    with _write_lock:
        prepared = prepare_upload(db, code, data, filename)
        if prepared.refused or not {a.message_id for a in prepared.affected} <= confirmed:
            return prepared
        path = po_path(code)
        _replace_and_import(db, path, lambda: write_atomic(path, prepared.text))
        remember(db, code, prepared.text)
        prepared.applied = True
        return prepared


def review(db: sqlite_utils.Database, code: str, ids: list[str], reviewer: str) -> int:
    """Mark entries reviewed by ``reviewer`` (recorded in the catalog); returns how many."""
    path = po_path(code)
    marked: list[int] = []
    _replace_and_import(db, path, lambda: marked.append(mark_reviewed(path, ids, reviewer)))
    return marked[0]


def update_from_templates(db: sqlite_utils.Database) -> list[Path]:
    """Regenerate the ``.pot`` and merge it into every catalog, then reload the store; on a
    failure every catalog is put back."""
    with _write_lock:
        paths = [po_path(code) for code in LANGUAGES]
        old = {path: path.read_text(encoding="utf-8") for path in paths if path.exists()}
        try:
            written = update_catalogs()
            import_phrases(db)
        except BaseException:
            for path, text in old.items():
                if path.read_text(encoding="utf-8") != text:
                    write_atomic(path, text)
            raise
    return written
