"""fix_misaligned_gbk: GBK decoded one byte out of step after width folding (Change step `gbk_shift`)."""
from __future__ import annotations

import functools
import re

from cleaners.chars import charmodel
from cleaners.chars.charmodel import text_score
from cleaners.document import Change, Edit
from cleaners.steps.repair.charsets import ANNOTATION_RE, CJK_PUNCT, HAN, TONED
from cleaners.steps.repair.gbk_annotated import annotated_start_re, rebuild_run, repair_annotated_run
from cleaners.steps.repair.gbk_bytes import FOLDED_PUNCT as _FOLDED_PUNCT
from cleaners.steps.repair.gbk_bytes import gbk_bytes as _gbk_bytes
from cleaners.steps.repair.gbk_bytes import fits, holds_one_script_form, readings, script_around
from cleaners.steps.repair.pinyin import syllable_kind as _syllable_kind


def _shift_re(lost: str) -> re.Pattern:
    """The misaligned run, starting with the lost lead byte itself (the character before it is
    checked behind it), so the engine jumps between `?` at C speed instead of trying the
    look-behind at every position."""
    return re.compile(
        rf"({lost})(?<=[{HAN}{CJK_PUNCT}]{lost})"          # the lost lead byte, after Chinese
        rf"((?:[^\x00-\x7f\s\ufffd]|[{re.escape(_FOLDED_PUNCT)}]){{0,8}}?)"   # chars decoded out of step
        rf"([\x40-\x7e])"                                     # a trail byte read as ASCII: back in step
        rf"(?=[{HAN}(（])")


_SHIFT_RE = _shift_re("[?\ufffd]")
_QUESTION_SHIFT_RE = _shift_re(r"\?")                     # the same when the text has no U+FFFD
_SHIFT_MARGIN = 3.0



def _shift_candidates(middle: str, stray: str, script: str | None) -> list[str]:
    """Every decoding of (lost lead byte + middle + stray byte) that is all common characters
    of the page's script."""
    body = _gbk_bytes(middle)
    if body is None:
        return []
    candidates = []
    raw = body + stray.encode("ascii")
    for lead in range(0x81, 0xFF):
        try:
            candidate = (bytes([lead]) + raw).decode("gb18030")
        except UnicodeDecodeError:
            continue
        if len(candidate) * 2 != len(raw) + 1:
            continue                                      # an ASCII byte read as itself: no re-pairing
        if not charmodel.NOT_COMMON_RE.search(candidate) and fits(candidate, script):   # common: C speed
            candidates.append(candidate)
    return candidates


@functools.lru_cache(maxsize=4096)
def _shift_winner(middle: str, stray: str, annotation: str | None, script: str | None) -> str | None:
    """The candidate that clearly beats all others, or None.

    Cached: trying all 126 lead bytes costs ~0.3 ms, and the same damaged runs recur in every
    document of a site (the answer depends on the arguments only)."""
    scored = []
    candidates = _shift_candidates(middle, stray, script)
    if len({c[-1] for c in candidates}) < 2:
        annotation = None                                 # same last character everywhere: no evidence
    for candidate in candidates:
        score = text_score(candidate)
        if annotation is not None:
            score += 10.0 if annotation in readings(candidate[-1]) else -10.0
        scored.append((score, candidate))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _SHIFT_MARGIN:
        return None
    return scored[0][1]


def _reads_as_damage(middle: str) -> bool:
    """Characters decoded out of step are rare ones nearly all (`閸`, `鍘`); one rare character
    among common ones (輟 in `與控輟績效`, a Traditional sentence between two `?`) is text."""
    rare = sum(1 for ch in middle if charmodel.is_rare_or_worse(ch))
    return rare > 0 and 2 * rare >= len(middle)


def _annotated_page(text: str) -> bool:
    """The text carries tone-marked annotations (`發(fā)`): it comes from the annotating sites,
    the ones whose pages show GBK-shift damage."""
    marked = (m for m in ANNOTATION_RE.finditer(text) if _syllable_kind(m.group(1)) == "marked")
    return next(marked, None) is not None and next(marked, None) is not None


