from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from phrasebook.cap import CAP_SCHEMA as XSD, NS, Alert, cap_xml
from phrasebook.languages import LANGUAGES
from phrasebook.parts import Part


JST = timezone(timedelta(hours=9))


@pytest.fixture(scope="module")
def schema():
    assert XSD.exists(), f"the CAP 1.2 schema is expected at {XSD}"
    return xmlschema.XMLSchema(str(XSD))


def _alert(**kw):
    base = dict(identifier="msg-42", sender="bosai@city.example.jp", sent=datetime(2026, 9, 1, 15, 0, tzinfo=JST),
                parts=(Part("shelter.opened", {"place": "市民体育館", "time": "15:00"}),),
                langs=tuple(LANGUAGES), area="Example City")
    base.update(kw)
    return Alert(**base)


def test_valid_cap_with_one_info_per_language(schema, locales):
    xml = cap_xml(_alert(web="https://bosai.example.jp/"))
    schema.validate(xml)
    root = ET.fromstring(xml)
    infos = root.findall(f"{{{NS}}}info")
    assert [i.findtext(f"{{{NS}}}language") for i in infos] == [l.bcp47 for l in LANGUAGES.values()]
    assert root.findtext(f"{{{NS}}}status") == "Actual"
    assert root.findtext(f"{{{NS}}}sent") == "2026-09-01T15:00:00+09:00"
    easy = infos[1].findtext(f"{{{NS}}}description")
    assert "《" not in easy and "避難所" in easy
    assert infos[2].findtext(f"{{{NS}}}web") == "https://bosai.example.jp/m/msg-42/en"


def test_drill_is_exercise_and_withdrawn_is_cancel(schema, locales):
    drill = ET.fromstring(cap_xml(_alert(exercise=True, withdrawn=True, references=("x,msg-41,2026-09-01T14:00:00+09:00",))))
    assert drill.findtext(f"{{{NS}}}status") == "Exercise"
    assert drill.findtext(f"{{{NS}}}msgType") == "Cancel"
    schema.validate(ET.tostring(drill))


def test_markup_in_values_is_escaped(schema, locales):
    xml = cap_xml(_alert(parts=(Part("shelter.opened", {"place": "<b>&体育館</b>", "time": "15:00"}),), langs=("en",)))
    schema.validate(xml)
    assert b"<b>" not in xml and b"&lt;b&gt;&amp;" in xml


def test_naive_time_refused(locales):
    with pytest.raises(ValueError, match="timezone"):
        cap_xml(_alert(sent=datetime(2026, 9, 1, 15, 0)))
