"""Run health for every crawl: the run lock, observations while crawling, the report at the end.

Enabled in crawler/settings.py, so `scrapy crawl`, scrapyd jobs, `python -m crawler
run` and the demo all get it.  It takes the output folder's run lock before the store
is opened (a second run into the same folder waits, crawler/runlock.py), watches the
crawl (HTTP errors and failures with their URLs, why documents were rejected, block
pages, attachments, pages and documents sampled over time), and when the spider closes
adds the crawl's section to `OUT/runs/<run-id>/report.json` (+ report.html), judges
the run (crawler/reports/health.py) and sets the stat `wenku/health` to "healthy" or
"unhealthy" (crawler/commands/crawl.py turns that into `scrapy crawl`'s exit code).
"""
from __future__ import annotations

import json
import logging
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from cleaners.profiles import fold_host
from crawler import runlock
from crawler.handoff.output import LEDGER_FILE
from crawler.items import BLOCKED, FAILED, DocumentItem
from crawler.reports import figures, runs
from crawler.reports.health import limits_from

logger = logging.getLogger(__name__)

# "no document left in URL after cleaning (too_short, not_chinese)": crawler/pipelines.py, one per rejection
REJECTED = re.compile(r"no document left in (\S+) after cleaning \((.+)\)$")
STORE_ERROR = re.compile(r"^error storing |writer process .* ended unexpectedly|StoreError|No space left")
NOT_ATTACHMENTS = (b"text/", b"image/", b"application/json", b"application/javascript", b"application/xml",
                   b"application/xhtml", b"application/rss", b"application/atom", b"application/x-javascript")
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd",
                       ".zip", ".rar", ".7z")
MAX_SAMPLES = 600           # then every other sample is dropped and the interval doubles
SAMPLE_SECONDS = 1.0


def is_attachment(content_type: bytes | None, url: str) -> bool:
    """A file offered for download (PDF, Word, archives...) rather than a page."""
    if urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES):
        return True
    kind = (content_type or b"").split(b";")[0].strip().lower()
    return bool(kind) and not kind.startswith(NOT_ATTACHMENTS)


def site_label(spider) -> str:
    """What the report calls the crawl: the profile's site, or the generic spider's hosts."""
    if getattr(spider, "site", ""):
        return spider.site
    hosts = sorted(getattr(spider, "hosts", ()) or ())
    if hosts:
        return ", ".join(hosts) if len(hosts) <= 3 else f"{spider.name} ({len(hosts)} hosts)"
    return spider.name


def ledger_updates(path: Path, offset: int, sites: set[str]) -> int:
    """Documents of `sites` that replaced a stored copy ("replaced"), in ledger lines past `offset`."""
    updated = 0
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if record.get("site") in sites:
                    updated += record.get("outcomes", []).count("replaced")
    except OSError:
        return 0
    return updated


class LogWatcher(logging.Handler):
    """Hands the log records a crawl's report needs to its RunHealth: errors, rejections."""

    def __init__(self, owner: "RunHealth"):
        super().__init__(level=logging.INFO)
        self.owner = owner

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.owner.observe_record(record)
        except Exception:  # noqa: BLE001 - a report figure is never worth breaking the log
            pass


