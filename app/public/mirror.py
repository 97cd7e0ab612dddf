"""The static mirror (``BOSAI_STATIC_MIRROR=DIR``): the public pages kept as files, always
current, for nginx, a static host or a CDN to serve in front of the app.

After a publish, edit or withdrawal (``message_changed``) or a catalog change
(``catalog_changed``) a background thread rewrites the affected files with
``app.public.export`` (each atomically), then runs ``BOSAI_MIRROR_HOOK`` (a shell command, e.g.
``rclone sync "$BOSAI_STATIC_MIRROR" remote:bucket``) with ``BOSAI_STATIC_MIRROR`` and
``BOSAI_MIRROR_CHANGED`` (the files written, one a line, relative to the folder; empty when
the list is too long for the environment: then take it as everything) in its environment. A failed write or hook is logged and retried (1 s, 2 s, ... up to a minute); it
never blocks or fails the request that made the change. Changes that arrive while the thread
is busy are written together in its next round."""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path

from flask import Flask, current_app

EXTENSION = "bosai_mirror"
RETRY_FIRST, RETRY_MAX = 1.0, 60.0  # seconds before retrying a failed round, doubled each time
HOOK_TIMEOUT = 600.0  # seconds a hook command may take
CHANGED_MAX = 64 * 1024  # longest BOSAI_MIRROR_CHANGED (Linux refuses one variable over 128 KiB)
log = logging.getLogger(__name__)


class MirrorError(Exception):
    """The hook command failed."""


class Mirror:
    """The mirror folder of one app and the thread that keeps it current."""

    def __init__(self, app: Flask, folder: Path, hook: str = "") -> None:
        self.app, self.folder, self.hook = app, folder, hook
        self._cond = threading.Condition()
        self._messages: set[str] = set()  # messages to write
        self._everything = False  # rebuild the whole mirror
        self._changed: set[str] = set()  # files written since the hook last succeeded
        self._hook_due = False
        self._busy = False
        self._thread: threading.Thread | None = None

    def message_changed(self, message_id: str) -> None:
        self._queue(messages=(message_id,))

    def everything_changed(self) -> None:
        self._queue(everything=True)

    def _queue(self, messages: Iterable[str] = (), everything: bool = False) -> None:
        with self._cond:
            self._messages.update(messages)
            self._everything |= everything
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True, name="bosai-mirror")
                self._thread.start()
            self._cond.notify_all()

    def _work(self) -> bool:
        return bool(self._messages or self._everything or self._hook_due)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change queued so far is written and hooked; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and not self._work(), timeout)

    def rebuild(self) -> list[Path]:
        """Write the whole mirror now, in this thread, and run the hook (``bosai export-static``)."""
        from app.public.export import export_site

        written = export_site(self.app, self.folder)
        self.run_hook([str(path.relative_to(self.folder)) for path in written])
        return written

    def write(self, messages: set[str], everything: bool) -> list[str]:
        """Write the files of these changes; a mirror without its feed is built whole first."""
        from app.public.export import FEED, export_messages, export_site, file_for  # it imports the views

        if everything or not (self.folder / file_for(FEED)).exists():
            written = export_site(self.app, self.folder)
        else:
            written = export_messages(self.app, self.folder, sorted(messages))
        return [str(path.relative_to(self.folder)) for path in written]

    def run_hook(self, changed: list[str]) -> None:
        if not self.hook:
            return
        listing = "\n".join(changed)
        env = {**os.environ, "BOSAI_STATIC_MIRROR": str(self.folder),
               "BOSAI_MIRROR_CHANGED": listing if len(listing.encode()) <= CHANGED_MAX else ""}
        try:
            done = subprocess.run(["/bin/sh", "-c", self.hook], env=env, capture_output=True, text=True,
                                  timeout=HOOK_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise MirrorError(f"mirror hook took more than {HOOK_TIMEOUT:.0f} s") from None
        if done.returncode != 0:
            raise MirrorError(f"mirror hook exited with {done.returncode}: {done.stderr.strip()[-500:]}")

    def _run(self) -> None:
        delay = RETRY_FIRST
        while True:
            with self._cond:
                self._cond.wait_for(self._work)
                messages, everything = self._messages, self._everything
                self._messages, self._everything, self._busy = set(), False, True
            try:
                if messages or everything:
                    try:
                        written = self.write(messages, everything)
                    except Exception:
                        with self._cond:  # try these again with whatever comes meanwhile
                            self._messages |= messages
                            self._everything |= everything
                        raise
                    with self._cond:
                        self._changed.update(written)
                        self._hook_due = bool(self.hook)
                if self._hook_due:
                    self.run_hook(sorted(self._changed))
                    with self._cond:
                        self._changed.clear()
                        self._hook_due = False
                delay = RETRY_FIRST
            except Exception:
                log.exception("static mirror %s: retrying in %.0f s", self.folder, delay)
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
                    self._cond.wait(delay)
                delay = min(delay * 2, RETRY_MAX)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


def init_app(app: Flask) -> None:
    """Keep a mirror when ``STATIC_MIRROR`` (``BOSAI_STATIC_MIRROR``) names a folder."""
    folder = app.config.get("STATIC_MIRROR")
    if folder:
        if not app.config.get("BASE_URL"):
            log.warning("BOSAI_STATIC_MIRROR without BOSAI_BASE_URL: the mirror's CAP alerts and feed "
                        "name http://localhost")
        app.extensions[EXTENSION] = Mirror(app, Path(folder).resolve(), str(app.config.get("MIRROR_HOOK") or ""))


def get_mirror(app: Flask | None = None) -> Mirror | None:
    """The app's mirror, if it keeps one."""
    return (app or current_app).extensions.get(EXTENSION)


def message_changed(message_id: str) -> None:
    """Call after a message was published, edited or withdrawn: its files are rewritten soon."""
    mirror = get_mirror()
    if mirror is not None:
        mirror.message_changed(message_id)


def catalog_changed() -> None:
    """Call after a catalog changed (upload, review, import): every page is rewritten soon."""
    mirror = get_mirror()
    if mirror is not None:
        mirror.everything_changed()
