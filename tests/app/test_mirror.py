"""The static mirror (BOSAI_STATIC_MIRROR): after each publish, edit, withdrawal or catalog
change its files equal, byte for byte, what the app answers at the same URLs."""

from __future__ import annotations

import logging
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from flask import Flask
from flask.testing import FlaskClient

import app.public.mirror as mirror_module
from app.cli import main
from app.db import get_db
from phrasebook import messages as model
from phrasebook.shelters import ShelterError, create_shelter
from app.public.mirror import Mirror, get_mirror
from phrasebook.languages import LANGUAGES
from tests.app.conftest import csrf_token
from tests.app.test_messages import compose, publish
from tests.app.test_translate import current, upload

BASE = "https://bosai.example.jp"
TAGS = ("ja", "en", "ne", "ja-x-easy")  # the languages publish() chooses
WAIT = 20  # seconds flush() may wait for the mirror's thread; it takes milliseconds


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "mirror"


@pytest.fixture
def app(make_app, folder: Path) -> Flask:
    return make_app(STATIC_MIRROR=str(folder), BASE_URL=BASE)


def mirror_of(app: Flask) -> Mirror:
    found = get_mirror(app)
    assert found is not None
    return found


def url_of(file: Path, folder: Path) -> str:
    """The URL a mirror file stands for: ``m/x/en/index.html`` -> ``/m/x/en``, ``index.html`` -> ``/``."""
    rel = file.relative_to(folder).as_posix()
    return "/" + rel.removesuffix("index.html").removesuffix("/")


def mirrored_urls(client: FlaskClient, folder: Path) -> set[str]:
    """Every file in the mirror compared with the app's answer at its URL; the URLs."""
    urls = set()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        assert not file.name.startswith("."), f"temporary file left behind: {file}"
        url = url_of(file, folder)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get_data() == file.read_bytes(), f"{file} differs from GET {url}"
        urls.add(url)
    return urls


def message_urls(message_id: str, tags=TAGS) -> set[str]:
    return {f"/m/{message_id}", f"/m/{message_id}.cap.xml", *(f"/m/{message_id}/{tag}" for tag in tags)}


SITE = {"/", *(f"/{lang.bcp47}" for lang in LANGUAGES.values()), "/alerts.atom", "/static/bosai.css"}


def test_publishing_writes_every_file_as_the_app_serves_it(app, staff, client, folder):
    message_id = publish(staff)
    assert mirror_of(app).flush(WAIT)
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)
    page = (folder / "m" / message_id / "en" / "index.html").read_text(encoding="utf-8")
    assert "City Gym (市民体育館) opened as an evacuation shelter at 09:30." in page
    assert 'href="/static/bosai.css"' in page
    assert f"{BASE}/m/{message_id}/ne" in (folder / "m" / f"{message_id}.cap.xml").read_text(encoding="utf-8")
    feed = (folder / "alerts.atom").read_text(encoding="utf-8")
    assert f'href="{BASE}/m/{message_id}.cap.xml"' in feed
    second = publish(staff, languages=["ja", "en"])
    assert mirror_of(app).flush(WAIT)
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id) | message_urls(second, ("ja", "en"))


def test_the_old_index_file_is_removed_and_m_redirects_to_the_index(app, staff, client, folder):
    (folder / "m").mkdir(parents=True)
    (folder / "m" / "index.html").write_text("the index before it moved to /", encoding="utf-8")
    publish(staff)
    assert mirror_of(app).flush(WAIT)
    assert not (folder / "m" / "index.html").exists()
    response = client.get("/m/")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert (folder / "index.html").read_bytes() == client.get("/").get_data()


def test_edit_rewrites_the_pages_and_removes_dropped_languages(app, staff, client, folder):
    message_id = publish(staff)
    assert mirror_of(app).flush(WAIT)
    english = folder / "m" / message_id / "en" / "index.html"
    before = english.stat().st_ino
    response = compose(staff, url=f"/messages/{message_id}/edit", time="10:15", languages=["ja", "en"])
    assert response.status_code == 302
    assert mirror_of(app).flush(WAIT)
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id, ("ja", "en"))
    assert not (folder / "m" / message_id / "ne").exists()
    assert client.get(f"/m/{message_id}/ne").status_code == 404
    assert "at 10:15." in english.read_text(encoding="utf-8")
    assert english.stat().st_ino != before  # a new file renamed into place, not the old one rewritten
    assert "10:15" in (folder / "m" / f"{message_id}.cap.xml").read_text(encoding="utf-8")


