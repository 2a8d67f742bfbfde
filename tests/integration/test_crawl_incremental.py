"""Incremental crawling: a second run fetches no document page it already holds."""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.crawl_support import catalog_documents, manifest, replica, run_crawl, stable_output, summary_rows


def held_document_paths() -> set[tuple[str, str]]:
    """(host, path) of every page of documents a first run stores (text or metadata)."""
    paths = set()
    for doc in catalog_documents("text", "partial", "split-compilation", "metadata-only"):
        for url in [doc["url"], *doc.get("other_urls", []), *doc.get("fetch", [])]:
            parts = urlsplit(url)
            paths.add((parts.hostname, parts.path + (f"?{parts.query}" if parts.query else "")))
    return paths


def test_second_run_fetches_no_known_document_and_adds_nothing_then_refresh_refetches(tmp_path):
    out = tmp_path / "out"
    with replica() as (server, address):
        first = run_crawl(address, out, "-s", "WENKU_BLOCK_BACKOFF=0.2")
        after_first = stable_output(out)
        kept_before = set(manifest(out))
        first_fetches = {(h, p) for h, _, p, _ in server.log}
        server.reset()

        second = run_crawl(address, out, "-s", "WENKU_BLOCK_BACKOFF=0.2")
        refetched = {(h, p) for h, _, p, _ in server.log} & held_document_paths()
        assert refetched == set()
        assert stable_output(out) == after_first
        totals = summary_rows(second.stdout)
        assert sum(r["kept"] + r["duplicate"] + r["metadata"] for r in totals.values()) == 0
        assert sum(r["known"] for r in totals.values()) > 0
        server.reset()

        run_crawl(address, out, "--refresh", "-s", "WENKU_BLOCK_BACKOFF=0.2")
        refreshed = {(h, p) for h, _, p, _ in server.log} & held_document_paths()
        assert refreshed == first_fetches & held_document_paths()
        # same texts and kept documents; only the duplicates' alias bookkeeping is re-recorded
        texts = {k: v for k, v in stable_output(out).items() if k.endswith(".txt")}
        assert texts == {k: v for k, v in after_first.items() if k.endswith(".txt")}
        assert set(manifest(out)) == kept_before
    assert sum(r["kept"] for r in summary_rows(first.stdout).values()) > 0
