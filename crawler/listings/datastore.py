"""Hanweb JCMS listings: rows embedded as XML in the column page, further rows from dataproxy.jsp.

The column page holds `<datastore>` with the first rows as CDATA HTML fragments, the total
(`<totalrecord>`) and a `<nextgroup>` link to the proxy with the column's parameters.  Further
rows are asked for as ranges (`startrecord`..`endrecord`), `records_per_request` at a time, by
POST with the column's form, the way the site's own pager asks; an answer without records, or
the total reached, ends the listing (`_gov.toml` [datastore]).
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from crawler.listings import rules
from crawler.listings.items import dated_links
from crawler.listings.shapes import Entry, ListingPage, PageRequest

KIND = "datastore"


def records(xml: str, base_url: str) -> list[Entry]:
    """The rows of a datastore: every CDATA record is one row, dated or not."""
    fragments = [m.group("html") for m in rules.pattern(KIND, "record").finditer(xml)]
    if not fragments:
        return []
    try:
        root = lxml.html.document_fromstring(f"<html><body><ul>{''.join(fragments)}</ul></body></html>")
    except (etree.ParserError, ValueError):
        return []
    return dated_links(root, base_url, min_items=1, min_title=1) or dated_links(root, base_url, min_items=0, min_title=1)


def total_of(xml: str) -> int | None:
    m = rules.pattern(KIND, "total").search(xml)
    return int(m.group("n")) if m else None


def read_embedded(url: str, text: str) -> ListingPage | None:
    """A column page whose rows sit in a `<datastore>` (None when it has none)."""
    block = rules.pattern(KIND, "block").search(text)
    if block is None:
        return None
    xml = block.group("xml")
    entries = records(xml, url)
    state = proxy_state(url, text, xml)
    state["next"] = len(rules.pattern(KIND, "record").findall(xml)) + 1
    return ListingPage(entries, proxy_request(state))


def proxy_state(url: str, text: str, xml: str) -> dict:
    """Where the proxy is and the form it wants, from the nextgroup link, else from the page."""
    section = rules.section(KIND)
    form = dict(section.get("form", {}))
    proxy = urljoin(url, section.get("proxy_path", "/module/web/jpage/dataproxy.jsp"))
    link = rules.pattern(KIND, "next_group").search(xml)
    if link:
        parts = urlsplit(urljoin(url, link.group("href").replace("&amp;", "&")))
        proxy = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        form.update({k: v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"})
    for key, name in (("columnid", "column_id"), ("unitid", "unit_id")):
        if key not in form:
            m = rules.pattern(KIND, name).search(url if key == "columnid" else text)
            if m:
                form[key] = m.group("id")
    per_page = rules.pattern(KIND, "per_page").search(text)
    return {"kind": KIND, "proxy": proxy, "form": form, "referer": url, "total": total_of(xml),
            "per_page": int(per_page.group("n")) if per_page else section.get("default_per_page", 15)}


def proxy_request(state: dict) -> PageRequest | None:
    """The next range of rows, or None when the total is reached."""
    start, total = state["next"], state.get("total")
    if total is not None and start > total:
        return None
    count = rules.section(KIND).get("records_per_request", 45)
    query = urlencode({"startrecord": start, "endrecord": start + count - 1, "perpage": state["per_page"]})
    headers = (("Content-Type", "application/x-www-form-urlencoded"), ("Referer", state["referer"]),
               ("X-Requested-With", "XMLHttpRequest"))
    return PageRequest(f"{state['proxy']}?{query}", "POST", urlencode(state["form"]), headers,
                       {**state, "next": start + count})


def read_proxy(url: str, text: str, state: dict) -> ListingPage:
    """One proxy answer: its rows, and the next range while rows keep coming."""
    entries = records(text, state.get("referer") or url)
    total = total_of(text)
    state = {**state, "total": total if total is not None else state.get("total")}
    return ListingPage(entries, proxy_request(state) if entries else None)
