import polib
import pytest

from phrasebook.catalog import mark_reviewed, parse_po, read_po, update_catalogs
from phrasebook.errors import CatalogError
from phrasebook.languages import LANGUAGES
from phrasebook.paths import po_path, pot_path

HEADER = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize("body, line, message", [
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y\n', 8, "This line cannot be read"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\ngarbage\n', 9, "This line cannot be read"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "z"\n', 12, "'a' appears twice .first at line 8"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "w"\nmsgstr "z"\n', 12, "'a' appears twice"),
    ('msgid "x"\nmsgstr "y"\n', 7, "has no msgctxt"),
    ('msgctxt "a"\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "ys"\n', 8, "plural form .msgid_plural."),
    ('msgctxt "a"\nmsgid "x"\nmsgstr[0] "y"\n', 8, "plural form"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y\\q"\n', 8, "Unknown escape sequence"),
    ('msgctxt "a"\nmsgid "x"\n\nmsgctxt "b"\nmsgid "z"\nmsgstr "y"\n', 7, "no msgstr line"),
    ('msgctxt "a"\nmsgstr "y"\n', 7, "msgstr is out of place"),
])
def test_bad_catalogs_name_file_and_line(body, line, message):
    with pytest.raises(CatalogError, match=message) as info:
        parse_po(HEADER.format(lang="en") + body, "en.po", "en")
    assert info.value.path == "en.po"
    assert info.value.line == line, str(info.value)


@pytest.mark.parametrize("lang, expected, message", [
    ("fr", "en", "The Language header is 'fr', but this is the catalog for 'en'"),
    ("xx", None, "The Language header is 'xx', which is not one of the phrasebook's languages"),
])
def test_wrong_language_header(lang, expected, message):
    with pytest.raises(CatalogError, match=message):
        parse_po(HEADER.format(lang=lang) + 'msgctxt "a"\nmsgid "x"\nmsgstr "y"\n', "f.po", expected)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_real_catalog_parses_with_its_header(code):
    po = read_po(po_path(code))
    assert po.code == code and po.entries


def test_states(locales):
    po = read_po(po_path("en", locales))
    assert {e.state for e in po.entries.values()} == {"unreviewed"}
    assert read_po(po_path("ja", locales)).entries["sign.toilet"].text == "トイレ"


def test_update_keeps_comments_and_marks_changed_sources_fuzzy(locales):
    path = po_path("fr", locales)
    po = polib.pofile(str(path))
    po.find("sign.toilet", by="msgctxt").tcomment = "Vérifié sur place"
    po.save()
    toml = locales / "templates" / "signs.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('ja = "トイレ"', 'ja = "お手洗い"'), encoding="utf-8")
    fixture = locales / "templates" / "fixture.toml"
    text = fixture.read_text(encoding="utf-8")
    fixture.write_text(text[:text.index('[[template]]\nid = "water.distribution"')], encoding="utf-8")

    update_catalogs(locales)

    po = polib.pofile(str(path))
    toilet = po.find("sign.toilet", by="msgctxt")
    assert toilet.msgid == "お手洗い" and toilet.msgstr == "Toilettes"
    assert "fuzzy" in toilet.flags and toilet.previous_msgid == "トイレ"
    assert toilet.tcomment == "Vérifié sur place"
    assert [e.msgctxt for e in po.obsolete_entries()] == ["water.distribution"]
    assert read_po(path).entries["sign.toilet"].state == "fuzzy"
    assert read_po(po_path("ja", locales)).entries["sign.toilet"].text == "お手洗い"
    assert "お手洗い" in pot_path(locales).read_text(encoding="utf-8")


def test_update_is_idempotent(locales):
    update_catalogs(locales)
    before = {p: p.read_bytes() for p in locales.rglob("*.po")}
    assert update_catalogs(locales) == []
    assert {p: p.read_bytes() for p in locales.rglob("*.po")} == before


def test_poedit_style_round_trip_loses_nothing(locales):
    """A translator's tool (polib writes like Poedit) re-saving the file keeps every entry."""
    path = po_path("th", locales)
    before = read_po(path).entries
    polib.pofile(str(path), wrapwidth=78).save()
    after = read_po(path).entries
    assert {k: (e.source, e.text, e.state) for k, e in after.items()} == \
           {k: (e.source, e.text, e.state) for k, e in before.items()}


def test_mark_reviewed(locales):
    path = po_path("ne", locales)
    assert mark_reviewed(path, ["sign.toilet", "no.such"], "Sita Sharma") == 1
    entry = read_po(path).entries["sign.toilet"]
    assert entry.state == "reviewed" and entry.reviewed_by == "Sita Sharma" and entry.reviewed_at
    assert read_po(path).entries["shelter.opened"].state == "unreviewed"
    with pytest.raises(ValueError):
        mark_reviewed(path, ["sign.toilet"], "   ")


def test_update_stops_before_writing_when_a_catalog_cannot_be_read(locales):
    toml = locales / "templates" / "signs.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('ja = "トイレ"', 'ja = "お手洗い"'), encoding="utf-8")
    po_path("vi", locales).write_text("msgid_plural \"x\"\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in locales.rglob("*.po*")}
    with pytest.raises(CatalogError, match="plural form"):
        update_catalogs(locales)
    assert {p: p.read_bytes() for p in locales.rglob("*.po*")} == before


def test_script_share_tolerates_markup_latin_terms_and_numbers():
    from phrasebook.checks import WRONG_SCRIPT, check_script
    ne = LANGUAGES["ne"]
    assert check_script(ne, "<b>&amp;</b> होइन") is None
    assert check_script(ne, "Wi-Fi छैन") is None
    assert check_script(ne, "कृपया WiFi पासवर्ड bosai2026 प्रयोग गर्नुहोस्") is None
    problem = check_script(ne, "The shelter is open")
    assert problem is not None and problem[0] == WRONG_SCRIPT and problem[1] == {"script": "Devanagari", "found": ["Latin"]}
    assert check_script(LANGUAGES["th"], "<i>Open</i> now")[1]["script"] == "Thai"
