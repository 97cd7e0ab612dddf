"""Broken catalogs made from the real ones, as translators' tools and mistakes make them: each is
refused through the dashboard upload and ``bosai phrases import``/``check`` with its line, a
sentence in the UI language, and nothing changed on disk or in the store. Plus the accepted
variants (CRLF, BOM, markup), random mutations (Hypothesis), stale uploads, published text,
file modes and ``update`` run twice."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from html import unescape
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from app import create_app
from app.auth.users import add_user
from app.cli import main
from app.db import get_db
from phrasebook.catalog import read_po
from phrasebook.paths import po_path
from tests.app.conftest import PASSWORD, UI_LOCALES, csrf_token, login

REAL_LOCALES = UI_LOCALES.parent
CODE = "ne"


@pytest.fixture
def real(shipped_locales: Path) -> Path:
    """A writable copy of the project's real catalogs, made current."""
    return shipped_locales


@pytest.fixture
def real_app(real: Path, tmp_path: Path):
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        for role in ("translator", "admin"):
            add_user(get_db(), role, role, PASSWORD)
    return app


def client_for(app, role: str = "translator"):
    client = app.test_client()
    assert login(client, role).status_code == 302
    return client


def upload(client, data: bytes, lang: str = "en", code: str = CODE, action: str = "apply"):
    token = csrf_token(client, f"/translate/{code}")
    return client.post(f"/translate/{code}/upload?lang={lang}", content_type="multipart/form-data",
                       data={"csrf_token": token, "catalog": (io.BytesIO(data), "bosai.po"), "action": action})


def text_of() -> str:
    return po_path(CODE).read_text(encoding="utf-8")


def msgstr_line(text: str, template_id: str) -> int:
    lines = text.split("\n")
    start = lines.index(f'msgctxt "{template_id}"')
    return next(n for n in range(start, len(lines)) if lines[n].startswith("msgstr")) + 1


def replace_msgstr(text: str, template_id: str, new: str) -> str:
    lines = text.split("\n")
    lines[msgstr_line(text, template_id) - 1] = f"msgstr {new}"
    return "\n".join(lines)


def _mo(text: str) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, read_po(po_path(CODE)).catalog)
    return buf.getvalue()


def _duplicate(text: str) -> str:
    block = text[text.index("#. board · answer\n#: board.toml\nmsgctxt \"board.yes\""):]
    block = block[:block.index("\n\n") + 2]
    return text + "\n" + block


def _plural(text: str) -> str:
    return text.replace('msgid "はい"\nmsgstr "हो"', 'msgid "はい"\nmsgid_plural "はい"\nmsgstr[0] "हो"\nmsgstr[1] "हो"')


# name: (make the broken bytes from the catalog text, line (None: whole file, "entry": the
# msgstr line of board.yes / shelter.opened in the broken text), English words, Japanese words)
CORPUS = {
    "syntax": (lambda t: replace_msgstr(t, "board.yes", '"हो').encode(), ("board.yes",),
               "This line cannot be read", "この行を読めません"),
    "duplicate": (lambda t: _duplicate(t).encode(), "last", "appears twice", "2回出てきます"),
    "placeholder renamed": (lambda t: replace_msgstr(t, "shelter.opened", '"{समय} मा {place} खोलियो।"').encode(),
                            ("shelter.opened",), "Placeholders changed: {समय} instead of {time}",
                            "プレースホルダーが変わっています"),
    "placeholder missing": (lambda t: replace_msgstr(t, "shelter.opened", '"{time} मा आश्रयस्थल खोलियो।"').encode(),
                            ("shelter.opened",), "Placeholders missing: {place}", "プレースホルダーが足りません"),
    "placeholder extra": (lambda t: replace_msgstr(t, "shelter.opened", '"{time} मा {place} {floor} खोलियो।"').encode(),
                          ("shelter.opened",), "Unknown placeholders: {floor}", "不明なプレースホルダー"),
    "wrong script": (lambda t: replace_msgstr(t, "board.yes", '"Yes, of course"').encode(), ("board.yes",),
                     "Expected Devanagari text, but most letters are Latin", "デーヴァナーガリーで書かれているはず"),
    "wrong language header": (lambda t: t.replace('"Language: ne\\n"', '"Language: en\\n"').encode(), "header",
                              "The Language header is 'en', but this is the catalog for 'ne'", "Language ヘッダー"),
    "bad encoding": (lambda t: replace_msgstr(t, "board.yes", '"hé"').encode().replace("é".encode(), b"\xe9"), ("board.yes",),
                     "not UTF-8 text", "UTF-8 のテキストではありません"),
    "control characters": (lambda t: replace_msgstr(t, "board.yes", '"हो\x1b"').encode(), ("board.yes",),
                           "control or invisible zero-width characters", "制御文字"),
    "plural": (lambda t: _plural(t).encode(), "plural", "plural form (msgid_plural)", "複数形"),
    "empty": (lambda t: b"", None, "The file is empty", "ファイルが空です"),
    "blank": (lambda t: b"\n \n", None, "The file is empty", "ファイルが空です"),
    "binary": (lambda t: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, None, "not a text file",
               "テキストファイルではありません"),
    "mo": (_mo, None, "compiled .mo file", ".mo ファイル"),
    "utf16": (lambda t: t.encode("utf-16"), None, "saved as UTF-16", "UTF-16"),
}


