from pathlib import Path

import pytest

from phrasebook.errors import CatalogError, UnknownTemplate
from phrasebook.templates import KINDS, get_template, load_templates, placeholders, read_templates


def test_real_templates_load_with_every_kind():
    templates = load_templates()
    assert {t.kind for t in templates.values()} == set(KINDS)
    toilet = templates["sign.toilet"]
    assert toilet.pictogram == "toilet" and toilet.meta["budget"]


@pytest.mark.parametrize("text, names", [
    ("{time}に{place}", ["time", "place"]), ("no slots", []), ("{{literal}}", []),
])
def test_placeholders(text, names):
    assert placeholders(text) == names


@pytest.mark.parametrize("text", ["{place.__class__}", "{0}", "{place!r}", "{place:>10}", "{place", "place}"])
def test_placeholders_refuse_anything_but_names(text):
    with pytest.raises(ValueError):
        placeholders(text)


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "t.toml").write_text('kind = "message"\n' + body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("body, message", [
    ('[[template]]\nid = "a"\nja = "あ"\n[[template]]\nid = "a"\nja = "い"\n', "duplicate template id 'a'"),
    ('[[template]]\nid = "a"\nja = "{place}"\n', "do not match slots"),
    ('[[template]]\nid = "a"\nja = "{p}"\nslots = { p = "colour" }\n', "unknown type"),
    ('[[template]]\nid = "a"\nja = "x"\nhazards = ["meteor"]\n', "unknown hazards"),
    ('[[template]]\nid = "a"\n', "missing Japanese source"),
    ('[[template]\n', "TOML syntax error"),
])
def test_bad_definitions_name_the_file(tmp_path, body, message):
    folder = _write(tmp_path, body)
    with pytest.raises(CatalogError, match=message) as info:
        read_templates(folder)
    assert info.value.path.endswith("t.toml")


def test_unknown_template():
    with pytest.raises(UnknownTemplate, match="no.such"):
        get_template("no.such")