def test_withdrawal_updates_pages_alert_and_feed(app, staff, client, folder):
    message_id = publish(staff)
    token = csrf_token(staff, f"/messages/{message_id}")
    assert staff.post(f"/messages/{message_id}/withdraw", data={"csrf_token": token}).status_code == 302
    assert mirror_of(app).flush(WAIT)
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)
    page = (folder / "m" / message_id / "ne" / "index.html").read_text(encoding="utf-8")
    assert 'class="withdrawn"' in page and 'class="message"' not in page
    assert "<msgType>Cancel</msgType>" in (folder / "m" / f"{message_id}.cap.xml").read_text(encoding="utf-8")
    assert 'term="Cancel"' in (folder / "alerts.atom").read_text(encoding="utf-8")


def test_catalog_upload_and_review_rewrite_the_pages(app, staff, translator, client, folder):
    message_id = publish(staff)
    assert mirror_of(app).flush(WAIT)
    new = current("en").replace(b"opened as an evacuation shelter", b"is now open as a shelter")
    assert upload(translator, "en", new).status_code == 302
    assert mirror_of(app).flush(WAIT)
    assert "City Gym (市民体育館) is now open as a shelter at 09:30." in \
        (folder / "m" / message_id / "en" / "index.html").read_text(encoding="utf-8")
    nepali = folder / "m" / message_id / "ne" / "index.html"
    assert 'class="note"' in nepali.read_text(encoding="utf-8")  # not yet checked by a native speaker
    token = csrf_token(translator, "/translate/ne")
    review = {"csrf_token": token, "ids": ["shelter.opened"]}
    assert translator.post("/translate/ne/review", data=review).status_code == 302
    assert mirror_of(app).flush(WAIT)
    assert 'class="note"' not in nepali.read_text(encoding="utf-8")
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)


def test_a_failed_write_is_logged_retried_and_never_fails_publishing(app, staff, client, folder, caplog,
                                                                       monkeypatch):
    monkeypatch.setattr(mirror_module, "RETRY_FIRST", 0.05)
    folder.mkdir()
    (folder / "m").write_text("not a folder")  # every page's folder fails to be made
    with caplog.at_level(logging.ERROR, logger="app.public.mirror"):
        message_id = publish(staff)
        assert not mirror_of(app).flush(0.5)
    assert staff.get(f"/messages/{message_id}").status_code == 200
    assert any("retrying" in record.getMessage() for record in caplog.records)
    (folder / "m").unlink()
    assert mirror_of(app).flush(WAIT)
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)


def hook_command(log: Path, fail_first: bool = False) -> str:
    """A shell command that records each run: the mirror folder, then the changed files."""
    record = (f'{{ echo "run $BOSAI_STATIC_MIRROR"; printf "%s\\n" "$BOSAI_MIRROR_CHANGED"; }} '
              f'>> {shlex.quote(str(log))}')
    if fail_first:
        flag = shlex.quote(str(log) + ".failed-once")
        return f"if [ ! -e {flag} ]; then touch {flag}; exit 3; fi; {record}"
    return record


def runs(log: Path) -> list[list[str]]:
    chunks = log.read_text(encoding="utf-8").split("run ")[1:] if log.exists() else []
    return [chunk.split() for chunk in chunks]


def test_the_hook_runs_after_each_change_with_the_files_written(make_app, staff_of, tmp_path, folder):
    log = tmp_path / "hook.log"
    app = make_app(STATIC_MIRROR=str(folder), BASE_URL=BASE, MIRROR_HOOK=hook_command(log))
    staff = staff_of(app)
    first = publish(staff)
    assert mirror_of(app).flush(WAIT)
    second = publish(staff, languages=["ja", "en"])
    assert mirror_of(app).flush(WAIT)
    done = runs(log)
    assert len(done) == 2 and all(run[0] == str(folder.resolve()) for run in done)
    assert {f"m/{first}/ne/index.html", f"m/{first}.cap.xml", "alerts.atom", "index.html", "vi/index.html"} <= set(done[0])
    assert {f"m/{second}/en/index.html", f"m/{second}.cap.xml", "alerts.atom"} <= set(done[1])
    assert not any(path.startswith(f"m/{first}") for path in done[1])


def test_a_failing_hook_is_retried(make_app, staff_of, tmp_path, folder, monkeypatch):
    monkeypatch.setattr(mirror_module, "RETRY_FIRST", 0.05)
    log = tmp_path / "hook.log"
    app = make_app(STATIC_MIRROR=str(folder), BASE_URL=BASE, MIRROR_HOOK=hook_command(log, fail_first=True))
    message_id = publish(staff_of(app))
    assert mirror_of(app).flush(WAIT)
    assert Path(str(log) + ".failed-once").exists()
    [run] = runs(log)
    assert f"m/{message_id}/en/index.html" in run


@pytest.fixture
def staff_of():
    from tests.app.conftest import login, work_at

    def make(app: Flask) -> FlaskClient:
        work_at(app, "staff", "北小学校")  # the shelter the composer tests publish for
        client = app.test_client()
        assert login(client, "staff").status_code == 302
        return client
    return make