def _repair_shift(match: re.Match, text: str, changes: list[Change]) -> str:
    run = match.group(0)
    middle, stray = match.group(2), match.group(3)
    ahead = ANNOTATION_RE.match(text, match.end())
    annotation = ahead.group(1) if ahead and any(ch in TONED for ch in ahead.group(1)) else None
    damage_shown = match.group(1) == "\ufffd" or _reads_as_damage(middle)
    plausible = damage_shown or annotation is not None or (middle[:1] in _FOLDED_PUNCT and middle[:1] != "")
    if not plausible:
        # `支持?h政府` on an annotated page is a shift whose lead byte nothing tells (縣, 黨,
        # 環... all fit); elsewhere `?A计划` is ordinary text.  Left as it is either way.
        if _annotated_page(text):
            changes.append(Change("gbk_shift", "flag", "suspicious", run))
        return run
    script = script_around(text, match.start(), match.end())
    winner = _shift_winner(middle, stray, annotation, script)
    told = damage_shown or annotation is not None
    if winner is not None and text_score(winner) > text_score(run) and not _guessed(winner, script, told):
        changes.append(Change("gbk_shift", "repaired", run, winner))
        return winner
    if damage_shown:
        # No lead byte wins: the first character is lost, the ones after it need no lead byte.
        rebuilt = rebuild_run(run, match.group(1), list(middle), stray, stray, [], script)
        if rebuilt is None:
            changes.append(Change("gbk_shift", "unrecovered", run, ""))
            return ""
        changes += rebuilt[1]
        return rebuilt[0]
    changes.append(Change("gbk_shift", "flag", "suspicious", run))
    return run


def _guessed(winner: str, script: str | None, told: bool) -> bool:
    """A repair that writes a form only one script uses (縣, 县) where the text around the run
    does not tell its script: a guess.  A `?` run left as it is stays in the text and is judged
    again by a second cleaning, in its output's context: `第3页 / 共12页` over `温??h馨提示` says
    Simplified (no candidate fits, the run stays), the output alone says nothing, and `。縣`
    would be written then.  `told`: the damage is shown (U+FFFD: repaired or dropped whatever the
    script) or a pinyin annotation reads the character (`?h(xiàn)`: 縣 by its reading)."""
    return not told and script is None and holds_one_script_form(winner)


def _fix_annotated_runs(text: str, changes: list[Change]) -> str:
    pieces, last = [], 0
    for start in annotated_start_re(text).finditer(text):
        if start.start() < last:
            continue
        end, new, run_changes = repair_annotated_run(text, start)
        pieces += [text[last:start.start()], new]
        last = end
        changes += run_changes
    return "".join(pieces) + text[last:] if pieces else text


def fix_misaligned_gbk(text: str) -> Edit:
    """Repair GBK text decoded one byte out of step after its punctuation was width-folded.

    `教育??h教育局` -> `教育。縣教育局`: the first `?` is a lost lead byte, the
    run between it and a stray ASCII trail byte re-encodes (with `？！` unfolded)
    to bytes that, behind the right lead byte, decode to common text.  Repaired
    only when one lead byte clearly wins; when the run is visibly damaged but no
    lead byte wins, its first character (the one that needs the lead byte) is
    dropped as `unrecovered` and the rest re-paired; left alone otherwise
    (`是否可行?`), flagged `suspicious` where the page is an annotated one.
    On annotated pages the `?` carries its reading (`做到?jīng)]有` -> `做到沒有`): the
    lead byte is the one that, behind the previous character's trail byte, reads so.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, []
    changes: list[Change] = []
    if ")" in text:
        text = _fix_annotated_runs(text, changes)
    shift = _SHIFT_RE if "\ufffd" in text else _QUESTION_SHIFT_RE
    if not shift.search(text):
        return text, changes
    new = shift.sub(lambda m: _repair_shift(m, text, changes), text)
    return new, changes
