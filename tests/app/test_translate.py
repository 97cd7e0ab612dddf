"""The translator dashboard: coverage and checks, download, validated atomic upload, review."""

from __future__ import annotations

import io
import re
from html import unescape

from app.db import get_db
from phrasebook.catalog import read_po
from phrasebook.paths import po_path
from phrasebook.store import search
from tests.app.conftest import csrf_token, set_translation


def upload(client, code: str, data: bytes, name: str = "bosai.po", action: str = "apply", lang: str = "en"):
    token = csrf_token(client, f"/translate/{code}")
    return client.post(f"/translate/{code}/upload?lang={lang}", content_type="multipart/form-data",
                       data={"csrf_token": token, "catalog": (io.BytesIO(data), name), "action": action})


def current(code: str) -> bytes:
    return po_path(code).read_bytes()


def test_overview_shows_coverage_and_checks_per_language(translator):
    set_translation("ko", "shelter.opened", "")
    set_translation("ru", "shelter.opened", "Открыт {place} в {time}", fuzzy=True)
    html = translator.get("/translate/").get_data(as_text=True)
    assert html.count("/translate/") >= 16
    row = re.search(r'/translate/ko".*?</tr>', html, re.S)[0]
    assert "66.6%" in row  # 2 of 3 entries translated, rounded down
    assert "नेपाली" in html and 'lang="ne"' in html


def test_language_page_lists_entries_and_issues(translator):
    set_translation("ko", "shelter.opened", "{place} 대피소 열림")  # {time} missing
    html = translator.get("/translate/ko?lang=en").get_data(as_text=True)
    assert "shelter.opened" in html and "sign.toilet" in html
    assert "Placeholders missing: {time}" in html
    html = translator.get("/translate/ko?lang=ja").get_data(as_text=True)
    assert "プレースホルダーが足りません: {time}" in html


def test_unknown_language_is_404(translator):
    assert translator.get("/translate/xx").status_code == 404


def test_download(translator):
    response = translator.get("/translate/ne/bosai.po")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"] and "bosai-ne.po" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert re.search(r'^"X-Bosai-Revision: [0-9a-f]{16}\\n"\n', text, re.M)
    assert re.sub(r'"X-Bosai-Revision: .*\n', "", text) == current("ne").decode()


def test_upload_applies_file_and_store(app, translator):
    new = current("en").replace("opened as an evacuation shelter".encode(), "is now open as a shelter".encode())
    assert new != current("en")
    response = upload(translator, "en", new)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "is now open as a shelter" in current("en").decode()
    changed = set(current("en").decode().splitlines()) ^ set(new.decode().splitlines())
    assert all("PO-Revision-Date" in line or "shelter" in line for line in changed), changed
    with app.app_context():
        hits = search(get_db(), "now open as a shelter")
    assert [h.template_id for h in hits] == ["shelter.opened"]


def _rejected(app, translator, code: str, data: bytes, *expected: str) -> str:
    before = current(code)
    with app.app_context():
        rows_before = list(get_db().execute("SELECT * FROM phrases ORDER BY template_id, lang").fetchall())
    response = upload(translator, code, data)
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    for text in expected:
        assert text in html, text
    assert current(code) == before
    with app.app_context():
        assert list(get_db().execute("SELECT * FROM phrases ORDER BY template_id, lang").fetchall()) == rows_before
    return html


def test_syntax_error_is_shown_with_its_line(app, translator):
    lines = current("en").decode().splitlines()
    lines[20] = 'msgstr "unterminated'
    _rejected(app, translator, "en", "\n".join(lines).encode(), "line 21:", "This line cannot be read")


def test_wrong_language_header_is_refused(app, translator):
    _rejected(app, translator, "ne", current("en"), "The Language header is 'en', but this is the catalog for 'ne'")


def test_broken_placeholder_is_refused(app, translator):
    data = current("ne").decode().replace("{time} बजे", "{समय} बजे").encode()
    html = _rejected(app, translator, "ne", data, "Placeholders changed: {समय} instead of {time}", "shelter.opened")
    assert re.search(r"line \d+ <code>shelter.opened</code>: Placeholders changed", html)


