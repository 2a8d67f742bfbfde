"""A distributed crawl through Redis: 1, 2 and 4 workers crawling the replica, one writer;
pages/s of the workers, docs/s of the writer, and whether the writer is the bottleneck.

    .venv/bin/python benchmarks/bench_redis.py                  # 1,000 documents, 1/2/4 workers
    .venv/bin/python benchmarks/bench_redis.py --docs 3000 --workers 1,2

Each run: a fresh redis-server (tests/support/redis_server.py, no persistence) and a fresh
store; the replica server (replicas/server.py, the `synthdoc` family of --docs generated
documents, benchmarks/profiles) in this process; `python -m cleaners ingest` as the writer and
N `python -m crawler demo --spiders synthdoc -s WENKU_REDIS_URL=...` workers, all started
together.  Measured: the workers' wall time (first start to last exit) and pages; the time
until the writer has stored every document (the stream drained); the writer's CPU over that
time (near 100 % of a core while the stream's backlog grows = the writer is the bottleneck);
the largest backlog seen.  The same-run baseline is the one-process crawl (no Redis) of the
same replica.  Everything runs on this machine (2 cores, shared): N workers + a writer + the
replica server compete for them, so the figures say where the limits are, not what N
machines would do.

Figures (--docs 2000, load 2.3-2.9, everything on this 2-core machine):
    writer alone: 3,000 cleaned documents (a fifth of them copies) stored in 3.8 s = 785 docs/s,
        process start and store opening included
    one process, no Redis: 2,041 pages in 10.5 s = 194 pages/s (start-up included)
    1 worker: last document pushed 9.1 s after the start = 225 pages/s (267 from the first push);
        writer CPU 59 % of a core, largest backlog 150 entries
    2 workers: 224 pages/s (259 from the first push); writer 53 % of a core, backlog 416
    4 workers: 215 pages/s (285 from the first push); writer 43 % of a core, backlog 167
    More workers bring nothing here: workers, writer and replica server share two cores, all
    busy.  The writer is not the bottleneck at 4 workers (under two thirds of a core, the
    backlog stays small); on separate machines it would become one near its own ~800-1,300
    docs/s (fingerprinting what the workers send, then storing).
    Later (--docs 1000, load 0.4-0.7): writer alone 926 docs/s; one process 272 pages/s; 1/2/4
    workers push 227/231/232 pages/s from the first push; the writer busy 39/36/32 % of a core,
    backlog at most 13/24/37 entries, 4.0x headroom at 4 workers: not the bottleneck.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support"), str(ROOT / "benchmarks")]

import redis  # noqa: E402

import bench_memory  # noqa: E402
from cleaners.document import CleanResult  # noqa: E402
from cleaners.stream import records  # noqa: E402
from redis_server import RedisServer  # noqa: E402
from replicas.server import start as start_replica  # noqa: E402

PAGES = re.compile(r"(\d+) spiders, (\d+) pages in ([\d.]+)s")
WORKER_SETTINGS = ["--spiders", "synthdoc", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def env() -> dict:
    values = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    values["WENKU_PROFILES"] = str(ROOT / "benchmarks" / "profiles")
    values["PYTHONPATH"] = str(ROOT)
    return values


def cpu_seconds(pid: int) -> float:
    """utime + stime of a running process (and its waited-for children), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def pending(client) -> int:
    """Entries the writer has read and not acknowledged yet."""
    try:
        return client.xpending(records.STREAM, records.GROUP)["pending"]
    except redis.ResponseError:          # no group yet: the writer has not started reading
        return 1


