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
from cleaners.steps.repair.gbk_bytes import decode_pairs, fits, gbk_bytes, leads_read_as, script_around, script_score
from cleaners.steps.repair.pinyin import syllable_kind

ANNOTATED_START_RE = re.compile(rf"[?\ufffd](?<=[{HAN}][?\ufffd])([a-z{TONED}ü]{{1,7}})\)")
# The same, for a text holding only one of the two lost-byte marks: starting with a literal, which
# the engine jumps between at C speed, where the class was tried at every character.
_ANNOTATED_START_RES = {mark: re.compile(rf"{re.escape(mark)}(?<=[{HAN}]{re.escape(mark)})([a-z{TONED}ü]{{1,7}})\)")
                        for mark in ("?", "\ufffd")}
_MAX_RUN = 12                        # characters out of step before the run is given up as unbounded
_IN_STEP_CHECK = 8                   # characters after a possible end that tell whether it is one
_IN_STEP_MIN = 3                     # fewer characters than that tell nothing
_IN_STEP_MARGIN = 3.0                # score by which one reading of them must beat the other
_NON_ASCII_RUN_RE = re.compile(r"[^\x00-\x7f\s]+")
_REJECTED = "?\ufffd"


def annotated_start_re(text: str) -> re.Pattern:
    """ANNOTATED_START_RE, or its literal-led twin when `text` holds only one of `?` and U+FFFD
    (the matches are the same: the other mark is not in the text)."""
    if "\ufffd" not in text:
        return _ANNOTATED_START_RES["?"]
    return ANNOTATED_START_RE if "?" in text else _ANNOTATED_START_RES["\ufffd"]


def _in_step(text: str, at: int, script: str | None) -> bool | None:
    """Whether the decoder is back in step at `at`: the characters from there read better as
    they are than re-paired one byte on (what they would be if the decoder were still out of
    step), by the character model and the page's script; None when neither reading is clearly
    better.  The site's annotations are skipped; ASCII, a line end or the end of the text
    right after contradict nothing."""
    window = _NON_ASCII_RUN_RE.match(ANNOTATION_RE.sub("", text[at:at + 4 * _IN_STEP_CHECK]))
    if window is None:
        return True
    as_is = window.group(0)[:_IN_STEP_CHECK]
    if len(as_is) < _IN_STEP_MIN:
        return None
    raw = gbk_bytes(as_is)
    shifted = decode_pairs(raw[1:-1]) if raw is not None else None
    if shifted is None:
        return True                                  # re-paired, they are no GBK text at all
    lead = script_score(as_is[1:], script) - script_score(shifted, script)   # same length: fair
    if abs(lead) < _IN_STEP_MARGIN:
        return None
    return lead > 0


def _scan(text: str, pos: int, script: str | None) -> tuple[list[str], str, int] | None:
    """The characters out of step from `pos`, how the run ends ('' at the end of the text or
    of the line, or at a cut; else the stray byte) and where it ends; None when no end is found
    within reach.

    Every ASCII character in the run may be a full-width form the site folded (`！`, `Ｒ`, `５`
    are GBK pairs A3xx); a digit or sign below @ cannot be a stray (no GBK trail byte is), a
    letter or sign from @ up is the stray when the text after it reads in step.  A `?` is a
    pair the decoder rejected, which ends the run when the text after it reads in step (it
    swallowed an ASCII byte: `?cè)?月份`, the month digit); a character that took an ASCII byte
    as its trail byte ends it too."""
    units: list[str] = []
    while len(units) <= _MAX_RUN:
        if pos >= len(text) or text[pos].isspace():
            return units, "", pos
        ch = text[pos]
        if ch in _REJECTED or "\x40" <= ch <= "\x7e":
            back_in_step = _in_step(text, pos + 1, script)
            if back_in_step is None:
                return None
            if back_in_step:
                return units, ("" if ch in _REJECTED else ch), pos + 1
        elif ch < "\x21" or ch == "\x7f":
            return None
        units.append(ch)
        pos += 1
        if ch >= "\x80" and _swallowed(ch):
            back_in_step = _in_step(text, pos, script)
            if back_in_step is None:
                return None
            if back_in_step:
                return units, "", pos
    return None


def _swallowed(unit: str) -> str:
    """The ASCII character a character out of step took as its trail byte (`蛒` is CD 78: the
    `x` of `和xxx`), which puts the decoder back in step; '' when it took none."""
    raw = gbk_bytes(unit)
    return chr(raw[1]) if raw is not None and len(raw) == 2 and raw[1] < 0x80 else ""


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
    swallowed = "" if stray or ending or not units else _swallowed(units[-1])
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
    new = "".join(ch for ch in chars if ch is not None) + swallowed
    lost = "".join(shown[k] for k, ch in enumerate(chars) if ch is None and k < len(shown))
    if not swallowed:
        lost += "".join(shown[len(chars):])         # a cut run: what showed of the cut character
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
