"""Listing pages of government sites: which articles a page lists, and where its next page is.

`read(url, text, content_type, state)` recognises, in this order:
  directory  a 信息公开 directory of columns (gkmlpt `/gkmlpt/index`): every column's listing
  json       a JSON listing API (gkmlpt `/gkmlpt/api/all/<column>`)
  datastore  Hanweb JCMS rows embedded as XML, further rows from dataproxy.jsp
  html       any page with a group of repeated item links with dates (TRS, plain <ul> lists...),
             the next page from a JS pager (TRS createPageHTML) or a 下一页 link
Site knowledge (patterns, URL shapes, field names) is in cleaners/profiles/_gov.toml; these
modules hold only the logic.  A page that is none of these is not a listing (None).
"""
from __future__ import annotations

import json

import lxml.html
from lxml import etree

from crawler.listings import datastore, directory, jsonapi, pagination
from crawler.listings.items import dated_links
from crawler.listings.shapes import Entry, ListingPage, PageRequest

__all__ = ["Entry", "ListingPage", "PageRequest", "read"]


def read(url: str, text: str, content_type: str | None = None, state: dict | None = None) -> ListingPage | None:
    """The listing on this page (entries in page order, the next page, sub-columns), or None."""
    state = state or {}
    kind = state.get("kind")
    if kind == "datastore":
        return datastore.read_proxy(url, text, state)
    stripped = text.lstrip()
    if kind == "json" or "json" in (content_type or "") or stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if data is not None:
            return jsonapi.read(url, data, state)
    columns = directory.read(url, text, state.get("only"))
    if columns is not None:
        return columns
    embedded = datastore.read_embedded(url, text)
    if embedded is not None:
        return embedded
    try:
        root = lxml.html.document_fromstring(text or "<html/>")
    except (etree.ParserError, ValueError):
        return None
    entries = dated_links(root, url)
    if not entries:
        return None
    return ListingPage(entries, pagination.next_page(root, text, url))
