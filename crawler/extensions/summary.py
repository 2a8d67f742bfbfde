"""End-of-run summary per site: pages fetched, document outcomes, where the files are."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import signals
from scrapy.logformatter import LogFormatter
from scrapy.statscollectors import MemoryStatsCollector

from crawler.handoff.output import LEDGER_FILE
from crawler.items import NotHandedOn

logger = logging.getLogger(__name__)

OUTCOMES = ("kept", "partial", "duplicate", "metadata", "blocked", "failed", "rejected")


def site_summary(stats: dict, site: str) -> dict:
    """The figures of one spider's run, from its Scrapy stats."""
    row = {"site": site, "pages": int(stats.get("downloader/response_count", 0))}
    for outcome in OUTCOMES:
        row[outcome] = int(stats.get(f"wenku/docs/{outcome}", 0))
    row["known_skipped"] = int(stats.get("wenku/known_skipped", 0))
    row["throttled"] = int(stats.get("wenku/throttled/429", 0)) + int(stats.get("wenku/throttled/503", 0))
    row["blocked_pages"] = int(stats.get("wenku/blocked/pages", 0))
    row["clean_seconds"] = float(stats.get("wenku/clean_seconds", 0.0))
    return row


def reconcile_with_manifest(rows: list[dict], out_dir: str | Path, ledger_offset: int = 0) -> list[dict]:
    """The rows with `kept` as the manifest holds it at the end of the run.

    A copy this run stored (the ledger lines past `ledger_offset`, its size when the run began)
    may be missing from the manifest by the end: superseded by a fuller copy of the same
    document (often one a later spider found: a manifest alias with status `superseded`), which
    counts as a duplicate, or lost with a batch the store could not write (disk full), which
    counts as failed.  A copy of another site than the rows' (hosts of official sites) belongs
    to the `generic` row."""
    out = Path(out_dir)
    manifest, ledger = out / "manifest.jsonl", out / LEDGER_FILE
    if not ledger.exists():
        return rows
    with ledger.open("rb") as fh:
        fh.seek(ledger_offset)
        kept_now = {(r.get("site"), result) for r in map(json.loads, fh.read().decode("utf-8").splitlines())
                    if "kept" in r.get("outcomes", ()) for result in r.get("results", ())}
    held, superseded_ids = set(), set()
    for line in (manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else ()):
        record = json.loads(line)
        held.add((record.get("site"), record.get("id")))
        for alias in record.get("aliases", ()):
            key = (alias.get("site"), alias.get("id"))
            (superseded_ids if alias.get("status") == "superseded" else held).add(key)
    names = {row["site"] for row in rows}
    gone = {name: {"duplicate": 0, "failed": 0} for name in names}
    for site, doc_id in kept_now - held:
        name = site if site in names else "generic"
        if name in gone:
            gone[name]["duplicate" if (site, doc_id) in superseded_ids else "failed"] += 1
    # `partial` counts the kept copies that are partial; a superseded copy is one a fuller copy
    # replaced, so partial ones go first.
    reconciled = []
    for row in rows:
        # several crawls of one spider (the demo's generic jobs): the copies of the name are
        # adjusted once, on its first row
        lost = gone.pop(row["site"], {"duplicate": 0, "failed": 0})
        total = lost["duplicate"] + lost["failed"]
        reconciled.append({**row, "kept": max(0, row["kept"] - total),
                           "partial": max(0, row["partial"] - lost["duplicate"]),
                           "duplicate": row["duplicate"] + lost["duplicate"],
                           "failed": row["failed"] + lost["failed"]})
    return reconciled


def format_table(rows: list[dict], out_dir: str | Path) -> str:
    """A plain-text table, one line per site plus a total, and the output paths."""
    columns = ("pages", *OUTCOMES, "known_skipped")
    labels = {"known_skipped": "known"}
    head = f"{'site':<14}" + "".join(f"{labels.get(c, c):>10}" for c in columns)
    lines = [head, "-" * len(head)]
    totals = dict.fromkeys(columns, 0)
    for row in rows:
        lines.append(f"{row['site']:<14}" + "".join(f"{row[c]:>10}" for c in columns))
        for c in columns:
            totals[c] += row[c]
    lines.append("-" * len(head))
    lines.append(f"{'total':<14}" + "".join(f"{totals[c]:>10}" for c in columns))
    out = Path(out_dir)
    lines.append(f"texts: {out}/<site>/ ... manifest: {out / 'manifest.jsonl'}  "
                 f"metadata only: {out / 'metadata.jsonl'}")
    return "\n".join(lines)


class CrawlSummary:
    """Logs the summary when a spider closes and keeps the row for `python -m crawler demo`."""

    rows: list[dict] = []   # class-level: every crawler of the process appends here

    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_closed(self, spider, reason):
        row = site_summary(self.crawler.stats.get_stats(), getattr(spider, "site", "") or spider.name)
        row["reason"] = reason
        CrawlSummary.rows.append(row)
        logger.info("Summary (%s): %s", reason, format_table([row], self.crawler.settings.get("WENKU_OUT")))


class QuietLogFormatter(LogFormatter):
    """Scrapy's log lines, minus the per-page DEBUG ones unless LOG_LEVEL is DEBUG.

    The root logger passes every record to the handler, which drops DEBUG ones at
    INFO; skipping them here saves building two log records per page."""

    def __init__(self, debug: bool = False):
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler):
        return cls(str(crawler.settings.get("LOG_LEVEL", "DEBUG")).upper() == "DEBUG")

    def crawled(self, request, response, spider):
        return super().crawled(request, response, spider) if self.debug else None

    def scraped(self, item, response, spider):
        return super().scraped(item, response, spider) if self.debug else None

    def dropped(self, item, exception, response, spider=None):
        """A document not handed on (a distributed worker that gave Redis up): the reason with its
        URL, once per document, not the whole item with its raw pages."""
        if isinstance(exception, NotHandedOn):
            return {"level": logging.WARNING, "msg": "%(exception)s", "args": {"exception": exception}}
        return super().dropped(item, exception, response, spider)


class PlainStatsCollector(MemoryStatsCollector):
    """Scrapy's in-memory stats without the per-attribute-access deprecation shim.

    `StatsCollector.__getattribute__` (kept for the old `spider=` argument) runs Python code on
    every attribute access of the stats object, and Scrapy counts a dozen stats per page.  The
    methods still accept `spider=` and ignore it; only the deprecation warning is gone."""

    __getattribute__ = object.__getattribute__
