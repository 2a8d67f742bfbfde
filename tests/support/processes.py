"""Processes a test starts (crawl workers, the stream writer), none left behind: each starts in a
session of its own, and whatever still runs when the test ends, passed or failed, is killed
with its process group.

    def test_x(processes, tmp_path):
        worker = processes.start([...], tmp_path / "worker.log")

The fixture is registered in tests/conftest.py.
"""
from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from crawl_support import ROOT, crawl_env


class Processes:
    """The processes of one test."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []
        self._logs: list = []

    def start(self, cmd: list[str], log: Path, stdout: Path | None = None, env: dict | None = None) -> subprocess.Popen:
        """`cmd` from the project root, stderr into `log` (stdout into `stdout`, or nowhere)."""
        err = open(log, "w")
        out = open(stdout, "w") if stdout is not None else subprocess.DEVNULL
        self._logs += [err] + ([out] if stdout is not None else [])
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env or crawl_env(), stdout=out, stderr=err, start_new_session=True)
        self.started.append(proc)
        return proc

    def kill_all(self) -> None:
        """SIGKILL to the group of each process still running (only those: a group whose leader has
        been reaped may be someone else's by now), then reap them."""
        for proc in self.started:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for proc in self.started:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        for handle in self._logs:
            handle.close()


@pytest.fixture
def processes():
    """Start the test's processes through this; all are gone after the test."""
    started = Processes()
    try:
        yield started
    finally:
        started.kill_all()
