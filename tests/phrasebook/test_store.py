import pytest

from phrasebook.errors import CatalogError
from phrasebook.paths import po_path
from phrasebook.store import import_phrases, open_db, search


@pytest.fixture
def store(tmp_path):
    db = open_db(tmp_path / "bosai.sqlite3")
    yield db
    db.conn.close()


def test_import_is_idempotent(store, locales):
    first = import_phrases(store)
    second = import_phrases(store)
    assert first == second and len(first) == 16 and set(first.values()) == {3}
    assert store["phrases"].count == 48 and store["templates"].count == 3


@pytest.mark.parametrize("query", ["トイレ", "toilet", "ห้องน้ำ", "शौचालय", "TOILET", "화장실", "廁所"])
def test_search_finds_the_toilet_in_any_language(store, locales, query):
    import_phrases(store)
    assert "sign.toilet" in [hit.template_id for hit in search(store, query)]


@pytest.mark.parametrize("query", ["水", "給水", "避難所"])
def test_short_and_cjk_queries(store, locales, query):
    import_phrases(store)
    ids = [hit.template_id for hit in search(store, query)]
    assert ids and "sign.toilet" not in ids


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "*", "%", "_", "date", "   "])
def test_search_syntax_is_never_an_error(store, locales, query):
    import_phrases(store)
    assert search(store, query) == []


def test_search_by_kind(store, locales):
    import_phrases(store)
    assert [h.template_id for h in search(store, "toilet", kind="message")] == []


def test_bad_catalog_leaves_the_store_as_it_was(store, locales):
    import_phrases(store)
    path = po_path("th", locales)
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "broken\n', encoding="utf-8")
    (locales / "templates" / "signs.toml").write_text(
        (locales / "templates" / "signs.toml").read_text(encoding="utf-8").replace("トイレ", "お手洗い"),
        encoding="utf-8")
    with pytest.raises(CatalogError, match="th/LC_MESSAGES/bosai.po:"):
        import_phrases(store)
    assert store["phrases"].count == 48
    assert store["templates"].get("sign.toilet")["ja"] == "トイレ"


@pytest.mark.parametrize("broken", ["{place.__class__} opened at {time}.", "{plce} opened at {time}.",
                                    "{place opened at {time}."])
def test_broken_placeholder_refused_at_file_and_line(store, locales, broken):
    import_phrases(store)
    path = po_path("en", locales)
    good = "{place} opened as an evacuation shelter at {time}."
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index(f'msgstr "{good}"') + 1
    path.write_text(text.replace(good, broken), encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"en/LC_MESSAGES/bosai.po:{line}: shelter.opened"):
        import_phrases(store)
    assert store["phrases"].count == 48
    assert store.execute("SELECT text FROM phrases WHERE lang = 'en' AND template_id = 'shelter.opened'"
                         ).fetchone()[0] == good


def test_store_is_durable(store):
    assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
