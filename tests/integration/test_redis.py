"""The distributed set-up with a real redis-server (tests/support/redis_server.py): the stream
writer (`python -m cleaners ingest`) killed with SIGKILL mid-run and restarted stores every
document exactly once, the same set as one process adding them in order; it stops by itself
when the stream stays idle."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

import dedup_corpus as corpus
from cleaners import pipeline
from cleaners.document import Document
from cleaners.store import Store
from cleaners.stream import records
from store_checks import assert_consistent, manifest

ROOT = Path(__file__).resolve().parent.parent.parent


def held(root: Path) -> dict:
    """Each kept document's file hash and the ids of all its copies."""
    return {r["id"]: (r["sha1"], sorted(a["id"] for a in r["aliases"])) for r in manifest(root)}


def cleaned_corpus(seed: int) -> list:
    return [pipeline.clean(Document(id=d.id, site=d.site, url=f"https://{d.site}.example/{d.id}.html",
                                    title=d.title, text=d.text)) for d in corpus.build(seed=seed, mixed=16)]


def ingest_cmd(url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cleaners", "ingest", "--redis", url, "--out", str(out), *extra]


def run_until_killed(cmd: list[str], entries_before_kill: int) -> bool:
    """Start the writer and SIGKILL it once it has acknowledged that many entries (True: it
    finished by itself first)."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stderr:
            if line.startswith("ingest:") and line.split()[1].isdigit() and int(line.split()[1]) >= entries_before_kill:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=30)
                return False
        return proc.wait(timeout=60) == 0
    finally:            # a failing test leaves no writer running
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_writer_killed_mid_run_and_restarted_stores_every_document_once(redis_url, tmp_path):
    results = cleaned_corpus(seed=21)
    reference = tmp_path / "reference"
    with Store(reference) as store:
        for result in results:
            store.add(result)
    client = redis.Redis.from_url(redis_url)
    for result in results:
        client.xadd(records.STREAM, {records.FIELD: records.encode_result(result)})
    out = tmp_path / "out"
    cmd = ingest_cmd(redis_url, out, "--batch", "3", "--idle-exit", "2")
    kills = 0
    for entries in (4, 5, 9):           # entries this run acknowledges before it is killed
        if run_until_killed(cmd, entries):
            break
        kills += 1
    assert kills >= 2
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=120).returncode == 0
    assert held(out) == held(reference)
    assert client.xlen(records.STREAM) == 0
    assert client.xpending(records.STREAM, records.GROUP)["pending"] == 0
    assert_consistent(out)


def test_writer_exits_when_the_stream_stays_idle(redis_url, tmp_path):
    started = time.monotonic()
    done = subprocess.run(ingest_cmd(redis_url, tmp_path / "out", "--idle-exit", "1"), cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert 1 <= time.monotonic() - started < 30
    assert "entries 0" in done.stderr


def test_writer_reports_an_unreachable_redis_in_one_line(tmp_path):
    from redis_server import free_port
    done = subprocess.run(ingest_cmd(f"redis://127.0.0.1:{free_port()}/0", tmp_path / "out", "--idle-exit", "1"),
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("error: Redis at")
