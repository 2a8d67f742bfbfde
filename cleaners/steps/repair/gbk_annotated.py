"""The GBK shift as annotating sites show it: `做到?jīng)]有`, `們?nèi)=搪殕T工` (part of fix_misaligned_gbk).

The `?` is the character the decoder formed from the trail byte of the last good character
PREV and the lost lead byte L; the site wrote that character's reading after it, its `(`
gone with it.  Then come characters decoded out of step, each the trail byte of one original
character and the lead byte of the next; a `?` among them is a pair the decoder rejected, both
bytes lost.  The run ends where a byte read as ASCII puts the decoder back in step (the
*stray*: the trail byte of the last original character), or is cut: by a rejected pair that
swallowed an ASCII byte (`?cè)?月份`, the month digit) or by the end of the text.

Re-paired behind L, the bytes give the original characters: the first (the head) needs L,
which the reading tells (PREV's trail byte + L must read so); the others need nothing but
the bytes.  A character with a lost byte is lost, and so is the head when no single L reads
right and makes a head that fits the page; what is lost is reported as `unrecovered`.
"""
from __future__ import annotations

import re

from cleaners.document import Change
from cleaners.steps.repair.charsets import ANNOTATION_RE, HAN, TONED
from cleaners.steps.repair.gbk_bytes import decode_pairs, fits, gbk_bytes, leads_read_as, script_around
from cleaners.steps.repair.pinyin import syllable_kind

ANNOTATED_START_RE = re.compile(rf"[?\ufffd](?<=[{HAN}][?\ufffd])([a-z{TONED}ü]{{1,7}})\)")
_MAX_RUN = 12                        # characters out of step before the run is given up as unbounded
_IN_STEP_CHECK = 8                   # characters after a cut that must read as text in step
_OUT_OF_STEP_RE = re.compile(r"[\x40-\x7e?\ufffd]")
_REJECTED = "?\ufffd"


def _reads_in_step(text: str, at: int, script: str | None) -> bool:
    """Whether the text from `at` reads as text decoded in step: common characters of the page's
    script, without a lone trail byte read as ASCII (`阮I軍`) or another rejected pair, the
    marks of a decoder still out of step (the site's annotations do not count; one rare
    character, 輟, does not either).  A line end contradicts nothing."""
    after = ANNOTATION_RE.sub("", text[at:at + 4 * _IN_STEP_CHECK])[:_IN_STEP_CHECK]
    if not after or after[0].isspace():
        return True
    return not _OUT_OF_STEP_RE.search(after) and fits(after, script, rare=1)


def _scan(text: str, pos: int, script: str | None) -> tuple[list[str], str, int] | None:
    """The characters out of step from `pos`, how the run ends ('' at the end of the text or
    of the line, or at a cut; else the stray byte) and where it ends; None when no end is found
    within reach.

    Every ASCII character in the run may be a full-width form the site folded (`！`, `Ｒ`, `５`
    are GBK pairs A3xx); a digit or sign below @ cannot be a stray (no GBK trail byte is), a
    letter or sign from @ up is the stray when the text after it reads in step.  A `?` is a
    pair the decoder rejected, which ends the run when the text after it reads in step (it
    swallowed an ASCII byte: `?cè)?月份`, the month digit)."""
    units: list[str] = []
    while len(units) <= _MAX_RUN:
        if pos >= len(text) or text[pos].isspace():
            return units, "", pos
        ch = text[pos]
        if ch in _REJECTED and _reads_in_step(text, pos + 1, script):
            return units, "", pos + 1
        if "\x40" <= ch <= "\x7e" and _reads_in_step(text, pos + 1, script):
            return units, ch, pos + 1
        if ch < "\x21" or ch == "\x7f":
            return None
        units.append(ch)
        pos += 1
    return None


def _original_bytes(units: list[str], stray: str) -> list[int | None] | None:
    """The run's bytes after L (None for a byte lost in a rejected pair), ending with the stray
    byte, or without the last lone lead byte when the run was cut."""
    body: list[int | None] = []
    for unit in units:
        if unit in _REJECTED:
            body += [None, None]
            continue
        raw = gbk_bytes(chr(ord(unit) + 0xFEE0) if unit < "\x80" else unit)    # ASCII: a folded A3xx pair
        if raw is None or len(raw) != 2:
            return None
        body += raw
    return body + [ord(stray)] if stray else body[:-1]


def _pair(first: int | None, second: int | None) -> str | None:
    return None if first is None or second is None else decode_pairs(bytes([first, second]))


def rebuild_run(run: str, head_shown: str, units: list[str], ending: str, stray: str,
                leads: list[int], script: str | None) -> tuple[str, list[Change]] | None:
    """What replaces a shifted run and the changes, or None when its bytes do not re-pair into
    text of the page's script (the run was no shift).  `head_shown` is what showed of the lost
    lead byte (`?`, `?jīng)`), `units` the characters out of step, `ending` the stray, the cut
    `?` or '', `leads` the lead bytes the evidence allows (none: the head is lost)."""
    body = _original_bytes(units, stray)
    if body is None:
        return None
    # Original character k >= 1 is bytes body[2k-1], body[2k]; it showed as units[k] (the last
    # one as the stray or the cut, or, at the end of the text, in the last unit): what is
    # reported lost with it.
    shown = [head_shown] + units[1:] + [ending or units[-1]] if units else [head_shown + ending]
    tail = [_pair(body[i], body[i + 1] if i + 1 < len(body) else None) for i in range(1, len(body), 2)]
    if any(ch is not None and not fits(ch, script) for ch in tail):
        return None
    heads = {_pair(lead, body[0]) for lead in leads} if body and body[0] is not None else set()
    heads = {head for head in heads if head is not None and fits(head, script)}
    chars = [heads.pop() if len(heads) == 1 else None] + tail
    new = "".join(ch for ch in chars if ch is not None)
    lost = "".join(shown[k] for k, ch in enumerate(chars) if ch is None and k < len(shown))
    lost += "".join(shown[len(chars):])             # a cut run: what showed of the cut character
    changes = [Change("gbk_shift", "repaired", run, new)] if new else []
    if lost:
        changes.append(Change("gbk_shift", "unrecovered", lost, ""))
    return new, changes


def repair_annotated_run(text: str, start: re.Match) -> tuple[int, str, list[Change]]:
    """(where the run ends, what replaces it, the changes) for the run whose `?reading)` is
    `start`: re-paired behind the lead byte the reading tells; the run itself and a
    `suspicious` flag when it cannot be bounded; dropped when it does not re-pair."""
    script = script_around(text, start.start(), start.end())
    scanned = _scan(text, start.end(), script) if syllable_kind(start.group(1)) == "marked" else None
    if scanned is None:
        run = text[start.start():start.end()]
        return start.end(), run, [Change("gbk_shift", "flag", "suspicious", run)]
    units, stray, end = scanned
    run = text[start.start():end]
    leads = leads_read_as(text[start.start() - 1], start.group(1))
    rebuilt = rebuild_run(run, start.group(0), units, text[start.end() + len(units):end], stray, leads, script)
    if rebuilt is None:
        return end, "", [Change("gbk_shift", "unrecovered", run, "")]
    return end, *rebuilt
