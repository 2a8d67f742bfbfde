"""A JOBDIR queue left open by a killed crawl is recovered whole (crawler/scheduler.py)."""
from __future__ import annotations

import pickle
import struct

import scrapy
from scrapy.utils.test import get_crawler

from crawler.scheduler import CLEAN_CLOSE_MARKER, CrashSafeScheduler, queued_records, unclosed_queue


class OneSpider(scrapy.Spider):
    name = "one"

    def parse_document(self, response):
        return None


def record(url: str, spider) -> bytes:
    data = pickle.dumps(scrapy.Request(url, callback=spider.parse_document).to_dict(spider=spider), protocol=4)
    return struct.pack(">L", len(data)) + data


def test_queue_files_give_back_every_whole_record_and_skip_a_torn_last_one(tmp_path):
    spider = OneSpider()
    chunk = tmp_path / "slot" / "-10" / "q00000"
    chunk.parent.mkdir(parents=True)
    whole = record("https://a.example/doc/1.html", spider) + record("https://a.example/doc/2.html", spider)
    chunk.write_bytes(whole + record("https://a.example/doc/3.html", spider)[:-5])
    records = queued_records(tmp_path)
    assert [pickle.loads(r)["url"] for r in records] == ["https://a.example/doc/1.html", "https://a.example/doc/2.html"]


def test_only_a_queue_with_requests_and_no_clean_close_marker_is_unclosed(tmp_path):
    assert not unclosed_queue(tmp_path)                      # empty: a fresh JOBDIR
    chunk = tmp_path / "slot" / "-10" / "q00000"
    chunk.parent.mkdir(parents=True)
    chunk.write_bytes(b"")
    assert unclosed_queue(tmp_path)
    (tmp_path / CLEAN_CLOSE_MARKER).write_text("[]")
    assert not unclosed_queue(tmp_path)


def test_scheduler_requeues_the_requests_of_a_killed_crawls_queue(tmp_path):
    jobdir = tmp_path / "job"
    crawler = get_crawler(OneSpider, {"JOBDIR": str(jobdir), "SCHEDULER": "crawler.scheduler.CrashSafeScheduler",
                                      # the downloader-aware queue needs a running engine
                                      "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    spider = crawler.spider = OneSpider.from_crawler(crawler)
    chunk = jobdir / "requests.queue" / "slot" / "-10" / "q00000"
    chunk.parent.mkdir(parents=True)
    urls = [f"https://a.example/doc/{i}.html" for i in range(5)]
    chunk.write_bytes(b"".join(record(u, spider) for u in urls + urls[:2]))   # popped ones come back too

    scheduler = CrashSafeScheduler.from_crawler(crawler)
    scheduler.open(spider)
    assert not (jobdir / "requests.queue" / CLEAN_CLOSE_MARKER).exists()
    popped = []
    while (request := scheduler.next_request()) is not None:
        popped.append(request)
    scheduler.close("finished")
    assert sorted(r.url for r in popped) == sorted(urls)          # repeats dropped by the dupefilter
    assert all(r.callback == spider.parse_document for r in popped)
    assert not (jobdir / "requests.queue.unclosed").exists()
