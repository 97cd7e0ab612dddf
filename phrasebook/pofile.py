"""Reading ``.po`` files strictly: bytes to text (encoding problems named by line) and text to
entries, refusing what the phrasebook does not use (plural forms) at the line it is on.

Every sentence of a ``CatalogError`` raised here is marked with ``N_`` so that the web app can
show it in the translator's language (see ``locales/ui``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from phrasebook.errors import CatalogError, N_


EMPTY = N_("The file is empty. Upload the .po catalog you saved in your translation tool.")
MO_FILE = N_("This is a compiled .mo file, not a .po catalog. Upload the .po file (the one you open "
             "and edit in your translation tool).")
BINARY = N_("This is not a text file. Upload the .po catalog you saved in your translation tool.")
UTF16 = N_("The file is saved as UTF-16. Save it as UTF-8 and upload it again.")
NOT_UTF8 = N_("This line is not UTF-8 text. Save the file with the UTF-8 encoding and upload it again.")
SYNTAX = N_("This line cannot be read: %(text)s. Each line must be a comment (#), a keyword (msgctxt, "
            "msgid, msgstr) followed by text in double quotes, or text in double quotes.")
ESCAPE = N_("Unknown escape sequence %(escape)s in the quoted text. Write a quote as \\\" and a "
            "backslash as \\\\.")
PLURAL = N_("This entry has a plural form (%(keyword)s), which the phrasebook does not use. "
            "Delete the msgid_plural line and write the translation as one msgstr line.")
OUT_OF_PLACE = N_("%(keyword)s is out of place here. Each entry is msgctxt, then msgid, then msgstr.")
NO_MSGSTR = N_("This entry has no msgstr line. Add a msgstr line with the translation after the msgid.")
NO_CONTEXT = N_("The entry %(source)s has no msgctxt line (its template id). Keep the msgctxt lines "
                "as they are in the downloaded catalog.")
EMPTY_MSGID = N_("The entry %(id)s has an empty msgid. Keep the msgid lines as they are in the "
                 "downloaded catalog.")
DUPLICATE = N_("The entry %(id)s appears twice (first at line %(first)s). Keep one of them.")
NO_HEADER = N_("The file has no header (the first entry, with an empty msgid and the Language line). "
               "Start again from a freshly downloaded catalog and copy your translations into it.")
BAD_HEADER = N_("This header line cannot be read: %(text)s. Header lines look like \"Name: value\\n\".")

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[\d*\]|msgstr)\s*(.*)$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f",
            "v": "\v"}
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path: str) -> str:
    """The text of a catalog file: UTF-8 with or without BOM, any line ends, as ``\\n`` lines."""
    if not data.strip():
        raise CatalogError(path, None, EMPTY)
    if data[:4] in _MO_MAGIC:
        raise CatalogError(path, None, MO_FILE)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CatalogError(path, None, UTF16)
    if b"\x00" in data[:8192] or len(_CONTROL_BYTES.findall(data[:8192])) > 8:
        raise CatalogError(path, None, BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(path, data.count(b"\n", 0, exc.start) + 1, NOT_UTF8) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class RawEntry:
    """One entry as written: comments, fields and the line of each keyword."""

    user_comments: list[str] = field(default_factory=list)
    auto_comments: list[str] = field(default_factory=list)
    locations: list[tuple[str, int | None]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous_id: str | None = None
    context: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    obsolete: bool = False
    lines: dict[str, int] = field(default_factory=dict)
    msgstr_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, chunk) of msgstr
    current: str | None = None  # the field that continuation lines extend

    @property
    def started(self) -> bool:
        return self.context is not None or self.msgid is not None

    @property
    def line(self) -> int:
        """Where a problem with the entry is shown: its msgstr line."""
        return self.lines.get("msgstr") or self.lines.get("msgid") or self.lines.get("msgctxt") or 1


def _unquote(text: str, path: str, line: int) -> str:
    match = _QUOTED.fullmatch(text)
    if not match:
        raise CatalogError(path, line, SYNTAX, {"text": repr(text[:60])})

    def escape(m: re.Match) -> str:
        if m[1] not in _ESCAPES:
            raise CatalogError(path, line, ESCAPE, {"escape": "\\" + m[1]})
        return _ESCAPES[m[1]]

    return _ESCAPE.sub(escape, match[1])


def _comment(entry: RawEntry, line: str) -> None:
    prefix, body = line[:2], line[2:].strip()
    if prefix == "#:":
        for location in body.split():
            name, colon, number = location.rpartition(":")
            entry.locations.append((name, int(number)) if colon and number.isdigit() else (location, None))
    elif prefix == "#,":
        entry.flags.extend(f.strip() for f in body.split(",") if f.strip())
    elif prefix == "#.":
        if body:
            entry.auto_comments.append(body)
    else:
        entry.user_comments.append(line[1:].strip())


def _previous(entry: RawEntry, body: str, path: str, number: int) -> None:
    """A ``#|`` line: the source an entry had before it became fuzzy (only ``msgid`` is kept)."""
    match = _KEYWORD.match(body)
    if match:
        keyword, rest = match.groups()
        if keyword == "msgid_plural":
            raise CatalogError(path, number, PLURAL, {"keyword": "#| msgid_plural"})
        value = _unquote(rest, path, number)
        entry.current = "#|" + keyword
        if keyword == "msgid":
            entry.previous_id = value
    elif body.startswith('"'):
        value = _unquote(body, path, number)
        if entry.current == "#|msgid" and entry.previous_id is not None:
            entry.previous_id += value
    else:
        raise CatalogError(path, number, SYNTAX, {"text": repr(body[:60])})