class RunHealth:
    """Scrapy extension: see the module doc."""

    def __init__(self, crawler):
        settings = crawler.settings
        if not settings.getbool("WENKU_REPORT", True):
            raise NotConfigured
        self.crawler = crawler
        self.out = Path(settings.get("WENKU_OUT") or "output").resolve()
        job = settings.get("WENKU_JOB") or crawler.spidercls.name
        self.hold = runlock.acquire(self.out, job, settings.getfloat("WENKU_RUN_LOCK_TIMEOUT", 0.0),
                                    say=logger.warning)
        self.crawl_id = f"{self.hold.run_id}-{uuid.uuid4().hex[:8]}"
        self.observed = figures.empty_observations()
        self.hosts: set[str] = set()
        self.sites: set[str] = set()
        ledger = self.out / LEDGER_FILE
        self.ledger_offset = ledger.stat().st_size if ledger.exists() else 0
        self.started = time.time()
        self.interval = SAMPLE_SECONDS
        self.sampler = None
        self.watcher = LogWatcher(self)
        for handler, signal in ((self.spider_opened, signals.spider_opened),
                                (self.response_received, signals.response_received),
                                (self.item_scraped, signals.item_scraped),
                                (self.item_error, signals.item_error),
                                (self.spider_closed, signals.spider_closed),
                                (self.engine_stopped, signals.engine_stopped)):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    # -- while crawling
    def spider_opened(self, spider=None):
        logging.getLogger().addHandler(self.watcher)
        self.sample()
        self.start_sampler()

    def start_sampler(self) -> None:
        self.sampler = create_looping_call(self.sample_periodically)
        self.sampler.start(self.interval, now=False)

    def sample(self) -> None:
        stats = self.crawler.stats
        self.observed["samples"].append([round(time.time() - self.hold.started, 2),
                                         int(stats.get_value("downloader/response_count", 0)),
                                         int(stats.get_value("item_scraped_count", 0))])

    def sample_periodically(self) -> None:
        """A sample per interval; past MAX_SAMPLES keep every other one and sample half as often."""
        self.sample()
        samples = self.observed["samples"]
        if len(samples) >= MAX_SAMPLES:
            self.observed["samples"] = samples[::2]
            self.interval *= 2
            self.sampler.stop()
            self.start_sampler()

    def response_received(self, response, request, spider=None):
        url = response.url
        self.hosts.add(url.split("/", 3)[2] if "//" in url else url)
        if response.status >= 400 and not url.endswith("/robots.txt"):
            figures.note_error(self.observed["errors"], f"HTTP {response.status}", url)
        if is_attachment(response.headers.get(b"Content-Type"), url):
            self.observed["attachments"] += 1
            self.observed["attachment_bytes"] += len(response.body)

    def item_scraped(self, item, response=None, spider=None):
        if not isinstance(item, DocumentItem):
            return
        self.sites.add(item.site)
        if item.status == BLOCKED and len(self.observed["blocked_urls"]) < figures.URLS_PER_ERROR:
            self.observed["blocked_urls"].append(item.url)
        elif item.status == FAILED and not (item.reason or "").startswith("HTTP "):
            # HTTP errors are counted as responses; these are network errors, timeouts...
            figures.note_error(self.observed["errors"], figures.error_key(item.reason or "failed"), item.url)

    def item_error(self, item, response, spider, failure):
        """An exception out of the item pipeline: the store (or its writer process) refused."""
        error = failure.value
        if isinstance(error, OSError) or type(error).__name__ in ("StoreError", "WriterError"):
            self.observed["store_errors"] += 1

    def is_mine(self, record: logging.LogRecord, url: str | None) -> bool:
        """Whether a log record is about this crawl (several may run in one process)."""
        spider = getattr(record, "spider", None)
        if spider is not None:
            return spider is getattr(self.crawler, "spider", None)
        if url is None:
            return True         # about the process or the output folder: every crawl's business
        return fold_host(urlsplit(url).hostname or "") in {fold_host(h) for h in self.hosts}

    def observe_record(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            message = record.getMessage()
            url = figures.first_url(message)
            if not self.is_mine(record, url):
                return
            figures.note_error(self.observed["errors"], figures.error_key(message), url)
            if STORE_ERROR.search(message):
                self.observed["store_errors"] += 1
        elif record.name == "crawler.pipelines" and record.levelno == logging.INFO:
            found = REJECTED.match(record.getMessage())
            if found and self.is_mine(record, found.group(1)):
                self.observed["rejections"][found.group(2).replace(", ", "+")] += 1

    # -- at the end
    def spider_closed(self, spider, reason):
        if self.sampler is not None and self.sampler.running:
            self.sampler.stop()
        self.sample()
        logging.getLogger().removeHandler(self.watcher)
        self.observed["updated"] = ledger_updates(self.out / LEDGER_FILE, self.ledger_offset, self.sites)
        section = figures.site_section(
            self.crawler.stats.get_stats(), self.observed, crawl_id=self.crawl_id, site=site_label(spider),
            spider=spider.name, close_reason=reason, started=runs.utc(self.started), finished=runs.utc(time.time()),
            block_max=self.crawler.settings.getint("WENKU_BLOCK_MAX", 2))
        report = runs.record(self.out, self.hold.run_id, self.hold.job, self.hold.started, section,
                             limits=limits_from(self.crawler.settings))
        path = runs.runs_dir(self.out) / self.hold.run_id / runs.REPORT_HTML
        self.crawler.stats.set_value("wenku/health", report["status"])
        self.crawler.stats.set_value("wenku/report", str(path))
        logger.info("Run %s report updated with %s (%s so far): %s", self.hold.run_id, section["site"],
                    report["status"], path)

    def engine_stopped(self):
        """The store is closed by now: the next run may have the folder.  The last crawl of the
        run in this process says how the run went (the job runner, holding it too, says it itself)."""
        logging.getLogger().removeHandler(self.watcher)
        failed = self.crawler.stats.get_value("wenku/writer/failed")
        if failed:      # the writer failed on closing, after this crawl's section was judged
            report = runs.record(self.out, self.hold.run_id, self.hold.job, self.hold.started,
                                 problems=(f"store failed: {failed}",))
            self.crawler.stats.set_value("wenku/health", report["status"])
        if not runlock.release(self.hold):
            return
        report = runs.read_report(self.out, self.hold.run_id) or {}
        path = runs.runs_dir(self.out) / self.hold.run_id / runs.REPORT_HTML
        if report.get("status") == "healthy":
            logger.info("Run %s healthy; report: %s", self.hold.run_id, path)
        else:
            logger.warning("Run %s unhealthy: %s; report: %s", self.hold.run_id,
                           "; ".join(report.get("reasons", ["no report written"])), path)
