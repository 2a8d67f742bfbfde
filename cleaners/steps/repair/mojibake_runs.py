"""fix_mojibake_runs: short runs of UTF-8 or Big5 read as GBK in good text (Change step `mojibake_runs`)."""
from __future__ import annotations

import re

from cleaners.chars import charmodel
from cleaners.chars.charmodel import common_share, counted_chars, text_score
from cleaners.document import Change, Edit

_MOJI_CLUSTER_GAP = 4
_RUN_REACH = 8
_UTF8_AS_GBK_RE = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){2,}")
_REPLACEMENT_RUN_RE = re.compile("\ufffd\ufffd*")        # a literal first: the engine skips to it
_UTF8_SEQUENCE_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}")
_RUN_BREAK_RE = re.compile(r"[\x00-\x7f\s]")


def _gbk_bytes_lossy(text: str) -> bytes | None:
    """Bytes a GBK (cp936) decoder read as `text`; € is cp936's 0x80, U+FFFD a byte it rejected."""
    if "€" not in text and "\ufffd" not in text:
        try:
            return text.encode("gb18030")
        except UnicodeEncodeError:                        # lone surrogates
            return None
    out = bytearray()
    for ch in text:
        if ch == "€":
            out.append(0x80)
        elif ch == "\ufffd":
            out.append(0xFF)
        else:
            try:
                out += ch.encode("gb18030")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _run_candidates(span: str) -> list[str]:
    raw = _gbk_bytes_lossy(span)
    if raw is None:
        return []
    out = []
    lossy = 0xFF in raw
    if (_UTF8_AS_GBK_RE if not lossy else _UTF8_SEQUENCE_RE).search(raw):
        try:
            out.append(_REPLACEMENT_RUN_RE.sub("\ufffd", raw.decode("utf-8", "replace" if lossy else "strict")))
        except UnicodeDecodeError:
            pass
    if not lossy:
        try:
            out.append(raw.decode("big5"))
        except UnicodeDecodeError:
            pass
    return out


def _acceptable_run_fix(old: str, new: str) -> bool:
    """The re-decoding is common Chinese and the old text was not (U+FFFD left for drop_irrecoverable)."""
    body = new.replace("\ufffd", "")
    needed = 1 if body != new and counted_chars(old) >= 2 else 2
    if counted_chars(body) < needed or common_share(body) < 0.95:
        return False
    return common_share(old) <= 0.75 and _run_gain(old, new) > 0


def _run_gain(old: str, new: str) -> float:
    """How much more Chinese-like the new text is.  U+FFFD already in `old` is lost either way;
    each one the re-decoding adds costs more than a common character, so good neighbours stay."""
    added = max(0, len(_REPLACEMENT_RUN_RE.findall(new)) - len(_REPLACEMENT_RUN_RE.findall(old)))
    return (text_score(new.replace("\ufffd", "")) - text_score(old.replace("\ufffd", ""))
            + added * charmodel.INVALID_SCORE)


