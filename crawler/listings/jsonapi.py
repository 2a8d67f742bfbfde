"""JSON listing APIs (gkmlpt `api/all/<column>?page=N`, and others of the same make).

The rows are the first list of objects with a URL field under one of the known keys; each
row's title and date come from the first known field present; the total (`post_count`,
`total` ...) says when the last page is reached, else an empty page does (`_gov.toml`
[json_listing]).
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.listings import dates, rules
from crawler.listings.shapes import Entry, ListingPage, PageRequest
from crawler.urls import absolute

KIND = "json_listing"


def rows_of(data) -> list[dict]:
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    if not isinstance(data, dict):
        return []
    section = rules.section(KIND)
    url_fields = section.get("url_fields", ["url"])
    for key in section.get("items", []):
        value = data.get(key)
        if isinstance(value, dict):          # {"data": {"list": [...]}}
            nested = rows_of(value)
            if nested:
                return nested
        if isinstance(value, list) and any(isinstance(r, dict) and any(r.get(f) for f in url_fields) for r in value):
            return [r for r in value if isinstance(r, dict)]
    return []


def first(row: dict, fields: list[str]):
    return next((row[f] for f in fields if row.get(f) not in (None, "")), None)


def dotted(data, path: str):
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def read(url: str, data, state: dict) -> ListingPage | None:
    rows = rows_of(data)
    section = rules.section(KIND)
    entries = []
    for row in rows:
        link = absolute(url, str(first(row, section.get("url_fields", ["url"])) or ""))
        if link:
            entries.append(Entry(link, str(first(row, section.get("title_fields", ["title"])) or ""),
                                 dates.of_value(first(row, section.get("date_fields", ["date"])))))
    if not entries and not state.get("kind"):
        return None         # some JSON that is not a listing
    total = next((dotted(data, p) for p in section.get("total_fields", []) if isinstance(dotted(data, p), int)), None)
    per_page = state.get("per_page") or len(rows)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    name = section.get("page_parameter", "page")
    page = int(query.get(name) or 1) if str(query.get(name) or "1").isdigit() else 1
    more = bool(rows) and (total is None or page * per_page < total)
    following = None
    if more:
        query[name] = str(page + 1)
        following = PageRequest(urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), "")),
                                state={"kind": "json", "per_page": per_page})
    return ListingPage(entries, following)
