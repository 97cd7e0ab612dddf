"""The Atom feed of published messages (``/alerts.atom``), the way public CAP alerts are offered
to aggregators: one entry per published or withdrawn message (never a draft), newest first, with its title and summary in Japanese, a
link to its page in each language (``hreflang``) and one to its CAP 1.2 alert
(``type="application/cap+xml"``). A withdrawn message stays in the feed as cancelled: its
category is the CAP ``msgType`` ``Cancel`` and its title says 【取消】."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from phrasebook.cap import DEFAULT_AREA, cap_sender, configured_alert
from phrasebook.messages import Message, renditions
from phrasebook.furigana import plain
from phrasebook.languages import LANGUAGES, SOURCE

MIMETYPE = "application/atom+xml"
TITLE_MAX = 80
EMPTY_FEED_TIME = datetime(1970, 1, 1, tzinfo=timezone.utc)  # a feed without entries is never updated
MSG_TYPE_LABELS = {"Alert": "発表", "Update": "更新", "Cancel": "取消"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # outside XML 1.0


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (control characters)."""
    return _NOT_XML.sub("", text)


class _Entry(FeedEntry):
    """feedgen 1.0.0 writes only the ``href`` of an entry's links (python-feedgen issue #135):
    this puts their ``rel``, ``type`` and ``hreflang`` back."""

    def atom_entry(self, extensions: bool = True) -> Any:
        entry = super().atom_entry(extensions)
        for element, link in zip(entry.findall("link"), self.link() or []):
            for name in ("rel", "type", "hreflang"):
                if link.get(name):
                    element.set(name, link[name])
        return entry


def _japanese(message: Message) -> str:
    """The message's Japanese text, a line per part (the source renders from any published
    message)."""
    text = renditions(message.parts, (SOURCE,))[0].text
    return plain(text) if text is not None else message.id


def _title(message: Message, text: str) -> str:
    tags = "".join(tag for tag, on in (("【取消】", message.withdrawn), ("【訓練】", message.drill)) if on)
    title = f"{tags}{text.splitlines()[0] if text else message.id}"
    return title if len(title) <= TITLE_MAX else title[:TITLE_MAX - 1] + "…"


def _summary(message: Message, text: str) -> str:
    lines = ["この情報は取り消されました。"] if message.withdrawn else []
    lines += ["訓練のための情報です。"] if message.drill else []
    lines.append(f"{text}（{message.where}）" if message.where else text)
    return "\n".join(lines)


def atom_feed(messages: Sequence[Message], config: Mapping[str, Any], base_url: str) -> bytes:
    """The feed of ``messages`` (given newest first) as Atom XML; every link is absolute."""
    feed = FeedGenerator()
    feed.id(f"{base_url}/alerts.atom")
    feed.title(xml_text(f"災害情報（{config.get('CAP_AREA') or DEFAULT_AREA}）"))
    feed.author(name=cap_sender(base_url, str(config.get("CAP_SENDER") or "")))
    feed.link(href=f"{base_url}/alerts.atom", rel="self", type=MIMETYPE)
    feed.link(href=f"{base_url}/", rel="alternate", type="text/html", hreflang="ja")
    feed.language("ja")
    feed.generator("bosai-kit")
    feed.updated(max((datetime.fromisoformat(m.updated_at) for m in messages), default=EMPTY_FEED_TIME))
    for message in messages:
        # its CAP msgType; without languages, since rendering each of them is what an alert costs
        alert = configured_alert(replace(message, languages=()), config, base_url)
        text = _japanese(message)
        entry = feed.add_entry(_Entry(), order="append")
        entry.id(f"{base_url}/m/{message.id}")
        entry.title(xml_text(_title(message, text)))
        entry.summary(xml_text(_summary(message, text)))
        entry.published(datetime.fromisoformat(message.published_at or message.created_at))
        entry.updated(datetime.fromisoformat(message.updated_at))
        entry.category(term=alert.msg_type, label=MSG_TYPE_LABELS[alert.msg_type])
        if message.drill:
            entry.category(term="Exercise", label="訓練")
        for code in sorted(message.languages, key=lambda code: code != SOURCE):
            tag = LANGUAGES[code].bcp47
            entry.link(href=f"{base_url}/m/{message.id}/{tag}", rel="alternate", type="text/html", hreflang=tag)
        entry.link(href=f"{base_url}/m/{message.id}.cap.xml", rel="alternate", type="application/cap+xml")
    return feed.atom_str(pretty=True)
