"""The phrase store: templates and every variant's text in SQLite (sqlite-utils), with a
trigram full-text index so that a search in any language and script finds its templates."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from phrasebook.catalog import PoFile, read_all
from phrasebook.errors import CatalogError
from phrasebook.furigana import plain
from phrasebook.paths import templates_dir
from phrasebook.templates import Template, load_templates, placeholder_problem

_SLOT = re.compile(r"\{\w+\}")
MIN_FTS_QUERY = 3  # the trigram tokenizer needs three characters; shorter queries use LIKE


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Open (creating) the instance database with durable settings: WAL, synchronous=FULL."""
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def init_db(db: sqlite_utils.Database) -> None:
    """Create the phrase tables if they are missing (idempotent)."""
    db["templates"].create({
        "id": str, "kind": str, "category": str, "hazards": str, "phases": str,
        "pictogram": str, "slots": str, "meta": str, "ja": str,
    }, pk="id", if_not_exists=True)
    db["phrases"].create({
        "template_id": str, "lang": str, "text": str, "plain": str, "state": str,
        "reviewed_by": str, "reviewed_at": str, "line": int,
    }, pk=("template_id", "lang"), foreign_keys=[("template_id", "templates", "id")],
        if_not_exists=True)
    if "phrases_fts" not in db.table_names():
        db["phrases"].enable_fts(["plain"], tokenize="trigram", create_triggers=True)


def _check_placeholders(po: PoFile, templates: dict[str, Template]) -> None:
    """A translation whose placeholders differ from its template's slots would break when
    rendered: refuse the catalog, naming file and line."""
    for entry in po.entries.values():
        tpl = templates.get(entry.id)
        if tpl is None or not entry.text:
            continue
        if problem := placeholder_problem(entry.text, tpl.slots):
            raise CatalogError(str(po.path), entry.line, f"{entry.id}: placeholders do not match the slots: {problem}")


def import_phrases(db: sqlite_utils.Database, root: Path | None = None) -> dict[str, int]:
    """Load all templates and catalogs into the store, replacing what was there.

    Every file is read and validated before anything is written, and the write is one
    transaction: a bad catalog leaves the store exactly as it was. Returns rows per language.
    """
    templates = load_templates(templates_dir(root))
    catalogs = read_all(root)
    for po in catalogs.values():
        _check_placeholders(po, templates)
    init_db(db)
    template_rows = [{
        "id": t.id, "kind": t.kind, "category": t.category, "hazards": json.dumps(t.hazards),
        "phases": json.dumps(t.phases), "pictogram": t.pictogram, "slots": json.dumps(t.slots),
        "meta": json.dumps(t.meta, ensure_ascii=False), "ja": t.ja,
    } for t in templates.values()]
    phrase_rows, counts = [], {}
    for code, po in catalogs.items():
        rows = [{
            "template_id": e.id, "lang": code, "text": e.text, "plain": _SLOT.sub(" ", plain(e.text)),
            "state": e.state, "reviewed_by": e.reviewed_by, "reviewed_at": e.reviewed_at,
            "line": e.line,
        } for e in po.entries.values() if e.id in templates]
        counts[code] = len(rows)
        phrase_rows.extend(rows)
    with db.conn:
        db.execute("DELETE FROM phrases")
        db.execute("DELETE FROM templates")
        db["templates"].insert_all(template_rows)
        db["phrases"].insert_all(phrase_rows, batch_size=1000)
    return counts


@dataclass(frozen=True)
class Hit:
    """A search result: the template, and the text in the language that matched."""

    template_id: str
    kind: str
    lang: str
    text: str


def search(db: sqlite_utils.Database, query: str, kind: str | None = None,
           limit: int = 50) -> list[Hit]:
    """Templates whose text in any language contains ``query``; one hit per template."""
    query = " ".join(query.split())
    if not query:
        return []
    where_kind = "AND t.kind = :kind" if kind else ""
    if len(query) >= MIN_FTS_QUERY:
        sql = f"""
            SELECT p.template_id, t.kind, p.lang, p.plain FROM phrases_fts f
            JOIN phrases p ON p.rowid = f.rowid JOIN templates t ON t.id = p.template_id
            WHERE phrases_fts MATCH :q AND p.state != 'untranslated' {where_kind}
            ORDER BY f.rank"""
        params = {"q": '"' + query.replace('"', '""') + '"', "kind": kind}
    else:
        sql = f"""
            SELECT p.template_id, t.kind, p.lang, p.plain FROM phrases p
            JOIN templates t ON t.id = p.template_id
            WHERE p.plain LIKE :q ESCAPE '\\' AND p.state != 'untranslated' {where_kind}
            ORDER BY length(p.plain)"""
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params = {"q": f"%{escaped}%", "kind": kind}
    hits: dict[str, Hit] = {}
    for tid, kind_, lang, text in db.execute(sql, params).fetchall():
        if tid not in hits:
            hits[tid] = Hit(tid, kind_, lang, text)
            if len(hits) >= limit:
                break
    return list(hits.values())
