"""The pure part of adding a document, done without the store (in a worker process, say):
file content, identity, row fields and a verifiable fingerprint."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cleaners import dedup
from cleaners.dedup import Fingerprint
from cleaners.store.layout import body_of, one_line, render, safe_name, sha1_hex
from cleaners.store.schema import ENCODE_JSON, ENCODE_JSON_ANY


@dataclass(frozen=True, eq=False)
class Prepared:
    """What `Store.add` needs from a CleanResult, computed without the store: picklable, so a
    worker process can do this part (render, SHA-1, JSON, fingerprint) and the single writer
    only decides and records."""

    row: dict                      # the docs-table columns that depend on the result alone
    content: bytes                 # the text file's bytes (title line, blank line, body)
    fingerprint: Fingerprint       # verifiable (holds its shingle hashes) unless unpickled

    def __reduce__(self):
        """Pickled with a `bare` fingerprint: the shingle hashes are most of the bytes a worker
        sends, and the store needs them only for the documents it verifies (`Store._find`
        takes them from `content` then)."""
        return _unpickle_prepared, (self.row, self.content, self.fingerprint.bare())


def _unpickle_prepared(row: dict, content: bytes, fingerprint: Fingerprint) -> Prepared:
    """`Prepared(row, content, fingerprint)` without the frozen dataclass's __init__ (an
    `object.__setattr__` a field): the store's thread unpickles every document a worker sends."""
    prepared = object.__new__(Prepared)
    prepared.__dict__.update(row=row, content=content, fingerprint=fingerprint)
    return prepared


def prepare(result, fingerprint: Fingerprint | None = None, fingerprinted: bool = True) -> Prepared:
    """The pure part of `Store.add`: file content, identity, row fields and a verifiable fingerprint.

    A `fingerprint` passed in must be `dedup.fingerprint(result.text)` (or its `bare()` copy).
    `fingerprinted=False` (a store that does not deduplicate): no fingerprint is computed (the
    fold, shingles and signature are most of this function's time); the row is marked
    `content = -1` and the next deduplicating open computes it from the file (`unsigned`).
    """
    site = safe_name(result.site or "local")
    title, text = one_line(result.title), result.text or ""
    try:
        content = render(title, text).encode("utf-8")
    except UnicodeEncodeError:   # lone surrogates: the files are UTF-8, so they become U+FFFD
        title, text = _valid_utf8(title), _valid_utf8(text)
        content = render(title, text).encode("utf-8")
    url = _valid_utf8(result.url) if result.url else result.url
    raw_id = _valid_utf8(str(result.id)) if result.id not in (None, "") else (
        url or "sha1-" + sha1_hex(text.encode("utf-8"))[:16])
    fp = fingerprint if fingerprint is not None else dedup.fingerprint(text) if fingerprinted else None
    sha1 = sha1_hex(content)
    if fp is None:
        fp = unsigned(bytes.fromhex(sha1))
    row = {"identity": f"{site}\x00{raw_id}", "raw_id": raw_id, "site": site, "url": url, "title": title,
           "doc_id": safe_name(raw_id),     # the file name wanted; the store suffixes it when another source has it
           "exact_key": fp.key, "content": fp.content, "chars": len(text),
           "partial": int(bool(result.partial)), "unrecovered": int(result.flags.get("unrecovered_chars") or 0),
           "script": result.flags.get("script"), "sha1": sha1,
           "sig": fp.signature.tobytes() if fp.signature is not None else None,
           "anchors": fp.anchors.tobytes() if len(fp.anchors) else None,
           "changes": _valid_utf8(ENCODE_JSON(result.change_counts())),
           "metadata": _valid_utf8(ENCODE_JSON_ANY(result.metadata)),
           "match": None, "similarity": None}     # a kept document's; the store sets them for a duplicate
    return Prepared(row, content, fp)


def fingerprint_of(result) -> Fingerprint:
    """The fingerprint `prepare` computes for `result` (of its text as the file holds it: a lone
    surrogate is U+FFFD there), for computing it in another process and passing it in."""
    return dedup.fingerprint(_valid_utf8(result.text or ""))


def unsigned(content_hash: bytes) -> Fingerprint:
    """The stand-in fingerprint of a document stored without one: `content` -1 marks its row,
    its key (the file's SHA-1, 20 bytes) never equals a real exact key (16 bytes)."""
    return Fingerprint(content_hash, -1, None, None, np.zeros(0, dtype=np.int64))


def body_of_prepared(prepared: Prepared) -> str:
    """The text of a prepared document, from its file content."""
    return body_of(prepared.content.decode("utf-8"), prepared.row["title"])


def _valid_utf8(text: str) -> str:
    """Lone surrogates (from broken decodes) become U+FFFD: files and SQLite hold UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
