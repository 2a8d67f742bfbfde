"""A stream entry: one field `doc` holding JSON, either a cleaned result (what a crawl worker
sends after cleaning, `kind: "result"`) or a raw document for the writer to clean
(`kind: "document"`, as a JSONL input line of `python -m cleaners clean` holds it).

JSON, not pickle: an entry comes over the network from any producer, and unpickling runs code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from cleaners import sources
from cleaners.document import CleanResult, Document

FIELD = "doc"
STREAM = "wenku:documents"         # the default stream key
GROUP = "writer"                   # the default consumer group of the writer


@dataclass
class StreamedResult:
    """A cleaned result as it came over the stream: what `cleaners.store.prepare` reads of a
    CleanResult (the changes as counts per step, as the manifest keeps them)."""

    id: str | None
    url: str | None
    site: str
    title: str
    text: str
    metadata: dict = field(default_factory=dict)
    flags: dict = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)

    @property
    def partial(self) -> bool:
        return bool(self.flags.get("partial"))

    def change_counts(self) -> dict[str, int]:
        return dict(self.changes)


def encode_result(result: CleanResult) -> bytes:
    """A cleaned result as a stream entry's JSON."""
    return json.dumps({"kind": "result", "id": result.id, "url": result.url, "site": result.site,
                       "title": result.title, "text": result.text, "metadata": result.metadata,
                       "flags": result.flags, "changes": result.change_counts()},
                      ensure_ascii=False, default=str).encode("utf-8")


def encode_document(doc: Document) -> bytes:
    """A raw text or HTML document as a stream entry: the record of a JSONL input line."""
    body = doc.html if doc.html is not None else doc.text
    if body is None:
        body = (doc.data or b"").decode("utf-8", "replace")
    return json.dumps({"kind": "document", "id": doc.id, "url": doc.url, "site": doc.site, "title": doc.title,
                       "html" if doc.html is not None or doc.is_html else "text": body, "metadata": doc.meta},
                      ensure_ascii=False, default=str).encode("utf-8")


def decode(raw: bytes, where: str) -> StreamedResult | Document:
    """The entry's result or document; ValueError for anything else."""
    record = json.loads(raw)
    if not isinstance(record, dict):
        raise ValueError("a stream entry holds a JSON object")
    kind = record.get("kind")
    if kind == "result":
        if not isinstance(record.get("text"), str):
            raise ValueError("a result entry needs its `text`")
        return StreamedResult(id=record.get("id"), url=record.get("url"), site=record.get("site") or "local",
                              title=record.get("title") or "", text=record["text"],
                              metadata=record.get("metadata") or {}, flags=record.get("flags") or {},
                              changes=record.get("changes") or {})
    if kind == "document":
        doc = sources.record_to_document(record, where)
        if isinstance(doc, sources.BadInput):
            raise ValueError(doc.reason)
        return doc
    raise ValueError(f"unknown entry kind {kind!r} (result or document)")