def _best_run_fix(segment: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Within `segment`, the sub-span around [start, end) whose re-decoding improves most."""
    best, best_gain = None, 0.0
    for i in range(max(0, start - _RUN_REACH), start + 1):
        for j in range(end, min(len(segment), end + _RUN_REACH) + 1):
            old = segment[i:j]
            if "\ufffd" in old and (charmodel.is_common(old[0]) or charmodel.is_common(old[-1])):
                continue            # lossy re-decoding would swallow good neighbours into U+FFFD
            for new in _run_candidates(old):
                if not _acceptable_run_fix(old, new):
                    continue
                gain = _run_gain(old, new)
                if gain > best_gain:
                    best, best_gain = (i, j, new), gain
    return best


def _clusters(text: str) -> list[tuple[int, int]]:
    """Groups of non-common characters lying at most a few characters apart, not across ASCII."""
    groups: list[tuple[int, int]] = []
    for match in charmodel.NOT_COMMON_RE.finditer(text):
        spot = match.start()
        if (groups and spot - groups[-1][1] <= _MOJI_CLUSTER_GAP
                and not _RUN_BREAK_RE.search(text, groups[-1][1], spot)):
            groups[-1] = (groups[-1][0], spot + 1)
        else:
            groups.append((spot, spot + 1))
    return groups


def _utf8_shaped_chars() -> frozenset[str]:
    """GBK characters a UTF-8 CJK sequence (E4-E9 lead, 80-BF continuations) turns into: every
    three characters of UTF-8-read-as-GBK contain one (lead E4-E9 with trail 80-BF, or
    trail E4-E9 behind a continuation byte)."""
    shaped = {"€", "\ufffd"}
    pairs = [(a, b) for a in range(0xE4, 0xEA) for b in range(0x80, 0xC0)]
    pairs += [(a, b) for a in range(0x81, 0xC0) for b in range(0xE4, 0xEA)]
    for pair in pairs:
        try:
            shaped.add(bytes(pair).decode("gbk"))
        except UnicodeDecodeError:
            pass
    return frozenset(shaped)


_UTF8_SHAPED = _utf8_shaped_chars()
# C-speed gate: characters that garbled runs contain and clean prose (almost) never does.
# UTF-8 read as GBK: every two CJK characters yield one uncommon lead-E4..E9 character.
# Big5 read as GBK: Big5's busiest rows A4-A5 (一, 中...) land on kana, A6-A9 on Greek,
# Cyrillic and box drawing, AA-AF and F8-F9 (的 is AABA) on private use.  Also what the
# pipeline looks for (repair.NEEDS).
SUSPECT_RE = charmodel.class_regex(
    {ch for ch in _UTF8_SHAPED if not charmodel.is_common(ch) and (ch in "€\ufffd" or ch.encode("gbk")[0] >= 0xE4)}
    | set(map(chr, range(0x3040, 0x3100))) | set(map(chr, range(0x0370, 0x0500)))
    | set(map(chr, range(0x2500, 0x2580))) | set(map(chr, range(0xE000, 0xF900))))


def _worth_searching(segment: str, start: int, end: int) -> bool:
    """Cheap test before the sub-span search.  A lone rare character (峃, 辍) in good text is
    skipped unless UTF-8-shaped characters are near and the neighbourhood re-encodes to
    UTF-8-looking bytes; a Big5 run shows two or more non-common characters together."""
    if end - start > 1 and common_share(segment[max(0, start - 2):end + 2]) <= 0.75:
        return True
    near = segment[max(0, start - 3):end + 3]
    if not any(ch in _UTF8_SHAPED for ch in near):
        return False
    raw = _gbk_bytes_lossy(segment[max(0, start - _RUN_REACH):end + _RUN_REACH])
    return raw is not None and bool((_UTF8_SEQUENCE_RE if 0xFF in raw else _UTF8_AS_GBK_RE).search(raw))


def _run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of non-ASCII, non-space text around [start, end), at most _RUN_REACH further."""
    left = max(0, start - _RUN_REACH)
    breaks = [m.end() for m in _RUN_BREAK_RE.finditer(text, left, start)]
    left = breaks[-1] if breaks else left
    right = min(len(text), end + _RUN_REACH)
    stop = _RUN_BREAK_RE.search(text, end, right)
    return left, stop.start() if stop else right


def fix_mojibake_runs(text: str) -> Edit:
    """Repair short runs of UTF-8 (or Big5) read as GBK inside otherwise good text (`鍥藉` -> 国家).

    Runs show up as clusters of non-common characters; the sub-span that
    re-encodes (gb18030) and decodes as UTF-8 or Big5 into clearly more common
    text is replaced.  Traditional text is not suspect: its characters count as
    common through their Simplified forms.
    """
    if not charmodel.NOT_COMMON_RE.search(text):
        return text, []
    if not SUSPECT_RE.search(text):
        return text, []
    changes: list[Change] = []
    pieces, last = [], 0
    for start, end in _clusters(text):
        if start < last:
            continue
        left, right = _run_around(text, max(start, last), end)
        left = max(left, last)
        window = text[left:right]
        if not _worth_searching(window, start - left, end - left):
            continue
        found = _best_run_fix(window, start - left, end - left)
        if found is None:
            continue
        i, j, new = found
        changes.append(Change("mojibake_runs", "repaired", window[i:j], new))
        pieces += [text[last:left + i], new]
        last = left + j
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes

