"""Catalog I/O through Babel: read ``.po`` files strictly, build the ``.pot``, merge it into
every ``.po`` and record reviews. The template id is the ``msgctxt``; the Japanese source is
the ``msgid``.

Review state of an entry, as DESIGN.md §4 says: ``untranslated`` (empty), ``fuzzy`` (needs work),
``unreviewed`` (translated, no native reviewer yet) or ``reviewed`` (a translator comment
``reviewed-by: NAME YYYY-MM-DD``).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, write_po

from phrasebook.errors import CatalogError
from phrasebook.languages import LANGUAGES, SOURCE, get_language
from phrasebook.paths import po_path, pot_path
from phrasebook.templates import Template, load_templates

STATES = ("untranslated", "fuzzy", "unreviewed", "reviewed")
BRACE_FLAG = "python-brace-format"
_PO_LINE = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')
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


class _StrictCatalog(Catalog):
    """A Babel catalog that refuses a second entry with the same key instead of merging it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[Message] = []

    def __setitem__(self, id, message: Message) -> None:  # noqa: A002 (Babel's signature)
        if id and self._key_for(id, message.context) in self._messages:
            self.duplicates.append(message)
            return
        super().__setitem__(id, message)


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


def parse_po(data: str, path: Path | str, code: str | None = None) -> PoFile:
    """Parse catalog text strictly; any problem is a ``CatalogError`` naming file and line.

    ``code`` is the language the catalog must be for; by default the ``Language`` header decides,
    and it must name a registered variant.
    """
    path = Path(path)
    for number, line in enumerate(data.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#") and not _PO_LINE.match(line):
            raise CatalogError(str(path), number, f"syntax error: cannot read {line.strip()[:60]!r}")
    catalog = _StrictCatalog()
    try:
        PoFileParser(catalog, abort_invalid=True).parse(io.StringIO(data))
    except PoFileError as exc:
        raise CatalogError(str(path), exc.lineno, f"syntax error: {exc.args[0] if exc.args else exc}") from None
    header = dict(catalog.mime_headers).get("Language", "").strip()
    if code is None:
        if header not in LANGUAGES:
            raise CatalogError(str(path), 1, f"Language header {header!r} is not a known variant "
                                             f"({', '.join(LANGUAGES)})")
        code = header
    get_language(code)
    if header != code:
        raise CatalogError(str(path), 1, f"Language header is {header!r}, expected {code!r}")
    if catalog.duplicates:
        dup = catalog.duplicates[0]
        raise CatalogError(str(path), dup.lineno, f"duplicate entry for id {dup.context!r}")
    entries: dict[str, Entry] = {}
    for message in catalog:
        if not message.id:
            continue
        if not message.context:
            raise CatalogError(str(path), message.lineno, f"entry {message.id!r} has no msgctxt (template id)")
        if message.context in entries:
            raise CatalogError(str(path), message.lineno, f"duplicate entry for id {message.context!r}")
        who, when = review_of(message)
        entries[message.context] = Entry(
            id=message.context, source=message.id, text=message.string, state=state_of(message),
            line=message.lineno, reviewed_by=who, reviewed_at=when,
        )
    return PoFile(code, path, catalog, entries)


def read_po(path: Path | str, code: str | None = None) -> PoFile:
    path = Path(path)
    try:
        data = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(str(path), None, f"not UTF-8: {exc}") from None
    except OSError as exc:
        raise CatalogError(str(path), None, f"cannot read: {exc.strerror}") from None
    return parse_po(data, path, code)


def read_all(root: Path | None = None) -> dict[str, PoFile]:
    """Every variant's catalog, keyed by gettext code; a missing catalog is an error."""
    return {code: read_po(po_path(code, root), code) for code in LANGUAGES}


def _comments(tpl: Template) -> list[str]:
    lines = [f"{tpl.kind} · {tpl.category}"]
    if tpl.slots:
        lines.append("slots: " + ", ".join(f"{{{n}}} = {t}" for n, t in tpl.slots.items()))
    if budget := tpl.meta.get("budget"):
        lines.append(f"at most {budget} characters (sign)")
    for name, values in tpl.choices.items():
        lines.append(f"{{{name}}} choices (each language's glossary term): {', '.join(values)}")
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


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
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
    written = [pot_path(root)] if write_if_changed(pot_path(root), _dump(pot)) else []
    for code in codes or list(LANGUAGES):
        path = po_path(code, root)
        old = read_po(path, code).catalog if path.exists() else None
        if write_if_changed(path, render_po(merge(pot, old, code), code)):
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
