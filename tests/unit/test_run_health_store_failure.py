"""A writer that fails while closing the store fails the run, though every crawl section was
judged healthy before the failure was known (the flaky exit 0 of the disk-full test)."""
from __future__ import annotations

import scrapy
from scrapy.utils.test import get_crawler

from crawler.extensions.health import RunHealth
from crawler.reports import runs


class OneSpider(scrapy.Spider):
    name = "one"


def _health(out):
    crawler = get_crawler(OneSpider, {"WENKU_OUT": str(out), "WENKU_JOB": "t"})
    return crawler, RunHealth(crawler)


def test_writer_failure_at_close_makes_the_finished_run_unhealthy(tmp_path):
    crawler, health = _health(tmp_path)
    runs.record(tmp_path, health.hold.run_id, health.hold.job, health.hold.started)
    crawler.stats.set_value("wenku/writer/failed", "the writer process ended unexpectedly (exit code 1)")
    health.engine_stopped()
    report = runs.read_report(tmp_path, health.hold.run_id)
    assert report["status"] == "unhealthy"
    assert any("store failed: the writer process ended" in r for r in report["reasons"])
    assert crawler.stats.get_value("wenku/health") == "unhealthy"


def test_a_run_without_a_writer_failure_keeps_its_verdict(tmp_path):
    crawler, health = _health(tmp_path)
    before = runs.record(tmp_path, health.hold.run_id, health.hold.job, health.hold.started)
    health.engine_stopped()
    assert runs.read_report(tmp_path, health.hold.run_id)["status"] == before["status"]
    assert crawler.stats.get_value("wenku/health") is None
