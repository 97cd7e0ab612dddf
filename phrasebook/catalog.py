"""Catalog I/O through Babel: read ``.po`` files strictly, build the ``.pot``, merge it into
every ``.po`` and record reviews. The template id is the ``msgctxt``; the Japanese source is
the ``msgid``.

Review state of an entry, as DESIGN.md §4 says: ``untranslated`` (empty), ``fuzzy`` (needs work),
``unreviewed`` (translated, no native reviewer yet) or ``reviewed`` (a translator comment
``reviewed-by: NAME YYYY-MM-DD``).
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from phrasebook.errors import CatalogError, N_
from phrasebook.languages import LANGUAGES, SOURCE, get_language
from phrasebook.paths import po_path, pot_path
from phrasebook.pofile import (DUPLICATE, EMPTY_MSGID, NO_CONTEXT, NO_HEADER, BAD_HEADER, decode,
                               header_fields, parse_entries)
from phrasebook.templates import TERM, Template, load_templates

STATES = ("untranslated", "fuzzy", "unreviewed", "reviewed")
BRACE_FLAG = "python-brace-format"
REVISION_HEADER = "X-Bosai-Revision"
_REVIEWED = re.compile(r"^reviewed-by: (?P<who>.+) (?P<when>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Entry:
    """One template's text in one catalog."""

    id: str
    source: str
    text: str
    state: str
    line: int
    reviewed_by: str | None = None
    reviewed_at: str | None = None


@dataclass
class PoFile:
    """A parsed catalog: its language code, path, Babel catalog and entries by template id."""

    code: str
    path: Path
    catalog: Catalog
    entries: dict[str, Entry]
    revision: str | None = None  # the X-Bosai-Revision an upload was downloaded at


def review_of(message: Message) -> tuple[str | None, str | None]:
    """(reviewer, date) from a ``reviewed-by:`` translator comment, or (None, None)."""
    for comment in message.user_comments:
        match = _REVIEWED.match(comment.strip())
        if match:
            return match["who"], match["when"]
    return None, None


def state_of(message: Message) -> str:
    if not message.string:
        return "untranslated"
    if message.fuzzy:
        return "fuzzy"
    return "reviewed" if review_of(message)[0] else "unreviewed"


LANGUAGE_UNKNOWN = N_("The Language header is %(found)s, which is not one of the phrasebook's languages "
                      "(%(known)s). Correct the Language line.")
LANGUAGE_MISMATCH = N_("The Language header is %(found)s, but this is the catalog for %(expected)s. Upload the "
                       "file on the page of its own language, or correct the Language line.")


def parse_po(data: str, path: Path | str, code: str | None = None) -> PoFile:
    """Parse catalog text strictly; any problem is a ``CatalogError`` naming file and line.

    ``code`` is the language the catalog must be for; by default the ``Language`` header decides,
    and it must name a registered variant.
    """
    path = Path(path)
    name = str(path)
    raw = parse_entries(data, name)
    header = next((e for e in raw if not e.obsolete and e.msgid == "" and e.context is None), None)
    if header is None:
        raise CatalogError(name, 1, NO_HEADER)
    fields = header_fields(header, name)
    language, line = fields.get("Language", ("", header.line))
    if code is None:
        if language not in LANGUAGES:
            raise CatalogError(name, line, LANGUAGE_UNKNOWN, {"found": repr(language), "known": ", ".join(LANGUAGES)})
        code = language
    get_language(code)
    if language != code:
        raise CatalogError(name, line, LANGUAGE_MISMATCH, {"found": repr(language), "expected": repr(code)})
    catalog = Catalog(fuzzy=False)
    try:  # Babel reads the standard fields (dates, plural forms) and may refuse their values
        catalog[""] = Message("", header.msgstr or "", flags=header.flags, user_comments=header.user_comments)
    except (ValueError, TypeError, LookupError) as exc:
        raise CatalogError(name, header.line, BAD_HEADER, {"text": repr(str(exc)[:60])}) from None
    catalog.charset = "utf-8"
    entries: dict[str, Entry] = {}
    for raw_entry in raw:
        if raw_entry is header:
            continue
        if raw_entry.context is None:
            raise CatalogError(name, raw_entry.line, NO_CONTEXT, {"source": repr(raw_entry.msgid)})
        if not raw_entry.msgid:
            raise CatalogError(name, raw_entry.line, EMPTY_MSGID, {"id": repr(raw_entry.context)})
        message = Message(raw_entry.msgid, raw_entry.msgstr or "", raw_entry.locations, raw_entry.flags,
                          raw_entry.auto_comments, raw_entry.user_comments,
                          previous_id=raw_entry.previous_id or (), lineno=raw_entry.line,
                          context=raw_entry.context)
        if raw_entry.obsolete:
            catalog.obsolete[(message.id, message.context)] = message
            continue
        if message.context in entries:
            raise CatalogError(name, raw_entry.line, DUPLICATE,
                               {"id": repr(message.context), "first": entries[message.context].line})
        catalog[message.id] = message
        who, when = review_of(message)
        entries[message.context] = Entry(
            id=message.context, source=message.id, text=message.string, state=state_of(message),
            line=raw_entry.line, reviewed_by=who, reviewed_at=when,
        )
    revision = fields.get(REVISION_HEADER, ("", 0))[0] or None
    return PoFile(code, path, catalog, entries, revision)


