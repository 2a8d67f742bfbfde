"""Is a run healthy?  Checks over a run report, each failed check one line saying why.

Unhealthy: pages fetched but no document made of them; block pages or failed
requests above a threshold; store write errors; a crawl stopped early; far fewer
documents found than the previous healthy run of the same job.  An incremental run
that finds nothing new is healthy: documents already held count as found (the
crawler skips their pages, `wenku/known_skipped`); so is a distributed worker that fetched
nothing because the workers beside it had fetched every page of the shared crawl, or fetched
only listing pages while the workers beside it made the documents.
"""
from __future__ import annotations

from crawler.cluster.keys import REDIS_EMPTIED, REDIS_LOST
from crawler.reports.figures import PLANNED_CLOSE, found_by_site, parsed_documents

# What a finish reason of ours means, for the reader of the run's verdict.
REASON_HINTS = {REDIS_LOST: "Redis stopped answering for WENKU_REDIS_LOST_AFTER seconds: restart it and rerun "
                            "the same command",
                REDIS_EMPTIED: "Redis came back without the crawl's queue (restarted with no persistence?): rerun "
                               "the same command, the crawl starts over"}

# Settings (crawler/settings.py) -> report limits; the values here are the defaults.
LIMIT_SETTINGS = {
    "max_block_rate": ("WENKU_HEALTH_MAX_BLOCK_RATE", 0.2),     # block pages / pages fetched
    "max_error_rate": ("WENKU_HEALTH_MAX_ERROR_RATE", 0.2),     # failed answers+exceptions / attempts
    "min_found_ratio": ("WENKU_HEALTH_MIN_FOUND_RATIO", 0.5),   # documents found / previous healthy run's
    "min_pages_for_rates": ("WENKU_HEALTH_MIN_PAGES", 10),      # rates over fewer pages say nothing
}
DEFAULT_LIMITS = {name: default for name, (_, default) in LIMIT_SETTINGS.items()}


def limits_from(settings) -> dict:
    """The health limits of a crawl's settings (anything with `getfloat`)."""
    return {name: settings.getfloat(setting, default) for name, (setting, default) in LIMIT_SETTINGS.items()}


def site_problems(section: dict, limits: dict) -> list[str]:
    """What is wrong with one crawl's figures (empty: nothing)."""
    site, pages, docs = section["site"], section["pages"], section["documents"]
    problems = []
    reason = section.get("close_reason")
    if reason and reason not in PLANNED_CLOSE:
        hint = REASON_HINTS.get(reason)
        problems.append(f"{site}: stopped early ({reason}{': ' + hint if hint else ''})")
    errors, blocks = section["errors"], section["blocks"]
    notes = []
    if errors["top"]:
        notes.append(f"{errors['count']} failed requests, most: {errors['top'][0]['error']}")
    if section.get("robots_forbidden"):
        notes.append(f"robots.txt forbade {section['robots_forbidden']} requests")
    if pages == 0 and docs["known"] == 0 and not section.get("shared_crawl_fetched"):
        problems.append(f"{site}: no page fetched" + (f" ({'; '.join(notes)})" if notes else ""))
    elif pages > 0 and parsed_documents(section) == 0 and not section.get("shared_crawl_parsed"):
        rejected = ", ".join(f"{reason} {n}" for reason, n in section["rejected_by_reason"].items())
        notes = [f"rejected: {rejected}"] * bool(rejected) + notes
        problems.append(f"{site}: {pages} pages fetched, no document parsed"
                        + (f" ({'; '.join(notes)})" if notes else ""))
    for host in blocks.get("given_up", []):
        skipped = f" ({blocks['skipped_requests']} requests not made)" if blocks["skipped_requests"] else ""
        problems.append(f"{site}: gave {host} up after {blocks['hosts'][host]} block pages{skipped}")
    judged = pages >= limits["min_pages_for_rates"]
    if judged and blocks["rate"] > limits["max_block_rate"]:
        problems.append(f"{site}: {blocks['pages']} of {pages} pages were block pages "
                        f"({blocks['rate']:.0%} > {limits['max_block_rate']:.0%})")
    if errors["attempts"] >= limits["min_pages_for_rates"] and errors["rate"] > limits["max_error_rate"]:
        problems.append(f"{site}: {errors['count']} of {errors['attempts']} requests failed "
                        f"({errors['rate']:.0%} > {limits['max_error_rate']:.0%}; most: "
                        f"{errors['top'][0]['error'] if errors['top'] else '?'})")
    if errors["store"]:
        problems.append(f"{site}: {errors['store']} store write error(s)")
    return problems


def regressions(report: dict, previous: dict | None, limits: dict) -> list[str]:
    """Sites that found far fewer documents than in `previous` (a run summary, see runs.py)."""
    if not previous:
        return []
    before = previous.get("found_by_site", {})
    incremental = {s["site"] for s in report.get("sites", []) if s.get("stopped_at_known")}
    problems = []
    for site, found in found_by_site(report).items():
        was = before.get(site, 0)
        # A listing read only up to the articles already held finds fewer by design.
        if was and found < was * limits["min_found_ratio"] and site not in incremental:
            problems.append(f"{site}: {found} documents found, {was} in the previous run {previous['run_id']} "
                            f"(under {limits['min_found_ratio']:.0%} of it)")
    return problems


def evaluate(report: dict, previous: dict | None) -> list[str]:
    """Every reason the run is unhealthy: run-level problems, each site's, then regressions."""
    limits = {**DEFAULT_LIMITS, **report.get("limits", {})}
    reasons = list(report.get("problems", []))
    for section in report.get("sites", []):
        reasons += site_problems(section, limits)
    if not report.get("sites") and not reasons:
        reasons.append("no crawl ran")
    return reasons + regressions(report, previous, limits)
