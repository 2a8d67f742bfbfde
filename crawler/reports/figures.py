"""A crawl's figures for the run report, from its Scrapy stats and what was observed.

Pure functions over plain data: the run-health extension hands in the stats dict
and its observations (errors with URLs, rejection reasons, samples over time);
`merge_section` puts a crawl's section into a run report.
"""
from __future__ import annotations

import re
from collections import Counter

from crawler.cluster.keys import SHARED_CRAWL_FETCHED, SHARED_CRAWL_PARSED

# Document outcomes as the item pipeline counts them (`wenku/docs/<outcome>`).
PIPELINE_OUTCOMES = ("kept", "partial", "duplicate", "metadata", "blocked", "failed", "rejected")
# Throttling answers the RetryAfterMiddleware waits out: not errors unless it gave up.
THROTTLE_STATUSES = ("429", "503")
# Close reasons of a run that ended as planned (a limit reached is a plan too).
PLANNED_CLOSE = ("finished", "closespider_timeout", "closespider_itemcount", "closespider_pagecount")
URL = re.compile(r"https?://[^\s<>'\")]+")
TOP_ERRORS = 10
URLS_PER_ERROR = 5


def prefixed(stats: dict, prefix: str) -> dict[str, int]:
    """{rest of the key: value} of every stat under `prefix`."""
    return {key[len(prefix):]: int(value) for key, value in stats.items()
            if key.startswith(prefix) and isinstance(value, (int, float))}


def error_key(message: str) -> str:
    """What kind of error a log message is: its first line, URLs and numbers taken out."""
    line = URL.sub("<url>", message.strip().splitlines()[0] if message.strip() else "error")
    line = re.sub(r"<GET <url>>|<POST <url>>", "<url>", line)
    return re.sub(r"\d+", "N", line)[:120]


def first_url(message: str) -> str | None:
    found = URL.search(message)
    return found.group(0).rstrip(".,;:") if found else None


def note_error(errors: dict, key: str, url: str | None) -> None:
    """Count one error of kind `key` and keep a few of its URLs (the observations' `errors`)."""
    entry = errors.setdefault(key, {"count": 0, "urls": []})
    entry["count"] += 1
    if url and url not in entry["urls"] and len(entry["urls"]) < URLS_PER_ERROR:
        entry["urls"].append(url)


def empty_observations() -> dict:
    """What the run-health extension fills in while a crawl runs."""
    return {"errors": {}, "rejections": Counter(), "store_errors": 0, "attachments": 0,
            "attachment_bytes": 0, "blocked_urls": [], "samples": [], "updated": 0}


def status_counts(stats: dict) -> dict[str, int]:
    """Responses by HTTP status, robots.txt answers left out."""
    counts = Counter(prefixed(stats, "downloader/response_status_count/"))
    counts.subtract(prefixed(stats, "robotstxt/response_status_count/"))
    return {status: n for status, n in sorted(counts.items()) if n > 0}


def error_figures(stats: dict, responses: dict[str, int]) -> tuple[int, int]:
    """(errors, attempts): failed answers and download exceptions, over every answer or exception.

    429/503 answers the throttle middleware waited out are not errors; the ones it gave
    up on are."""
    # a downloader middleware's IgnoreRequest (already held, robots.txt, host given up) is no error
    exceptions = (int(stats.get("downloader/exception_count", 0))
                  - int(stats.get("downloader/exception_type_count/scrapy.exceptions.IgnoreRequest", 0)))
    throttled = {s: int(stats.get(f"wenku/throttled/{s}", 0)) for s in THROTTLE_STATUSES}
    failed = sum(max(0, n - throttled.get(status, 0)) for status, n in responses.items() if status >= "400")
    errors = failed + exceptions + int(stats.get("wenku/throttled/gave_up", 0))
    return errors, sum(responses.values()) + exceptions


def top_errors(errors: dict) -> list[dict]:
    ranked = sorted(errors.items(), key=lambda kv: (-kv[1]["count"], kv[0]))[:TOP_ERRORS]
    return [{"error": key, "count": entry["count"], "urls": list(entry["urls"])} for key, entry in ranked]


