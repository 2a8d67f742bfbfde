"""strip_pinyin: pinyin annotations after Han characters, `繼續(xù)` (Change step `pinyin`)."""
from __future__ import annotations

import functools
import re

from cleaners.document import Change, Edit
from cleaners.steps.repair.charsets import ANNOTATION, ANNOTATION_PAD, ANNOTATION_RE, HAN, TONED

_INITIALS_FINALS = {
    "": "a o e ai ei ao ou an en ang eng er",
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u iao",
    "d": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe",
    "l": "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "q": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "zh": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "ch": "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "sh": "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    "r": "e i ao ou an en ang eng ong u ua uo ui uan un",
    "z": "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
    "c": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "s": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "y": "a e ao ou an ang i in ing ong u ue uan un o",
    "w": "a o ai ei an en ang eng u",
}


def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (~410), with ü also spelt v."""
    syllables = {initial + final for initial, finals in _INITIALS_FINALS.items() for final in finals.split()}
    syllables |= {s.replace("ü", "v") for s in syllables if "ü" in s}
    return frozenset(syllables)


PINYIN_SYLLABLES = _pinyin_syllables()
_TONE_STRIP = str.maketrans({**{ch: "aeiou"[i // 4] for i, ch in enumerate(TONED[:20])},
                             **{ch: "ü" for ch in TONED[20:]}})
# A run of back-to-back `(syllable)` annotations whose first one follows a Han character, as one
# group, so that `split` gives the text between runs and the runs in one scan.  The pattern starts
# with the bracket (the Han character is checked behind it) so that the engine jumps between
# brackets; the ASCII-only variant starts with a literal, which it finds about twice as fast.
_ANNOTATION_RUN_RES = {
    bracket: re.compile(rf"({bracket}(?<=[{HAN}]{bracket}){ANNOTATION_PAD}[a-z{TONED}ü]{{1,7}}{ANNOTATION_PAD}[)）]"
                        rf"(?:{ANNOTATION})*)")
    for bracket in (r"\(", "[(（]")}
_TONELESS_EVIDENCE = 2          # tone-marked annotations needed before plain `(an)` counts as pinyin
# ... or, on a page annotated without tone marks (`教(jiao)(jiao)育(yu)`), this many bare
# syllables of at least two letters after Han characters, of this many different syllables:
# chance parentheses (`(an)`, `(App)`, `(kg)`) do not come in such numbers
_TONELESS_ALONE = 8
_TONELESS_DISTINCT = 4


@functools.lru_cache(maxsize=8192)
def syllable_kind(inner: str) -> str | None:
    """'marked' (tone mark or ü: only pinyin looks like that), 'plain' (a bare syllable), or None."""
    toned = sum(1 for ch in inner if ch in TONED)
    if toned > 1:
        return None
    base = inner.translate(_TONE_STRIP)
    if base not in PINYIN_SYLLABLES:
        return None
    return "marked" if toned or "ü" in inner else "plain"


# Runs are judged once and remembered (cached): the same words recur throughout a document and
# across the documents of a site.
@functools.lru_cache(maxsize=8192)
def _run_syllables(run: str) -> tuple[tuple[str, str | None, int], ...]:
    """(syllable, kind, where its annotation ends) of each annotation of a run."""
    return tuple((m.group(1), syllable_kind(m.group(1)), m.end()) for m in ANNOTATION_RE.finditer(run))


@functools.lru_cache(maxsize=8192)
def _marked_count(run: str) -> int:
    return sum(kind == "marked" for _, kind, _ in _run_syllables(run))


@functools.lru_cache(maxsize=8192)
def _run_removal(run: str, allow_plain: bool) -> tuple[str, Change | None]:
    """(what stays of a run, the Change for what goes): the leading annotations go up to the first
    one that is not pinyin (a bare syllable counts when the text shows tone-marked ones, never a
    single letter)."""
    length = 0
    for inner, kind, end in _run_syllables(run):
        plain_ok = kind == "plain" and allow_plain and len(inner) > 1
        if kind != "marked" and not plain_ok:
            break
        length = end
    return run[length:], (Change("pinyin", "removed", run[:length], "") if length else None)


def _annotated_without_tones(runs: list[str]) -> bool:
    """Does the text carry toneless pinyin throughout (`_TONELESS_ALONE` bare syllables of two
    letters or more, `_TONELESS_DISTINCT` of them different)?"""
    plain = [inner for run in runs for inner, kind, _ in _run_syllables(run) if kind == "plain" and len(inner) > 1]
    return len(plain) >= _TONELESS_ALONE and len(set(plain)) >= _TONELESS_DISTINCT


def strip_pinyin(text: str) -> Edit:
    """Remove pinyin annotations after Han characters (`繼續(xù)` -> `繼續`).

    An annotation must follow a Han character and hold one real syllable with a
    tone mark; bare syllables such as `(an)` or `(da)` count only when the text
    already shows the pattern with tone marks elsewhere or is annotated throughout
    without them, and never single letters, so `(a)`, `(一)`, `(2023)`, `(kg)`,
    `(App)` stay.
    """
    if "（" in text:
        pieces = _ANNOTATION_RUN_RES["[(（]"].split(text)
    elif "(" in text:
        pieces = _ANNOTATION_RUN_RES[r"\("].split(text)
    else:
        return text, []
    if len(pieces) == 1:
        return text, []
    runs = pieces[1::2]
    allow_plain = sum(map(_marked_count, runs)) >= _TONELESS_EVIDENCE or _annotated_without_tones(runs)
    removals = [_run_removal(run, allow_plain) for run in runs]
    changes = [change for _, change in removals if change is not None]
    if not changes:
        return text, []
    pieces[1::2] = [kept for kept, _ in removals]
    return "".join(pieces), changes