def test_wrong_script_is_refused(app, translator):
    data = current("ne").decode().replace("आश्रयस्थलको रूपमा खोलिएको छ", "opened as a shelter").encode()
    _rejected(app, translator, "ne", data, "Expected Devanagari text, but most letters are Latin")


def test_not_utf8_is_refused(app, translator):
    _rejected(app, translator, "fr", current("fr").decode().encode("utf-16"), "saved as UTF-16")


def test_untranslated_entries_do_not_block_an_upload(translator):
    set_translation("ko", "water.distribution", "")
    data = current("ko")
    set_translation("ko", "water.distribution", "{date} {time}부터 {place}에서 급수합니다. 용기를 가져오세요.")
    assert upload(translator, "ko", data).status_code == 302
    assert read_po(po_path("ko")).entries["water.distribution"].state == "untranslated"


def test_source_catalog_cannot_be_uploaded(translator):
    assert upload(translator, "ja", current("ja")).status_code == 400


def test_failed_store_import_puts_the_old_file_back(app, translator):
    before = current("en")
    po_path("fr").write_text("this is not a catalog\n", encoding="utf-8")  # breaks the full import
    new = before.replace(b"opened as an evacuation shelter", b"is open as a shelter")
    response = upload(translator, "en", new)
    assert response.status_code == 400 and "fr" in response.get_data(as_text=True)
    assert current("en") == before


def test_upload_requires_a_file(translator):
    token = csrf_token(translator, "/translate/en")
    assert translator.post("/translate/en/upload", data={"csrf_token": token}).status_code == 400


def test_mark_reviewed(app, translator):
    token = csrf_token(translator, "/translate/ne")
    response = translator.post("/translate/ne/review", data={"csrf_token": token, "ids": ["shelter.opened"]})
    assert response.status_code == 302
    text = current("ne").decode()
    assert re.search(r"# reviewed-by: translator \d{4}-\d{2}-\d{2}\n(#.*\n)*msgctxt \"shelter.opened\"", text)
    html = translator.get("/translate/ne").get_data(as_text=True)
    assert "reviewed" in html and "translator 20" in html
    with app.app_context():
        row = get_db().execute("SELECT state, reviewed_by FROM phrases WHERE template_id='shelter.opened' "
                               "AND lang='ne'").fetchone()
    assert row == ("reviewed", "translator")


def test_review_refuses_unknown_or_untranslated_ids(translator):
    set_translation("ne", "water.distribution", "")
    before = current("ne")
    token = csrf_token(translator, "/translate/ne")
    for ids in (["no.such"], ["water.distribution"], []):
        translator.post("/translate/ne/review", data={"csrf_token": token, "ids": ids})
        assert current("ne") == before


def test_checks_are_cached_until_a_file_changes(translator, app_locales, monkeypatch):
    import app.translate.catalogs as catalogs

    checked: list[str] = []
    real = catalogs.check_catalog
    monkeypatch.setattr(catalogs, "check_catalog", lambda po, *args: checked.append(po.code) or real(po, *args))

    def overview() -> list[str]:
        checked.clear()
        html = translator.get("/translate/").get_data(as_text=True)
        assert html.count("/translate/") >= 16
        return sorted(checked)

    assert len(overview()) == 16
    assert overview() == []  # a reload checks nothing again
    assert translator.get("/translate/ko").status_code == 200 and checked == []
    set_translation("ko", "shelter.opened", "")
    assert overview() == ["ko"]
    assert "66.6%" in re.search(r'/translate/ko".*?</tr>', translator.get("/translate/").get_data(as_text=True), re.S)[0]
    (app_locales / "fr" / "glossary.toml").write_text('[terms]\n"避難所" = "abri"\n', encoding="utf-8")
    assert overview() == ["fr"]
    with (app_locales / "templates" / "signs.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n# touched\n")
    assert len(overview()) == 16