def read_po(path: Path | str, code: str | None = None) -> PoFile:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(str(path), None, f"cannot read: {exc.strerror}") from None
    return parse_po(decode(data, str(path)), path, code)


def revision(text: str) -> str:
    """A catalog's revision: a short hash of its text as stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def with_revision(text: str, rev: str) -> str:
    """The catalog text as handed out: its revision in an ``X-Bosai-Revision`` header field
    (never stored; the parser reads it back from an upload)."""
    field = f'"{REVISION_HEADER}: {rev}\\n"'
    return re.sub(r'^"Language: [^"\\]*\\n"$', lambda m: f"{m[0]}\n{field}", text, count=1, flags=re.M)


def read_all(root: Path | None = None) -> dict[str, PoFile]:
    """Every variant's catalog, keyed by gettext code; a missing catalog is an error."""
    return {code: read_po(po_path(code, root), code) for code in LANGUAGES}


def _comments(tpl: Template) -> list[str]:
    lines = [f"{tpl.kind} · {tpl.category}"]
    if tpl.slots:
        lines.append("slots: " + ", ".join(f"{{{n}}} = {t}" for n, t in tpl.slots.items()))
    if budget := tpl.meta.get("budget"):
        lines.append(f"at most {budget} characters (sign)")
    for name in tpl.free_text:
        family = tpl.slots[name][len(TERM):]
        lines.append(f"{{{name}}}: one of the terms {family}.* (each its own entry), or other text kept in Japanese")
    if tpl.note:
        lines.append(tpl.note)
    return lines


def build_pot(templates: dict[str, Template]) -> Catalog:
    """The translation template (``.pot``) for the given template definitions."""
    pot = Catalog(project="bosai-kit", version="1",
                  msgid_bugs_address="https://github.com/bosai-kit/bosai-kit/issues",
                  copyright_holder="bosai-kit contributors", fuzzy=False)
    for tpl in templates.values():
        flags = [BRACE_FLAG] if tpl.slots else []
        pot.add(tpl.ja, context=tpl.id, flags=flags, auto_comments=_comments(tpl),
                locations=[(Path(tpl.source).name, 0)] if tpl.source else ())
    return pot


def _dump(catalog: Catalog) -> str:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False, include_previous=True,
             include_lineno=False, sort_output=False)
    return buf.getvalue().decode("utf-8")


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless only the creation-date header differs; True if written."""
    strip = re.compile(r'^"POT-Creation-Date: .*$', re.M)
    if path.exists() and strip.sub("", path.read_text(encoding="utf-8")) == strip.sub("", text):
        return False
    write_atomic(path, text)
    return True


def _mode_for(path: Path) -> int:
    """The permission bits a rewritten file keeps: the old file's, else what the umask allows."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half;
    the file keeps its permission bits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def merge(pot: Catalog, old: Catalog | None, code: str) -> Catalog:
    """Merge ``pot`` into a language's catalog, keyed by template id (msgctxt).

    Translator comments and translations are kept; an entry whose source changed becomes fuzzy,
    remembers the old source (``#| msgid``) and loses its review mark; entries for removed
    templates become obsolete. The source language's catalog always equals the source.
    """
    lang = get_language(code)
    old_by_id = {m.context: m for m in (old or []) if m.id and m.context}
    new = Catalog(locale=lang.babel, project="bosai-kit", version="1",
                  copyright_holder="bosai-kit contributors", fuzzy=False,
                  header_comment=(old.header_comment if old else
                                  f"# bosai-kit phrasebook: {lang.english} ({code})."))
    new.last_translator = old.last_translator if old else "bosai-kit contributors"
    new.language_team = f"{lang.english} <https://github.com/bosai-kit>"
    new.msgid_bugs_address = "https://github.com/bosai-kit/bosai-kit/issues"
    kept = old.revision_date if old else None
    new.revision_date = kept if isinstance(kept, datetime) else datetime.now(timezone.utc)
    if old is not None:
        new.creation_date = old.creation_date
    for tmpl in pot:
        if not tmpl.id:
            continue
        prev = old_by_id.pop(tmpl.context, None)
        string, flags, comments, previous = "", set(tmpl.flags), [], ()
        if prev is not None:
            string, comments = prev.string, list(prev.user_comments)
            flags |= {f for f in prev.flags if f == "fuzzy"}
            if prev.id != tmpl.id and string and code != SOURCE:
                flags.add("fuzzy")
                previous = (prev.id,)
                comments = [c for c in comments if not _REVIEWED.match(c.strip())]
            elif prev.previous_id and "fuzzy" in flags:
                previous = tuple(prev.previous_id) if isinstance(prev.previous_id, list) else prev.previous_id
        if code == SOURCE:
            string = tmpl.id
            flags.discard("fuzzy")
        new.add(tmpl.id, string, locations=tmpl.locations, flags=flags,
                auto_comments=tmpl.auto_comments, user_comments=comments,
                previous_id=previous, context=tmpl.context)
    for gone in old_by_id.values():
        new.obsolete[(gone.id, gone.context)] = gone
    return new


