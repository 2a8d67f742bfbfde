"""The records that flow through the cleaning pipeline.

A `Document` is what a spider or the CLI hands in (raw bytes, decoded HTML or
plain text, possibly several pages); a `CleanResult` is what comes out.  Every
step reports what it did as `Change` records so that `--explain`, the manifest's
per-step counts and the tests all read the same account.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple


NOT_COUNTED = ("metadata", "flag", "left_out")     # actions that are no edit of the text's own


class Change(NamedTuple):
    """One thing a step did to the text.

    action is one of:
      removed      `before` was dropped (boilerplate, tags, control chars...)
      repaired     `before` was replaced by `after` (mojibake, pinyin, entities)
      unrecovered  `before` was damaged beyond repair and dropped
      converted    script conversion (`before`/`after` are script names)
      metadata     `before` is a metadata key, `after` its value, taken out of the text
      flag         `before` is a flag name, `after` its value (e.g. truncation marker seen)
      left_out     `before` stood on the HTML page and the extractor did not take it, `after`
                   says why (only with Options.explain: not counted in the manifest, which
                   must read the same with and without it)
    """

    step: str
    action: str
    before: str = ""
    after: str = ""


# What every step returns: the new text and what it changed.
Edit = tuple[str, list[Change]]


class LineKeys(NamedTuple):
    """A document's host and the keys of its countable lines (steps/host_repeats.py), as they
    were before any was removed: what the store's per-host line table counts once the document
    is kept (cleaners/store/host_lines.py)."""

    host: str
    keys: tuple[int, ...]


@dataclass
class Document:
    """A document as fetched: give exactly one of data / html / text, or pages.

    data          raw bytes of an HTML or text page; the decoder picks the encoding
    content_type  the HTTP Content-Type header that came with `data`, if any
    is_html       whether data/text is HTML; None = sniff
    pages         for multi-page previews: one Document per page, in reading order
    meta          what the fetcher already knows: page_count, pages_seen, date, source...
    origin        where the input came from (file, file:line), for messages and rejects only
    """

    id: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None
    data: bytes | None = None
    content_type: str | None = None
    html: str | None = None
    text: str | None = None
    is_html: bool | None = None
    pages: list["Document"] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    origin: str | None = None


@dataclass
class CleanResult:
    """Clean text plus everything learnt about it on the way."""

    id: str | None
    url: str | None
    site: str
    title: str
    text: str
    metadata: dict = field(default_factory=dict)
    flags: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    line_keys: LineKeys | None = None     # set when the caller looks up its host's repeated lines

    @property
    def partial(self) -> bool:
        return bool(self.flags.get("partial"))

    @property
    def usable(self) -> bool:
        """False when what is left is not a document (empty, too short, not Chinese, not text,
        over a limit, an unreadable attachment, a page that is no document: home, listing...)."""
        return self.rejection is None

    @property
    def rejection(self) -> str | None:
        """Why this result is not written as a document (for rejects.jsonl), None when it is one."""
        if self.flags.get("not_text"):
            return f"not text: {self.flags['not_text']}"
        if self.flags.get("over_limit"):
            return f"over limit: {self.flags['over_limit']}"
        if self.flags.get("rejected"):          # an attachment that cannot be read, an attachment-only article
            return self.flags["rejected"]
        if self.flags.get("not_document"):
            return f"not_document: {self.flags['not_document']}"
        if self.flags.get("not_chinese") and self.flags.get("unrecovered_chars", 0) > len(self.text):
            return (f"undecodable: {self.flags['unrecovered_chars']} characters were lost to U+FFFD, more "
                    "than are left (text decoded in a wrong charset before it came here?); clean the "
                    "page's own bytes (its file or WARC record) and the decoder picks the charset")
        why = ", ".join(k for k in ("too_short", "not_chinese") if self.flags.get(k))
        return why or (None if self.text else "empty")

    def change_counts(self) -> dict[str, int]:
        """Changes per step, for the manifest."""
        return dict(Counter(c.step for c in self.changes if c.action not in NOT_COUNTED))

    def rendered(self) -> str:
        """The text file's content: title line, blank line, body (the one line alone when the
        document is a title without body, or a body without title)."""
        return f"{self.title}\n\n{self.text}\n" if self.title and self.text else f"{self.title or self.text}\n"
