"""Packaging: the metadata lives in setup.cfg; this file adds the top-level ``locales/`` folder
(catalogs, templates, glossaries, UI catalogs) to the wheel as package data ``phrasebook.locales``,
which setup.cfg alone cannot map."""

from setuptools import find_packages, setup

LOCALES_DATA = ["*.pot", "templates/*.toml", "*/glossary.toml", "*/LC_MESSAGES/*.po",
                "ui/*.pot", "ui/babel.cfg", "ui/README.md", "ui/*/LC_MESSAGES/*.po"]

setup(
    packages=[*find_packages(include=["app", "app.*", "phrasebook", "phrasebook.*",
                                      "printables", "printables.*"]), "phrasebook.locales"],
    package_dir={"phrasebook.locales": "locales"},
    package_data={
        "app": ["templates/*.html", "templates/*/*.html", "static/*"],
        "phrasebook": ["schemas/*"],
        "phrasebook.locales": LOCALES_DATA,
    },
)