def _with_language(text: str, code: str) -> str:
    """Babel writes the Language header from its locale (``fil_PH`` for ``tl``); use our code."""
    return re.sub(r'^"Language: [^"\\]*\\n"$', f'"Language: {code}\\\\n"', text, count=1, flags=re.M)


def render_po(catalog: Catalog, code: str) -> str:
    return _with_language(_dump(catalog), code)


def update_catalogs(root: Path | None = None, codes: list[str] | None = None) -> list[Path]:
    """Regenerate the ``.pot`` from the template definitions and merge it into each ``.po``."""
    from phrasebook.paths import templates_dir

    templates = load_templates(templates_dir(root))
    pot = build_pot(templates)
    codes = codes or list(LANGUAGES)
    # Read every catalog first: one that cannot be read stops the update before anything is written.
    old = {code: read_po(po_path(code, root), code).catalog if po_path(code, root).exists() else None
           for code in codes}
    written = [pot_path(root)] if write_if_changed(pot_path(root), _dump(pot)) else []
    for code in codes:
        path = po_path(code, root)
        if write_if_changed(path, render_po(merge(pot, old[code], code), code)):
            written.append(path)
    return written


def mark_reviewed(path: Path, ids: list[str], reviewer: str, when: date | None = None) -> int:
    """Record that ``reviewer`` checked the given entries; returns how many were marked.

    Only translated, non-fuzzy entries can be reviewed.
    """
    po = read_po(path)
    stamp = (when or datetime.now(timezone.utc).date()).isoformat()
    reviewer = " ".join(reviewer.split())
    if not reviewer:
        raise ValueError("reviewer name is empty")
    wanted, marked = set(ids), 0
    for message in po.catalog:
        if message.context in wanted and message.string and not message.fuzzy:
            message.user_comments = [c for c in message.user_comments if not _REVIEWED.match(c.strip())]
            message.user_comments.append(f"reviewed-by: {reviewer} {stamp}")
            marked += 1
    write_atomic(path, render_po(po.catalog, po.code))
    return marked


@dataclass(frozen=True)
class Conflict:
    """An entry changed both in the catalog and in an upload: the two texts (and states)."""

    id: str
    line: int
    current: str
    current_state: str
    uploaded: str
    uploaded_state: str


@dataclass
class Merged:
    """An upload applied to the current catalog: the result, the refused entries, the entries
    that took the upload's text, and those whose review mark went because their text changed."""

    catalog: Catalog
    conflicts: list[Conflict]
    changed: list[str]
    unreviewed: list[str]


def _state_key(message: Message) -> tuple:
    return message.string, message.fuzzy, review_of(message)


def _without_review(comments: list[str]) -> list[str]:
    return [c for c in comments if not _REVIEWED.match(c.strip())]


def merge_upload(current: PoFile, upload: PoFile, base: PoFile | None) -> Merged:
    """Apply ``upload`` to ``current`` entry by entry (``current.catalog`` is changed).

    ``base`` is the catalog the upload was downloaded from. An entry the upload left as in
    ``base`` keeps its current state; one that changed only in the upload takes the upload's;
    one that changed in both is a conflict. Without a base the upload wins, except that a
    review mark is never dropped: removing it is a conflict. A review mark that came along
    with a changed text is removed (the new text has not been reviewed).
    """
    before = {m.context: m for m in base.catalog if m.id} if base else {}
    uploaded = {m.context: m for m in upload.catalog if m.id}
    merged = Merged(current.catalog, [], [], [])
    for mine in current.catalog:
        theirs = uploaded.get(mine.context)
        if not mine.id or theirs is None or _state_key(theirs) == _state_key(mine):
            continue
        was = before.get(mine.context)
        if base is not None and was is not None and _state_key(was) == _state_key(theirs):
            continue  # the upload did not touch it
        if base is None:
            ok = not review_of(mine)[0] or review_of(theirs)[0]
        else:
            ok = was is not None and _state_key(was) == _state_key(mine)
        if not ok:
            merged.conflicts.append(Conflict(mine.context, upload.entries[mine.context].line, mine.string,
                                             state_of(mine), theirs.string, state_of(theirs)))
            continue
        comments = list(theirs.user_comments)
        if theirs.string != mine.string and review_of(theirs)[0]:
            comments = _without_review(comments)
            merged.unreviewed.append(mine.context)
        mine.string = theirs.string
        mine.flags = {f for f in mine.flags if f != "fuzzy"} | ({"fuzzy"} if theirs.fuzzy else set())
        mine.user_comments = comments
        mine.previous_id = list(theirs.previous_id) if theirs.fuzzy else []
        merged.changed.append(mine.context)
    if merged.changed:
        merged.catalog.revision_date = datetime.now(timezone.utc)
    return merged
