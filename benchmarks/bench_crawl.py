"""Crawl benchmark: pages/s and documents/s through the real Scrapy engine, end to end.

    python benchmarks/bench_crawl.py [--docs 5000] [--workers 1] [--concurrency 16] [--profile]

Serves the generated replica family (tests/sites/families/synthetic.py, N documents,
50 per listing page) from a separate server process on 127.0.0.1, crawls it with the
`synthdoc` profile spider (benchmarks/profiles/synthdoc.toml) with politeness delays
off, cleans, deduplicates and stores into a temporary folder, then prints:
wall time, pages/s, documents/s, CPU seconds of crawler and server, the share of the
crawler's time spent cleaning, and a check of sampled documents against the expected
text.  --profile adds a cProfile breakdown of the crawler process (slower).
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
    one asyncio loop (tests/sites/prerendered.py), so the server takes little of the 2 cores."""
    import asyncio

    from tests.sites.families import synthetic
    from tests.sites.prerendered import Pages, serve_forever
    pages = Pages({"synthetic_docs": docs})
    pages.prerender(synthetic.paths(docs))
    asyncio.run(serve_forever(port, pages, ready=lambda: print("ready", flush=True)))


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
        "dedup fingerprints (cleaners.dedup.fingerprint)": ("cleaners/dedup.py", "fingerprint"),
        "store.add (files + index)": ("cleaners/store.py", "add"),
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1, help="cleaning worker processes (WENKU_CLEAN_WORKERS)")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight to the one host")
    parser.add_argument("--profile", action="store_true", help="run the crawler under cProfile")
    parser.add_argument("--keep", help="keep the output in this folder")
    parser.add_argument("--serve", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(*args.serve)
        return 0

    from tests.sites.families.synthetic import expected
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = cpu_seconds(server.pid) - server_cpu0
    server.kill()
    server.wait()
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr[-3000:], file=sys.stderr)
        return 1
    crawler_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pages = int(re.search(r"(\d+) pages in", proc.stdout).group(1))
    clean_seconds = stat(proc.stderr, "wenku/clean_seconds")
    writer_cpu = stat(proc.stderr, "wenku/writer/cpu_seconds")
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    sample = random.Random(1).sample(records, min(50, len(records)))
    wrong = [r["id"] for r in sample
             if "".join((out / r["path"]).read_text(encoding="utf-8").split()) != "".join(expected(int(r["id"])).split())]

    print(f"documents served {args.docs}, kept {len(records)}, pages fetched {pages}")
    print(f"wall {wall:.1f}s (crawler process start-up included)")
    print(f"end to end: {pages / wall:.0f} pages/s, {len(records) / wall:.0f} documents/s")
    print(f"CPU: crawler+workers {crawler_cpu:.1f}s (Scrapy process {crawler_cpu - writer_cpu:.1f}s, "
          f"writer {writer_cpu:.1f}s), replica server {server_cpu:.1f}s, on {os.cpu_count()} cores")
    print(f"cleaning (clean_all + fingerprints, summed over {max(args.workers, 1)} "
          f"{'worker' if args.workers else 'in-process'}): {clean_seconds:.1f}s = "
          f"{100 * clean_seconds / crawler_cpu:.0f}% of the crawler's CPU time")
    print(f"sampled {len(sample)} documents against the expected text: {len(sample) - len(wrong)} match"
          + (f", differ: {wrong[:10]}" if wrong else ""))
    if args.profile:
        print("crawler process, cumulative seconds under cProfile:")
        for label, seconds in profile_breakdown(prof):
            print(f"  {label:<50} {seconds:7.2f}")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
