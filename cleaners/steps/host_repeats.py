"""Site-level repetition: lines one host repeats across its pages are its chrome.

A site's pages share their navigation, footers, share widgets and notices.  The rules know
the common wordings and the line model the common shapes, but a footer variant nobody wrote
down (`版权所有：某某县教育局 技术支持：某某科技`) is still on every page of its host, verbatim,
where content is not.  The output store keeps, per host, on how many distinct documents each
countable line was seen (cleaners/store/host_lines.py); the caller looks this document's lines
up there and hands the repeated ones in, so this step stays pure.

What is counted (`line_keys`): short or non-prose lines only, keyed by a 64-bit hash of the
whitespace-folded Simplified line, at most MAX_KEYS per document (the head and the tail first:
that is where chrome lives).  Never counted, so never removed: a prose line (PROSE_MIN visible
characters ending a sentence), an outline heading (`第一章 总则`, `一、总体要求`, `（二）`) and a
note in brackets (`（此件公开发布）`, on a State Council page's every policy): the structure and
formulas of one kind of document recur on a host as much as its chrome does.

Guards when removing (`drop_repeated`):
  * a line ending a sentence (`特此通知。`) goes only in the head or tail run of the text (no
    unrepeated line before it, or none after it): inside the body it is the document's own;
  * a line ending with a colon introduces what follows (`各乡镇人民政府，县直各单位：`);
  * a line over a date line is a signature (`某某县教育局` over `2023年5月6日`), content;
  * a text that would keep less than KEEP_AT_LEAST of its characters is left alone: a page
    made mostly of its host's repeated lines is one this step does not understand.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache

from cleaners.document import Change, Edit

MAX_LINE_CHARS = 100      # visible characters; a longer line is content or a widget the rules see
PROSE_MIN = 20            # a line this long ending a sentence is prose (formulas a site repeats in its articles too)
MAX_KEYS = 64             # countable lines of one document: the first and last MAX_KEYS // 2
KEEP_AT_LEAST = 0.35      # of the visible characters
SENTENCE_END = "。！？；!?;…"
COLON_END = "：:"
HEADING = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+[章节条篇部编款]|[一二三四五六七八九十]+[、.．]"
                     r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d))")
NOTE = re.compile(r"[（(][^（()）]+[）)]")
DATE = re.compile(r"(?:\d{2,4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                  r"\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


@lru_cache(maxsize=16_384)       # a host's chrome comes back on every page: a few MB at most
def line_key(line: str) -> int:
    """The line's key in the host table: a signed 64-bit hash (an SQLite integer) of the line
    with its whitespace folded away, 0 for a line that is not counted."""
    folded = "".join(line.split())
    if not folded or len(folded) > MAX_LINE_CHARS or HEADING.match(folded) or NOTE.fullmatch(folded):
        return 0
    if len(folded) >= PROSE_MIN and folded[-1] in SENTENCE_END:
        return 0
    digest = hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True) or 1


def line_keys(text: str) -> list[int]:
    """Per line of `text` (split at newlines), its key or 0; past MAX_KEYS countable lines,
    the ones in the middle get 0.  (`map` and `count`: the loop in C, ~26 -> ~14 us a
    document of ~65 lines, most of them keyed before.)"""
    keys = list(map(line_key, text.split("\n")))
    if len(keys) - keys.count(0) > MAX_KEYS:
        countable = [i for i, key in enumerate(keys) if key]
        for i in countable[MAX_KEYS // 2:len(countable) - MAX_KEYS // 2]:
            keys[i] = 0
    return keys


def counted_keys(keys: list[int]) -> tuple[int, ...]:
    """The distinct keys of a document, sorted: what the host table counts once per document."""
    distinct = set(keys)
    distinct.discard(0)
    return tuple(sorted(distinct))


def drop_repeated(text: str, repeated: Mapping[int, int], probe: str | None = None,
                  probe_keys: list[int] | None = None) -> Edit:
    """Remove the lines whose key is in `repeated` (key -> distinct documents of the host that
    have the line), within the guards of the module doc.  `probe`: the text in Simplified, line
    for line, when `text` is kept in another script (keys are of Simplified lines);
    `probe_keys`: `line_keys` of the probe (or of the text), when the caller has them."""
    if not repeated or not text:
        return text, []
    lines = text.split("\n")
    keys = probe_keys if probe_keys is not None else line_keys(probe if probe is not None else text)
    if len(keys) != len(lines):
        keys = line_keys(text)
    hit = [bool(key) and key in repeated for key in keys]
    if not any(hit):
        return text, []
    filled = [i for i, line in enumerate(lines) if line.strip()]
    unrepeated = [i for i in filled if not hit[i]]
    body_from = unrepeated[0] if unrepeated else len(lines)
    body_to = unrepeated[-1] if unrepeated else -1
    drop = [i for at, i in enumerate(filled) if hit[i] and _removable(
        lines, i, filled[at + 1] if at + 1 < len(filled) else None, body_from, body_to)]
    if not drop:
        return text, []
    sizes = {i: len(lines[i]) - lines[i].count(" ") for i in filled}
    total = sum(sizes.values())
    if total - sum(sizes[i] for i in drop) < KEEP_AT_LEAST * total:
        return text, []
    changes = []
    for i in drop:
        changes.append(Change("host_repeat", "removed", lines[i].strip(),
                              f"on {repeated[keys[i]]} documents of this host"))
        lines[i] = ""
    return "\n".join(lines).strip("\n"), changes


def _removable(lines: list[str], i: int, below: int | None, body_from: int, body_to: int) -> bool:
    """A repeated line that is not the document's own by the guards of the module doc
    (`below`: the index of the next non-empty line)."""
    line = lines[i].strip()
    if line[-1] in COLON_END:
        return False
    if line[-1] in SENTENCE_END and body_from < i < body_to:
        return False
    return below is None or not (DATE.search(lines[below]) and len("".join(lines[below].split())) <= 16)
