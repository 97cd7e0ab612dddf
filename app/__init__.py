"""The bosai-kit web app: ``create_app(config)`` builds it; blueprints hold the areas."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from app import auth, db, i18n, labels, security
from app.public import mirror

csrf = CSRFProtect()

DEFAULTS: dict[str, Any] = {
    "SESSION_COOKIE_NAME": "bosai_session",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SECURE": True,  # set BOSAI_SESSION_COOKIE_SECURE=false only on a plain-HTTP LAN
    "SESSION_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 12 * 3600,  # one shift; the cookie is not renewed per request,
    "SESSION_REFRESH_EACH_REQUEST": False,  # so public (cacheable) pages never carry Set-Cookie
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # the largest upload: a .po file
    "WTF_CSRF_TIME_LIMIT": 12 * 3600,
    "SEND_FILE_MAX_AGE_DEFAULT": 3600,
    "PUBLIC_MAX_AGE": 60,  # seconds a phone or proxy may reuse a public message page
    "TIMEZONE": "Asia/Tokyo",
    "DEFAULT_LANGUAGES": "ja,ja@easy,en,zh_Hans,ko,vi",
    "PROXY_FIX": 0,  # number of reverse proxies in front of the app (X-Forwarded-*)
    "SESSION_IDLE_MINUTES": 30,  # a staff session ends after this long without a request (0: never)
    "TRUSTED_LINK_HOSTS": "localhost,127.0.0.1,::1",  # request hosts usable in QR and CAP links
    "JMA_WATCH": "",  # watched areas for JMA telegrams uploaded on the drafts page (as bosai jma --watch)
}


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
    app.config.from_mapping(DATABASE=str(instance / "bosai.sqlite3"), **DEFAULTS)
    app.config.from_prefixed_env("BOSAI")
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)
    if app.config["PROXY_FIX"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)  # type: ignore[method-assign]
    db.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    app.jinja_env.globals.update(label=labels.label, staff_text=labels.staff_text)
    auth.init_app(app)
    security.init_app(app)
    mirror.init_app(app)

    from app.audit import bp as audit_bp
    from app.cards import bp as cards_bp
    from app.errors import bp as errors_bp
    from app.kiosk import bp as kiosk_bp
    from app.messages import bp as messages_bp
    from app.overview import bp as overview_bp
    from app.places import bp as places_bp
    from app.public import bp as public_bp
    from app.shelters import bp as shelters_bp
    from app.signs import bp as signs_bp
    from app.translate import bp as translate_bp

    for blueprint in (public_bp, auth.bp, errors_bp, messages_bp, signs_bp, cards_bp, translate_bp,
                      shelters_bp, places_bp, kiosk_bp, overview_bp, audit_bp):
        app.register_blueprint(blueprint)
    return app
