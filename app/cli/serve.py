"""``bosai serve``: the web app under a production WSGI server (waitress)."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import instance_option, web_app


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@instance_option
def serve(host: str, port: int, threads: int, instance: Path) -> None:
    """Run the web app with waitress on the instance's SQLite database."""
    import waitress

    from app.public.mirror import get_mirror

    application = web_app(instance)
    if (mirror := get_mirror(application)) is not None:
        mirror.everything_changed()  # whatever changed while the server was down
    click.echo(f"bosai-kit on http://{host}:{port}/ (instance {instance})")
    waitress.serve(application, host=host, port=port, threads=threads, ident="bosai-kit")
