"""Crawl options end to end: persistent blocking, max_docs, site search, URL lists, WARC archive."""
from __future__ import annotations

import subprocess
from urllib.parse import quote, urlsplit

from tests.support.crawl_support import (PYTHON, ROOT, catalog, catalog_documents, crawl_env, find, jsonl, manifest,
                                 replica, run_crawl, summary_rows)

FAST = ["-s", "WENKU_POLITE=False", "-s", "LOG_LEVEL=WARNING"]


def scrapy_crawl(address: str, out, spider: str, *args: str) -> subprocess.CompletedProcess:
    """`scrapy crawl SPIDER -a ...` (the command a user types), routed to the replica."""
    cmd = [PYTHON, "-m", "scrapy", "crawl", spider, "-s", f"REPLICA_ADDRESS={address}", "-s", f"WENKU_OUT={out}",
           *FAST, *args]
    proc = subprocess.run(cmd, cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_a_host_that_keeps_serving_block_pages_is_given_up_not_polled(tmp_path):
    host = "max.book118.com"
    with replica({"block_after": {host: 1}}) as (server, address):
        # a host given up is an unhealthy run: exit 1
        proc = run_crawl(address, tmp_path / "out", "--spiders", "book118", "-s", "WENKU_BLOCK_BACKOFF=0.2", expect=1)
        served = [p for h, _, p, _ in server.log if h == host and not p.endswith("robots.txt")]
    # the replica answers every document/endpoint request after the first with its captcha page
    counted = [i for i, p in enumerate(served) if p.startswith(("/html/", "/index.php"))]
    assert len(counted) >= 3, served
    second_block = counted[2]                   # the first block page pauses the host, the second gives it up
    # after WENKU_BLOCK_MAX=2 block pages nothing more: per-host concurrency 1 holds, and the
    # (uncompressed) block page is judged as it is downloaded, before the next request starts
    assert served[second_block + 1:] == [], served
    assert summary_rows(proc.stdout)["book118"]["blocked"] >= 2


def test_max_docs_fetches_that_many_new_documents_per_run(tmp_path):
    out = tmp_path / "out"
    with replica() as (server, address):
        scrapy_crawl(address, out, "docs360", "-a", "max_docs=2")
        assert len(manifest(out)) == 2
        server.reset()
        scrapy_crawl(address, out, "docs360", "-a", "max_docs=2")
        fetched_docs = [p for h, _, p, _ in server.log if p.startswith("/doc/")]
    assert len(manifest(out)) == 3            # the family has three documents
    assert len(fetched_docs) == 1


def test_query_argument_uses_the_sites_search(tmp_path):
    out = tmp_path / "out"
    with replica() as (server, address):
        scrapy_crawl(address, out, "bingdoc", "-a", "query=教育局")
        searched = [p for h, _, p, _ in server.log if p.startswith("/search.html")]
    assert f"/search.html?keyword={quote('教育局')}&page=1" in searched
    rows = manifest(out)
    for doc in catalog()["families"]["bingdoc"]["documents"]:
        if "教育局" in doc["title"]:
            assert find(rows, doc) is not None, doc["url"]


def test_generic_spider_reads_a_url_list(tmp_path):
    gov = [d for d in catalog_documents("text") if urlsplit(d["url"]).hostname.endswith(".gov.cn")][:3]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("# official originals\n" + "\n".join(d["url"] for d in gov) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with replica() as (_, address):
        scrapy_crawl(address, out, "generic", "-a", f"urls={url_file}", "-s", "WENKU_DEDUP=False")
    rows = manifest(out)
    assert all(find(rows, d) is not None for d in gov)


def test_recleaning_a_crawls_warc_gives_the_crawls_documents(tmp_path):
    # Before the document records: listing and search pages, each page of a multi-page
    # preview and each text-endpoint reply came back as documents of their own (61 for 35).
    out, again, warc = tmp_path / "out", tmp_path / "again", tmp_path / "crawl.warc.gz"
    with replica() as (_, address):
        run_crawl(address, out, "--warc", str(warc), "--no-dedup")
    proc = subprocess.run([PYTHON, "-m", "cleaners", "clean", str(warc), "--out", str(again), "--no-dedup"],
                          cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    crawled = sorted((r["site"], r["id"], r["sha1"]) for r in jsonl(out / "manifest.jsonl"))
    recleaned = sorted((r["site"], r["id"], r["sha1"]) for r in jsonl(again / "manifest.jsonl"))
    assert len(crawled) > 30 and recleaned == crawled
