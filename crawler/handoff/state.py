"""The output folder as the crawler sees it: what is already held, and where to add.

One `OutputState` per output folder per process, shared by the item pipeline
(which adds) and the middlewares (which ask "do we already hold this?"), so that
`python -m crawler demo` running every spider in one process writes through one
store.  Tier-B/C metadata goes to `metadata.jsonl` beside the text manifest.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

METADATA_FILE = "metadata.jsonl"
LEDGER_FILE = ".crawl-ledger.jsonl"   # every document id processed (kept, duplicate, too short, split...)

_open: dict[Path, "OutputState"] = {}
_lock = threading.Lock()


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
        from cleaners.store import Store
        self.out_dir = out_dir
        self.store = Store(out_dir, dedup=dedup)
        self.metadata = JsonlLog(out_dir / METADATA_FILE)
        self.ledger = JsonlLog(out_dir / LEDGER_FILE)
        self.users = 0

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
        from cleaners.store import safe_name
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
        self.store.close()
        self.metadata.close()
        self.ledger.close()


class HeldIds:
    """A snapshot of the documents an output folder holds, answering like `OutputState.holds`."""

    def __init__(self, stored: set[tuple[str, str]], done: set[tuple[str, str]]):
        from cleaners.store import safe_name
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


def open_state(path: Path, dedup: bool, writer: str, backlog: int = 500, workers: int = 0) -> OutputState:
    """The folder's state in this process: the store itself ("inline"), or a writer
    process that owns it ("process", see crawler/writer.py) with `workers` cleaning processes."""
    if writer == "process":
        from crawler.handoff.writer import WriterState
        return WriterState(path, dedup=dedup, backlog=backlog, workers=workers)
    if writer != "inline":
        raise ValueError(f"WENKU_WRITER={writer!r}: use 'process' (clean and store in a writer process) "
                         "or 'inline' (in the crawler process)")
    return OutputState(path, dedup=dedup)


def acquire(out_dir: str | Path, dedup: bool = True, writer: str = "inline", backlog: int = 500,
            workers: int = 0) -> OutputState:
    """The shared state of an output folder; call `release` once per `acquire`."""
    path = Path(out_dir).resolve()
    with _lock:
        state = _open.get(path)
        if state is None:
            state = _open[path] = open_state(path, dedup, writer, backlog, workers)
        state.users += 1
        return state


def release(state: OutputState, crawler=None) -> None:
    """Let go of a folder's state; the last user closes it (and reports into `crawler`'s stats)."""
    with _lock:
        state.users -= 1
        if state.users <= 0:
            state.close(crawler)
            _open.pop(state.out_dir, None)


def writer_mode(settings) -> str:
    """Where documents are cleaned and stored: "process" needs the asyncio reactor (the writer's
    replies are read by its event loop); any other reactor cleans "inline"."""
    mode = settings.get("WENKU_WRITER", "inline") or "inline"
    if mode == "process" and "asyncio" not in (settings.get("TWISTED_REACTOR") or ""):
        return "inline"
    return mode


def for_crawler(crawler) -> OutputState:
    """The state of the crawler's WENKU_OUT folder, released when the spider closes."""
    state = getattr(crawler, "_wenku_state", None)
    if state is None:
        settings = crawler.settings
        state = acquire(settings.get("WENKU_OUT"), settings.getbool("WENKU_DEDUP", True), writer_mode(settings),
                        settings.getint("WENKU_WRITER_BACKLOG", 500), settings.getint("WENKU_CLEAN_WORKERS", 0))
        crawler._wenku_state = state
        from scrapy import signals
        crawler.signals.connect(lambda **_: _release_once(crawler), signal=signals.spider_closed, weak=False)
    return state


def _release_once(crawler):
    state = getattr(crawler, "_wenku_state", None)
    if state is not None:
        crawler._wenku_state = None
        release(state, crawler)

