"""The run report and the run index as self-contained HTML pages (inline CSS and SVG).

Pure functions from the report dict (runs.py writes it) to a page: nothing is
fetched when the page is opened, so it can be mailed, archived or served as is.
"""
from __future__ import annotations

from html import escape

from crawler.reports import svg
from crawler.reports.figures import crawl_rate

STYLE = """
body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;margin:0 0 6px} h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid #ddd}
.status{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;font-size:15px;vertical-align:middle}
.healthy{background:#2e7d32} .unhealthy{background:#c62828}
.reasons li{color:#b71c1c} .meta{color:#555}
.figures{display:flex;flex-wrap:wrap;gap:10px}
.figure{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:110px}
.figure .value{display:block;font-size:20px;font-weight:bold} .figure .label{color:#555;font-size:12px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:18px}
table{border-collapse:collapse;font-size:13px} th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:right}
th:first-child,td:first-child,td.text,th.text{text-align:left} td.urls{text-align:left;font-size:12px;word-break:break-all}
code{background:#f4f4f4;padding:1px 4px}
"""

DOCUMENT_SEGMENTS = ["new", "updated", "duplicate", "metadata", "known", "rejected"]


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def seconds_text(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, rest = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {rest:02d}s" if minutes else f"{seconds:.1f}s"


def page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
            f"<body>{body}</body></html>\n")


def figure(name: str, label: str, value: str) -> str:
    return (f'<div class="figure" data-figure="{name}"><span class="value">{escape(value)}</span>'
            f'<span class="label">{escape(label)}</span></div>')


def reasons_block(report: dict) -> str:
    if not report.get("reasons"):
        return '<p class="ok">Every check passed.</p>'
    return '<ul class="reasons">' + "".join(f"<li>{escape(r)}</li>" for r in report["reasons"]) + "</ul>"


def figures_block(totals: dict) -> str:
    docs = totals.get("documents", {})
    entries = [("pages", "pages fetched", svg.number(totals.get("pages", 0))),
               ("requests", "requests", svg.number(totals.get("requests", 0))),
               ("documents-found", "documents found", svg.number(docs.get("found", 0))),
               ("documents-new", "new", svg.number(docs.get("new", 0))),
               ("documents-updated", "updated", svg.number(docs.get("updated", 0))),
               ("documents-duplicate", "duplicate", svg.number(docs.get("duplicate", 0))),
               ("documents-rejected", "rejected", svg.number(docs.get("rejected", 0))),
               ("documents-known", "already held", svg.number(docs.get("known", 0))),
               ("blocked-pages", "block pages", svg.number(totals.get("blocked_pages", 0))),
               ("errors", "errors", svg.number(totals.get("errors", 0))),
               ("attachments", "attachments", svg.number(totals.get("attachments", 0))),
               ("bytes", "downloaded", human_bytes(totals.get("bytes", 0)))]
    return '<div class="figures">' + "".join(figure(*e) for e in entries) + "</div>"


def charts_block(report: dict) -> str:
    sites, totals = report.get("sites", []), report.get("totals", {})
    documents = svg.stacked_bar_chart("Documents per site", [(s["site"], s["documents"]) for s in sites],
                                      DOCUMENT_SEGMENTS)
    rejects = svg.bar_chart("Rejected documents by reason", list(totals.get("rejected_by_reason", {}).items()),
                            color=svg.PALETTE[3])
    statuses = svg.bar_chart("Responses by HTTP status", [(f"HTTP {status}", n) for status, n in
                                                          totals.get("responses", {}).items()], color=svg.PALETTE[4])
    rate = svg.line_chart("Crawl rate over time", [(s["site"], crawl_rate(s.get("samples", []))) for s in sites],
                          "minutes since the run started", "pages / minute")
    return '<div class="charts">' + "".join(f"<div>{chart}</div>" for chart in (documents, rejects, statuses, rate)) + "</div>"


def sites_table(sites: list[dict]) -> str:
    head = ("site", "spider", "requests", "pages", "found", "new", "updated", "duplicate", "metadata", "known",
            "rejected", "block pages", "errors", "attachments", "downloaded", "ended")
    rows = []
    for s in sites:
        d = s["documents"]
        cells = [s["site"], s.get("spider", ""), s["requests"], s["pages"], d["found"], d["new"], d["updated"],
                 d["duplicate"], d["metadata"], d["known"], d["rejected"], s["blocks"]["pages"], s["errors"]["count"],
                 s["attachments"]["count"], human_bytes(s["bytes"]), s.get("close_reason") or ""]
        rows.append("<tr>" + "".join(f'<td{" class=text" if isinstance(c, str) else ""}>'
                                     f"{escape(c if isinstance(c, str) else svg.number(c))}</td>" for c in cells) + "</tr>")
    return ("<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>")


