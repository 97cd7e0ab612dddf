"""CAP 1.2 (OASIS Common Alerting Protocol) for published messages: one ``<info>`` per language.

A message's text is its parts' sentences, one a line (the headline: the first). Version 1 of a
message is an ``Alert`` whose identifier is the message id; version N (a later JMA telegram for a
published message) is an ``Update`` identified ``<id>-v<N>`` that refers to the last alert of the
version before. An edited version is an ``Update`` and a withdrawn one a ``Cancel``, each with its
own identifier (the version's, and the time) and a reference to the version's first alert. Drill
messages have status ``Exercise``. Used by ``/m/<id>.cap.xml`` and ``bosai cap ID``; drafts have
no alert."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from phrasebook.furigana import plain
from phrasebook.languages import get_language
from phrasebook.messages import Message, renditions
from phrasebook.parts import Part
from phrasebook.render import render
from phrasebook.templates import Template, get_template

NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_SCHEMA = Path(__file__).parent / "schemas" / "CAP-v1.2.xsd"  # OASIS CAP 1.2, see schemas/NOTICE
DEFAULT_AREA = "Japan"  # BOSAI_CAP_AREA: the area that area-wide messages are for
HEADLINE_MAX = 160  # CAP 1.2 §3.2.2: headline SHOULD be under 160 characters

_CATEGORY = {
    "earthquake": "Geo", "tsunami": "Geo", "volcano": "Geo", "landslide": "Geo",
    "typhoon": "Met", "heavy_rain": "Met", "flood": "Met", "snow": "Met", "heat": "Met",
    "missile": "Security", "fire": "Fire", "infection": "Health", "tornado": "Met", "lightning": "Met",
    "nuclear": "CBRNE",
}
# phase -> (urgency, severity, certainty)
_ASSESSMENT = {
    "onset": ("Immediate", "Severe", "Observed"),
    "evacuation": ("Immediate", "Severe", "Likely"),
    "before": ("Expected", "Moderate", "Likely"),
    "lifeline": ("Unknown", "Moderate", "Observed"),
}
_DEFAULT_ASSESSMENT = ("Unknown", "Minor", "Observed")


@dataclass(frozen=True)
class Alert:
    """What CAP needs to know of one published message."""

    identifier: str
    sender: str
    sent: datetime  # timezone-aware
    parts: tuple[Part, ...]
    langs: tuple[str, ...]
    area: str
    exercise: bool = False
    withdrawn: bool = False
    sender_name: str = ""
    web: str | None = None  # base URL of the public pages; adds <web> per language
    references: tuple[str, ...] = field(default_factory=tuple)
    page: str = ""  # the message id in the public pages' URL, when it is not the identifier

    @property
    def msg_type(self) -> str:
        """CAP ``msgType``: ``Cancel`` when withdrawn, ``Update`` when edited, else ``Alert``."""
        return "Cancel" if self.withdrawn else ("Update" if self.references else "Alert")


def _categories(tpl: Template) -> list[str]:
    found = sorted({_CATEGORY[h] for h in tpl.hazards if h in _CATEGORY})
    if found:
        return found
    return ["Infra"] if "lifeline" in tpl.phases else ["Safety"]


def _assessment(tpl: Template) -> tuple[str, str, str]:
    for phase in ("onset", "evacuation", "before", "lifeline"):
        if phase in tpl.phases:
            return _ASSESSMENT[phase]
    return _DEFAULT_ASSESSMENT


def _headline(text: str) -> str:
    if len(text) <= HEADLINE_MAX:
        return text
    return text[:HEADLINE_MAX - 1] + "…"


def cap_time(when: datetime) -> str:
    """A CAP date-time: seconds, with the offset (as in <sent> and <references>)."""
    return when.replace(microsecond=0).isoformat()


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{NS}}}{tag}")
    el.text = text
    return el


def cap_xml(alert: Alert) -> bytes:
    """The alert as CAP 1.2 XML; ``Exercise`` for drills, ``Cancel`` for withdrawn messages."""
    if alert.sent.tzinfo is None:
        raise ValueError("CAP needs a timezone-aware 'sent' time")
    tpl = get_template(alert.parts[0].template_id)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}alert")
    _sub(root, "identifier", alert.identifier)
    _sub(root, "sender", alert.sender)
    _sub(root, "sent", cap_time(alert.sent))
    _sub(root, "status", "Exercise" if alert.exercise else "Actual")
    _sub(root, "msgType", alert.msg_type)
    _sub(root, "scope", "Public")
    if alert.references:
        _sub(root, "references", " ".join(alert.references))
    urgency, severity, certainty = _assessment(tpl)
    for code in alert.langs:
        lang = get_language(code)
        text = "\n".join(plain(render(p.template_id, code, p.values)) for p in alert.parts)
        info = ET.SubElement(root, f"{{{NS}}}info")
        _sub(info, "language", lang.bcp47)
        for category in _categories(tpl):
            _sub(info, "category", category)
        _sub(info, "event", tpl.category or tpl.id)
        _sub(info, "urgency", urgency)
        _sub(info, "severity", severity)
        _sub(info, "certainty", certainty)
        if alert.sender_name:
            _sub(info, "senderName", alert.sender_name)
        _sub(info, "headline", _headline(text.splitlines()[0]))
        _sub(info, "description", text)
        if alert.web:
            _sub(info, "web", f"{alert.web.rstrip('/')}/m/{alert.page or alert.identifier}/{lang.bcp47}")
        area = ET.SubElement(info, f"{{{NS}}}area")
        _sub(area, "areaDesc", alert.area)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def cap_sender(base_url: str | None, configured: str = "") -> str:
    """``BOSAI_CAP_SENDER``, else ``bosai@`` the host of the base URL."""
    return configured or f"bosai@{urlsplit(base_url or '').hostname or 'localhost'}"


def message_alert(message: Message, base_url: str | None, sender: str, area: str, timezone: str) -> Alert:
    """The alert for the message as it is now, in every language it can be shown in; the area
    is the message's shelter (its current name) or migrated area text, else ``area``."""
    zone = ZoneInfo(timezone)
    identifier, sent, references = _identity(message.id, message.version, message.version_at or message.created_at,
                                             message.updated_at, message.withdrawn, zone, sender)
    if not references and message.version > 1 and message.previous:
        before, before_sent, _ = _identity(message.id, message.version - 1, message.previous["version_at"],
                                           message.previous["updated_at"], False, zone, sender)
        references = (f"{sender},{before},{cap_time(before_sent)}",)
    langs = tuple(r.lang.code for r in renditions(message.parts, message.languages) if r.text is not None)
    return Alert(identifier=identifier, sender=sender, sent=sent, parts=message.parts,
                 langs=langs, area=message.where or area, exercise=message.drill,
                 withdrawn=message.withdrawn, web=base_url, references=references,
                 page=message.id)