def test_export_static_rebuilds_the_whole_mirror_and_runs_the_hook(app, staff, client, folder, tmp_path,
                                                                 monkeypatch):
    message_id = publish(staff)
    assert mirror_of(app).flush(WAIT)
    page = folder / "m" / message_id / "en" / "index.html"
    page.write_text("stale")
    (folder / "alerts.atom").unlink()
    log = tmp_path / "hook.log"
    monkeypatch.setenv("BOSAI_STATIC_MIRROR", str(folder))
    monkeypatch.setenv("BOSAI_BASE_URL", BASE)
    monkeypatch.setenv("BOSAI_MIRROR_HOOK", hook_command(log))
    result = CliRunner().invoke(main, ["export-static", "--instance", app.instance_path], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {len(message_urls(message_id) | SITE)} files to ")
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)
    assert len(runs(log)) == 1


def test_export_static_needs_a_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("BOSAI_STATIC_MIRROR", raising=False)
    result = CliRunner().invoke(main, ["export-static", "--instance", str(tmp_path / "instance")])
    assert result.exit_code == 1 and "BOSAI_STATIC_MIRROR" in result.output


def test_catalog_import_rebuilds_the_mirror(app, staff, client, folder, monkeypatch):
    message_id = publish(staff)
    assert mirror_of(app).flush(WAIT)
    page = folder / "m" / message_id / "en" / "index.html"
    page.write_text("stale")
    monkeypatch.setenv("BOSAI_STATIC_MIRROR", str(folder))
    monkeypatch.setenv("BOSAI_BASE_URL", BASE)
    result = CliRunner().invoke(main, ["phrases", "import", "--instance", app.instance_path], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "rebuilt the static mirror" in result.output
    assert mirrored_urls(client, folder) == SITE | message_urls(message_id)


def test_without_the_setting_there_is_no_mirror(make_app, staff_of, tmp_path):
    app = make_app()
    assert get_mirror(app) is None
    publish(staff_of(app))
    assert not any(tmp_path.rglob("alerts.atom"))


def test_a_url_the_app_cannot_answer_has_no_file_and_holds_up_nothing(app, staff, client, folder, caplog):
    """A message whose template was removed from the catalogs: its pages say so, its CAP alert
    fails in the app (500), so the mirror has no file for it and nginx would ask the app."""
    good = publish(staff)
    with app.app_context():
        broken = model.publish(get_db(), "no.longer.there", {"place": "x"}, ["ja", "en"], "staff", None, False)
    with caplog.at_level(logging.WARNING, logger="app.public.export"):
        mirror_of(app).message_changed(broken.id)
        assert mirror_of(app).flush(WAIT)
    assert not (folder / "m" / f"{broken.id}.cap.xml").exists()
    assert any(f"/m/{broken.id}.cap.xml answered 500" in record.getMessage() for record in caplog.records)
    assert mirrored_urls(client, folder) == SITE | message_urls(good) | message_urls(broken.id, ("ja", "en")) - {
        f"/m/{broken.id}.cap.xml"}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(langs=st.lists(st.sampled_from(sorted(LANGUAGES)), min_size=1, max_size=5, unique=True),
       shelter=st.text(max_size=30), drill=st.booleans(), withdrawn=st.booleans())
def test_whatever_is_published_is_mirrored_as_served(app, client, folder, langs, shelter, drill, withdrawn):
    with app.app_context():
        try:
            shelter_id = create_shelter(get_db(), shelter).id if shelter else None
        except ShelterError:
            assume(False)  # a name the text rules refuse never reaches a message
        message = model.publish(get_db(), "shelter.opened", {"place": "市民体育館", "time": "09:30"}, langs,
                                "staff", shelter_id, drill)
        if withdrawn:
            model.withdraw(get_db(), message.id)
    mirror_of(app).message_changed(message.id)
    assert mirror_of(app).flush(WAIT)
    for url in message_urls(message.id, tuple(LANGUAGES[code].bcp47 for code in langs)) | SITE:
        file = folder / (url.strip("/") if "." in url.rsplit("/", 1)[1] else f"{url.strip('/')}/index.html".lstrip("/"))
        assert client.get(url).get_data() == file.read_bytes(), url


def test_a_long_list_of_changes_reaches_the_hook_as_empty(make_app, tmp_path, folder):
    log = tmp_path / "hook.log"
    app = make_app(STATIC_MIRROR=str(folder), BASE_URL=BASE, MIRROR_HOOK=hook_command(log))
    mirror_of(app).run_hook([f"m/{i:08d}/en/index.html" for i in range(20_000)])  # 480 KB
    mirror_of(app).run_hook(["alerts.atom"])
    assert runs(log) == [[str(folder.resolve())], [str(folder.resolve()), "alerts.atom"]]
