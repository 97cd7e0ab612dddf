from pathlib import Path

import pytest

from phrasebook.errors import CatalogError, UnknownTemplate
from phrasebook.templates import KINDS, family_terms, get_template, load_templates, placeholders, read_templates


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
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "choice" }\n', "unknown type"),
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "term:supply" }\n', "no term supply.KEY"),
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "text" }\nfree_text = ["o"]\n',
     "free_text names slots that are not term slots"),
    ('[[template]]\nid = "a"\nja = "{o}"\nslots = { o = "text" }\nfree_text = "o"\n', "must be a list"),
])
def test_bad_definitions_name_the_file(tmp_path, body, message):
    folder = _write(tmp_path, body)
    with pytest.raises(CatalogError, match=message) as info:
        read_templates(folder)
    assert info.value.path.endswith("t.toml")


def test_unknown_template():
    with pytest.raises(UnknownTemplate, match="no.such"):
        get_template("no.such")


def test_term_slot_takes_its_family_and_maybe_free_text(tmp_path):
    folder = _write(tmp_path, '[[template]]\nid = "a"\nja = "{o}を配ります。"\nslots = { o = "term:supply" }\n'
                              'free_text = ["o"]\n')
    (folder / "terms.toml").write_text('kind = "term"\n[[template]]\nid = "supply.blankets"\nja = "毛布"\n'
                                       '[[template]]\nid = "supply.diapers"\nja = "おむつ"\n', encoding="utf-8")
    tpl = read_templates(folder)["a"]
    assert tpl.slots == {"o": "term:supply"} and tpl.free_text == ("o",) and "free_text" not in tpl.meta
    assert family_terms("term:supply", folder) == {"blankets": "毛布", "diapers": "おむつ"}


@pytest.mark.parametrize("body", ['[[template]]\nid = "blankets"\nja = "毛布"\n',
                                  '[[template]]\nid = "supply.x"\nja = "{o}"\nslots = { o = "text" }\n'])
def test_a_term_is_family_dot_key_without_slots(tmp_path, body):
    (tmp_path / "terms.toml").write_text('kind = "term"\n' + body, encoding="utf-8")
    with pytest.raises(CatalogError, match="FAMILY.KEY"):
        read_templates(tmp_path)
