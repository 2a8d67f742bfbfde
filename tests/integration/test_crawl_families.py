"""End to end: every replica family crawled through the real Scrapy engine.

One crawl of all families (dedup off, so every document can be compared with
its own expected file) is shared by the tests of this module.
"""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest

from tests.support.crawl_support import (SITES, catalog, catalog_documents, find, jsonl, manifest, our_keys, replica,
                                 run_crawl, squeeze)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl-all")
    with replica() as (server, address):
        proc = run_crawl(address, out, "--no-dedup", "-s", "WENKU_BLOCK_BACKOFF=0.5", timeout=180)
        log = list(server.log)
    return out, log, proc


def text_docs():
    return catalog_documents("text", "partial", "split-compilation")


@pytest.mark.parametrize("doc", text_docs(), ids=lambda d: f"{d['site']}-{d['id']}")
def test_text_document_comes_out_as_its_expected_file(crawl, doc):
    out, _, _ = crawl
    site, doc_id = our_keys(doc)[0]
    rows = manifest(out)
    if doc["kind"] == "split-compilation":
        parts = sorted((r for (s, i), r in rows.items() if s == site and i.startswith(f"{doc_id}-")),
                       key=lambda r: int(r["id"].rsplit("-", 1)[1]))
        got = [squeeze((out / r["path"]).read_text(encoding="utf-8")) for r in parts]
        want = [squeeze((SITES / e).read_text(encoding="utf-8")) for e in doc["expected"]]
        assert got == want
        return
    row = find(rows, doc)
    assert row is not None, f"{doc['url']} missing from the manifest"
    got = (out / row["path"]).read_text(encoding="utf-8")
    want = (SITES / doc["expected"][0]).read_text(encoding="utf-8")
    assert squeeze(got) == squeeze(want)


def test_partial_documents_are_flagged_and_complete_ones_are_not(crawl):
    out, _, _ = crawl
    rows = manifest(out)
    for doc in catalog_documents("text", "partial"):
        row = find(rows, doc)
        assert row is not None, doc["url"]
        assert bool(row["partial"]) == (doc["kind"] == "partial"), doc["url"]


def test_tier_b_documents_yield_metadata_only(crawl):
    out, _, _ = crawl
    docs = catalog_documents("metadata-only")
    if not docs:
        pytest.skip("no metadata-only family in the replica catalog yet")
    records = {(r["site"], r["id"]): r for r in jsonl(out / "metadata.jsonl")}
    rows = manifest(out)
    for doc in docs:
        assert find(rows, doc) is None, f"{doc['url']} must not be in the text manifest"
        record = find(records, doc)
        assert record is not None, f"{doc['url']} missing from metadata.jsonl"
        assert record["title"] and doc["title"] in record["title"]
        if doc.get("page_count"):
            assert record["page_count"] == doc["page_count"]


def test_block_page_backs_the_host_off_without_retrying(crawl):
    out, log, proc = crawl
    docs = catalog_documents("blocked")
    if not docs:
        pytest.skip("no blocked family in the replica catalog yet")
    rows = manifest(out)
    for doc in docs:
        host, path = urlsplit(doc["url"]).hostname, urlsplit(doc["url"]).path
        assert find(rows, doc) is None
        fetched = [p for h, _, p, _ in log if h == host and not p.endswith("robots.txt")]
        assert fetched.count(path) <= 1, f"block page {doc['url']} was retried"
    assert "blocked" in proc.stdout


def test_429_burst_is_survived_by_waiting_for_retry_after(crawl):
    out, log, _ = crawl
    burst = [(h, p) for h, _, p, status in log if status == 429]
    assert burst, "the replica's 429 burst was never hit"
    host, path = burst[0]
    statuses = [status for h, _, p, status in log if (h, p) == (host, path)]
    assert statuses[-1] == 200 and statuses.count(429) == len(statuses) - 1
    doc = next(d for d in catalog_documents() if urlsplit(d["url"]).path == path and urlsplit(d["url"]).hostname == host)
    assert find(manifest(out), doc) is not None


def test_robots_txt_disallowed_paths_are_never_fetched(crawl):
    _, log, _ = crawl
    for family in catalog()["families"].values():
        hosts = set(family["hosts"])
        for host, _, path, _ in log:
            if host in hosts:
                assert not any(path.startswith(rule) for rule in family["robots_disallow"] if rule), (host, path)


def test_each_document_page_is_fetched_once(crawl):
    _, log, _ = crawl
    counts = Counter((h, p) for h, _, p, status in log if status != 429 and not p.endswith("robots.txt"))
    assert [k for k, n in counts.items() if n > 1] == []


def test_gone_documents_are_counted_as_failed_not_stored(crawl):
    out, _, proc = crawl
    gone = catalog_documents("gone")
    rows = manifest(out)
    for doc in gone:
        assert find(rows, doc) is None
    failed_total = int(proc.stdout.split("\ntotal", 1)[1].split()[6])
    assert failed_total >= len(gone)
