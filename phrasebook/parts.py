"""A message part: one sentence of a message, a template and its slot values. A message made in
the composer has one part; one drafted from a JMA telegram has several (``phrasebook.jma``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import Any, Iterable

from phrasebook.slots import Place


@dataclass(frozen=True)
class Part:
    """One sentence of a message: a template and its slot values."""

    template_id: str
    values: dict[str, Any] = field(default_factory=dict)

    def json_values(self) -> dict[str, Any]:
        """The slot values as JSON-ready input that ``render`` parses back to the same text
        (places as ``{"ja": ..., "en": ...}``, times in ISO form, numbers as strings)."""
        return {name: _json_value(value) for name, value in self.values.items()}

    def as_json(self) -> dict[str, Any]:
        """The part as stored: ``{"template_id": ..., "values": {...}}``."""
        return {"template_id": self.template_id, "values": self.json_values()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Part":
        return cls(str(data["template_id"]), dict(data.get("values") or {}))


def _json_value(value: Any) -> Any:
    if isinstance(value, Place):
        return value.as_value()
    if isinstance(value, (datetime, time)):
        return value.isoformat(timespec="minutes")
    if isinstance(value, Decimal):
        return str(value)
    return value


def join_sentences(sentences: Iterable[str]) -> str:
    """A message's text: its parts' sentences, one a line."""
    return "\n".join(sentences)
