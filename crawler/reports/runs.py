"""`OUT/runs/`: one folder per run (report.json, report.html) and the index of all runs.

    OUT/runs/<run-id>/report.json   status, reasons, started, finished, totals, one section per site
    OUT/runs/<run-id>/report.html   the same as a self-contained page with charts
    OUT/runs/index.json             one summary per run (what the index page and the next run need)
    OUT/runs/index.html             every run, and each job's trends

A run's report is rewritten as each of its crawls ends (a job crawls one site
after another), so it is complete, and judged, after the last one.  Files are
replaced atomically: a reader never sees half a report.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from crawler.reports import health, html
from crawler.reports.figures import found_by_site, merge_section, totals

RUNS_DIR = "runs"
REPORT_JSON, REPORT_HTML = "report.json", "report.html"
INDEX_JSON, INDEX_HTML = "index.json", "index.html"


def utc(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def runs_dir(out_dir: str | os.PathLike) -> Path:
    return Path(out_dir) / RUNS_DIR


def new_run_id(out_dir: str | os.PathLike, now: float | None = None) -> str:
    """A run id that sorts by time (UTC, to the second) and is not taken in `out_dir`."""
    stem = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() if now is None else now))
    run_id, n = stem, 1
    while (runs_dir(out_dir) / run_id).exists():
        n += 1
        run_id = f"{stem}-{n}"
    (runs_dir(out_dir) / run_id).mkdir(parents=True, exist_ok=True)
    return run_id


def read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def read_report(out_dir: str | os.PathLike, run_id: str) -> dict | None:
    return read_json(runs_dir(out_dir) / run_id / REPORT_JSON)


def read_index(out_dir: str | os.PathLike) -> dict[str, dict]:
    return read_json(runs_dir(out_dir) / INDEX_JSON) or {}


def summary_of(report: dict) -> dict:
    """A run in a few figures: the index's row, and what the next run of the job is compared with."""
    figures = report.get("totals", {})
    docs = figures.get("documents", {})
    return {"run_id": report["run_id"], "job": report.get("job", ""), "status": report["status"],
            "reasons": report.get("reasons", []), "started": report.get("started"),
            "finished": report.get("finished"), "seconds": report.get("seconds"),
            "pages": figures.get("pages", 0), "found": docs.get("found", 0), "new": docs.get("new", 0),
            "updated": docs.get("updated", 0), "rejected": docs.get("rejected", 0),
            "errors": figures.get("errors", 0), "blocked_pages": figures.get("blocked_pages", 0),
            "found_by_site": found_by_site(report)}


def previous_run(index: dict[str, dict], job: str, run_id: str) -> dict | None:
    """The latest healthy run of `job` before `run_id`: what this run's documents are held to."""
    earlier = [s for s in index.values() if s.get("job") == job and s["run_id"] < run_id and s["status"] == "healthy"]
    return max(earlier, key=lambda s: s["run_id"], default=None)


def record(out_dir: str | os.PathLike, run_id: str, job: str, started: float, section: dict | None = None,
           problems: tuple[str, ...] = (), limits: dict | None = None) -> dict:
    """Add a crawl's section (and run-level problems) to the run's report, judge it, write it
    (json and html) and the index; the report as written.  Called by the process holding the
    folder's run lock (crawler/runlock.py), so read-modify-write is safe."""
    out = Path(out_dir).resolve()
    report = read_report(out, run_id) or {"run_id": run_id, "job": job, "out": str(out), "started": utc(started),
                                          "sites": [], "problems": []}
    if section is not None:
        report = merge_section(report, section)
    report["problems"] = list(dict.fromkeys([*report.get("problems", []), *problems]))
    if limits:
        report["limits"] = limits
    report.setdefault("limits", dict(health.DEFAULT_LIMITS))
    finished = time.time()
    report.update(finished=utc(finished), seconds=round(finished - started, 1), totals=totals(report))
    index = read_index(out)
    previous = previous_run(index, job, run_id)
    report["previous"] = previous["run_id"] if previous else None
    report["reasons"] = health.evaluate(report, previous)
    report["status"] = "unhealthy" if report["reasons"] else "healthy"
    folder = runs_dir(out) / run_id
    write_atomic(folder / REPORT_JSON, json.dumps(report, ensure_ascii=False, indent=1))
    write_atomic(folder / REPORT_HTML, html.report_page(report))
    index[run_id] = summary_of(report)
    write_atomic(runs_dir(out) / INDEX_JSON, json.dumps(index, ensure_ascii=False, indent=0, sort_keys=True))
    write_atomic(runs_dir(out) / INDEX_HTML, html.index_page(list(index.values())))
    return report
