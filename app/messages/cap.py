"""A published message as a CAP 1.2 alert (``/m/<id>.cap.xml``, ``bosai cap ID``).

The first version is an ``Alert`` whose identifier is the message id; an edited message is an
``Update`` and a withdrawn one a ``Cancel``, each with its own identifier (id and time) and a
reference to the first version. Drill messages have status ``Exercise``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from app.messages.model import Message, renditions
from phrasebook.cap import Alert, cap_time, cap_xml

DEFAULT_AREA = "Japan"  # BOSAI_CAP_AREA: the area that area-wide messages are for


def cap_sender(base_url: str | None, configured: str = "") -> str:
    """``BOSAI_CAP_SENDER``, else ``bosai@`` the host of the base URL."""
    return configured or f"bosai@{urlsplit(base_url or '').hostname or 'localhost'}"


def message_alert(message: Message, base_url: str | None, sender: str, area: str, timezone: str) -> Alert:
    """The alert for the message as it is now, in every language it can be shown in."""
    zone = ZoneInfo(timezone)
    first = datetime.fromisoformat(message.created_at).astimezone(zone)
    sent = datetime.fromisoformat(message.updated_at).astimezone(zone)
    identifier, references = message.id, ()
    if message.withdrawn or sent != first:
        identifier = f"{message.id}-{sent:%Y%m%dT%H%M%S}"
        references = (f"{sender},{message.id},{cap_time(first)}",)
    langs = tuple(r.lang.code for r in renditions(message.template_id, message.languages, message.values)
                  if r.text is not None)
    return Alert(identifier=identifier, sender=sender, sent=sent, template_id=message.template_id,
                 values=message.values, langs=langs, area=message.shelter or area, exercise=message.drill,
                 withdrawn=message.withdrawn, web=base_url, references=references,
                 page=message.id)


def configured_alert(message: Message, config: Mapping[str, Any], base_url: str | None) -> Alert:
    """The message's alert with the app's settings (``CAP_SENDER``, ``CAP_AREA``, ``TIMEZONE``)."""
    sender = cap_sender(base_url, str(config.get("CAP_SENDER") or ""))
    return message_alert(message, base_url, sender, str(config.get("CAP_AREA") or DEFAULT_AREA), config["TIMEZONE"])


def message_cap(message: Message, config: Mapping[str, Any], base_url: str | None) -> bytes:
    """The message as CAP 1.2 XML, with the app's settings."""
    return cap_xml(configured_alert(message, config, base_url))
