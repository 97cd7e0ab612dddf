"""``bosai phrases``: catalogs, checks, statistics, rendering and search."""

from __future__ import annotations

import json
from pathlib import Path

import click

from app.cli.common import Failed, db_path, fail_on_library_errors, instance_option, rebuild_mirror
from phrasebook import checks
from phrasebook.catalog import STATES, read_all, update_catalogs
from phrasebook.languages import get_language
from phrasebook.render import render
from phrasebook.store import import_phrases, open_db, search


@click.group()
def phrases() -> None:
    """The phrasebook: templates in 16 language variants."""


@phrases.command("import")
@instance_option
@fail_on_library_errors
def import_(instance: Path) -> None:
    """Load every catalog into the instance store (all or nothing; safe to repeat).

    A catalog with check errors (other than untranslated or fuzzy entries) is refused."""
    refused = checks.blocking(checks.run())
    for issue in refused:
        click.echo(issue.format(), err=True)
    if refused:
        raise Failed(f"{len(refused)} errors: nothing imported")
    counts = import_phrases(open_db(db_path(instance)))
    click.echo(f"imported {sum(counts.values())} phrases in {len(counts)} languages")
    rebuild_mirror(instance)


@phrases.command()
@fail_on_library_errors
def update() -> None:
    """Regenerate the .pot from the template definitions and merge it into every .po."""
    written = update_catalogs()
    for path in written:
        click.echo(f"updated {path}")
    if not written:
        click.echo("catalogs already up to date")


@phrases.command()
@click.option("--lang", "langs", multiple=True, help="Only these variants (repeatable).")
@fail_on_library_errors
def check(langs: tuple[str, ...]) -> None:
    """Run the translation checks; exit 1 on any error."""
    codes = [get_language(code).code for code in langs] or None
    issues = checks.run(codes=codes)
    for issue in issues:
        click.echo(issue.format(), err=issue.severity == "error")
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    click.echo(f"{errors} errors, {warnings} warnings", err=True)
    if errors:
        raise SystemExit(1)


@phrases.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON keyed by gettext code.")
@fail_on_library_errors
def stats(as_json: bool) -> None:
    """Per-language counts: translated, fuzzy, untranslated, unreviewed, reviewed."""
    table = {}
    for code, po in read_all().items():
        counts = {state: 0 for state in STATES}
        for entry in po.entries.values():
            counts[entry.state] += 1
        counts["translated"] = counts["unreviewed"] + counts["reviewed"]
        counts["total"] = len(po.entries)
        table[code] = counts
    if as_json:
        click.echo(json.dumps(table, indent=2))
        return
    cols = ("total", "translated", "fuzzy", "untranslated", "unreviewed", "reviewed")
    click.echo(f"{'lang':<8} " + " ".join(f"{c:>12}" for c in cols))
    for code, counts in table.items():
        click.echo(f"{code:<8} " + " ".join(f"{counts[c]:>12}" for c in cols))


@phrases.command("render")
@click.argument("template_id")
@click.option("--lang", "lang", default="ja", show_default=True, help="Language variant.")
@click.option("--set", "values", multiple=True, metavar="SLOT=VALUE",
              help="Slot value; a place's names in other languages as SLOT.LANG=NAME.")
@fail_on_library_errors
def render_(template_id: str, lang: str, values: tuple[str, ...]) -> None:
    """Print a template in one language with its slots filled."""
    click.echo(render(template_id, lang, parse_sets(values)))


@phrases.command("search")
@click.argument("query")
@click.option("--kind", type=click.Choice(["message", "sign", "card", "board", "food"]))
@instance_option
@fail_on_library_errors
def search_(query: str, kind: str | None, instance: Path) -> None:
    """Search templates in any language; one result a line, id first."""
    store = open_db(db_path(instance))
    if "phrases" not in store.table_names():
        import_phrases(store)
    for hit in search(store, query, kind=kind):
        click.echo(f"{hit.template_id}\t{hit.lang}\t{hit.text}")


def parse_sets(values: tuple[str, ...]) -> dict[str, object]:
    """``slot=value`` pairs; ``slot.LANG=name`` adds a place's name in that language."""
    out: dict[str, object] = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not SLOT=VALUE", param_hint="--set")
        key, value = item.split("=", 1)
        name, _, code = key.partition(".")
        if code:
            place = out.setdefault(name, {})
            if isinstance(place, str):
                place = out[name] = {"ja": place}
            place[get_language(code).code] = value
        elif isinstance(out.get(name), dict):
            out[name]["ja"] = value  # type: ignore[index]
        else:
            out[name] = value
    return out
