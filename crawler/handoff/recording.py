"""A cleaned document into the store and the ledger, and what became of it into the crawl's stats.

`record_document` runs where the store is open (the crawler process "inline", or the
writer process); its `Report` travels back to the crawler process, which applies it
to the crawler's stats and log (`apply_report`).
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field

from cleaners.store.rejects import RejectLog

from crawler.handoff.documents import Cleaned, clean_document
from crawler.items import DocumentItem

logger = logging.getLogger(__name__)


@dataclass
class Report:
    """What became of one document: outcome counts for the stats, log lines, time spent.

    Built where the document is cleaned and stored (the crawler process, or the writer
    process) and applied to the crawler's stats and log by `apply_report`."""

    counts: Counter = field(default_factory=Counter)
    logs: list[tuple[int, str]] = field(default_factory=list)
    clean_seconds: float = 0.0
    store_seconds: float = 0.0



def record_document(state, item: DocumentItem, cleaned: Cleaned, refresh: bool) -> Report:
    """Add a cleaned document's results to the store and record it in the ledger (the half that
    needs the store; `state` is the output folder's OutputState in the process that owns it)."""
    report = Report(clean_seconds=cleaned.clean_seconds)
    if cleaned.error is not None:
        report.logs.append((logging.ERROR, cleaned.error))
        report.counts["failed"] += 1
        return report
    started = time.thread_time()
    if state.holds(item.site, item.id) and not (refresh or item.replace):
        report.counts["duplicate"] += 1     # fetched twice in one run (e.g. re-discovered after a resume)
        return report
    statuses, stored = [], []
    for result_id, partial, why, detail, prepared in cleaned.parts:
        if why is not None:
            statuses.append("rejected")
            report.logs.append((logging.INFO, f"no document left in {item.url} after cleaning ({why})"))
            with RejectLog(state.out_dir) as rejects:
                rejects.add(why, id=result_id, url=item.url, detail=detail)
            continue
        outcome = state.store.add_prepared(prepared)
        statuses.append(outcome.status)
        stored.append(result_id)
        if outcome.status in ("kept", "replaced") and partial:
            report.counts["partial"] += 1
    for status in statuses:
        report.counts[{"exact_dup": "duplicate", "near_dup": "duplicate", "replaced": "kept"}.get(status, status)] += 1
    if len(cleaned.parts) > 1:
        report.counts["compilations_split"] += 1
    if cleaned.line_keys is not None and any(s in ("kept", "replaced") for s in statuses):
        state.count_lines(cleaned.line_keys, item.url)
    state.ledger.add({"site": item.site, "id": item.id, "url": item.url, "outcomes": statuses, "results": stored})
    report.store_seconds = cleaned.prepare_seconds + time.thread_time() - started
    return report


def store_document(state, item: DocumentItem, options, refresh: bool) -> Report:
    """Clean a fetched text document, add its results to the store, record it in the ledger."""
    return record_document(state, item, clean_document(item, options), refresh)


def apply_report(crawler, report: Report) -> None:
    """Count a document's outcomes in the crawler's stats and log what happened to it."""
    stats = crawler.stats
    for outcome, n in report.counts.items():
        stats.inc_value(f"wenku/docs/{outcome}", n)
    if report.clean_seconds:
        stats.inc_value("wenku/clean_seconds", report.clean_seconds, start=0.0)
    if report.store_seconds:
        stats.inc_value("wenku/store_seconds", report.store_seconds, start=0.0)
    for level, message in report.logs:
        logger.log(level, "%s", message)
