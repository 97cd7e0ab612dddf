"""``bosai bench``: the benchmark suite, which lives in ``scripts/bench.py`` of the source checkout."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@click.command()
@click.option("--quick", is_flag=True, help="Fewer repetitions and requests (well under a minute).")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the results as JSON to this file.")
@click.option("--only", metavar="NAMES",
              help="Comma-separated subset: sign_pack, message_page, registrations, cold_start, import, mirror.")
@click.pass_context
def bench(ctx: click.Context, quick: bool, json_file: Path | None, only: str | None) -> None:
    """Measure sign packs, message pages, registrations, cold start, import and the static mirror; print a table."""
    if not SCRIPT.is_file():
        raise click.ClickException(f"{SCRIPT} not found: `bosai bench` runs from a source checkout "
                                   "(pip install -e .), not from an installed package")
    spec = importlib.util.spec_from_file_location("bosai_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    argv = [*(["--quick"] if quick else []), *(["--json", str(json_file)] if json_file else []),
            *(["--only", only] if only else [])]
    ctx.exit(module.main(argv))
