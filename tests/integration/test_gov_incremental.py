"""Reruns of a government column: changed articles, validators, the margin, scope, size cap.

All against the TRS replica (the smallest: 25 articles, 3 listing pages, 4 attachments).
"""
from __future__ import annotations

from tests.support.crawl_support import find, manifest, replica
from tests.support.gov_support import column_url, crawl_column, documents, family, fetched, path_of, rejects, stats

NAME = "gov_trs"
HOST = "jyj.demoshi.gov.cn"


def article_paths() -> set[str]:
    return {path_of(d["url"])[1] for d in documents(NAME, "text", "attachment-only")}


def test_article_listed_under_a_new_date_is_fetched_again_and_replaces_its_copy(tmp_path):
    out = tmp_path / "out"
    target = documents(NAME, "text")[2]["url"]
    with replica() as (server, address):
        crawl_column(address, out, column_url(NAME))
        before = manifest(out)
        old_path = find(before, {"url": target})["path"]
        server.revise(NAME, target, redate=True)        # new text, listed a day later, same URL
        server.reset()
        crawl_column(address, out, column_url(NAME))
        refetched = [p for p in fetched(server, HOST) if p in article_paths()]
    assert refetched == [path_of(target)[1]]
    after = manifest(out)
    row = find(after, {"url": target})
    assert row["path"] == old_path and len(after) == len(before)
    assert "第1次修订" in (out / row["path"]).read_text(encoding="utf-8")


def test_revalidation_asks_with_validators_and_refetches_only_what_the_server_changed(tmp_path):
    out = tmp_path / "out"
    target = documents(NAME, "text")[0]["url"]
    with replica() as (server, address):
        crawl_column(address, out, column_url(NAME))
        server.revise(NAME, target, redate=False)       # same listed date: only the ETag tells
        server.reset()
        proc = crawl_column(address, out, column_url(NAME), "WENKU_REVALIDATE=True")
        answers = [(p, status) for h, _, p, status in server.log if h == HOST and p in article_paths()]
    assert (path_of(target)[1], 200) in answers
    assert [p for p, status in answers if status == 200] == [path_of(target)[1]]
    assert {status for _, status in answers} == {200, 304}
    assert stats(proc)["wenku/listing/unchanged"] == len(answers) - 1
    assert "第1次修订" in (out / find(manifest(out), {"url": target})["path"]).read_text(encoding="utf-8")


def test_margin_setting_reads_that_many_held_rows_before_stopping(tmp_path):
    out = tmp_path / "out"
    with replica() as (server, address):
        crawl_column(address, out, column_url(NAME))
        server.reset()
        crawl_column(address, out, column_url(NAME), "WENKU_LISTING_MARGIN=15")
        listings = [p for p in fetched(server, HOST) if p not in article_paths()]
        server.reset()
        crawl_column(address, out, column_url(NAME), "WENKU_REFRESH=True")
        refreshed = [p for p in fetched(server, HOST) if p in article_paths()]
    assert listings == ["/xxgk/gzzj/index.html", "/xxgk/gzzj/index_1.html"]    # 11 + 10 held rows
    assert sorted(refreshed) == sorted(article_paths())


def test_oversized_attachment_is_recorded_and_not_fetched_again(tmp_path):
    out = tmp_path / "out"
    with replica() as (server, address):
        crawl_column(address, out, column_url(NAME), "WENKU_ATTACHMENT_MAX_BYTES=2000")
        too_large = [r for r in rejects(out) if r["reason"] == "too large"]
        server.reset()
        crawl_column(address, out, column_url(NAME), "WENKU_ATTACHMENT_MAX_BYTES=2000")
        files = [p for p in fetched(server, HOST) if "/P0" in p]
    assert {r["url"].rsplit(".", 1)[1] for r in too_large} >= {"pdf", "doc"}
    assert files == []


def test_start_url_that_lists_nothing_is_kept_as_a_document_with_its_attachments(tmp_path):
    out = tmp_path / "out"
    article = next(d for d in documents(NAME, "text") if d["url"].endswith("_5001004.html"))
    with replica() as (_, address):
        crawl_column(address, out, article["url"])
    rows = manifest(out)
    assert find(rows, article) is not None
    assert [r["metadata"]["attachment_of"] for r in rows.values() if "attachment_of" in r["metadata"]] == [article["url"]]


def test_articles_on_other_hosts_are_followed_only_when_allowed(tmp_path):
    foreign = family(NAME)["foreign_row"]         # a 转载 row on page 1 pointing to another site's article
    with replica() as (server, address):
        crawl_column(address, tmp_path / "scoped", column_url(NAME), "WENKU_ATTACHMENTS=False")
        scoped = server.hit_count(foreign)
        server.reset()
        crawl_column(address, tmp_path / "widened", column_url(NAME), "WENKU_ATTACHMENTS=False",
                     args=("allow_hosts=www.demoqu.gov.cn",))
        widened = server.hit_count(foreign)
    assert (scoped, widened) == (0, 1)
    assert find(manifest(tmp_path / "widened"), {"url": foreign}) is not None


def test_directory_url_with_a_fragment_reads_that_column_alone(tmp_path):
    with replica() as (server, address):
        crawl_column(address, tmp_path / "out", "https://www.demobin.gov.cn/jyj/gkmlpt/index#103", "WENKU_ATTACHMENTS=False")
        columns = [p for p in fetched(server, "www.demobin.gov.cn") if "/api/all/" in p]
    assert columns and all("/api/all/103?" in p for p in columns)
