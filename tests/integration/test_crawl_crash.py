"""A crawl killed with `kill -9` midway and rerun ends with exactly the output of an uninterrupted crawl."""
from __future__ import annotations

import os
import signal
import subprocess
import time

from tests.support.crawl_support import ROOT, crawl_command, crawl_env, replica, run_crawl, stable_output

DOCS = 300
# the generated family (profile in benchmarks/profiles); 8 requests in flight hide the
# replica's keep-alive latency
SYNTH = ["--spiders", "synthdoc", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def synth_env() -> dict:
    env = crawl_env()
    env["WENKU_PROFILES"] = str(ROOT / "benchmarks" / "profiles")
    return env


def count_texts(out) -> int:
    folder = out / "synthdoc"
    return sum(1 for p in folder.glob("*.txt")) if folder.exists() else 0


def test_kill_9_midway_then_rerun_gives_the_uninterrupted_output(tmp_path, monkeypatch):
    monkeypatch.setenv("WENKU_PROFILES", str(ROOT / "benchmarks" / "profiles"))
    whole, broken, jobdir = tmp_path / "whole", tmp_path / "broken", tmp_path / "job"
    with replica({"synthetic_docs": DOCS}) as (server, address):
        run_crawl(address, whole, *SYNTH)
        expected = stable_output(whole, ordered=False)
        assert sum(1 for k in expected if k.endswith(".txt")) == DOCS

        slow = ["-s", "DOWNLOAD_DELAY=0.02", "--jobdir", str(jobdir)]
        proc = subprocess.Popen(crawl_command(address, broken, *SYNTH, *slow), cwd=ROOT, env=synth_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while count_texts(broken) < DOCS // 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the crawl finished before it could be killed; slow it down"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_at = count_texts(broken)
        assert 0 < killed_at < DOCS

        run_crawl(address, broken, *SYNTH, "--jobdir", str(jobdir))
    assert stable_output(broken, ordered=False) == expected
