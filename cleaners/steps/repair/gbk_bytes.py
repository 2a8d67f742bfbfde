"""Byte arithmetic and evidence for fix_misaligned_gbk: what a run was before GBK lost step.

A page whose GBK bytes were read one byte out of step shows, after the last good character
PREV, a `?` for the character the decoder formed from PREV's trail byte and the lost lead
byte L, then characters each made of the trail byte of one original character and the lead
byte of the next, until an ASCII byte (read as itself) puts the decoder back in step.  So
the run's bytes, behind L, re-pair into the original characters: L with the first byte of
the run is the first original character (the *head*, which needs L), and the pairs after it
(the *tail*) do not depend on L at all.
"""
from __future__ import annotations

import functools
import re

import numpy as np

from cleaners.chars import charmodel
from cleaners.chars.codepoints import codepoints
from cleaners.chars.t2s import convert_alone

# Width folding turned the full-width forms of these into ASCII; unfold before re-encoding.
FOLDED_PUNCT = "!\"#$%&',.:;<=>?@[\\]^_`{|}~-"
_UNFOLD = str.maketrans({ch: chr(ord(ch) + 0xFEE0) for ch in FOLDED_PUNCT})
LEAD_BYTES = range(0x81, 0xFF)
SCRIPT_WINDOW = 100                  # characters on each side of a run that tell the page's script


def gbk_bytes(text: str) -> bytes | None:
    """The GBK bytes the decoder read as `text` (full-width forms unfolded), or None."""
    try:
        return text.translate(_UNFOLD).encode("gbk")
    except UnicodeEncodeError:
        return None


def decode_pairs(raw: bytes) -> str | None:
    """`raw` as double-byte GBK characters only (an ASCII byte inside is no character here)."""
    if len(raw) % 2:
        return None
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        return None
    return text if len(text) * 2 == len(raw) else None


@functools.lru_cache(maxsize=4096)
def readings(ch: str) -> frozenset[str]:
    """Tone-marked pinyin readings of a character (empty when pypinyin is not installed)."""
    # Imported here, not at the top: pypinyin adds ~210 ms to `import cleaners.pipeline` (~275 ms;
    # median of 7 runs), paid by every CLI run and crawl, and only shifted runs with an annotation
    # ask for a reading (cached, so the import statement runs once per character).
    try:
        from pypinyin import Style, pinyin
    except ImportError:
        return frozenset()
    return frozenset(pinyin(ch, style=Style.TONE, heteronym=True)[0])


@functools.cache
def _script_sets() -> dict[str, frozenset[str]]:
    """The forms only one script uses: Traditional (t2s changes them) and Simplified (s2t
    changes them, t2s does not).  Built on first use (~30 ms): only damaged runs ask."""
    cjk = [chr(c) for c in (*range(0x3400, 0xA000), *range(0xF900, 0xFB00))]
    traditional = {ch for ch, simple in zip(cjk, convert_alone("t2s", cjk)) if simple != ch}
    simplified = {ch for ch, full in zip(cjk, convert_alone("s2t", cjk)) if full != ch} - traditional
    return {"traditional": frozenset(traditional), "simplified": frozenset(simplified)}


@functools.cache
def _script_forms() -> dict[str, re.Pattern]:
    """Each script's own forms as a one-character pattern."""
    return {script: charmodel.class_regex(forms) for script, forms in _script_sets().items()}


@functools.cache
def _script_tables() -> dict[str, np.ndarray]:
    """Each script's own forms as a table by code point (past its end: none), for counting them:
    the Simplified forms' class is ~1,000 ranges, which `re` tries one by one at every character
    (~0.2 us a character)."""
    tables = {}
    for script, forms in _script_sets().items():
        tables[script] = np.zeros(0xFB01, dtype=bool)
        tables[script][[ord(ch) for ch in forms]] = True
    return tables


def holds_one_script_form(text: str) -> bool:
    """Whether `text` holds a form only one script uses (縣 or 县, not 教)."""
    return any(forms.search(text) for forms in _script_forms().values())


def script_around(text: str, start: int, end: int) -> str | None:
    """The script of the text around [start, end): the one whose own forms clearly dominate."""
    around = codepoints(text[max(0, start - SCRIPT_WINDOW):start] + text[end:end + SCRIPT_WINDOW])
    tables = _script_tables()
    trad, simp = (int(np.count_nonzero(tables[script].take(around, mode="clip")))
                  for script in ("traditional", "simplified"))
    if trad >= 2 and trad > 3 * simp:
        return "traditional"
    if simp >= 2 and simp > 3 * trad:
        return "simplified"
    return None


def fits(candidate: str, script: str | None, rare: int = 0) -> bool:
    """All common characters (but `rare` of them), none a form only the other script uses: the
    GBK damage comes after the page was written in one script, so its text is in that script."""
    if len(charmodel.NOT_COMMON_RE.findall(candidate)) > rare:
        return False
    other = {"traditional": "simplified", "simplified": "traditional"}.get(script)
    return other is None or not _script_forms()[other].search(candidate)


def script_score(text: str, script: str | None) -> float:
    """The character model's score of `text`, a form of the other script counted as an odd
    character: text decoded out of step from a Traditional page is full of GB2312-only forms."""
    other = {"traditional": "simplified", "simplified": "traditional"}.get(script)
    penalty = charmodel.ODD_SCORE - charmodel.COMMON_SCORE
    return charmodel.text_score(text) + (penalty * len(_script_forms()[other].findall(text)) if other else 0.0)


def leads_read_as(prev: str, syllable: str) -> list[int]:
    """The lead bytes L for which PREV's trail byte + L is a character read `syllable`: the
    character the decoder formed there, which the annotating site annotated (`?jīng)`)."""
    raw = gbk_bytes(prev)
    if raw is None or len(raw) != 2:
        return []
    found = []
    for lead in LEAD_BYTES:
        shifted = decode_pairs(bytes([raw[1], lead]))
        if shifted is not None and syllable in readings(shifted):
            found.append(lead)
    return found
