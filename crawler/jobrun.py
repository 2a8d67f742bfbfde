"""`python -m crawler run JOB.toml`: a job's crawls, one after another, then one verdict.

The job file (crawler/jobs.py) is checked whole before anything is fetched.  The
output folder's run lock is held for the whole job (a run started meanwhile waits),
every crawl adds its section to the run's report (crawler/extensions/health.py), and
the run ends with one line: `healthy: ...` (exit 0) or `unhealthy: <why>` (exit 1).
A job file that cannot be run exits 2 with one line naming the file and the fix.
"""
from __future__ import annotations

import argparse
import os
import sys

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import default_settings
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings
from scrapy.utils.reactor import is_reactor_installed
from twisted.internet import defer

from crawler import runlock
from crawler import settings as project_settings
from crawler.extensions.summary import site_summary
from crawler.jobs import Job, JobError, check_job, load_job
from crawler.replica import REPLICA_SETTINGS, start_replica_server, stop_replica_server
from crawler.reports import runs

HEALTHY_EXIT, UNHEALTHY_EXIT, USAGE_EXIT = 0, 1, 2


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def known_settings() -> dict:
    """Every setting a job may set, with its default: Scrapy's and this project's."""
    known = {name: getattr(default_settings, name) for name in dir(default_settings) if name.isupper()}
    known.update({name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()})
    return known


def run_command(args: argparse.Namespace) -> int:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    try:
        job = load_job(args.job)
        os.chdir(job.folder)            # relative paths in the job file are relative to its folder
        loader = get_spider_loader(get_project_settings())
        check_job(job, {name: loader.load(name) for name in loader.list()}, known_settings())
        try:
            runlock.make_output_folder(job.out)
        except runlock.OutputFolderError as exc:
            raise JobError(f"{job.path}: [job] out: {exc}") from None
    except JobError as exc:
        say(f"error: {exc}")
        return USAGE_EXIT
    return run_job(job, verbose=args.verbose)


def run_job(job: Job, verbose: bool = False) -> int:
    """Hold the output folder, run the crawls, judge the run, say so in one line."""
    try:
        hold = runlock.acquire(job.out, job.name, float(job.settings.get("WENKU_RUN_LOCK_TIMEOUT", 0)), say=say)
    except runlock.RunLockTimeout as exc:
        say(f"unhealthy: did not run: {exc}")
        return UNHEALTHY_EXIT
    try:
        problems = crawl_with_replica(job, verbose) if job.replica is not None else crawl_all(job, {}, verbose)
        report = runs.record(job.out, hold.run_id, job.name, hold.started, problems=tuple(problems))
    finally:
        runlock.release(hold)
    path = runs.runs_dir(job.out) / hold.run_id / runs.REPORT_HTML
    if report["status"] == "healthy":
        docs = report["totals"].get("documents", {})
        print(f"healthy: run {hold.run_id} of {job.name}, {len(job.crawls)} crawl(s), {docs.get('found', 0)} "
              f"documents found, {docs.get('new', 0)} new; report: {path}", flush=True)
        return HEALTHY_EXIT
    print(f"unhealthy: {'; '.join(report['reasons'])}; report: {path}", flush=True)
    return UNHEALTHY_EXIT


def crawl_with_replica(job: Job, verbose: bool) -> list[str]:
    """`replica = true`: the bundled replica server answers every request, for the whole job."""
    server, address = start_replica_server(job.replica or None)
    try:
        return crawl_all(job, {"REPLICA_ADDRESS": address, **REPLICA_SETTINGS}, verbose)
    finally:
        stop_replica_server(server)


def crawl_all(job: Job, extra: dict, verbose: bool) -> list[str]:
    """Every crawl of the job in this process, one after another: problems that are not any
    one site's (a crawl that could not start, an interruption)."""
    base = get_project_settings()
    base.setdict({"WENKU_OUT": str(job.out), "WENKU_JOB": job.name, "LOG_LEVEL": "INFO" if verbose else "WARNING",
                  **extra}, priority="cmdline")
    base.setdict(job.settings, priority="cmdline")
    process = CrawlerProcess(base)
    problems: list[str] = []

    @defer.inlineCallbacks
    def one_after_another():
        for number, crawl in enumerate(job.crawls, 1):
            settings = base.copy()
            settings.setdict(crawl.settings, priority="cmdline")
            # the first crawler installs the reactor its settings name (as CrawlerProcess's own would)
            crawler = Crawler(process.spider_loader.load(crawl.spider), settings,
                              init_reactor=not is_reactor_installed())
            try:
                yield process.crawl(crawler, **crawl.args)
            except Exception as exc:  # noqa: BLE001 - one crawl that cannot start does not stop the job
                problems.append(f"crawl {number} ({crawl.spider}) did not run: {type(exc).__name__}: {exc}")
                say(f"crawl {number}/{len(job.crawls)} {crawl.spider}: did not run: {exc}")
                continue
            stats = crawler.stats.get_stats()
            row = site_summary(stats, getattr(crawler.spider, "site", "") or crawl.spider)
            say(f"crawl {number}/{len(job.crawls)} {crawl.spider}: {row['pages']} pages, {row['kept']} kept, "
                f"{row['duplicate']} duplicate, {row['rejected']} rejected, {row['blocked']} blocked, "
                f"{row['known_skipped']} already held ({stats.get('finish_reason', '?')}, {stats.get('wenku/health', '?')} so far)")
            if stats.get("finish_reason") == "shutdown":
                problems.append(f"interrupted during crawl {number} ({crawl.spider}); later crawls not run")
                break

    one_after_another()
    process.start()
    return problems
