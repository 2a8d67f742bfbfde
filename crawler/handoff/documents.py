"""A fetched document on its way into the store: the cleaners' input, and its cleaning.

`clean_document` is the CPU-heavy half of storing a document (clean_all, fingerprints,
`store.prepare`): it runs in the crawler process ("inline"), in the writer process or
in one of its cleaning workers (crawler/handoff/workers.py); `recording.py` has the
half that needs the store.  Tier B/C items only give a `metadata_record`.
"""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field

from parsel import Selector

from cleaners import dedup, profiles
from cleaners.document import Document
from cleaners.page_facts import page_format, page_title
from cleaners.steps.decode import decode_bytes
from cleaners.document import LineKeys
from cleaners.store import prepare
from cleaners.store.host_lines import HostLineReader

from crawler.endpoints import endpoint_text, is_endpoint_payload
from crawler.items import DocumentItem


def to_document(item: DocumentItem) -> Document:
    """The cleaners' input: one Document per fetched page, raw bytes and header untouched."""
    meta = {k: v for k, v in item.meta.items() if v is not None}
    if len(item.pages) == 1 and "pages_seen" not in meta:
        # one HTML page holds the whole served text: partial only if the page says so
        page = item.pages[0]
        return Document(id=item.id, site=item.site, url=item.url, data=page.body,
                        content_type=page.content_type, meta=meta)
    pages = [page_document(p, item.site) for p in item.pages]
    meta.setdefault("pages_seen", len(pages))
    if item.page_count:
        meta["page_count"] = item.page_count
    return Document(id=item.id, site=item.site, url=item.url, pages=pages, meta=meta)


def page_document(page, site: str) -> Document:
    """One fetched page as the cleaners' input; a JSON/JSONP text endpoint page
    ("继续阅读" loaders) becomes its plain text."""
    if is_endpoint_payload(page.content_type):
        text = endpoint_text(page.body)
        if text is not None:
            return Document(text=text, is_html=False, url=page.url, site=site)
    return Document(data=page.body, content_type=page.content_type, url=page.url, site=site)


def metadata_record(item: DocumentItem) -> dict:
    """Title, page count, format and URL of a Tier B/C document, from its first page."""
    profile = profiles.resolve(item.site, item.url)
    record = {"site": item.site, "id": item.id, "url": item.url, "tier": item.tier,
              "title": "", "page_count": item.page_count, "format": None,
              "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    if not item.pages:
        return record
    page = item.pages[0]
    text, _ = decode_bytes(page.body, page.content_type)
    sel = Selector(text=text or "<html></html>", type="html")
    record["title"] = page_title(sel, profile)
    record["format"] = page_format(sel, profile)
    description = (sel.css('meta[name="description"]::attr(content)').get() or "").strip()
    if description:
        record["description"] = description
    return record


@dataclass
class Cleaned:
    """A fetched document cleaned and made ready for the store: all of storing it that does not
    need the store (clean_all, fingerprints, `store.prepare`), so a cleaning worker process can
    do it; picklable.  `parts` has one (result id, partial, why rejected or None, reject detail,
    Prepared or None) per cleaning result, in order; `line_keys` the document's host and line keys
    for the host-lines table (None when the crawl does not learn them)."""

    parts: list[tuple] = field(default_factory=list)
    clean_seconds: float = 0.0
    prepare_seconds: float = 0.0
    error: str | None = None
    line_keys: LineKeys | None = None


def rejection(result) -> str | None:
    """Why a cleaning result cannot be stored (None: it can)."""
    if result.usable:
        return None
    return result.rejection or "empty"


def cleaning_options(settings) -> dict:
    """The crawl's cleaning options as plain values, `pipeline_options(them, out_dir)` where the
    cleaning happens: the crawler process of a writer-process crawl never imports the cleaners'
    pipeline (~0.2 s of start-up before the first request).  `host_min_docs` 0: the crawl neither
    learns nor removes the lines a host repeats (WENKU_HOST_LINES off)."""
    return {"script": settings.get("WENKU_SCRIPT", "simplified"),
            "max_bytes": settings.getint("WENKU_MAX_DOC_BYTES"), "max_chars": settings.getint("WENKU_MAX_CHARS"),
            "max_elements": settings.getint("WENKU_MAX_ELEMENTS"), "max_depth": settings.getint("WENKU_MAX_DEPTH"),
            "host_min_docs": settings.getint("WENKU_HOST_MIN_DOCS") if settings.getbool("WENKU_HOST_LINES") else 0}


def pipeline_options(options: dict, out_dir=None):
    """`cleaners.pipeline.Options` from `cleaning_options`' plain values, reading the host-lines
    table of the output folder `out_dir` (None: no table, e.g. a distributed worker, whose
    writer is on another machine)."""
    # Imported here, not at the top: see `clean_document`.
    from cleaners import pipeline
    plain = dict(options)
    min_docs = plain.pop("host_min_docs", 0)
    lookup = HostLineReader(out_dir, min_docs) if min_docs and out_dir is not None else None
    return pipeline.Options(**plain, host_lines=lookup)


def clean_document(item: DocumentItem, options) -> Cleaned:
    """Clean one fetched document and prepare its results for the store (the CPU-heavy half);
    `options` is a `cleaners.pipeline.Options`."""
    # Imported here, not at the top: the crawler process of a writer-process crawl imports this module
    # but never cleans, and the cleaners' pipeline costs ~0.2 s of its start-up (measured: 0.17-0.26 s).
    from cleaners import pipeline as cleaning
    started = time.thread_time()      # CPU seconds: what the benchmark's "share of time" means
    try:
        results = cleaning.clean_all(to_document(item), options)
        fingerprints = [dedup.fingerprint(r.text or "") if r.usable else None for r in results]
        cleaned_at = time.thread_time()
        parts = []
        for result, fingerprint in zip(results, fingerprints):
            why = rejection(result)
            parts.append((result.id, result.partial, why, result.flags.get("reject_detail", ""),
                          None if why else prepare(result, fingerprint)))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the crawl
        return Cleaned(error=f"error cleaning {item.url} ({item.site} {item.id}): {type(exc).__name__}: {exc}; "
                             f"please report this page\n{traceback.format_exc()}")
    return Cleaned(parts, cleaned_at - started, time.thread_time() - cleaned_at,
                   line_keys=results[0].line_keys if results else None)
