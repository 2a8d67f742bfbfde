"""The output folder as the crawler sees it: what is already held, and where to add.

The dedup/output store plus the crawler's own files beside its manifest: Tier-B/C
metadata in `metadata.jsonl`, and a ledger of every document id processed.  Opened
in the process that owns the store (the crawler process "inline", or the writer).
"""
from __future__ import annotations

import json
from pathlib import Path

from cleaners.document import LineKeys
from cleaners.store import Store, safe_name
from cleaners.store.host_lines import HostLineTable

METADATA_FILE = "metadata.jsonl"
LEDGER_FILE = ".crawl-ledger.jsonl"   # every document id processed (kept, duplicate, too short, split...)


def base_id(doc_id: str) -> str:
    """The fetched document's id for a part of a split compilation (`123~2` -> `123`)."""
    return doc_id.split("~", 1)[0]


class JsonlLog:
    """An append-only JSON-lines file keyed by (site, id); torn last lines are ignored."""

    def __init__(self, path: Path):
        self.path = path
        self.records: dict[tuple[str, str], dict] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue    # a line cut short by a crash; the document is fetched again
                self.records[(record.get("site", ""), str(record.get("id", "")))] = record
        self._fh = None

    def add(self, record: dict) -> bool:
        key = (record["site"], str(record["id"]))
        if key in self.records:
            return False
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
            if self._fh.tell() and not self.path.read_bytes().endswith(b"\n"):
                self._fh.write("\n")   # never glue a record onto a torn line
        self._fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        self._fh.flush()    # in the OS after this: survives kill -9 (not power loss, by design)
        self.records[key] = record
        return True

    def get(self, key: tuple[str, str]) -> dict | None:
        return self.records.get(key)

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self.records

    def close(self):
        if self._fh:
            self._fh.close()
            self._fh = None


class OutputState:
    """The dedup/output store plus the crawler's own metadata and ledger files."""

    def __init__(self, out_dir: Path, dedup: bool = True):
        self.out_dir = out_dir
        self.store = Store(out_dir, dedup=dedup)
        self.metadata = JsonlLog(out_dir / METADATA_FILE)
        self.ledger = JsonlLog(out_dir / LEDGER_FILE)
        self.host_lines = HostLineTable(out_dir)     # its file is made by the first document counted
        self.users = 0

    def count_lines(self, line_keys: LineKeys, url: str) -> None:
        """Count a kept document's lines in the folder's host-lines table (the cleaning processes
        read it: crawler/handoff/documents.py `pipeline_options`)."""
        self.host_lines.count(line_keys, url)

    def holds(self, site: str, doc_id: str) -> bool:
        """Whether this document was fetched before (kept, duplicate, metadata, nothing usable).

        The store is asked first.  The ledger answers for documents that left no result
        under their own id (split compilations, too-short pages), but only while every
        result it lists is in the store: the store commits in batches, so after a kill -9
        the ledger can be ahead of it, and such a document is fetched again.
        """
        key = (site, doc_id)
        if key in self.metadata or self.store.has(site, doc_id):
            return True
        record = self.ledger.get(key)
        return record is not None and all(self.store.has(site, r) for r in record.get("results", []))

    def held_ids(self) -> "HeldIds":
        """Everything `holds` says yes to right now, for a process that cannot ask the store
        (the crawler process while the writer process owns it)."""
        # (site, raw id) and (site, stored doc id) of every input the index records, like Store.has
        stored = set()
        for site, raw_id, doc_id in self.store.db.execute("SELECT site, raw_id, doc_id FROM docs"):
            stored.add((site, raw_id))
            stored.add((site, doc_id))
        done = set(self.metadata.records)
        for key, record in self.ledger.records.items():
            site = safe_name(key[0] or "local")
            if all((site, r) in stored for r in record.get("results", [])):
                done.add(key)
        return HeldIds(stored, done)

    def close(self, crawler=None):
        self.host_lines.close()
        self.store.close()
        self.metadata.close()
        self.ledger.close()


class HeldIds:
    """A snapshot of the documents an output folder holds, answering like `OutputState.holds`."""

    def __init__(self, stored: set[tuple[str, str]], done: set[tuple[str, str]]):
        self.safe_name = safe_name
        self.stored = stored        # keyed by the store's site name
        self.done = done            # ledger and metadata records, keyed by the crawler's site
        self._site_names: dict[str, str] = {}

    def __contains__(self, key: tuple[str, str]) -> bool:
        if key in self.done:
            return True
        site = self._site_names.get(key[0])
        if site is None:
            site = self._site_names[key[0]] = self.safe_name(key[0] or "local")
        return (site, key[1]) in self.stored

    def add(self, key: tuple[str, str]) -> None:
        self.done.add(key)
