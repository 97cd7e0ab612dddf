"""The ``bosai`` command line: a thin layer over the phrasebook, printables and the app.

Each command group lives in its own module and is registered here.
"""

from __future__ import annotations

import click

from app.cli import audit, bench, db, jma, messages, pack, phrases, places, printables, serve, users


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bosai-kit")
def main() -> None:
    """bosai-kit: multilingual disaster information for shelters and municipalities."""


main.add_command(audit.audit)
main.add_command(bench.bench)
main.add_command(db.db)
main.add_command(jma.jma)
main.add_command(messages.messages)
main.add_command(messages.export_static)
main.add_command(messages.cap)
main.add_command(pack.pack)
main.add_command(phrases.phrases)
main.add_command(places.places)
main.add_command(serve.serve)
main.add_command(users.user)
for _command in printables.COMMANDS:
    main.add_command(_command)