def expected_line(where, broken: bytes) -> int | None:
    if where is None:
        return None
    text = broken.decode("utf-8", "replace")
    if where == "last":
        return len(text.rstrip("\n").split("\n"))
    if where == "header":
        return text.split("\n").index('"Language: en\\n"') + 1
    if where == "plural":
        return text.split("\n").index('msgid_plural "はい"') + 1
    return msgstr_line(text, where[0])


def store_rows(app) -> list:
    with app.app_context():
        return get_db().execute("SELECT * FROM phrases ORDER BY template_id, lang").fetchall()


@pytest.mark.parametrize("case", list(CORPUS))
def test_broken_upload_is_refused_with_line_and_nothing_changes(real_app, case):
    make, where, english, japanese = CORPUS[case]
    path = po_path(CODE)
    path.chmod(0o644)
    before, mode, rows = path.read_bytes(), stat.S_IMODE(path.stat().st_mode), store_rows(real_app)
    broken = make(text_of())
    client = client_for(real_app)
    for lang, words in (("en", english), ("ja", japanese)):
        response = upload(client, broken, lang=lang)
        html = unescape(response.get_data(as_text=True))
        assert response.status_code == 400, (case, html[-2000:])
        assert words in html, (case, lang)
        line = expected_line(where, broken)
        if line is not None:
            assert (f"line {line}" if lang == "en" else f"{line} 行目") in html, (case, line)
        assert "bosai phrases" not in html and "Traceback" not in html
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == mode
    assert store_rows(real_app) == rows


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CORPUS))
def test_broken_catalog_is_refused_by_import_and_check(real, tmp_path, case):
    make, where, english, _japanese = CORPUS[case]
    runner = CliRunner()
    instance = tmp_path / "instance"
    assert runner.invoke(main, ["phrases", "import", "--instance", str(instance)]).exit_code == 0
    db = instance / "bosai.sqlite3"
    import sqlite3
    rows = sqlite3.connect(db).execute("SELECT * FROM phrases ORDER BY template_id, lang").fetchall()
    broken = make(text_of())
    po_path(CODE).write_bytes(broken)
    for args in (["phrases", "import", "--instance", str(instance)], ["phrases", "check", "--lang", CODE]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (case, args, result.output)
        line = expected_line(where, broken)
        output = result.output
        assert english in output, (case, args, output)
        assert f"bosai.po:{line or 1}:" in output, (case, args, output)
    assert po_path(CODE).read_bytes() == broken
    assert sqlite3.connect(db).execute("SELECT * FROM phrases ORDER BY template_id, lang").fetchall() == rows


@pytest.mark.parametrize("variant", ["crlf", "bom", "markup"])
def test_crlf_bom_and_markup_catalogs_are_accepted(real_app, variant):
    text = text_of()
    data = {"crlf": text.replace("\n", "\r\n").encode(), "bom": b"\xef\xbb\xbf" + text.encode(),
            "markup": replace_msgstr(text, "board.no", '"<b>&amp;</b> होइन"').encode()}[variant]
    response = upload(client_for(real_app), data)
    assert response.status_code == 302, unescape(response.get_data(as_text=True))[-3000:]
    assert "\r" not in text_of() and not text_of().startswith("\ufeff")
    if variant == "markup":
        assert read_po(po_path(CODE)).entries["board.no"].text == "<b>&amp;</b> होइन"


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_randomly_mutated_catalogs_never_end_in_a_traceback(real_app, data):
    """Cut, duplicate, swap lines and insert odd characters: every answer is a page, never a 500."""
    client = client_for(real_app)
    original = (REAL_LOCALES / CODE / "LC_MESSAGES" / "bosai.po").read_text(encoding="utf-8")
    po_path(CODE).write_text(original, encoding="utf-8")  # each example starts from the real catalog
    lines = original.split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        n = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["cut", "dup", "swap", "insert", "truncate"]))
        if op == "cut":
            del lines[n]
        elif op == "dup":
            lines.insert(n, lines[n])
        elif op == "swap":
            m = data.draw(st.integers(0, len(lines) - 1))
            lines[n], lines[m] = lines[m], lines[n]
        elif op == "insert":
            pos = data.draw(st.integers(0, len(lines[n])))
            junk = data.draw(st.sampled_from(['"', "\\", "{", "}", "\x00", "\x1b", "\u200b", "#", "msgid_plural \"x\"",
                                              "msgstr[0] ", "\ud7ff", "%", "\n", "<b>"]))
            lines[n] = lines[n][:pos] + junk + lines[n][pos:]
        else:
            lines[n] = lines[n][: len(lines[n]) // 2]
    broken = "\n".join(lines).encode("utf-8", "surrogatepass")
    for action in ("check", "apply"):
        response = upload(client, broken, action=action)
        assert response.status_code in (200, 302, 400, 409)
    assert read_po(po_path(CODE), CODE)  # whatever was applied can be read back


def test_stale_upload_is_merged_when_it_does_not_touch_newer_work(real_app):
    translator, reviewer = client_for(real_app), client_for(real_app, "admin")
    downloaded = translator.get(f"/translate/{CODE}/bosai.po").get_data(as_text=True)
    token = csrf_token(reviewer, f"/translate/{CODE}")
    assert reviewer.post(f"/translate/{CODE}/review", data={"csrf_token": token, "ids": ["board.yes"]}).status_code == 302
    edited = replace_msgstr(downloaded, "board.no", '"अहँ, होइन"')
    response = upload(translator, edited.encode())
    assert response.status_code == 302, unescape(response.get_data(as_text=True))[-3000:]
    po = read_po(po_path(CODE))
    assert po.entries["board.no"].text == "अहँ, होइन"
    assert po.entries["board.yes"].state == "reviewed" and po.entries["board.yes"].reviewed_by == "admin"
    assert "X-Bosai-Revision" not in text_of()


def test_stale_upload_that_would_undo_a_review_is_refused_with_both_texts(real_app):
    translator, reviewer = client_for(real_app), client_for(real_app, "admin")
    downloaded = translator.get(f"/translate/{CODE}/bosai.po").get_data(as_text=True)
    token = csrf_token(reviewer, f"/translate/{CODE}")
    reviewer.post(f"/translate/{CODE}/review", data={"csrf_token": token, "ids": ["board.yes"]})
    before = text_of()
    edited = replace_msgstr(downloaded, "board.yes", '"हजुर"')
    response = upload(translator, edited.encode())
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "these entries changed since you downloaded the catalog" in html
    conflict = re.search(r'<table class="list conflicts">.*?</table>', html, re.S)[0]
    assert "board.yes" in conflict and "हो" in conflict and "हजुर" in conflict and "Reviewed" in conflict
    assert text_of() == before


def test_upload_without_revision_cannot_drop_a_review(real_app):
    translator = client_for(real_app)
    plain = text_of()
    token = csrf_token(translator, f"/translate/{CODE}")
    translator.post(f"/translate/{CODE}/review", data={"csrf_token": token, "ids": ["board.yes"]})
    response = upload(translator, plain.encode())
    assert response.status_code == 400 and "board.yes" in response.get_data(as_text=True)
    assert read_po(po_path(CODE)).entries["board.yes"].state == "reviewed"


def _publish(app, template_id: str, languages: list[str]) -> str:
    from phrasebook.messages import publish

    with app.app_context():
        return publish(get_db(), template_id, {"time": "09:00", "place": "市民体育館"} if template_id == "shelter.opened"
                       else {}, languages, "admin", None, False).id


def test_upload_that_empties_published_text_needs_a_confirmation_naming_the_messages(real_app):
    message_id = _publish(real_app, "shelter.opened", ["ja", CODE])
    client = client_for(real_app)
    before = text_of()
    emptied = replace_msgstr(before, "shelter.opened", '""')
    response = upload(client, emptied.encode())
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 409 and "Published messages would lose their text" in html
    assert message_id in html and "shelter.opened" in html
    assert text_of() == before
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', html)[1]
    messages = re.search(r'name="messages" type="hidden" value="([^"]*)"', html)[1]
    confirm_url = f"/translate/{CODE}/upload/confirm?lang=en"
    csrf = csrf_token(client, f"/translate/{CODE}")
    refused = client.post(confirm_url, data={"csrf_token": csrf, "token": token, "messages": messages})
    assert refused.status_code == 400 and "Tick the box to confirm" in refused.get_data(as_text=True)
    assert text_of() == before
    response = upload(client, emptied.encode())  # the unconfirmed try used up the held upload
    html = unescape(response.get_data(as_text=True))
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', html)[1]
    done = client.post(confirm_url, data={"csrf_token": csrf, "token": token, "messages": messages, "confirm": "y"})
    assert done.status_code == 302
    assert read_po(po_path(CODE)).entries["shelter.opened"].state == "untranslated"


def test_fuzzy_on_published_text_is_caught_too(real_app):
    _publish(real_app, "board.yes", [CODE])
    text = text_of().replace('msgctxt "board.yes"', '#, fuzzy\nmsgctxt "board.yes"')
    response = upload(client_for(real_app), text.encode())
    assert response.status_code == 409 and "board.yes" in response.get_data(as_text=True)


def test_writes_keep_the_file_mode(real_app):
    path = po_path(CODE)
    path.chmod(0o664)
    client = client_for(real_app, "admin")
    assert upload(client, replace_msgstr(text_of(), "board.no", '"अहँ"').encode()).status_code == 302
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    token = csrf_token(client, f"/translate/{CODE}")
    client.post(f"/translate/{CODE}/review", data={"csrf_token": token, "ids": ["board.no"]})
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_update_twice_changes_nothing_the_second_time_and_keeps_previous_msgids(real):
    toml = real / "templates" / "messages.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("を避難所として開設しました。", "を避難所として開きました。", 1),
                    encoding="utf-8")
    for path in real.rglob("bosai.po"):
        path.chmod(0o644)
    runner = CliRunner()
    assert runner.invoke(main, ["phrases", "update"]).exit_code == 0
    first = {p: p.read_bytes() for p in real.rglob("*.po*")}
    assert '#| msgid "{time}に{place}を避難所として開設しました。"' in text_of()
    result = runner.invoke(main, ["phrases", "update"])
    assert result.exit_code == 0 and "already up to date" in result.output
    assert {p: p.read_bytes() for p in real.rglob("*.po*")} == first
    assert "# | msgid" not in text_of()
    assert {stat.S_IMODE(p.stat().st_mode) for p in real.rglob("bosai.po")} == {0o644}