def single_process(address: str, scratch: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "crawler", "demo", "--replica", address, "--out",
                           str(scratch / "single"), *WORKER_SETTINGS], cwd=ROOT, env=env(), capture_output=True,
                          text=True)
    elapsed = time.perf_counter() - started
    match = PAGES.search(done.stdout)
    if done.returncode or not match:
        raise SystemExit(f"the one-process crawl failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return {"pages": int(match.group(2)), "wall": elapsed}


def distributed(address: str, workers: int, scratch: Path, docs: int) -> dict:
    folder = scratch / f"run{workers}"
    folder.mkdir()
    server = RedisServer(folder)
    try:
        client = redis.Redis.from_url(server.url)
        store = folder / "store"
        started = time.perf_counter()
        writer = subprocess.Popen([sys.executable, "-m", "cleaners", "ingest", "--redis", server.url, "--out",
                                   str(store)], cwd=ROOT, env=env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs = [subprocess.Popen([sys.executable, "-m", "crawler", "demo", "--replica", address, "--out",
                                   str(folder / f"w{i}"), *WORKER_SETTINGS, "-s", f"WENKU_REDIS_URL={server.url}",
                                   "-s", "WENKU_REDIS_IDLE=2"], cwd=ROOT, env=env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                 for i in range(workers)]
        backlog, writer_cpu, crawled_at, drained_at, first_push_seen = 0, 0.0, None, None, None
        while drained_at is None:
            time.sleep(0.1)
            backlog = max(backlog, client.xlen(records.STREAM))
            if first_push_seen is None and client.exists(records.STREAM) and client.xinfo_stream(records.STREAM)["last-generated-id"] != b"0-0":
                first_push_seen = int(client.xinfo_stream(records.STREAM)["last-generated-id"].split(b"-")[0]) / 1000
            if writer.poll() is None:
                writer_cpu = cpu_seconds(writer.pid)
            if crawled_at is None and all(p.poll() is not None for p in procs):
                crawled_at = time.perf_counter()
            if crawled_at is not None and not client.xlen(records.STREAM) and not pending(client):
                drained_at = time.perf_counter()
        writer.terminate()                  # it stops after the batch in hand, committed
        wall_started = time.time() - (time.perf_counter() - started)
        writer.wait(timeout=60)
        stored = sum(1 for _ in store.rglob("*.txt"))
        info = client.xinfo_stream(records.STREAM)
        last_push = int(info["last-generated-id"].split(b"-")[0]) / 1000
        pages = 0
        for proc in procs:
            match = PAGES.search(proc.stdout.read())
            pages += int(match.group(2)) if match else 0
        return {"workers": workers, "pages": pages, "crawl_wall": crawled_at - started,
                "push_window": last_push - (first_push_seen or wall_started), "to_last_push": last_push - wall_started,
                "drain_wall": drained_at - started, "stored": stored, "writer_cpu": writer_cpu, "backlog": backlog}
    finally:
        server.stop()


def writer_alone(results: int, scratch: Path) -> dict:
    """The writer's own speed: `results` cleaned documents (bench_memory.py's synthetic stream, ~2,500
    characters, a fifth of them copies to find) pushed first, then `ingest` until idle."""
    folder = scratch / "writer_alone"
    folder.mkdir()
    server = RedisServer(folder)
    try:
        client = redis.Redis.from_url(server.url)
        bench_memory._POOL = bench_memory.sentence_pool()
        for i in range(results):
            doc_id, site, title, text, partial = bench_memory.make_doc(i, 2500)
            result = CleanResult(id=doc_id, url=f"https://{site}.example/{doc_id}.html", site=site, title=title,
                                 text=text, flags={"partial": partial})
            client.xadd(records.STREAM, {records.FIELD: records.encode_result(result)})
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "cleaners", "ingest", "--redis", server.url, "--out",
                               str(folder / "store"), "--idle-exit", "0.5"], cwd=ROOT, env=env(), capture_output=True)
        elapsed = time.perf_counter() - started - 0.5
        if done.returncode:
            raise SystemExit(f"ingest failed: {done.stderr[-2000:]}")
        return {"entries": results, "seconds": elapsed}
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", default="1,2,4", help="worker counts to measure, comma-separated")
    parser.add_argument("--writer-entries", type=int, default=3000, help="documents for the writer-alone run")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench_redis_"))
    replica, port = start_replica(config={"synthetic_docs": args.docs})
    replica.RequestHandlerClass.disable_nagle_algorithm = True
    address = f"127.0.0.1:{port}"
    try:
        print(f"load before: {Path('/proc/loadavg').read_text().strip()}", flush=True)
        base = single_process(address, scratch)
        alone = writer_alone(args.writer_entries, scratch)
        print(f"writer alone: {alone['entries']} cleaned documents already in the stream, stored in "
              f"{alone['seconds']:.1f}s = {alone['entries'] / alone['seconds']:.0f} docs/s (process start included)",
              flush=True)
        print(f"one process, no Redis: {base['pages']} pages in {base['wall']:.1f}s = "
              f"{base['pages'] / base['wall']:.0f} pages/s (process start included)", flush=True)
        writer_rate = alone["entries"] / alone["seconds"]
        for n in (int(x) for x in args.workers.split(",")):
            res = distributed(address, n, scratch, args.docs)
            busy = res["writer_cpu"] / res["drain_wall"]
            crawl_rate = res["pages"] / res["push_window"]
            print(f"{n} worker(s): {res['pages']} pages, the last document pushed {res['to_last_push']:.1f}s after "
                  f"the start = {res['pages'] / res['to_last_push']:.0f} pages/s ({res['pages'] / res['push_window']:.0f} "
                  f"pages/s from the first push, i.e. without the start-up); writer stored {res['stored']} docs by "
                  f"{res['drain_wall']:.1f}s = {res['stored'] / res['drain_wall']:.0f} docs/s, its CPU "
                  f"{res['writer_cpu']:.1f}s ({busy:.0%} of a core, "
                  f"{res['writer_cpu'] / max(res['stored'], 1) * 1e3:.2f} ms/doc); largest backlog "
                  f"{res['backlog']} entries; drained {res['drain_wall'] - res['crawl_wall']:.1f}s after the "
                  f"last worker stopped (workers end {res['crawl_wall']:.1f}s after the start: their idle wait)", flush=True)
            bottleneck = busy >= 0.9 or crawl_rate >= 0.9 * writer_rate
            print(f"   bar (issue 15): the writer is not the bottleneck at {n} worker(s): the workers push "
                  f"{crawl_rate:.0f} pages/s, the writer alone stores {writer_rate:.0f} docs/s "
                  f"({writer_rate / crawl_rate:.1f}x headroom), busy {busy:.0%} of a core -> "
                  f"{'BOTTLENECK' if bottleneck else 'not the bottleneck'}; one process without Redis: "
                  f"{base['pages'] / base['wall']:.0f} pages/s", flush=True)
        print(f"load after: {Path('/proc/loadavg').read_text().strip()}")
    finally:
        replica.shutdown()
        replica.server_close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
