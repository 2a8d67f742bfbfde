"""WARC archives written by the crawler (`--warc`, WENKU_WARC), re-cleaned offline.

The crawler archives every raw response as a `response` record and, once a document is
complete, one `metadata` record of type DOCUMENT_TYPE: the `Document` the crawl cleaned (id,
site, URL, metadata, its pages in reading order) with each page's bytes named by their payload
digest instead of copied.  Re-cleaning rebuilds exactly those documents, in the crawl's order,
so it gives the crawl's ids and texts: listing, search and block pages, and the single pages
of a multi-page preview, are responses but not documents.  An archive without document
records (an older crawl, another tool's WARC) gives one document per 2xx response, unless
its warcinfo record (INFO_FIELD) says it has them: then they were lost to truncation.

warcio reads a truncated archive without complaint (the last record just ends early), so each
record's length is checked against its header, and the end of the file against the format:
a damaged archive gives everything before the damage, then a `BadInput` with `damaged` set
that names the offset of the first incomplete record.
"""
from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from cleaners.document import Document
from cleaners.sources.bad_input import BadInput

DOCUMENT_TYPE = "application/vnd.wenku.document+json"
# The warcinfo field by which the crawler says the archive has document records: an archive
# that says so but lost them all to truncation gives no documents, not one per response.
INFO_FIELD = "wenku-document-records"
# The Document fields a document record carries as they are (`data` goes as a digest).
PLAIN_FIELDS = ("id", "url", "title", "site", "content_type", "html", "text", "is_html", "meta")


def payload_digest(data: bytes) -> str:
    """The WARC-Payload-Digest warcio writes for a response body (`sha1:` + base32)."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def document_record(doc: Document) -> bytes:
    """The body of a document record: `doc` as JSON, each page's bytes as their digest."""
    return json.dumps(_as_dict(doc), ensure_ascii=False, default=str).encode("utf-8")


def _as_dict(doc: Document) -> dict:
    out = {name: getattr(doc, name) for name in PLAIN_FIELDS if getattr(doc, name) is not None}
    if not out.get("meta"):
        out.pop("meta", None)
    if doc.data is not None:
        out["data"] = payload_digest(doc.data)
    if doc.pages:
        out["pages"] = [_as_dict(page) for page in doc.pages]
    return out


def _digests(record: dict) -> list[str]:
    own = [record["data"]] if isinstance(record.get("data"), str) else []
    return own + [d for page in record.get("pages") or () if isinstance(page, dict) for d in _digests(page)]


def _as_document(record: dict, payloads: dict[str, bytes]) -> Document:
    """The Document of a record; KeyError when a page's bytes are not in the archive."""
    fields = {name: record[name] for name in PLAIN_FIELDS if name in record}
    if not isinstance(fields.get("meta", {}), dict):
        fields.pop("meta")
    if "data" in record:
        fields["data"] = payloads[record["data"]]
    fields["pages"] = [_as_document(page, payloads) for page in record.get("pages") or ()]
    return Document(**fields)


@dataclass
class Scan:
    """What a first pass over an archive found."""

    documents: int = 0                                  # document records
    declared: bool = False                              # a warcinfo record announces them
    needed: Counter = field(default_factory=Counter)    # payload digest -> documents that use it
    damaged_at: int | None = None                       # offset of the first incomplete record


def read_warc(path: Path, max_bytes: int | None = None) -> Iterator[Document | BadInput]:
    """The crawl's documents (or, without document records, one per 2xx response), then a
    damaged `BadInput` if the archive is truncated."""
    scan = _scan(path)
    if scan.damaged_at is None and path.stat().st_size == 0:
        yield BadInput(str(path), "empty WARC archive; nothing to clean")
        return
    if scan.documents or scan.declared:
        yield from _documents(path, scan, max_bytes)
    else:
        yield from _responses(path, scan, max_bytes)
    if scan.damaged_at is not None:
        yield BadInput(str(path), f"WARC archive truncated at record offset {scan.damaged_at}: the records "
                                  "before it were read, the rest is lost; copy or crawl the archive again",
                       damaged=True)


def _archive_iterator(fh):
    """warcio's ArchiveIterator over `fh`.  Imported here, not at the top: warcio (with fsspec)
    costs ~70 ms at start-up (measured with -X importtime) and only WARC inputs need it, while
    every `python -m cleaners` run imports this module."""
    from warcio.archiveiterator import ArchiveIterator
    return ArchiveIterator(fh)


def _records(fh, stop: int | None):
    """(offset, record) of the records that start before the offset `stop`, the content
    still unread; the record at `stop` is never parsed (its headers may be cut off)."""
    if stop == 0:
        return
    iterator = _archive_iterator(fh)
    for record in iterator:
        yield iterator.offset, record
        iterator.read_to_end()                  # moves `offset` to the next record's start
        if stop is not None and iterator.offset >= stop:
            return


