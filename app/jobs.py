"""Background builds that take many seconds (drill packs): one thread per job, one job at a time
per folder. A job's state is a small JSON file and its result a file in that folder (under the
instance folder), so any request thread can show its progress and serve the download."""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from phrasebook.errors import PhrasebookError

Progress = Callable[[int, int, str], None]
Skip = Callable[[str, str], None]  # (title of a part left out, reason code)
JOB_ID = re.compile(r"[0-9a-f]{16}")
INTERRUPTED = "the build was interrupted (the server stopped); start it again"
log = logging.getLogger(__name__)
_running: set[Path] = set()  # state files of the jobs whose thread is running
_lock = threading.RLock()


@dataclass(frozen=True)
class Job:
    id: str
    filename: str  # download name of the result
    total: int
    done: int = 0
    label: str = ""  # the part built last
    state: str = "running"  # running, done, failed
    error: str = ""
    skipped: tuple[tuple[str, str], ...] = ()  # parts left out of the result: (title, reason code)

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 0


class JobFolder:
    """The jobs of one folder (one kind of build for one shelter)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _state(self, job_id: str) -> Path:
        return self.folder / f"{job_id}.json"

    def result(self, job: Job) -> Path:
        return self.folder / f"{job.id}.out"

    def _save(self, job: Job) -> None:
        tmp = self.folder / f"{job.id}.json.tmp"
        tmp.write_text(json.dumps(asdict(job)), encoding="utf-8")
        os.replace(tmp, self._state(job.id))

    def get(self, job_id: str) -> Job | None:
        """The job, or None for an unknown id; a job whose thread is gone has failed."""
        if not JOB_ID.fullmatch(job_id) or not self._state(job_id).exists():
            return None
        with _lock:  # looked at first: a thread saves its last state before it leaves _running
            alive = self._state(job_id) in _running
        state = json.loads(self._state(job_id).read_text(encoding="utf-8"))
        job = Job(**state | {"skipped": tuple(map(tuple, state.get("skipped", ())))})
        if job.state == "running" and not alive:
            return replace(job, state="failed", error=INTERRUPTED)
        return job

    def latest(self) -> Job | None:
        """The job of this folder, if any (starting one removes the others)."""
        state = next(self.folder.glob("*.json"), None) if self.folder.exists() else None
        return self.get(state.stem) if state else None

    def start(self, filename: str, total: int, work: Callable[[Progress, Skip], bytes]) -> Job:
        """Run ``work(progress, skip)`` in a thread and keep its bytes (``skip`` notes a part left
        out of them); while a job of this folder is still running, that job is returned instead of
        starting another."""
        with _lock:
            running = [path for path in _running if path.parent == self.folder]
            if running:
                job = self.get(running[0].stem)
                if job is not None:
                    return job
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.iterdir():
                old.unlink()
            job = Job(secrets.token_hex(8), filename, total)
            self._save(job)
            thread = threading.Thread(target=self._run, args=(job, work), daemon=True, name=f"job-{job.id}")
            _running.add(self._state(job.id))
        thread.start()
        return job

    def _run(self, job: Job, work: Callable[[Progress, Skip], bytes]) -> None:
        current = job

        def progress(done: int, total: int, label: str) -> None:
            nonlocal current
            current = replace(current, done=done, total=total, label=label)
            self._save(current)

        def skip(title: str, reason: str) -> None:
            nonlocal current
            current = replace(current, skipped=(*current.skipped, (title, reason)))
            self._save(current)

        try:
            data = work(progress, skip)
            tmp = self.folder / f"{job.id}.out.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.result(job))
            current = replace(current, state="done")
        except PhrasebookError as exc:
            current = replace(current, state="failed", error=str(exc))
        except Exception as exc:  # a bug: keep the traceback in the log, tell the page
            log.exception("job %s failed", job.id)
            current = replace(current, state="failed", error=f"unexpected error ({type(exc).__name__}: {exc})")
        finally:
            self._save(current)
            with _lock:
                _running.discard(self._state(job.id))
