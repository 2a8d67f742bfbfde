"""Run reports: figures from Scrapy stats, health checks, the HTML/SVG pages, OUT/runs/ on disk."""
from __future__ import annotations

import json
import re
from collections import Counter

from crawler.reports import figures, health, html, runs, svg


def stats(**extra) -> dict:
    """Scrapy stats of a small healthy crawl: 12 pages (one robots.txt), 8 stored documents."""
    base = {
        "downloader/request_count": 14,
        "downloader/response_count": 13,
        "downloader/response_status_count/200": 12,
        "downloader/response_status_count/404": 1,
        "robotstxt/response_status_count/404": 1,
        "downloader/response_bytes": 50_000,
        "wenku/docs/kept": 8, "wenku/docs/duplicate": 2, "wenku/docs/rejected": 1,
        "item_scraped_count": 11,
    }
    base.update(extra)
    return base


def section(site="gov", stats_=None, observed=None, close_reason="finished", **about) -> dict:
    return figures.site_section(stats_ if stats_ is not None else stats(), observed or figures.empty_observations(),
                                crawl_id=f"c-{site}", site=site, spider="generic", close_reason=close_reason,
                                started="2025-01-01T00:00:00Z", finished="2025-01-01T00:01:00Z", **about)


def report(*sections, **extra) -> dict:
    result = {"run_id": "20250101T000000Z", "job": "j", "sites": list(sections), "problems": [],
              "limits": dict(health.DEFAULT_LIMITS)}
    result.update(extra)
    result["totals"] = figures.totals(result)
    return result


# ---------------------------------------------------------------- figures

