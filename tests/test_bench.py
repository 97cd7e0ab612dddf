"""``bosai bench`` runs and writes its JSON (only the cheap parts; no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import main
from tests.app.nginx import NGINX


def test_quick_bench_writes_positive_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--quick", "--only", "import,registrations", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "quick", "import_s", "registrations"} <= report.keys()
    assert "sign_pack" not in report and "message_page" not in report
    for value in (report["import_s"], report["registrations"]["per_s"]):
        assert isinstance(value, float) and value > 0
    assert "| import_s |" in result.output


def test_unknown_benchmark_is_refused() -> None:
    result = CliRunner().invoke(main, ["bench", "--only", "nonsense"])
    assert result.exit_code == 2


@pytest.mark.slow
@pytest.mark.server
def test_quick_mirror_bench_measures_publish_and_nginx(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", "--quick", "--only", "mirror", "--json", str(out)])
    assert result.exit_code == 0, result.output
    mirror = json.loads(out.read_text(encoding="utf-8"))["mirror"]
    assert mirror["languages"] == 16 and mirror["files_per_publish"] == 16 + 4
    assert mirror["publish_to_mirror_s"] > 0
    if NGINX.exists():
        assert mirror["nginx_rps"] > 0 and mirror["app_rps"] > 0 and mirror["nginx_ratio"] > 1
    else:
        assert mirror["nginx_ratio"] is None and "not installed" in mirror["nginx_error"]
    assert "| mirror | publish_to_mirror_s |" in result.output
