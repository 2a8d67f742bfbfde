"""Crawl benchmark: pages/s and documents/s through the real Scrapy engine, end to end.

    python benchmarks/bench_crawl.py [--docs 5000] [--workers 2] [--concurrency 16] [--no-floor] [--profile]

Serves the generated replica family (replicas/families/synthetic.py, N documents,
50 per listing page) from a separate server process on 127.0.0.1 (every page rendered
by the replica's handlers before the clock starts, then served from one asyncio loop:
replicas/prerendered.py), crawls it with the `synthdoc` profile spider
(benchmarks/profiles/synthdoc.toml) with politeness delays off, robots.txt obeyed and
the project's middlewares on, cleans (in --workers processes under the writer),
deduplicates and stores into a temporary folder, then prints: wall time (crawler
start-up included), pages/s, documents/s, CPU seconds of the Scrapy process, of the
writer with its cleaning workers and of the server, the shares of cleaning and
storing, a check of sampled documents against the expected text, and Scrapy's floor:
a bare spider fetching the same pages from the same server with the same engine
settings and a callback that does nothing, run right after (--no-floor skips it).
--profile adds a cProfile breakdown of the crawler process (slower).

Figures on the 2-core machine, 5000 documents, 5101 pages (December 2026).  The machine's own
speed moves by +-25% from one minute to the next, and other sessions' benchmarks often run
beside this one, so judge by CPU seconds, and the Scrapy process against the floor measured in
the same minute (the "x its CPU" figure):
  before (threaded stdlib server, lone writer):   30-46 s wall, 111-150 pages/s;
      CPU crawler 22 s + writer 20 s, server 3.5 s
  cleaning workers (4bdd033), quiet minute: 14.0 s wall = 364 pages/s; CPU Scrapy process 12.3 s
      (2.4 ms/page) + writer and 2 workers 12.2 s; floor 6.9 s.  Later that day, quiet: 20.0 s =
      255 pages/s; CPU Scrapy process 17.6 s (3.4 ms/page, 1.56x the floor's CPU) + writer and
      workers 16.8 s (cleaning 8.6 s = 25%, store 4.3 s); floor 11.3 s wall, 2.2 ms/page.
  crawler process trimmed (321a9ef, 66a5909: start-up heap frozen and fewer young collections,
      GC 0.7 s -> 0.1 s and exit teardown 0.4 s -> 0.04 s; writer started before Scrapy is
      imported; no cleaning pipeline nor aiohttp imported in the crawler; URL parts remembered),
      `python benchmarks/bench_crawl.py` alternating with the code before it, load average ~4
      from other benchmarks (wall times 38-57 s, meaningless): Scrapy process 17.0 and 15.9 s =
      1.28x and 1.14x the floor's CPU, before 19.7 and 17.6 s = 1.46x and 1.48x; writer and
      workers 18.1-18.9 s both.  With the cleaners and store as of 22:22 (others' work in progress
      included), load average 3: wall 23.3 s
      = 219 pages/s; CPU Scrapy process 13.2 s (2.6 ms/page, 1.05x the floor's 12.5 s) + writer
      7.9 s and workers 8.6 s = 29.7 s (cleaning 7.4 s = 25%, store 3.3 s); floor 13.0 s wall.
      Estimate, not measured (no quiet minute came): with both cores free, ~29.7 s / 2 + ~1 s
      of start-up = ~16 s, ~320 pages/s.
  measured later, nothing else running (`python benchmarks/bench_crawl.py`, twice in a row, with
      the cleaners' regex/t2s work and the store's writer thread in): 14.1 s wall = 363 pages/s,
      355 documents/s; CPU Scrapy process 12.2 s (2.4 ms/page, 1.55x the floor's 7.9 s) + writer
      5.3 s + workers 7.6 s = 25.1 s (cleaning 6.6 s = 26%, store 2.6 s = 11%).  Then 16.9 s =
      302 pages/s; CPU 13.4 + 8.4 + 9.1 = 31.0 s (cleaning 7.9 s = 26%).  Floor 7.7-7.9 s =
      644-660 pages/s.  Where the time goes: Scrapy itself ~1.6 ms/page (the floor), our
      spider and middlewares ~0.8-1.0 ms/page on top, the writer's store work ~1-1.7 ms/doc and
      cleaning (HTML extraction + clean + fingerprint) ~1.3-1.6 ms/doc in the two workers.
  final code (the store's shingle hashes kept in its workers too), nothing else running, twice:
      11.6 s = 440 pages/s and 12.0 s = 426 pages/s; CPU Scrapy process 10.0 s (2.0 ms/page,
      1.6x the floor's 6.1 s) + writer 4.7-5.6 s + workers 6.2-6.3 s = 21.0-21.7 s; cleaning
      5.3-5.4 s = 24-26%, store 2.1 s = 10%; floor 6.1 s = 833-841 pages/s.
  store path in the writer (wt-writer: `Store.has` no longer waits for the store's writer thread
      before every document; key files place a shared key's long run one pair at a time), main
      and new alternating, `--no-floor`, load average 4-9 (wall meaningless): store (prepare + add
      + ledger) 8.8, 8.8 s -> 6.1, 5.7 s (1.76 -> 1.2 ms/doc); writer process CPU 12.9, 14.4 s ->
      10.9, 10.5 s.  Left: host-lines counting (2.5 s of 5,000 documents under cProfile, one upsert
      a line) and the key
      files' presence scan of a shared anchor's run (O(holders) a pair).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, docs: int) -> None:
    """Server process body: the replica's pages rendered before the clock starts, then served from
    one asyncio loop (replicas/prerendered.py), so the server takes little of the 2 cores."""
    import asyncio

    from replicas.families import synthetic
    from replicas.prerendered import Pages, serve_forever
    pages = Pages({"synthetic_docs": docs})
    pages.prerender(synthetic.paths(docs))
    asyncio.run(serve_forever(port, pages, ready=lambda _: print("ready", flush=True)))


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stat(log: str, name: str) -> float:
    """A numeric Scrapy stat from the crawl's final stats dump (0 if absent)."""
    m = re.search(rf"'{re.escape(name)}': ([\d.]+)", log)
    return float(m.group(1)) if m else 0.0