def parse_entries(text: str, path: str) -> list[RawEntry]:
    """Every entry of a catalog's text (the header too, obsolete ones marked), strictly."""
    entries: list[RawEntry] = []
    entry = RawEntry()

    def finish() -> RawEntry:
        if entry.started:
            if entry.msgstr is None:
                raise CatalogError(path, entry.lines.get("msgid") or entry.line, NO_MSGSTR)
            entries.append(entry)
        return RawEntry()

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if not line or line.startswith("|"):
                continue
        elif line.startswith("#|"):
            if entry.msgstr is not None:
                entry = finish()
            _previous(entry, line[2:].strip(), path, number)
            continue
        elif line.startswith("#"):
            if entry.started:
                entry = finish()
            _comment(entry, line)
            continue
        if entry.started and entry.obsolete != obsolete:
            entry = finish()
        match = _KEYWORD.match(line)
        if match:
            keyword, rest = match.groups()
            if keyword == "msgid_plural" or keyword.startswith("msgstr["):
                raise CatalogError(path, number, PLURAL, {"keyword": keyword})
            value = _unquote(rest, path, number)
            if keyword in ("msgctxt", "msgid") and entry.msgstr is not None:
                entry = finish()
            if keyword in ("msgctxt", "msgid") and entry.msgid is not None:
                raise CatalogError(path, entry.lines["msgid"], NO_MSGSTR)
            if keyword == "msgctxt" and entry.context is not None:
                raise CatalogError(path, number, OUT_OF_PLACE, {"keyword": keyword})
            if keyword == "msgstr" and (entry.msgid is None or entry.msgstr is not None):
                raise CatalogError(path, number, OUT_OF_PLACE, {"keyword": keyword})
            entry.obsolete = obsolete
            entry.lines[keyword] = number
            entry.current = keyword
            setattr(entry, {"msgctxt": "context"}.get(keyword, keyword), value)
            if keyword == "msgstr":
                entry.msgstr_lines.append((number, value))
        elif line.startswith('"') and entry.current in ("msgctxt", "msgid", "msgstr"):
            value = _unquote(line, path, number)
            attr = {"msgctxt": "context"}.get(entry.current, entry.current)
            setattr(entry, attr, getattr(entry, attr) + value)
            if entry.current == "msgstr":
                entry.msgstr_lines.append((number, value))
        else:
            raise CatalogError(path, number, SYNTAX, {"text": repr(line[:60])})
    finish()
    return entries


def header_fields(entry: RawEntry, path: str) -> dict[str, tuple[str, int]]:
    """The header's ``Name: value`` fields with the line each is on."""
    fields: dict[str, tuple[str, int]] = {}
    full, starts = "", []
    for number, chunk in entry.msgstr_lines:
        starts.append((len(full), number))
        full += chunk
    offset = 0
    for part in full.split("\n"):
        number = max((n for start, n in starts if start <= offset), default=entry.line)
        offset += len(part) + 1
        if not part.strip():
            continue
        name, colon, value = part.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            raise CatalogError(path, number, BAD_HEADER, {"text": repr(part[:60])})
        fields[name.strip()] = (value.strip(), number)
    return fields
