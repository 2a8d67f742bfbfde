"""One run at a time per output folder: `OUT/.run.lock`, held for the whole run.

A scheduled run that starts while the previous one is still going (a cron overlap)
waits here, saying which run it waits for, instead of failing half-way on the
store's own lock or mixing two runs' reports.  The job runner (`python -m crawler
run`) takes it for all its crawls; the run-health extension takes it for every
crawl, so `scrapy crawl` and scrapyd jobs wait too.

Re-entrant within a process: flock locks belong to an open file, so a second open
of the same lock file in one process would wait for itself.  Every crawl of one
process that holds the lock shares the holder's run id: a job, or the demo's
concurrent spiders, make one run with one report.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable

from cleaners.store.layout import foreign_output

from crawler.reports.runs import new_run_id

LOCK_NAME = ".run.lock"
POLL_SECONDS = 0.5
REMIND_SECONDS = 300.0      # say again that we are still waiting, every five minutes


class RunLockTimeout(RuntimeError):
    """Another run kept the output folder longer than we were told to wait."""


class OutputFolderError(RuntimeError):
    """The output folder cannot be made or written (a file of that name, no permission); the
    message names it and what to do."""


@dataclass
class RunHold:
    """This process's hold on an output folder: the open lock file and the run it stands for."""

    out_dir: Path
    handle: IO
    run_id: str
    job: str
    started: float          # epoch seconds
    users: int = 1


_held: dict[Path, RunHold] = {}     # output folder -> this process's hold on it
_guard = threading.Lock()


def holder_text(path: Path) -> str:
    """Who holds the lock, as its holder wrote it: "run R of job J (pid P, since T)"."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "another run"
    since = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(info.get("started", 0)))
    return f"run {info.get('run_id', '?')} of job {info.get('job', '?')} (pid {info.get('pid', '?')}, since {since})"


def make_output_folder(out: Path) -> None:
    """Make `out` (and its parents) unless it is a folder already; OutputFolderError when it
    cannot be (a file of that name, no permission) or holds files a new store would overwrite
    (the store refuses them too, but in the writer, past the crawl's start)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(_unusable(out, exc)) from None
    foreign = foreign_output(out)
    if foreign is not None:
        raise OutputFolderError(f"{out} holds {foreign.relative_to(out)} but no store index: it is not an output "
                                "folder of this tool, and a crawl into it would overwrite such files; give a new "
                                "or empty folder")


def _unusable(out: Path, exc: OSError) -> str:
    why = "a file of that name is there" if out.exists() and not out.is_dir() else (exc.strerror or str(exc))
    return f"cannot use {out} as the output folder ({why}); give a folder that can be made and written"


def acquire(out_dir: str | os.PathLike, job: str, timeout: float = 0.0,
            say: Callable[[str], None] = lambda message: None) -> RunHold:
    """Hold `out_dir` for a run of `job`, waiting while another process holds it.

    `timeout` seconds at most (0: as long as it takes), then RunLockTimeout; `say`
    is told once that we wait and for whom, then every REMIND_SECONDS."""
    out = Path(out_dir).resolve()
    with _guard:
        hold = _held.get(out)
        if hold is not None:
            hold.users += 1
            return hold
        path = out / LOCK_NAME
        make_output_folder(out)
        try:
            handle = open(path, "a+", encoding="utf-8")
        except OSError as exc:
            raise OutputFolderError(_unusable(out, exc)) from None
        waited_since, reminded = time.monotonic(), 0.0
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - waited_since
                if timeout and waited >= timeout:
                    handle.close()
                    raise RunLockTimeout(f"{out} is still in use by {holder_text(path)} after {waited:.0f}s "
                                         "of waiting; try again later") from None
                if waited >= reminded:
                    say(f"{out} is in use by {holder_text(path)}; waiting for it to finish "
                        f"({'at most %.0fs' % timeout if timeout else 'Ctrl-C to give up'})")
                    reminded = waited + REMIND_SECONDS
                time.sleep(POLL_SECONDS)
        hold = RunHold(out, handle, new_run_id(out), job, time.time())
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "job": job, "run_id": hold.run_id, "started": hold.started}))
        handle.flush()
        _held[out] = hold
        return hold


def release(hold: RunHold) -> bool:
    """Let go of one use of the hold; the last one unlocks the folder (and returns True)."""
    with _guard:
        hold.users -= 1
        if hold.users > 0 or _held.get(hold.out_dir) is not hold:
            return False
        del _held[hold.out_dir]
        hold.handle.seek(0)
        hold.handle.truncate()
        hold.handle.close()         # closing the file drops the flock
        return True
