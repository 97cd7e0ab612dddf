import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from phrasebook.paths import po_path


@pytest.fixture
def run(locales, tmp_path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def test_render_with_place_names(run):
    result = run("phrases", "render", "shelter.opened", "--lang", "en", "--set", "place=市民体育館",
                 "--set", "place.en=City Gym", "--set", "time=09:30")
    assert result.exit_code == 0
    assert result.output == "City Gym (市民体育館) opened as an evacuation shelter at 09:30.\n"


@pytest.mark.parametrize("args, message", [
    (["--lang", "xx"], "unknown language 'xx'"),
    (["--lang", "en"], "place: missing (place)"),
    (["--lang", "en", "--set", "place=x", "--set", "time=9pm"], "time: expected a time"),
    (["--lang", "en", "--set", "nonsense"], "is not SLOT=VALUE"),
])
def test_render_errors(run, args, message):
    result = CliRunner().invoke(main, ["phrases", "render", "shelter.opened", *args])
    assert result.exit_code != 0 and message in result.output


def test_render_unknown_template(run):
    result = CliRunner().invoke(main, ["phrases", "render", "no.such"])
    assert result.exit_code == 1 and "unknown template id 'no.such'" in result.output


def test_db_init_import_and_search(run, tmp_path):
    instance = str(tmp_path / "inst")
    assert run("db", "init", "--instance", instance).exit_code == 0
    assert run("db", "init", "--instance", instance).exit_code == 0
    result = run("phrases", "import", "--instance", instance)
    assert result.output == "imported 48 phrases in 16 languages\n"
    result = run("phrases", "search", "ห้องน้ำ", "--instance", instance)
    assert result.output.splitlines()[0].split("\t")[:2] == ["sign.toilet", "th"]


def test_check_passes_then_fails_with_file_line(run, locales):
    assert run("phrases", "check").exit_code == 0
    path = po_path("th", locales)
    path.write_text(path.read_text(encoding="utf-8").replace("ห้องน้ำ", "Toilet"), encoding="utf-8")
    result = CliRunner().invoke(main, ["phrases", "check", "--lang", "th"])
    assert result.exit_code == 1
    assert f"{path}:" in result.output and "[script] sign.toilet" in result.output
    assert CliRunner().invoke(main, ["phrases", "check", "--lang", "en"]).exit_code == 0


def test_stats_json_keyed_by_gettext_code(run, locales):
    path = po_path("ko", locales)
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "화장실"', 'msgstr ""'), encoding="utf-8")
    stats = json.loads(run("phrases", "stats", "--json").output)
    assert len(stats) == 16 and "ja@easy" in stats and "zh_Hant" in stats
    assert stats["ko"] == {"untranslated": 1, "fuzzy": 0, "unreviewed": 2, "reviewed": 0,
                           "translated": 2, "total": 3}
    assert "ko" in run("phrases", "stats").output


def test_update_reports_what_changed(run, locales):
    assert "already up to date" in run("phrases", "update").output
    toml = locales / "templates" / "signs.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("トイレ", "お手洗い"), encoding="utf-8")
    output = run("phrases", "update").output
    assert output.count("updated") == 17


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name))


def test_every_command_is_documented_in_the_readme():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(main) if f"bosai {c}" not in readme]
    assert missing == []
