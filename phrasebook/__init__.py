"""bosai-kit phrasebook: languages, templates, catalogs, rendering, checks and the store.

This package is the library at the heart of bosai-kit. It imports neither Flask nor ReportLab.
"""

from phrasebook.errors import (
    CatalogError,
    PhrasebookError,
    SlotError,
    UnknownLanguage,
    UnknownTemplate,
)
from phrasebook.languages import LANGUAGES, Language, get_language
from phrasebook.render import MissingTranslation, render
from phrasebook.templates import Template, load_templates

__all__ = [
    "CatalogError",
    "LANGUAGES",
    "MissingTranslation",
    "Language",
    "PhrasebookError",
    "SlotError",
    "Template",
    "UnknownLanguage",
    "UnknownTemplate",
    "get_language",
    "load_templates",
    "render",
]
