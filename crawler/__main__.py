"""`python -m crawler demo [--out DIR]`: crawl every replica site family end to end.

Starts the local replica server (replicas/server.py; no network needed),
runs every profile spider plus the generic spider through the real Scrapy
engine with requests routed to 127.0.0.1, cleans, deduplicates, writes DIR
(default `output/`, same layout and manifest as `python -m cleaners clean`)
and prints a per-site summary.  Run it twice into the same folder: the second
run fetches no known document page and adds nothing.

`python -m crawler run JOB.toml` runs the crawls of a job file (crawler/jobrun.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from crawler import settings as defaults
from crawler.handoff.launch import discard_early, start_early, writer_mode
from crawler.handoff.output import LEDGER_FILE
from crawler.replica import REPLICA_SETTINGS, REPO, start_replica_server, stop_replica_server
from crawler.reports import runs
from crawler.runlock import OutputFolderError, make_output_folder

CATALOG = REPO / "replicas" / "catalog.json"
BENCHMARK_ONLY = {"synthetic"}      # thousands of generated documents: benchmarks/bench_crawl.py


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m crawler", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="crawl the local replicas of every site family into DIR")
    demo.add_argument("--out", default="output", help="output folder (default: output/)")
    demo.add_argument("--replica", metavar="HOST:PORT",
                      help="use an already running replica server instead of starting one")
    demo.add_argument("--spiders", help="comma-separated spider names (default: all)")
    demo.add_argument("--refresh", action="store_true", help="re-fetch documents already held")
    demo.add_argument("--no-dedup", action="store_true", help="keep near/exact duplicates")
    demo.add_argument("--jobdir", help="Scrapy JOBDIR prefix (one sub-folder per spider) for pause/resume")
    demo.add_argument("--warc", help="also archive raw responses into this .warc.gz")
    demo.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                      help="extra Scrapy setting (repeatable)")
    demo.add_argument("-v", "--verbose", action="store_true", help="Scrapy INFO logging")
    demo.set_defaults(func=run_demo)
    run = sub.add_parser("run", help="run the crawls of a job file; exit 0 healthy, 1 unhealthy, 2 bad job file")
    run.add_argument("job", help="job file (TOML: [job] name/out, [[crawl]] spider/args/settings; see jobs/)")
    run.add_argument("-v", "--verbose", action="store_true", help="Scrapy INFO logging")
    run.set_defaults(func=run_job)
    return parser


def run_job(args) -> int:
    """`run JOB.toml` (crawler/jobrun.py; imported here: it loads Scrapy, which `demo` defers)."""
    from crawler.jobrun import run_command
    return run_command(args)


def generic_jobs(catalog: dict) -> list[dict]:
    """Generic-spider arguments for replica families no site profile covers (official sites)."""
    from cleaners import profiles
    jobs = []
    for name, family in catalog.get("families", {}).items():
        if name in BENCHMARK_ONLY:
            continue
        hosts = family.get("hosts", [])
        if any(profiles.for_url(f"http://{h}/").name != profiles.GENERIC for h in hosts):
            continue
        starts = family.get("start_urls", {})
        if starts.get("column"):            # government columns: the column URL alone
            jobs.append({"start": ",".join(starts["column"])})
        elif starts.get("sitemap"):
            jobs.append({"sitemap": starts["sitemap"][0]})
        elif starts.get("listing"):
            jobs.append({"start": ",".join(starts["listing"]), "follow": "2"})
    return jobs


def demo_spiders(names: list[str]) -> list[str]:
    """The spiders the demo runs: the generic one and those whose profile has a start page."""
    return [n for n in names if n == "generic" or profile_starts(n)]


def profile_starts(spider: str) -> list[str]:
    """The start URLs a profile spider crawls without arguments (its profile's `start_urls`)."""
    from cleaners import profiles
    return list(profiles.get(spider).extra.get("start_urls", []))


def start_writer_early(args) -> None:
    """Start the output folder's writer process now, before Scrapy is imported, when the crawl
    will use one (crawler/handoff/launch.py `start_early`): its start-up overlaps the crawler's."""
    values = {name: getattr(defaults, name) for name in ("WENKU_WRITER", "TWISTED_REACTOR", "WENKU_CLEAN_WORKERS",
                                                         "WENKU_REDIS_URL")}
    values["WENKU_OUT"] = args.out
    values.update(pair.partition("=")[::2] for pair in args.set)
    if writer_mode(values) == "process" and not values["WENKU_REDIS_URL"]:
        start_early(Path(values["WENKU_OUT"]), not args.no_dedup, int(values["WENKU_CLEAN_WORKERS"]))


def run_demo(args) -> int:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    try:        # said once here, not once per spider when each crawl fails to start
        make_output_folder(Path(args.out).resolve())
    except OutputFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    start_writer_early(args)
    try:
        return crawl_demo(args)
    finally:
        discard_early()


def crawl_demo(args) -> int:
    """Crawl every replica family (or `--spiders`) into `--out` and print the summary."""
    # Scrapy and what needs it are imported only now, after `start_writer_early`: importing
    # Scrapy first would start the writer ~0.27 s later (measured) on an otherwise idle core.
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.commands.crawl import explain_start_failure
    from crawler.extensions.summary import CrawlSummary, format_table, reconcile_with_manifest

    server = None
    address = args.replica
    if not address:
        server, address = start_replica_server()
    settings = get_project_settings()
    settings.setdict({
        "REPLICA_ADDRESS": address,
        "WENKU_OUT": str(Path(args.out).resolve()),
        **REPLICA_SETTINGS,
        "WENKU_REFRESH": args.refresh,
        "WENKU_DEDUP": not args.no_dedup,
        "WENKU_JOB": "demo",            # every spider of the demo makes one run, one report
        "LOG_LEVEL": "INFO" if args.verbose else "WARNING",
    }, priority="cmdline")
    if args.warc:
        settings.set("WENKU_WARC", args.warc, priority="cmdline")
    for pair in args.set:
        name, _, value = pair.partition("=")
        settings.set(name, value, priority="cmdline")

    process = CrawlerProcess(settings)
    names = [n for n in process.spider_loader.list() if n != "generic"]
    catalog = json.loads(CATALOG.read_text(encoding="utf-8")) if CATALOG.exists() else {}
    jobs = [(n, {}) for n in names] + [("generic", kw) for kw in generic_jobs(catalog)]
    if args.spiders:
        wanted = set(args.spiders.split(","))
        idle = sorted(n for n in wanted if n != "generic" and not profile_starts(n))
        if idle:
            print(f"error: {', '.join(idle)}: no start page of its own in the demo (a search "
                  "spider needs `scrapy crawl NAME -a query=...`); demo spiders: "
                  f"{', '.join(demo_spiders(names + ['generic']))}", file=sys.stderr)
            return 2
        jobs = [(n, kw) for n, kw in jobs if n in wanted]
    else:   # profile spiders with no entry point of their own need `-a query/start/urls`: nothing to demo
        kept = set(demo_spiders(names + ["generic"]))
        jobs = [(n, kw) for n, kw in jobs if n in kept]
    ledger = Path(args.out) / LEDGER_FILE
    ledger_offset = ledger.stat().st_size if ledger.exists() else 0
    started = time.monotonic()
    crawlers = []
    for i, (name, kwargs) in enumerate(jobs):
        crawler = process.create_crawler(name)
        crawlers.append(crawler)
        if args.jobdir:
            crawler.settings.frozen = False
            crawler.settings.set("JOBDIR", str(Path(args.jobdir) / f"{name}-{i}"), priority="cmdline")
        explain_start_failure(process.crawl(crawler, **kwargs))
    process.start()
    elapsed = time.monotonic() - started
    if server is not None:
        stop_replica_server(server)
    counted = sorted(CrawlSummary.rows, key=lambda r: r["site"])
    rows = reconcile_with_manifest(counted, args.out, ledger_offset)
    lost = sum(r["failed"] for r in rows) - sum(r["failed"] for r in counted)
    print(format_table(rows, args.out))
    redis_url = crawlers[0].settings.get("WENKU_REDIS_URL") if crawlers else None
    if redis_url:   # the kept/duplicate columns are the writer's to count, not this worker's
        print(f"distributed: the documents went to the Redis stream at {redis_url}; the writer "
              f"(python -m cleaners ingest --redis {redis_url} --out DIR) stores them and counts what it kept")
    pages = sum(r["pages"] for r in rows)
    print(f"{len(rows)} spiders, {pages} pages in {elapsed:.1f}s against the replica at {address}")
    last = max((r for r in runs.read_index(args.out).values() if r.get("job") == "demo"),
               key=lambda r: r["run_id"], default=None)
    if last is not None:
        print(f"run report ({last['status']}): {runs.runs_dir(args.out) / last['run_id'] / runs.REPORT_HTML}")
    if lost:
        print(f"failed: {lost} document(s) the crawl stored are not in {args.out} (the store could not "
              "write them: see the error above); fix that and rerun to fetch them again", file=sys.stderr)
    # a crawl that could not start (Redis not answering, ...) has no row: Scrapy's own flag says it
    finished = all(r.get("reason") == "finished" for r in rows) and not process.bootstrap_failed
    store_failed = any(c.stats.get_value("wenku/writer/failed") for c in crawlers)
    healthy = last is None or last["status"] == "healthy"
    return 0 if finished and not lost and not store_failed and healthy else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