def test_robots_txt_answers_are_not_pages_and_ignored_requests_are_not_errors():
    s = section(stats_=stats(**{"downloader/exception_count": 5,
                                "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 5}))
    assert s["responses"] == {"200": 12}
    assert s["pages"] == 12
    assert s["errors"]["count"] == 0 and s["errors"]["attempts"] == 12


def test_documents_found_count_documents_already_held_and_updates_come_out_of_kept():
    observed = figures.empty_observations()
    observed["updated"] = 3
    s = section(stats_=stats(**{"wenku/known_skipped": 20}), observed=observed)
    docs = s["documents"]
    assert (docs["new"], docs["updated"], docs["known"]) == (5, 3, 20)
    assert docs["found"] == 8 + 2 + 1 + 20


def test_rejections_are_listed_by_reason_and_the_unexplained_rest_is_said():
    observed = figures.empty_observations()
    observed["rejections"] = Counter({"too_short": 1})
    s = section(stats_=stats(**{"wenku/docs/rejected": 3, "wenku/docs/blocked": 2}), observed=observed)
    assert s["rejected_by_reason"] == {"unexplained": 2, "blocked": 2, "too_short": 1}
    assert s["documents"]["rejected"] == 5


def test_throttled_answers_that_were_retried_are_no_errors():
    s = section(stats_=stats(**{"downloader/response_status_count/429": 4, "wenku/throttled/429": 4,
                                "downloader/response_status_count/500": 2}))
    assert s["errors"]["count"] == 2
    assert s["throttled"] == 4


def test_error_keys_group_messages_that_differ_only_in_urls_and_numbers():
    one = figures.error_key("Gave up retrying <GET http://a.cn/1.html> (failed 3 times): Connection refused")
    two = figures.error_key("Gave up retrying <GET http://b.cn/2.html> (failed 2 times): Connection refused")
    assert one == two
    errors: dict = {}
    for n in range(8):
        figures.note_error(errors, one, f"http://a.cn/{n}.html")
    assert errors[one]["count"] == 8 and len(errors[one]["urls"]) == figures.URLS_PER_ERROR


def test_crawl_rate_is_pages_per_minute_between_samples():
    assert figures.crawl_rate([[0, 0, 0], [30, 10, 2], [60, 40, 5]]) == [(0.5, 20.0), (1.0, 60.0)]


def test_a_section_replaces_the_earlier_one_of_the_same_crawl():
    first = section()
    later = dict(first, pages=99)
    merged = figures.merge_section(figures.merge_section({"sites": []}, first), later)
    assert [s["pages"] for s in merged["sites"]] == [99]


# ---------------------------------------------------------------- health

def test_a_normal_crawl_is_healthy():
    assert health.evaluate(report(section()), None) == []


def test_pages_fetched_without_any_document_is_unhealthy_and_says_why():
    s = section(stats_=stats(**{"wenku/docs/kept": 0, "wenku/docs/duplicate": 0, "wenku/docs/rejected": 4}),
                observed={**figures.empty_observations(), "rejections": Counter({"too_short": 4})})
    (reason,) = health.evaluate(report(s), None)
    assert reason == "gov: 12 pages fetched, no document parsed (rejected: too_short 4)"


def test_an_incremental_run_with_nothing_new_is_healthy():
    quiet = stats(**{"wenku/docs/kept": 0, "wenku/docs/duplicate": 0, "wenku/docs/rejected": 0,
                     "wenku/known_skipped": 11, "downloader/response_status_count/200": 2})
    previous = {"run_id": "20241231T000000Z", "found_by_site": {"gov": 11}}
    assert health.evaluate(report(section(stats_=quiet)), previous) == []


def test_far_fewer_documents_than_the_previous_healthy_run_is_unhealthy():
    previous = {"run_id": "20241231T000000Z", "found_by_site": {"gov": 40}}
    (reason,) = health.evaluate(report(section()), previous)
    assert reason.startswith("gov: 11 documents found, 40 in the previous run 20241231T000000Z")


def test_block_and_error_rates_above_the_limits_are_unhealthy_once_there_are_enough_pages():
    blocked = stats(**{"wenku/blocked/pages": 6, "downloader/response_status_count/500": 5})
    reasons = health.evaluate(report(section(stats_=blocked)), None)
    assert any("6 of 17 pages were block pages" in r for r in reasons)
    assert any("requests failed" in r for r in reasons)
    few = stats(**{"downloader/response_status_count/200": 3, "wenku/blocked/pages": 1})
    assert health.evaluate(report(section(stats_=few)), None) == []


def test_a_host_given_up_after_block_pages_is_unhealthy():
    s = section(stats_=stats(**{"wenku/blocked/pages": 2, "wenku/blocked/host/doc88.com": 2,
                                "wenku/blocked/skipped_requests": 7}), block_max=2)
    assert "gov: gave doc88.com up after 2 block pages (7 requests not made)" in health.evaluate(report(s), None)


def test_store_write_errors_and_early_stops_are_unhealthy():
    observed = {**figures.empty_observations(), "store_errors": 2}
    reasons = health.evaluate(report(section(observed=observed, close_reason="shutdown")), None)
    assert reasons == ["gov: stopped early (shutdown)", "gov: 2 store write error(s)"]


def test_a_crawl_that_fetched_nothing_is_unhealthy_with_its_errors():
    observed = figures.empty_observations()
    figures.note_error(observed["errors"], "Connection refused", "http://a.cn/")
    down = {"downloader/request_count": 3, "downloader/exception_count": 3}
    (reason,) = health.evaluate(report(section(stats_=down, observed=observed)), None)
    assert reason == "gov: no page fetched (3 failed requests, most: Connection refused)"


# ---------------------------------------------------------------- svg / html

def test_bar_chart_writes_each_label_and_value():
    chart = svg.bar_chart("Rejected", [("too_short", 12), ("not_chinese", 1234), ("empty", 0)])
    assert chart.startswith("<svg") and chart.endswith("</svg>")
    assert ">too_short<" in chart and ">1,234<" in chart and "empty" not in chart
    assert chart.count("<rect") == 2


def test_charts_without_data_say_so_instead_of_drawing_nothing():
    assert "nothing to show" in svg.bar_chart("x", [])
    assert "no samples" in svg.line_chart("x", [("a", [])], "t", "y")


def test_line_chart_draws_one_line_per_series_and_sparkline_marks_the_last_value():
    chart = svg.line_chart("rate", [("a", [(0, 1), (1, 5)]), ("b", [(0, 2), (2, 3)])], "minutes", "pages")
    assert chart.count("<polyline") == 2 and ">minutes<" in chart
    assert 'aria-label="trend, last 7"' in svg.sparkline([1, 3, 7])


def test_labels_are_escaped():
    assert "&lt;script&gt;" in svg.bar_chart("t", [("<script>", 1)])


def test_report_page_is_self_contained_and_shows_status_reasons_and_figures():
    bad = report(section(), section(site="doc88"), status="unhealthy", reasons=["doc88: 12 pages fetched, no document"],
                 out="/o", started="s", finished="f", seconds=61)
    page = html.report_page(bad)
    assert not re.search(r"<script|<link|src=|url\(|@import", page)
    assert '<span class="status unhealthy">unhealthy</span>' in page
    assert "doc88: 12 pages fetched, no document" in page
    assert '<div class="figure" data-figure="pages"><span class="value">24</span>' in page
    assert page.count("<svg") == 4 and "1m 01s" in page


def test_index_page_links_every_run_and_draws_each_jobs_trends():
    summaries = [{"run_id": f"2025010{n}T000000Z", "job": "gov", "status": "healthy", "started": f"2025-01-0{n}",
                  "found": 10 * n, "new": n, "pages": 5, "errors": 0, "blocked_pages": 0} for n in range(1, 4)]
    page = html.index_page(summaries)
    assert page.index("20250103T000000Z/report.html") < page.index("20250101T000000Z/report.html")
    assert 'aria-label="trend, last 30"' in page


# ---------------------------------------------------------------- runs on disk

def test_record_writes_report_html_and_index_and_compares_with_the_previous_healthy_run(tmp_path):
    first = runs.record(tmp_path, "20250101T000000Z", "gov", 0.0, section(stats_=stats(**{"wenku/docs/kept": 40})))
    assert first["status"] == "healthy" and first["previous"] is None
    folder = tmp_path / "runs" / "20250101T000000Z"
    assert json.loads((folder / "report.json").read_text())["totals"]["documents"]["found"] == 43
    assert "healthy" in (folder / "report.html").read_text()
    second = runs.record(tmp_path, "20250102T000000Z", "gov", 0.0, section())
    assert second["previous"] == "20250101T000000Z" and second["status"] == "unhealthy"
    third = runs.record(tmp_path, "20250103T000000Z", "gov", 0.0, section())
    assert third["previous"] == "20250101T000000Z"       # the unhealthy run is no yardstick
    index = json.loads((tmp_path / "runs" / "index.json").read_text())
    assert [index[r]["status"] for r in sorted(index)] == ["healthy", "unhealthy", "unhealthy"]
    assert "20250102T000000Z/report.html" in (tmp_path / "runs" / "index.html").read_text()


def test_a_run_with_no_crawl_and_a_problem_is_unhealthy(tmp_path):
    written = runs.record(tmp_path, "r1", "gov", 0.0, problems=("crawl 1 (generic) did not run: boom",))
    assert written["reasons"] == ["crawl 1 (generic) did not run: boom"]


def test_run_ids_sort_by_time_and_are_never_reused(tmp_path):
    first = runs.new_run_id(tmp_path, now=0)
    assert first == "19700101T000000Z"
    assert runs.new_run_id(tmp_path, now=0) == "19700101T000000Z-2"
    assert runs.new_run_id(tmp_path, now=1) > first


def test_an_incremental_listing_run_that_stops_at_held_articles_is_not_a_regression():
    from crawler.reports.health import DEFAULT_LIMITS, regressions
    previous = {"run_id": "r1", "found_by_site": {"jyj.x.gov.cn": 29}}
    section = {"site": "jyj.x.gov.cn", "documents": {"found": 10}}
    thin = {"sites": [section]}
    assert regressions(thin, previous, DEFAULT_LIMITS)                     # fewer, no reason given
    incremental = {"sites": [{**section, "stopped_at_known": 1}]}
    assert regressions(incremental, previous, DEFAULT_LIMITS) == []


def test_a_distributed_worker_that_fetched_nothing_while_the_others_fetched_every_page_is_healthy():
    # a worker restarted after a kill -9 finds the shared queue drained by the others
    idle = {"downloader/request_count": 0}
    assert health.evaluate(report(section(stats_={**idle, "wenku/cluster/shared_crawl_fetched": 1})), None) == []
    (reason,) = health.evaluate(report(section(stats_=idle)), None)
    assert reason == "gov: no page fetched"


def test_a_distributed_worker_whose_share_was_listing_pages_is_healthy_when_the_others_made_documents():
    # the shared queue gave this worker a site's search and listing pages, another its documents
    listings_only = {"wenku/docs/kept": 0, "wenku/docs/duplicate": 0, "wenku/docs/rejected": 0, "item_scraped_count": 0}
    shared = section(stats_=stats(**listings_only, **{"wenku/cluster/shared_crawl_fetched": 1,
                                                      "wenku/cluster/shared_crawl_parsed": 1}))
    assert health.evaluate(report(shared), None) == []
    (reason,) = health.evaluate(report(section(stats_=stats(**listings_only))), None)
    assert reason == "gov: 12 pages fetched, no document parsed"
