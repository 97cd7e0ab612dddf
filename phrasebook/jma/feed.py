"""Polling JMA's Atom feed (PULL type) for earthquake and tsunami telegrams.

The feed is fetched with conditional GET (ETag / If-Modified-Since) no more often than
``min_interval``; each telegram of a kind we read is fetched once, its entry id remembered in a
file of the instance so that a restart does not fetch it again.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from phrasebook.jma.telegram import KINDS, MAX_BYTES, Telegram, TelegramError, parse_bytes

ATOM = "{http://www.w3.org/2005/Atom}"
USER_AGENT = "bosai-kit (JMA feed reader)"
MIN_INTERVAL = 60.0  # JMA asks PULL clients not to poll more often than once a minute
# Entry titles worth fetching: the telegram kinds we read (their Control/Title), and the Head/Title
# under which a feed may list foreign earthquakes.
FEED_TITLES = frozenset(KINDS) | {"遠地地震に関する情報"}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str


def parse_feed(data: bytes, base_url: str) -> list[Entry]:
    """The feed's entries, oldest first; raises ``TelegramError`` for a feed that is not Atom."""
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ParseError) as exc:
        raise TelegramError(base_url, f"not a usable Atom feed: {exc}") from None
    if root.tag != f"{ATOM}feed":
        raise TelegramError(base_url, f"not an Atom feed (root element {root.tag!r})")
    entries = []
    for el in root.findall(f"{ATOM}entry"):
        link = el.find(f"{ATOM}link")
        href = link.get("href", "") if link is not None else ""
        if not href:
            continue
        url = urljoin(base_url, href)
        entries.append(Entry((el.findtext(f"{ATOM}id") or url).strip(),
                             (el.findtext(f"{ATOM}title") or "").strip(), url))
    return list(reversed(entries))  # JMA lists the newest first


class FeedWatcher:
    """Polls one feed; ``poll`` returns the new telegrams (parsed, or the error refusing them)."""

    def __init__(self, feed_url: str, seen_path: Path | None = None, min_interval: float = MIN_INTERVAL,
                 timeout: float = 30.0) -> None:
        self.feed_url, self.seen_path = feed_url, seen_path
        self.min_interval, self.timeout = min_interval, timeout
        self.etag: str | None = None
        self.last_modified: str | None = None
        self.last_poll: float | None = None
        self.seen: set[str] = set()
        if seen_path and seen_path.exists():
            self.seen = set(seen_path.read_text(encoding="utf-8").split())

    def _get(self, url: str, conditional: bool = False) -> tuple[int, bytes, dict[str, str]]:
        headers = {"User-Agent": USER_AGENT}
        if conditional and self.etag:
            headers["If-None-Match"] = self.etag
        if conditional and self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http/https only)
                return response.status, response.read(MAX_BYTES + 1), dict(response.headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return 304, b"", dict(exc.headers)
            raise TelegramError(url, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise TelegramError(url, f"cannot fetch: {getattr(exc, 'reason', exc)}") from None

    def _remember(self, entry_id: str) -> None:
        self.seen.add(entry_id)
        if self.seen_path:
            self.seen_path.parent.mkdir(parents=True, exist_ok=True)
            with self.seen_path.open("a", encoding="utf-8") as out:
                out.write(entry_id + "\n")

    def poll(self) -> list[Telegram | TelegramError]:
        """Fetch the feed (if it changed) and every new telegram of a kind we read, oldest
        first. A feed that cannot be fetched gives one ``TelegramError``."""
        self.last_poll = time.monotonic()
        try:
            status, body, headers = self._get(self.feed_url, conditional=True)
        except TelegramError as exc:
            return [exc]
        if status == 304:
            return []
        self.etag = headers.get("ETag") or self.etag
        self.last_modified = headers.get("Last-Modified") or self.last_modified
        try:
            entries = parse_feed(body, self.feed_url)
        except TelegramError as exc:
            return [exc]
        found: list[Telegram | TelegramError] = []
        for entry in entries:
            if entry.id in self.seen or entry.title not in FEED_TITLES:
                continue
            try:
                if not entry.url.startswith(("http://", "https://")):
                    raise TelegramError(entry.url, "not an http:// or https:// link")
                _, data, _ = self._get(entry.url)
                found.append(parse_bytes(data, entry.url))
            except TelegramError as exc:
                found.append(exc)
            self._remember(entry.id)  # a broken telegram is not fetched again either
        return found

    def run(self, handle: Callable[[Telegram | TelegramError], None], stop: threading.Event | None = None,
            max_polls: int | None = None) -> int:
        """Poll until ``stop`` is set (or ``max_polls`` polls), at most once per ``min_interval``;
        returns the number of polls."""
        stop = stop or threading.Event()
        polls = 0
        while not stop.is_set() and (max_polls is None or polls < max_polls):
            if self.last_poll is not None:
                wait = self.min_interval - (time.monotonic() - self.last_poll)
                if wait > 0 and stop.wait(wait):
                    break
            for item in self.poll():
                handle(item)
            polls += 1
        return polls