def errors_table(sites: list[dict]) -> str:
    rows = []
    for s in sites:
        for entry in s["errors"]["top"]:
            urls = "<br>".join(escape(u) for u in entry["urls"])
            rows.append(f'<tr><td>{escape(s["site"])}</td><td class="text">{escape(entry["error"])}</td>'
                        f'<td>{svg.number(entry["count"])}</td><td class="urls">{urls}</td></tr>')
        for url in s["blocks"].get("urls", []):
            rows.append(f'<tr><td>{escape(s["site"])}</td><td class="text">block page</td><td></td>'
                        f'<td class="urls">{escape(url)}</td></tr>')
    if not rows:
        return "<p>No errors.</p>"
    return ('<table><tr><th>site</th><th class="text">error</th><th>count</th><th class="text">URLs</th></tr>'
            + "".join(rows) + "</table>")


def limits_block(report: dict) -> str:
    limits = report.get("limits", {})
    return ('<p class="meta">Limits: ' + ", ".join(f"{escape(k)} = {v}" for k, v in sorted(limits.items()))
            + f' · previous run compared: {escape(report.get("previous") or "none")}</p>')


def report_page(report: dict) -> str:
    """The run's report page: status and reasons, key figures, charts, per-site tables."""
    status = report.get("status", "unhealthy")
    body = (f'<h1>Run {escape(report["run_id"])} <span class="status {status}">{status}</span></h1>'
            f'<p class="meta">job <b>{escape(report.get("job", ""))}</b> · output <code>{escape(report.get("out", ""))}</code>'
            f' · started {escape(report.get("started", "?"))} · finished {escape(report.get("finished", "?"))}'
            f' · {seconds_text(report.get("seconds"))} · <a href="../index.html">all runs</a></p>'
            f"{reasons_block(report)}<h2>Figures</h2>{figures_block(report.get('totals', {}))}"
            f"<h2>Charts</h2>{charts_block(report)}<h2>Sites</h2>{sites_table(report.get('sites', []))}"
            f"<h2>Errors and block pages</h2>{errors_table(report.get('sites', []))}{limits_block(report)}")
    return page(f"Run {report['run_id']} · {report.get('job', '')} · {status}", body)


TREND_MEASURES = (("found", "documents found"), ("new", "new documents"), ("pages", "pages fetched"),
                  ("errors", "errors"), ("blocked_pages", "block pages"))


def index_page(summaries: list[dict], trend_runs: int = 30) -> str:
    """Every run (newest first) and, per job, the trend of its main measures over its last runs."""
    ordered = sorted(summaries, key=lambda s: (s.get("started") or "", s["run_id"]), reverse=True)
    jobs: dict[str, list[dict]] = {}
    for summary in reversed(ordered):
        jobs.setdefault(summary.get("job", ""), []).append(summary)
    trends = []
    for job, runs in sorted(jobs.items()):
        runs = runs[-trend_runs:]
        cells = "".join(f'<td>{svg.sparkline([float(r.get(key, 0)) for r in runs])}<br>'
                        f'{svg.number(runs[-1].get(key, 0))}</td>' for key, _ in TREND_MEASURES)
        healthy = sum(r["status"] == "healthy" for r in runs)
        trends.append(f'<tr><td class="text">{escape(job)}</td><td>{len(runs)}</td><td>{healthy}</td>{cells}</tr>')
    trend_table = ('<table><tr><th class="text">job</th><th>runs</th><th>healthy</th>'
                   + "".join(f"<th>{escape(label)}</th>" for _, label in TREND_MEASURES) + "</tr>"
                   + "".join(trends) + "</table>")
    rows = []
    for s in ordered:
        reasons = "; ".join(s.get("reasons", []))
        rows.append(f'<tr><td><a href="{escape(s["run_id"])}/report.html">{escape(s["run_id"])}</a></td>'
                    f'<td class="text">{escape(s.get("job", ""))}</td>'
                    f'<td class="text"><span class="status {s["status"]}">{s["status"]}</span></td>'
                    f'<td class="text">{escape(s.get("started", ""))}</td><td>{seconds_text(s.get("seconds"))}</td>'
                    + "".join(f"<td>{svg.number(s.get(key, 0))}</td>" for key, _ in TREND_MEASURES)
                    + f'<td class="text">{escape(reasons)}</td></tr>')
    runs_table = ('<table><tr><th class="text">run</th><th class="text">job</th><th class="text">status</th>'
                  '<th class="text">started</th><th>took</th>'
                  + "".join(f"<th>{escape(label)}</th>" for _, label in TREND_MEASURES)
                  + '<th class="text">why unhealthy</th></tr>' + "".join(rows) + "</table>")
    body = (f"<h1>Runs</h1><p class=\"meta\">{len(ordered)} runs, newest first.</p>"
            f"<h2>Trends (last {trend_runs} runs per job, oldest to newest)</h2>{trend_table}<h2>All runs</h2>{runs_table}")
    return page("Runs", body)
