"""Government columns from the column URL alone, per CMS family (TRS, Hanweb, gkmlpt).

For each replica: `scrapy crawl generic -a start=COLUMN_URL` finds, cleans and stores every
article and every attachment, with date and source in the manifest; attachment-only articles
and unreadable files are in rejects.jsonl with their reasons; a rerun fetches no article page;
after three articles are published, the next run fetches exactly those three.
"""
from __future__ import annotations

import pytest

from tests.support.crawl_support import SITES, find, jsonl, manifest, replica, squeeze
from tests.support.gov_support import (GOV_FAMILIES, article_and_file_paths, column_url, crawl_column, documents,
                                       family, fetched, path_of, rejects)


@pytest.fixture(scope="module", params=GOV_FAMILIES)
def runs(request, tmp_path_factory):
    """Three runs of one family into one folder: first, rerun, rerun after publishing three."""
    name = request.param
    out = tmp_path_factory.mktemp(name)
    host = path_of(column_url(name))[0]
    with replica() as (server, address):
        first = crawl_column(address, out, column_url(name))
        first_log = fetched(server, host)
        after_first = {"manifest": manifest(out), "rejects": rejects(out)}
        server.reset()
        crawl_column(address, out, column_url(name))
        rerun_log = fetched(server, host)
        server.reset()
        published = server.publish(name, 3)
        crawl_column(address, out, column_url(name))
        publish_log = fetched(server, host)
    return {"name": name, "out": out, "first": first, "first_log": first_log, "rerun_log": rerun_log,
            "publish_log": publish_log, "published": published, **after_first}


def test_every_article_is_cleaned_to_its_expected_text_with_its_metadata(runs):
    rows, expected_metadata = runs["manifest"], family(runs["name"])["metadata"]
    articles = documents(runs["name"], "text")
    assert len(articles) >= 24
    for doc in articles:
        row = find(rows, doc)
        assert row is not None, f"{doc['url']} missing from the manifest"
        text = (runs["out"] / row["path"]).read_text(encoding="utf-8")
        assert squeeze(text) == squeeze((SITES / doc["expected"][0]).read_text(encoding="utf-8")), doc["url"]
        wanted = expected_metadata[doc["url"]]
        assert {k: row["metadata"].get(k) for k in wanted} == wanted, doc["url"]


def test_every_attachment_is_a_document_of_its_own_with_format_and_parent(runs):
    rows, attachments = runs["manifest"], family(runs["name"])["attachments"]
    files = documents(runs["name"], "attachment")
    assert len(files) >= 3
    for doc in files:
        row = find(rows, doc)
        assert row is not None, f"{doc['url']} missing from the manifest"
        text = (runs["out"] / row["path"]).read_text(encoding="utf-8")
        assert squeeze(text) == squeeze((SITES / doc["expected"][0]).read_text(encoding="utf-8")), doc["url"]
        want = attachments[doc["url"]]
        assert row["metadata"]["attachment_of"] == want["attachment_of"]
        assert row["metadata"]["format"] == want["format"]
        assert (row["metadata"]["date"], row["metadata"]["source"]) == (want["date"], want["source"])


def test_article_that_only_points_to_its_attachment_is_not_kept_but_recorded(runs):
    pointers = documents(runs["name"], "attachment-only")
    assert pointers
    recorded = {r["url"] for r in runs["rejects"]}
    for doc in pointers:
        assert find(runs["manifest"], doc) is None
        assert doc["url"] in recorded


def test_unreadable_and_scanned_files_are_recorded_with_their_reason(runs):
    attachments = family(runs["name"])["attachments"]
    reasons = {r["url"]: r["reason"] for r in runs["rejects"]}
    for doc in documents(runs["name"], "rejected"):
        assert find(runs["manifest"], doc) is None
        link = attachments[doc["url"]]["link"]
        assert reasons.get(link) == attachments[doc["url"]]["reject"], (link, reasons)


def test_no_metadata_is_left_in_any_text(runs):
    for row in runs["manifest"].values():
        text = (runs["out"] / row["path"]).read_text(encoding="utf-8")
        for label in ("索引号", "发布机构", "发布时间", "信息来源", "成文日期", "打印本页", "扫一扫"):
            assert label not in text, (row["url"], label)
        for value in (row["metadata"].get("index_no"), row["metadata"].get("doc_no")):
            assert not value or value not in text, (row["url"], value)


def test_first_run_fetches_each_page_once(runs):
    log = runs["first_log"]
    assert len(log) == len(set(log)), sorted({p for p in log if log.count(p) > 1})


def test_rerun_fetches_no_article_nor_attachment(runs):
    documents_fetched = [p for p in runs["rerun_log"] if (path_of(column_url(runs["name"]))[0], p)
                         in article_and_file_paths(runs["name"])]
    assert documents_fetched == []
    assert runs["rerun_log"], "the rerun read no listing at all"


def test_after_publishing_three_articles_the_next_run_fetches_exactly_those(runs):
    host = path_of(column_url(runs["name"]))[0]
    published = {path_of(u)[1] for u in runs["published"]}
    documents_fetched = {p for p in runs["publish_log"] if (host, p) in article_and_file_paths(runs["name"])
                         or p in published}
    assert documents_fetched == published
    rows = manifest(runs["out"])
    for url in runs["published"]:
        assert find(rows, {"url": url}) is not None


def test_listing_is_not_read_past_the_held_articles_on_a_rerun(runs):
    first_listings = [p for p in runs["first_log"] if (path_of(column_url(runs["name"]))[0], p)
                      not in article_and_file_paths(runs["name"])]
    rerun_listings = runs["rerun_log"]
    assert len(rerun_listings) < len(first_listings)


def test_ledger_of_listed_dates_is_kept_beside_the_store(runs):
    listed = jsonl(runs["out"] / ".listed.jsonl")
    assert {r["date"] for r in listed} >= {v["date"] for v in family(runs["name"])["metadata"].values()} - {None}
    assert all(r["etag"] for r in listed)