def test_poedit_wrapping_is_unwrapped_on_upload(real_app):
    text = text_of()
    wrapped = text.replace('msgstr "कृपया', 'msgstr ""\n"कृपया', 1)
    assert wrapped != text
    assert upload(client_for(real_app), wrapped.encode()).status_code == 302
    assert text_of().split("\n")[20:] == text.split("\n")[20:]  # only the header's revision date moves


def test_check_only_changes_nothing_and_says_what_would_change(real_app):
    before = text_of()
    response = upload(client_for(real_app), replace_msgstr(before, "board.no", '"अहँ"').encode(), action="check")
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "The file passes the checks" in html and "1 entries would change" in html
    assert text_of() == before


def test_update_from_templates_is_for_admins(real_app):
    translator, admin = client_for(real_app), client_for(real_app, "admin")
    assert "Update catalogs from the templates" not in translator.get("/translate/?lang=en").get_data(as_text=True)
    token = csrf_token(translator, "/translate/")
    assert translator.post("/translate/update", data={"csrf_token": token}).status_code == 403
    token = csrf_token(admin, "/translate/")
    response = admin.post("/translate/update?lang=en", data={"csrf_token": token})
    assert response.status_code == 302


def test_coverage_never_rounds_up_to_100(real_app):
    text = text_of()
    for tid in ("board.yes", "board.no"):
        text = replace_msgstr(text, tid, '""')
    po_path(CODE).write_text(text, encoding="utf-8")
    html = client_for(real_app).get("/translate/").get_data(as_text=True)
    row = re.search(rf'/translate/{CODE}".*?</tr>', html, re.S)[0]
    total = len(read_po(po_path(CODE)).entries)
    assert f"{(1000 * (total - 2) // total) / 10:.1f}%" in row and "100.0%" not in row