def _identity(message_id: str, version: int, version_at: str, updated_at: str, withdrawn: bool,
              zone: ZoneInfo, sender: str) -> tuple[str, datetime, tuple[str, ...]]:
    """(identifier, sent, references) of a version's latest alert: the version's own identifier
    (``<id>``, ``<id>-v2``, ...) until it is edited or withdrawn, then that and the time, referring
    to the version's first alert."""
    base = message_id if version == 1 else f"{message_id}-v{version}"
    first = datetime.fromisoformat(version_at).astimezone(zone)
    sent = datetime.fromisoformat(updated_at).astimezone(zone)
    if withdrawn or sent != first:
        return f"{base}-{sent:%Y%m%dT%H%M%S}", sent, (f"{sender},{base},{cap_time(first)}",)
    return base, sent, ()


def configured_alert(message: Message, config: Mapping[str, Any], base_url: str | None) -> Alert:
    """The message's alert with the app's settings (``CAP_SENDER``, ``CAP_AREA``, ``TIMEZONE``)."""
    sender = cap_sender(base_url, str(config.get("CAP_SENDER") or ""))
    return message_alert(message, base_url, sender, str(config.get("CAP_AREA") or DEFAULT_AREA), config["TIMEZONE"])


def message_cap(message: Message, config: Mapping[str, Any], base_url: str | None) -> bytes:
    """The message as CAP 1.2 XML, with the app's settings."""
    return cap_xml(configured_alert(message, config, base_url))
