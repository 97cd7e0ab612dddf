"""The phrasebook's named exceptions: each message says what went wrong and where."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping


def N_(text: str) -> str:
    """Mark an English sentence for the UI catalogs (``locales/ui``): the web app shows it in the
    user's language; the library and the command line keep it English."""
    return text


@dataclass(frozen=True)
class Sentence:
    """An English sentence marked with ``N_``, with its ``%(name)s`` fields: the command line
    shows it as it is (``str``), the web app in the user's language."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template % self.params if self.params else self.template


def english(sentences: Iterable[Sentence]) -> str:
    """Sentences (or clauses) as one English text."""
    return "".join(map(str, sentences))


class PhrasebookError(Exception):
    """Base class for every error the phrasebook raises on purpose."""


class UnknownLanguage(PhrasebookError, KeyError):
    """A language code that is not one of the registered variants."""

    def __init__(self, code: str) -> None:
        from phrasebook.languages import LANGUAGES

        self.code = code
        known = ", ".join(LANGUAGES)
        super().__init__(f"unknown language {code!r}; known: {known}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownTemplate(PhrasebookError, KeyError):
    """A template id that no template definition has."""

    def __init__(self, template_id: str) -> None:
        self.template_id = template_id
        super().__init__(f"unknown template id {template_id!r}")

    def __str__(self) -> str:
        return str(self.args[0])


# Why a slot value was refused, as codes that callers can translate (``SlotError.codes``).
SLOT_PROBLEMS = ("missing", "unknown", "slot_type", "text", "text_empty", "text_long", "text_control",
                 "text_bidi", "text_invisible",
                 "place_ja", "date", "time", "datetime", "number", "phone", "url", "term")


class SlotValueError(ValueError):
    """A value that does not fit its slot type: the English reason and its ``code``."""

    def __init__(self, code: str, reason: str) -> None:
        self.code = code
        super().__init__(reason)


class SlotError(PhrasebookError, ValueError):
    """Missing, unknown or ill-typed slot values; lists every problem at once: ``problems`` as
    English reasons and ``codes`` (one of ``SLOT_PROBLEMS``) per slot."""

    def __init__(self, template_id: str, problems: dict[str, str], codes: dict[str, str] | None = None) -> None:
        self.template_id = template_id
        self.problems = problems
        self.codes = codes or {}
        listed = "; ".join(f"{name}: {why}" for name, why in sorted(problems.items()))
        super().__init__(f"{template_id}: bad slot values: {listed}")


class CatalogError(PhrasebookError):
    """A catalog or template file that cannot be used; names file and line.

    ``template`` is the English sentence with ``%(name)s`` fields and ``params`` their values,
    so that the web app can show the sentence in the user's language; ``message`` is it filled in.
    """

    def __init__(self, path: str, line: int | None, message: str, params: dict | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.template = message
        self.params = params or {}
        self.message = message % self.params if params else message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {self.message}")