def test_file_field_message_is_in_japanese(real_app):
    client = client_for(real_app)
    token = csrf_token(client, f"/translate/{CODE}")
    html = client.post(f"/translate/{CODE}/upload?lang=ja", data={"csrf_token": token}).get_data(as_text=True)
    assert ".po ファイルを選んでください。" in html and "This field is required" not in html


def test_expired_form_is_explained_in_japanese(real_app):
    client = client_for(real_app)
    response = client.post(f"/translate/{CODE}/upload?lang=ja", content_type="multipart/form-data",
                           data={"catalog": (io.BytesIO(b"x"), "bosai.po")})
    assert response.status_code == 400
    assert "フォームの有効期限が切れた" in response.get_data(as_text=True)
    assert "CSRF" not in response.get_data(as_text=True)


def test_upload_made_before_an_update_from_the_templates_is_merged(real_app, real):
    translator, admin = client_for(real_app), client_for(real_app, "admin")
    downloaded = translator.get(f"/translate/{CODE}/bosai.po").get_data(as_text=True)
    toml = real / "templates" / "messages.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("を避難所として開設しました。", "を避難所として開きました。", 1)
                    + '\n[[template]]\nid = "shelter.test_new"\ncategory = "shelter"\nphases = ["evacuation"]\n'
                    'pictogram = "shelter"\nja = "新しい文です。"\n', encoding="utf-8")
    token = csrf_token(admin, "/translate/")
    assert admin.post("/translate/update", data={"csrf_token": token}).status_code == 302
    assert read_po(po_path(CODE)).entries["shelter.opened"].state == "fuzzy"
    edited = replace_msgstr(downloaded, "board.no", '"अहँ"')
    response = upload(translator, edited.encode())
    assert response.status_code == 302, unescape(response.get_data(as_text=True))[-3000:]
    po = read_po(po_path(CODE))
    assert po.entries["board.no"].text == "अहँ"
    assert po.entries["shelter.opened"].state == "fuzzy" and "shelter.test_new" in po.entries
    changed = replace_msgstr(downloaded, "shelter.opened", '"{time} मा {place} आश्रयस्थल खोलियो।"')
    response = upload(translator, changed.encode())  # its source changed meanwhile: both texts shown
    assert response.status_code == 400 and "shelter.opened" in response.get_data(as_text=True)