def _scan(path: Path) -> Scan:
    """Every record read to its end: which documents there are, which payloads they use,
    and where the archive is damaged."""
    scan = Scan()
    last_offset, last_end = 0, 0
    with path.open("rb") as fh:
        iterator = _archive_iterator(fh)
        try:
            for record in iterator:
                offset = iterator.offset
                body = record.content_stream().read() if _is_document(record) else None
                if record.rec_type == "warcinfo":
                    scan.declared |= INFO_FIELD.encode() in record.content_stream().read()
                while record.raw_stream.read(1 << 16):
                    pass
                if record.raw_stream.limit:             # fewer bytes than its Content-Length
                    scan.damaged_at = offset
                    return scan
                last_offset, last_end = offset, offset + iterator.get_record_length()
                if body is not None:
                    try:
                        scan.needed.update(_digests(json.loads(body)))
                        scan.documents += 1
                    except (ValueError, AttributeError, TypeError):
                        pass            # an unreadable document record: reported in the second pass
        except Exception:               # noqa: BLE001 - warcio raises assorted errors on damaged headers
            scan.damaged_at = iterator.offset
            return scan
    scan.damaged_at = _damaged_end(path, last_offset, last_end)
    return scan


def _damaged_end(path: Path, last_offset: int, last_end: int) -> int | None:
    """Where the file is damaged after its last complete record, or None."""
    with path.open("rb") as fh:
        if fh.read(2) == b"\x1f\x8b":
            return _unfinished_member(fh, last_offset)
        fh.seek(last_end)
        rest = fh.read(5)
    if rest == b"\r\n\r\n" or not rest and last_end == 0:
        return None
    if rest.startswith(b"\r\n\r\n"):
        return last_end + 4             # a record began after the last one and was cut off
    return last_offset if last_end else 0


def _unfinished_member(fh, start: int) -> int | None:
    """A gzipped archive is one gzip member per record: the offset of the first member from
    `start` (the last complete record) on that does not reach its end, read in chunks."""
    fh.seek(start)
    member, member_bytes = zlib.decompressobj(wbits=31), 0
    while chunk := fh.read(1 << 16):
        while chunk:
            try:
                member.decompress(chunk, 1 << 16)
            except zlib.error:
                return start
            if member.eof:
                start += member_bytes + len(chunk) - len(member.unused_data)
                chunk, member, member_bytes = member.unused_data, zlib.decompressobj(wbits=31), 0
            else:
                member_bytes += len(chunk) - len(member.unconsumed_tail)
                chunk = member.unconsumed_tail
    return start if member_bytes else None


def _is_document(record) -> bool:
    return record.rec_type == "metadata" and \
        (record.rec_headers.get_header("Content-Type") or "").startswith(DOCUMENT_TYPE)


def _documents(path: Path, scan: Scan, max_bytes: int | None) -> Iterator[Document | BadInput]:
    """The documents of the document records, in archive order; each page's bytes kept from
    its response until the last document that uses them."""
    payloads: dict[str, bytes] = {}
    needed = Counter(scan.needed)
    oversized: set[str] = set()
    seen: set[tuple] = set()
    with path.open("rb") as fh:
        for offset, record in _records(fh, scan.damaged_at):
            if record.rec_type == "response":
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                if digest in needed and digest not in payloads:
                    if max_bytes is not None and record.length > max_bytes:
                        oversized.add(digest)
                    else:
                        payloads[digest] = record.content_stream().read()
                continue
            if not _is_document(record):
                continue
            where = f"{path}@{offset}"
            try:
                fields = json.loads(record.content_stream().read())
                digests = _digests(fields)
            except (ValueError, AttributeError, TypeError) as exc:
                yield BadInput(where, f"unreadable document record ({exc}); the archive is damaged")
                continue
            try:
                yield from _document_once(fields, digests, payloads, oversized, seen, where, max_bytes)
            finally:
                for digest in digests:
                    needed[digest] -= 1
                    if needed[digest] <= 0:
                        payloads.pop(digest, None)


def _document_once(fields: dict, digests: list[str], payloads: dict, oversized: set, seen: set,
                   where: str, max_bytes: int | None) -> Iterator[Document | BadInput]:
    """One document record as a Document (the first of a (site, id) only: the crawl stores a
    document fetched twice once)."""
    key = (fields.get("site"), fields.get("id"))
    if key[1] is not None and key in seen:
        return
    seen.add(key)
    if any(d in oversized for d in digests):
        yield BadInput(where, f"over limit: a page of {fields.get('url')} has more than {max_bytes:,} bytes "
                              "(max_bytes)")
        return
    try:
        doc = _as_document(fields, payloads)
    except (KeyError, TypeError) as exc:
        yield BadInput(where, f"document {fields.get('url')} refers to a page not in the archive ({exc}); "
                              "the archive is incomplete")
        return
    doc.origin = where
    yield doc


def _responses(path: Path, scan: Scan, max_bytes: int | None) -> Iterator[Document | BadInput]:
    """An archive without document records: every 2xx response with a body is a document."""
    with path.open("rb") as fh:
        for offset, record in _records(fh, scan.damaged_at):
            if record.rec_type != "response":
                continue
            if record.http_headers and not record.http_headers.get_statuscode().startswith("2"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if max_bytes is not None and record.length > max_bytes:
                yield BadInput(f"{path}@{offset}", f"over limit: response {url} of {record.length:,} bytes "
                                                   f"(limit {max_bytes:,}: max_bytes)")
                continue
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
            data = record.content_stream().read()
            if data.strip():
                yield Document(url=url, data=data, content_type=content_type,
                               is_html="html" in (content_type or "html").lower(), origin=f"{path}@{offset}")