def profile_breakdown(path: Path) -> list[tuple[str, float]]:
    """Cumulative seconds of the parts of the crawler a reader cares about."""
    import pstats
    stats = pstats.Stats(str(path)).stats
    parts = {
        "cleaning (cleaners.pipeline.clean_all)": ("cleaners/pipeline.py", "clean_all"),
        "dedup fingerprints (cleaners.dedup.fingerprint)": ("cleaners/dedup/minhash.py", "fingerprint"),
        "store.add (files + index)": ("cleaners/store/adding.py", "add"),
        "spider callbacks (parse_document)": ("crawler/spiders/profiled.py", "parse_document"),
        "spider callbacks (parse_listing)": ("crawler/spiders/profiled.py", "parse_listing"),
        "page decoding for navigation": ("crawler/spiders/base.py", "page_selector"),
        "downloader middlewares": ("scrapy/core/downloader/middleware.py", "download_async"),
        "whole run (reactor)": ("asyncio/base_events.py", "run_forever"),
    }
    out = []
    for label, (file, func) in parts.items():
        total = sum(v[3] for (f, _, name), v in stats.items() if f.endswith(file) and name == func)
        out.append((label, total))
    return out


def bare_crawl(port: int, docs: int, concurrency: int) -> None:
    """Bare-spider process body: Scrapy's own floor on this machine.

    The same engine settings (asyncio reactor, concurrency, CONCURRENT_ITEMS, stats, robots.txt,
    Scrapy's default middlewares) fetch the same pages from the same server, and the callback
    does nothing: no parsing, no project middlewares, no item, no cleaning."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from crawler import settings as project
    from replicas.families import synthetic

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self):
            for host, path in synthetic.paths(docs)[1:]:        # robots.txt is fetched by its middleware
                yield scrapy.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host},
                                     callback=self.parse, dont_filter=True)

        def parse(self, response):
            return None

    process = CrawlerProcess({
        "TWISTED_REACTOR": project.TWISTED_REACTOR, "CONCURRENT_ITEMS": project.CONCURRENT_ITEMS,
        "STATS_CLASS": project.STATS_CLASS, "TELNETCONSOLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False, "LOG_LEVEL": "WARNING", "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "CONCURRENT_REQUESTS": concurrency * 2, "USER_AGENT": project.USER_AGENT})
    process.crawl(BareSpider)
    process.start()


def timed(cmd: list[str], env: dict) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run a child process: (result, wall seconds, CPU seconds of it and its waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return proc, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def check_sample(out: Path, records: list[dict]) -> tuple[int, list[str]]:
    """50 stored documents compared with the text the generator put in them: (sampled, wrong ids)."""
    from replicas.families.synthetic import expected
    sample = random.Random(1).sample(records, min(50, len(records)))
    wrong = [r["id"] for r in sample
             if "".join((out / r["path"]).read_text(encoding="utf-8").split()) != "".join(expected(int(r["id"])).split())]
    return len(sample), wrong


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2, help="cleaning worker processes (WENKU_CLEAN_WORKERS)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight to the one host")
    parser.add_argument("--profile", action="store_true", help="run the crawler under cProfile")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare-spider baseline run")
    parser.add_argument("--keep", help="keep the output in this folder")
    parser.add_argument("--serve", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare", nargs=3, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(*args.serve)
        return 0
    if args.bare:
        bare_crawl(*args.bare)
        return 0

    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), str(args.docs)],
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout.readline().strip() == "ready"
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "WENKU_PROFILES": str(ROOT / "benchmarks" / "profiles"), "PYTHONPATH": str(ROOT)}
    prof = out.parent / f"{out.name}.prof"
    cmd = [sys.executable, *(["-m", "cProfile", "-o", str(prof)] if args.profile else []),
           "-m", "crawler", "demo", "--replica", f"127.0.0.1:{port}", "--out", str(out), "--spiders", "synthdoc",
           "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={args.concurrency}", "-s", f"CONCURRENT_REQUESTS={args.concurrency * 2}",
           "-s", f"WENKU_CLEAN_WORKERS={args.workers}", "-s", "CLOSESPIDER_TIMEOUT=0", "-s", "LOG_LEVEL=INFO"]
    server_cpu0 = cpu_seconds(server.pid)
    proc, wall, crawler_cpu = timed(cmd, env)
    server_cpu = cpu_seconds(server.pid) - server_cpu0
    floor = None if args.no_floor else timed(
        [sys.executable, __file__, "--bare", str(port), str(args.docs), str(args.concurrency)], env)
    server.kill()
    server.wait()
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr[-3000:], file=sys.stderr)
        return 1
    pages = int(re.search(r"(\d+) pages in", proc.stdout).group(1))
    clean_seconds = stat(proc.stderr, "wenku/clean_seconds")
    store_seconds = stat(proc.stderr, "wenku/store_seconds")
    writer_cpu = stat(proc.stderr, "wenku/writer/cpu_seconds")
    writer_own_cpu = stat(proc.stderr, "wenku/writer/own_cpu_seconds")
    scrapy_cpu = crawler_cpu - writer_cpu
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    sampled, wrong = check_sample(out, records)

    print(f"documents served {args.docs}, kept {len(records)}, pages fetched {pages}")
    print(f"wall {wall:.1f}s (crawler process start-up included)")
    print(f"end to end: {pages / wall:.0f} pages/s, {len(records) / wall:.0f} documents/s")
    print(f"CPU: crawler+writer+workers {crawler_cpu:.1f}s = Scrapy process {scrapy_cpu:.1f}s "
          f"({1000 * scrapy_cpu / pages:.1f} ms/page) + writer and {args.workers} cleaning workers {writer_cpu:.1f}s "
          f"(writer {writer_own_cpu:.1f}s, workers {writer_cpu - writer_own_cpu:.1f}s); "
          f"replica server {server_cpu:.1f}s; {os.cpu_count()} cores")
    print(f"cleaning (clean_all + fingerprints, summed over {'the writer' if not args.workers else 'the workers'}): "
          f"{clean_seconds:.1f}s = {100 * clean_seconds / crawler_cpu:.0f}% of the crawl's CPU time; "
          f"store (prepare + add + ledger): {store_seconds:.1f}s = {100 * store_seconds / crawler_cpu:.0f}%")
    print(f"sampled {sampled} documents against the expected text: {sampled - len(wrong)} match"
          + (f", differ: {wrong[:10]}" if wrong else ""))
    if floor is not None:
        bare, bare_wall, bare_cpu = floor
        if bare.returncode != 0:
            print(f"bare spider failed: {bare.stderr[-2000:]}", file=sys.stderr)
        else:
            print(f"Scrapy floor (bare spider, same pages, same server, callback does nothing): wall {bare_wall:.1f}s "
                  f"= {pages / bare_wall:.0f} pages/s, CPU {bare_cpu:.1f}s ({1000 * bare_cpu / pages:.1f} ms/page); "
                  f"this crawl: {wall / bare_wall:.2f}x its wall time, Scrapy process {scrapy_cpu / bare_cpu:.2f}x its CPU")
    if args.profile:
        print("crawler process, cumulative seconds under cProfile:")
        for label, seconds in profile_breakdown(prof):
            print(f"  {label:<50} {seconds:7.2f}")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
