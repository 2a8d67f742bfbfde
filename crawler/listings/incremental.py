"""Reruns of a listing: what each listed article needs, and when to stop reading pages.

`.listed.jsonl` in the output folder remembers, per article fetched from a listing, its listed
date and the server's ETag / Last-Modified (one JSON line per fetch; the last line wins).
On a rerun an article is
  new        not held by the output folder: fetched
  changed    held, but listed under another date than last time: fetched again, replacing the copy
  revalidate held, WENKU_REVALIDATE on and a validator known: a conditional GET (304 = unchanged)
  known      held and unchanged: not fetched
and a listing is read page after page only until WENKU_LISTING_MARGIN held, unchanged rows in a
row have been seen (lists are newest first; the margin covers pinned rows and late edits).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

LISTED_FILE = ".listed.jsonl"
NEW, CHANGED, REVALIDATE, KNOWN = "new", "changed", "revalidate", "known"


class ListedLog:
    """The listed dates and validators of the articles fetched into one output folder."""

    def __init__(self, out_dir: str | Path):
        self.path = Path(out_dir) / LISTED_FILE
        self.records: dict[tuple[str, str], dict] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue        # a line cut by a crash: that article is judged by the store alone
                self.records[(record.get("site", ""), str(record.get("id", "")))] = record

    def get(self, site: str, doc_id: str) -> dict | None:
        return self.records.get((site, doc_id))

    def record(self, site: str, doc_id: str, url: str, date: str | None, etag: str | None,
               last_modified: str | None) -> None:
        record = {"site": site, "id": doc_id, "url": url, "date": date, "etag": etag,
                  "last_modified": last_modified, "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if {k: v for k, v in (self.records.get((site, doc_id)) or {}).items() if k != "fetched"} == \
                {k: v for k, v in record.items() if k != "fetched"}:
            return
        self.records[(site, doc_id)] = record
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:      # one write per line: appends from
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")   # several spiders stay whole


def verdict(held: bool, listed_date: str | None, record: dict | None, revalidate: bool) -> str:
    """What a listed article needs on this run (see the module doc)."""
    if not held:
        return NEW
    if record is None:
        return KNOWN            # held from elsewhere (a sitemap, an older crawl): nothing to compare
    if listed_date and record.get("date") and listed_date != record["date"]:
        return CHANGED
    if revalidate and (record.get("etag") or record.get("last_modified")):
        return REVALIDATE
    return KNOWN


def conditional_headers(record: dict) -> dict[str, str]:
    headers = {}
    if record.get("etag"):
        headers["If-None-Match"] = record["etag"]
    if record.get("last_modified"):
        headers["If-Modified-Since"] = record["last_modified"]
    return headers
