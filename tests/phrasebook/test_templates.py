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
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "choice" }\n', "needs a list of choices"),
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "choice" }\nchoices = { o = [] }\n', "needs a list of choices"),
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "text" }\nchoices = { o = ["毛布"] }\n',
     "choices for slots that are not choice slots"),
])
def test_bad_definitions_name_the_file(tmp_path, body, message):
    folder = _write(tmp_path, body)
    with pytest.raises(CatalogError, match=message) as info:
        read_templates(folder)
    assert info.value.path.endswith("t.toml")


def test_unknown_template():
    with pytest.raises(UnknownTemplate, match="no.such"):
        get_template("no.such")


def test_choice_slot_keeps_its_listed_terms(tmp_path):
    folder = _write(tmp_path, '[[template]]\nid = "a"\nja = "{o}を配ります。"\nslots = { o = "choice" }\n'
                              'choices = { o = ["毛布", "おむつ"] }\n')
    tpl = read_templates(folder)["a"]
    assert tpl.slots == {"o": "choice"} and tpl.choices == {"o": ("毛布", "おむつ")} and "choices" not in tpl.meta
