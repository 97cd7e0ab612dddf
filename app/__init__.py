"""The bosai-kit web app: ``create_app(config)`` builds it; blueprints hold the areas."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from app import db


def _secret_key(instance: Path) -> str:
    """The instance's secret key, generated on first run and kept (mode 0600)."""
    path = instance / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides the environment (``BOSAI_*``) and the defaults."""
    config = dict(config or {})
    instance = Path(config.pop("INSTANCE_PATH", None) or os.environ.get("BOSAI_INSTANCE", "instance")).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(instance))
    app.config.from_mapping(DATABASE=str(instance / "bosai.sqlite3"))
    app.config.from_prefixed_env("BOSAI")
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)
    db.init_app(app)

    from app.public import bp as public_bp

    app.register_blueprint(public_bp)
    return app