def site_section(stats: dict, observed: dict, block_max: int = 2, **about) -> dict:
    """One crawl's figures: `about` names it (crawl_id, site, spider, close_reason, started,
    finished); `stats` are its Scrapy stats; `observed` the extension's observations;
    `block_max` the block pages after which the crawler gives a host up (WENKU_BLOCK_MAX)."""
    blocked_hosts = prefixed(stats, "wenku/blocked/host/")
    docs = {outcome: int(stats.get(f"wenku/docs/{outcome}", 0)) for outcome in PIPELINE_OUTCOMES}
    known = int(stats.get("wenku/known_skipped", 0))
    # a distributed worker's documents go to the Redis stream, stored by the writer
    queued = int(stats.get("wenku/docs/queued", 0))
    updated = min(int(observed.get("updated", 0)), docs["kept"])
    responses = status_counts(stats)
    errors, attempts = error_figures(stats, responses)
    rejected = dict(observed.get("rejections", {}))
    unexplained = docs["rejected"] - sum(rejected.values())
    if unexplained > 0:
        rejected["unexplained"] = unexplained
    for outcome in ("blocked", "failed"):
        if docs[outcome]:
            rejected[outcome] = docs[outcome]
    pages = sum(responses.values())
    blocked_pages = int(stats.get("wenku/blocked/pages", 0))
    return {
        **about,
        "requests": int(stats.get("downloader/request_count", 0)),
        # listings left unread at articles already held: an incremental run by design
        "stopped_at_known": int(stats.get("wenku/listing/stopped_at_known", 0)),
        "responses": responses,
        "pages": pages,
        # a distributed worker that fetched nothing while the workers beside it fetched the pages
        "shared_crawl_fetched": bool(stats.get(SHARED_CRAWL_FETCHED, 0)),
        # ... and one whose share was listing pages while the others' made the documents
        "shared_crawl_parsed": bool(stats.get(SHARED_CRAWL_PARSED, 0)),
        "bytes": int(stats.get("downloader/response_bytes", 0)),
        "documents": {
            "found": docs["kept"] + docs["duplicate"] + docs["metadata"] + docs["rejected"] + docs["failed"]
                     + docs["blocked"] + known + queued,
            "new": docs["kept"] - updated, "updated": updated, "partial": docs["partial"],
            "duplicate": docs["duplicate"], "metadata": docs["metadata"], "known": known, "queued": queued,
            "rejected": docs["rejected"] + docs["blocked"] + docs["failed"],
        },
        "rejected_by_reason": dict(sorted(rejected.items(), key=lambda kv: -kv[1])),
        "blocks": {
            "pages": blocked_pages,
            "rate": round(blocked_pages / pages, 4) if pages else 0.0,
            "skipped_requests": int(stats.get("wenku/blocked/skipped_requests", 0)),
            "hosts": blocked_hosts,
            "given_up": sorted(host for host, n in blocked_hosts.items() if n >= block_max),
            "urls": list(observed.get("blocked_urls", []))[:URLS_PER_ERROR],
        },
        "robots_forbidden": int(stats.get("robotstxt/forbidden", 0)),
        "throttled": sum(int(stats.get(f"wenku/throttled/{s}", 0)) for s in THROTTLE_STATUSES),
        "attachments": {"count": int(observed.get("attachments", 0)), "bytes": int(observed.get("attachment_bytes", 0))},
        "errors": {"count": errors, "attempts": attempts, "rate": round(errors / attempts, 4) if attempts else 0.0,
                   "store": int(observed.get("store_errors", 0)), "top": top_errors(observed.get("errors", {}))},
        "samples": [list(sample) for sample in observed.get("samples", [])],
    }


def parsed_documents(section: dict) -> int:
    """Documents the crawl made something of: stored, known duplicates, metadata, or already held."""
    docs = section["documents"]
    return (docs["new"] + docs["updated"] + docs["duplicate"] + docs["metadata"] + docs["known"]
            + docs.get("queued", 0))


def merge_section(report: dict, section: dict) -> dict:
    """The report with this crawl's section in (replacing an earlier one of the same crawl)."""
    sections = [s for s in report.get("sites", []) if s.get("crawl_id") != section.get("crawl_id")]
    sections.append(section)
    sections.sort(key=lambda s: (s.get("started") or "", s.get("site") or ""))
    return {**report, "sites": sections}


def totals(report: dict) -> dict:
    """The run's figures summed over its sites."""
    sites = report.get("sites", [])
    responses: Counter = Counter()
    documents: Counter = Counter()
    rejected: Counter = Counter()
    for section in sites:
        responses.update(section["responses"])
        documents.update(section["documents"])
        rejected.update(section["rejected_by_reason"])
    errors = sum(s["errors"]["count"] for s in sites)
    attempts = sum(s["errors"]["attempts"] for s in sites)
    return {
        "sites": len(sites),
        "requests": sum(s["requests"] for s in sites),
        "pages": sum(s["pages"] for s in sites),
        "bytes": sum(s["bytes"] for s in sites),
        "responses": dict(sorted(responses.items())),
        "documents": dict(documents),
        "rejected_by_reason": dict(rejected.most_common()),
        "blocked_pages": sum(s["blocks"]["pages"] for s in sites),
        "attachments": sum(s["attachments"]["count"] for s in sites),
        "errors": errors,
        "store_errors": sum(s["errors"]["store"] for s in sites),
        "error_rate": round(errors / attempts, 4) if attempts > 0 else 0.0,
    }


def found_by_site(report: dict) -> dict[str, int]:
    """Documents found per site label (crawls of one site summed): what the next run is held to."""
    found: Counter = Counter()
    for section in report.get("sites", []):
        found[section["site"]] += section["documents"]["found"]
    return dict(found)


def crawl_rate(samples: list[list[float]]) -> list[tuple[float, float]]:
    """Pages per minute between successive samples [seconds, pages, documents], at minutes since start."""
    rate = []
    for (t0, pages0, _), (t1, pages1, _) in zip(samples, samples[1:]):
        if t1 > t0:
            rate.append((round(t1 / 60, 3), round((pages1 - pages0) / (t1 - t0) * 60, 1)))
    return rate
