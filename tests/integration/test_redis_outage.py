"""A distributed crawl whose redis-server goes away (tests/support/redis_server.py, killed with
SIGKILL): a crawl worker and the writer wait WENKU_REDIS_LOST_AFTER / --redis-lost-after
seconds, then exit 1 naming the Redis URL and what to do; a Redis restarted within that time
(with its append-only file) is ridden out, every document stored once; and a Redis that does
not answer when a process starts fails it at once.

Times are asserted with generous margins (a loaded 2-core machine): what matters is that the
processes end, not how fast."""
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
from crawl_support import ROOT, crawl_command, crawl_env, replica, run_crawl, stable_output
from redis_server import RedisServer, free_port
from store_checks import assert_consistent, manifest

LOST_AFTER = 4                 # the grace period the tests give (the default is 60 s)
MARGIN = 60                    # start-up, the beat's period, a loaded machine
SYNTH = ["--spiders", "synthdoc", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4"]


def synth_env() -> dict:
    env = crawl_env()
    env["WENKU_PROFILES"] = str(ROOT / "benchmarks" / "profiles")
    return env


def wait_for(condition, timeout: float = 120, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def exit_within(proc: subprocess.Popen, seconds: float) -> tuple[int, float]:
    started = time.monotonic()
    try:
        code = proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"still running {seconds:g} s after Redis went away") from None
    return code, time.monotonic() - started


def stream_length(url: str) -> int:
    try:
        return redis.Redis.from_url(url).xlen(records.STREAM)
    except redis.ConnectionError:
        return 0


def ingest_cmd(url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cleaners", "ingest", "--redis", url, "--out", str(out), *extra]


def texts(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.txt")) if out.exists() else 0


def test_a_worker_whose_redis_is_killed_exits_1_naming_it_once_the_grace_period_is_over(redis_server, tmp_path,
                                                                                         processes):
    worker_args = [*SYNTH, "-s", f"WENKU_REDIS_URL={redis_server.url}", "-s", f"WENKU_REDIS_LOST_AFTER={LOST_AFTER}",
                   "-s", "DOWNLOAD_DELAY=0.05"]
    with replica({"synthetic_docs": 2000}) as (_, address):      # far more than it fetches before the kill
        worker = processes.start(crawl_command(address, tmp_path / "w", *worker_args), tmp_path / "w.log",
                                 stdout=tmp_path / "w.out", env=synth_env())
        wait_for(lambda: stream_length(redis_server.url) >= 10 or worker.poll() is not None, what="documents pushed")
        assert worker.poll() is None, (tmp_path / "w.log").read_text()[-3000:]
        redis_server.kill()
        code, seconds = exit_within(worker, LOST_AFTER + MARGIN)
    log = (tmp_path / "w.log").read_text()
    assert code == 1, log[-3000:]
    assert seconds >= LOST_AFTER - 1          # a short outage is waited for, not given up at once
    assert f"Redis at {redis_server.url} has not answered for {LOST_AFTER} s" in log
    assert f"is redis-server running at {redis_server.url}? Restart it and rerun the same command" in log
    assert "stopped early (redis_lost" in log         # the run's health: the existing exit-1 path


def test_a_worker_whose_redis_comes_back_empty_exits_1_rather_than_crawl_on_from_an_empty_queue(tmp_path,
                                                                                                processes):
    """The README's Redis keeps nothing on disk: restarted, it has lost the queue and the seen
    requests; a worker going on would finish early as if the crawl were complete."""
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis")
    try:
        worker_args = [*SYNTH, "-s", f"WENKU_REDIS_URL={server.url}", "-s", "DOWNLOAD_DELAY=0.05"]
        with replica({"synthetic_docs": 2000}) as (_, address):
            worker = processes.start(crawl_command(address, tmp_path / "w", *worker_args), tmp_path / "w.log",
                                     env=synth_env())
            wait_for(lambda: stream_length(server.url) >= 10 or worker.poll() is not None, what="documents pushed")
            assert worker.poll() is None, (tmp_path / "w.log").read_text()[-3000:]
            server.kill()
            time.sleep(2)
            server.start()                     # same port, nothing kept
            code, _ = exit_within(worker, MARGIN)
    finally:
        server.stop()
    log = (tmp_path / "w.log").read_text()
    assert code == 1, log[-3000:]
    assert f"Redis at {server.url} answers again but holds nothing of this crawl" in log
    assert "stopped early (redis_emptied" in log


def test_a_worker_and_the_writer_whose_redis_hangs_exit_1_once_their_calls_have_timed_out_for_the_grace_period(
        redis_server, tmp_path, processes):
    """A Redis that stops (SIGSTOP: no reset, no answer, as when it is cut off) fails each call
    after the client's timeout (10 s), which counts as not answering."""
    worker_args = [*SYNTH, "-s", f"WENKU_REDIS_URL={redis_server.url}", "-s", f"WENKU_REDIS_LOST_AFTER={LOST_AFTER}",
                   "-s", "DOWNLOAD_DELAY=0.05"]
    store = tmp_path / "store"
    with replica({"synthetic_docs": 2000}) as (_, address):
        worker = processes.start(crawl_command(address, tmp_path / "w", *worker_args), tmp_path / "w.log",
                                 env=synth_env())
        writer = processes.start(ingest_cmd(redis_server.url, store, "--redis-lost-after", str(LOST_AFTER)),
                                 tmp_path / "writer.log")
        wait_for(lambda: texts(store) >= 10 or worker.poll() is not None or writer.poll() is not None,
                 what="documents stored")
        assert worker.poll() is None and writer.poll() is None, "the crawl ended before Redis stopped"
        os.kill(redis_server.process.pid, signal.SIGSTOP)
        try:
            worker_code, _ = exit_within(worker, LOST_AFTER + 2 * 10 + MARGIN)
            writer_code, _ = exit_within(writer, LOST_AFTER + 2 * 10 + MARGIN)
        finally:
            os.kill(redis_server.process.pid, signal.SIGCONT)
    worker_log, writer_log = (tmp_path / "w.log").read_text(), (tmp_path / "writer.log").read_text()
    assert worker_code == 1 and f"Redis at {redis_server.url} has not answered for {LOST_AFTER} s" in worker_log
    assert writer_code == 1 and f"error: Redis at {redis_server.url} has not answered" in writer_log, writer_log


def cleaned_corpus(seed: int) -> list:
    return [pipeline.clean(Document(id=d.id, site=d.site, url=f"https://{d.site}.example/{d.id}.html",
                                    title=d.title, text=d.text)) for d in corpus.build(seed=seed, mixed=4)]


def held(root: Path) -> dict:
    """Each kept document's file hash and the ids of all its copies."""
    return {r["id"]: (r["sha1"], sorted(a["id"] for a in r["aliases"])) for r in manifest(root)}


def test_the_writer_whose_redis_is_killed_exits_1_and_a_rerun_stores_every_document_once(redis_server, tmp_path,
                                                                                        processes):
    results = cleaned_corpus(seed=31)
    reference = tmp_path / "reference"
    with Store(reference) as store:
        for result in results:
            store.add(result)
    client = redis.Redis.from_url(redis_server.url)
    first, rest = results[:40], results[40:]
    for result in first:
        client.xadd(records.STREAM, {records.FIELD: records.encode_result(result)})
    out = tmp_path / "out"
    writer = processes.start(ingest_cmd(redis_server.url, out, "--batch", "5", "--redis-lost-after", str(LOST_AFTER)),
                             tmp_path / "writer.log")
    wait_for(lambda: stream_length(redis_server.url) <= 30 or writer.poll() is not None, what="entries stored")
    redis_server.kill()
    code, seconds = exit_within(writer, LOST_AFTER + MARGIN)
    log = (tmp_path / "writer.log").read_text()
    assert code == 1, log
    assert seconds >= LOST_AFTER - 1
    assert f"error: Redis at {redis_server.url} has not answered for {LOST_AFTER} s" in log
    assert "Restart it and rerun the same command" in log
    # Redis back with all it had answered: the rerun stores the rest, nothing twice
    redis_server.start()
    for result in rest:
        client.xadd(records.STREAM, {records.FIELD: records.encode_result(result)})
    done = subprocess.run(ingest_cmd(redis_server.url, out, "--idle-exit", "1"), cwd=ROOT, env=crawl_env(),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert held(out) == held(reference)
    assert client.xlen(records.STREAM) == 0
    assert client.xpending(records.STREAM, records.GROUP)["pending"] == 0
    assert_consistent(out)


def test_a_redis_restarted_within_the_grace_period_is_ridden_out_every_document_stored_once(redis_server, tmp_path,
                                                                                            processes, monkeypatch):
    monkeypatch.setenv("WENKU_PROFILES", str(ROOT / "benchmarks" / "profiles"))
    docs = 200
    with replica({"synthetic_docs": docs}) as (_, address):
        run_crawl(address, tmp_path / "single", *SYNTH)
        expected = {k: v for k, v in stable_output(tmp_path / "single", ordered=False).items()
                    if k.endswith(".txt") or k == "manifest.jsonl"}
        store = tmp_path / "store"
        writer = processes.start(ingest_cmd(redis_server.url, store, "--idle-exit", "30", "--batch", "20"),
                                 tmp_path / "writer.log", env=synth_env())
        worker_args = [*SYNTH, "-s", f"WENKU_REDIS_URL={redis_server.url}", "-s", "WENKU_REDIS_IDLE=4",
                       "-s", "DOWNLOAD_DELAY=0.05", "-s", "LOG_LEVEL=INFO"]
        worker = processes.start(crawl_command(address, tmp_path / "w", *worker_args), tmp_path / "w.log",
                                 env=synth_env())
        wait_for(lambda: texts(store) >= docs // 4 or worker.poll() is not None, what="a quarter stored")
        assert worker.poll() is None and writer.poll() is None, "the crawl ended before the outage"
        redis_server.kill()
        time.sleep(2)                          # the outage: both notice it (their calls fail)
        redis_server.start()
        assert worker.wait(timeout=300) == 0, (tmp_path / "w.log").read_text()[-3000:]
        assert writer.wait(timeout=180) == 0, (tmp_path / "writer.log").read_text()[-3000:]
    assert "answers again" in (tmp_path / "w.log").read_text()           # both saw the outage
    assert "answers again" in (tmp_path / "writer.log").read_text()
    assert {k: v for k, v in stable_output(store, ordered=False).items()
            if k.endswith(".txt") or k == "manifest.jsonl"} == expected


def test_a_worker_and_the_writer_fail_at_once_when_redis_does_not_answer_at_the_start(tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"
    expected = f"error: Redis at {url} does not answer"
    commands = {"demo": crawl_command("127.0.0.1:9", tmp_path / "w", *SYNTH, "-s", f"WENKU_REDIS_URL={url}"),
                "scrapy crawl": [sys.executable, "-m", "scrapy", "crawl", "synthdoc", "-s", f"WENKU_REDIS_URL={url}",
                                 "-s", f"WENKU_OUT={tmp_path / 'w2'}"],
                "ingest": ingest_cmd(url, tmp_path / "out")}
    for name, cmd in commands.items():
        started = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, env=synth_env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, f"{name}: exit {done.returncode}\n{done.stderr[-3000:]}"
        assert expected in done.stderr and f"is redis-server running at {url}?" in done.stderr, f"{name}: {done.stderr}"
        assert "Traceback" not in done.stderr, f"{name}: {done.stderr}"
        assert time.monotonic() - started < 60, name
