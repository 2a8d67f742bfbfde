"""A small character model of written Chinese, for telling damaged text from good text.

Mis-decoded Chinese (UTF-8 read as GBK, Big5 read as GBK, GBK one byte out of
step) is made of *valid* characters, so "is it a valid character" tells nothing;
what collapses is the share of *common* characters: ~0.999 in real text, far
lower in a garbled run.  The model therefore sorts every character into a few
classes and gives each a log-probability-like score:

  top punctuation   。，、 and friends: the most frequent "characters" of all
  common            GB2312 level 1 (the 3,755 most used simplified hanzi), their
                    Traditional forms, and any character OpenCC maps onto one
  rare              GB2312 level 2 and every other assigned CJK ideograph
  odd               kana, Latin-1 letters, box drawing... valid but, inside
                    Chinese prose, almost always the trace of a wrong codec
  invalid           unassigned, private use, U+FFFD, controls, surrogates

Neutral characters (ASCII, whitespace, full-width ASCII, circled numbers, ℃)
are ignored by `common_share`, so digits and Latin words do not dilute it.

Tables are built once at import from the codecs in the standard library and
OpenCC's dictionaries (~15 ms); nothing is downloaded.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.chars.t2s import convert_alone

TOP_PUNCT_SCORE = -3.0
PUNCT_SCORE = -5.0
COMMON_SCORE = -7.5
NEUTRAL_SCORE = -6.0
RARE_SCORE = -12.0
ODD_SCORE = -15.0
INVALID_SCORE = -25.0

# The three marks that, with 的, are the most frequent tokens of Chinese prose.
TOP_PUNCT = "。，、"
# Common CJK punctuation and signs (〇 too), roughly by frequency (full-width and the curly quotes
# Chinese text uses).
PUNCT = "〇“”：；（）《》？！…—·‘’「」『』【】〈〉〔〕～－％＋×÷＝＜＞°‰§№￥"


def _gb2312_block(lead_from: int, lead_to: int) -> str:
    """All characters whose GB2312 lead byte lies in [lead_from, lead_to]."""
    chars = []
    for lead in range(lead_from, lead_to + 1):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def _build_classes() -> tuple[frozenset, frozenset]:
    level1 = _gb2312_block(0xB0, 0xD7)
    level2 = _gb2312_block(0xD8, 0xF7)
    common = set(level1)
    # Traditional forms and variants whose Simplified form is common (t2s covers
    # what s2t produces; hk2s adds a handful of Hong Kong variants such as 衞).
    cjk = "".join(chr(c) for c in range(0x4E00, 0xA000))
    for config in ("t2s", "hk2s"):
        for src, dst in zip(cjk, convert_alone(config, cjk)):
            if len(dst) == 1 and dst in level1:
                common.add(src)
    rare = set(level2) - common
    return frozenset(common), frozenset(rare)


COMMON_HAN, RARE_HAN = _build_classes()
# GB2312's punctuation row (A1: ―, ‖, 〔〕, ※, ℃, →...) is what a correct GBK page decodes its
# dashes and signs to: punctuation, never a trace of a wrong codec (`专家――北京` was taken for
# a Big5 run and "repaired" into `模求求`).  The katakana middle dot stays suspect.
PUNCT += "".join(ch for ch in _gb2312_block(0xA1, 0xA1) if ch not in PUNCT + TOP_PUNCT + "\u3000・")
COMMON_CHARS = frozenset(COMMON_HAN | set(TOP_PUNCT) | set(PUNCT))
# Ignored by common_share: ASCII, spaces, full-width ASCII, circled/roman numerals, degree signs.
_NEUTRAL_SET = (set(map(chr, range(0x80))) | set(" \t\n\r\x0b\x0c\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")
                | set(map(chr, range(0x2000, 0x200B)))
                | set(map(chr, range(0xFF10, 0xFF1A))) | set(map(chr, range(0xFF21, 0xFF3B)))
                | set(map(chr, range(0xFF41, 0xFF5B))) | set(map(chr, range(0x2460, 0x2500)))
                | set(map(chr, range(0x2160, 0x2180))) | set("℃℉"))


def _is_neutral(ch: str) -> bool:
    return ch in _NEUTRAL_SET


def _is_assigned_ideograph(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x323AF
            or 0xF900 <= code <= 0xFAFF) and unicodedata.category(ch) == "Lo"


def char_score(ch: str) -> float:
    """Log-probability-like score of one character in Chinese prose (higher = more expected)."""
    if ch in TOP_PUNCT:
        return TOP_PUNCT_SCORE
    if ch in COMMON_HAN:
        return COMMON_SCORE
    if ch in PUNCT:
        return PUNCT_SCORE
    if _is_neutral(ch):
        return NEUTRAL_SCORE
    if ch in RARE_HAN or _is_assigned_ideograph(ch):
        return RARE_SCORE
    category = unicodedata.category(ch)
    if category in ("Cn", "Co", "Cs", "Cc") or ch == "\ufffd":
        return INVALID_SCORE
    return ODD_SCORE


def text_score(text: str) -> float:
    """Sum of `char_score` over the text: compares candidate decodings of the same bytes."""
    return sum(char_score(ch) for ch in text)


def is_common(ch: str) -> bool:
    """Common hanzi (either script) or common CJK punctuation."""
    return ch in COMMON_CHARS


def is_rare_or_worse(ch: str) -> bool:
    """A character that counts against `common_share` (not common, not neutral)."""
    return ch not in COMMON_CHARS and not _is_neutral(ch)


def class_regex(chars, negate: bool = False) -> re.Pattern:
    """A compiled character class over `chars`, written as ranges so it stays small."""
    codes = sorted(ord(c) for c in chars)
    parts, start, prev = [], None, None
    for code in codes:
        if start is None:
            start = prev = code
        elif code == prev + 1:
            prev = code
        else:
            parts.append((start, prev))
            start = prev = code
    if start is not None:
        parts.append((start, prev))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in parts)
    return re.compile(f"[{'^' if negate else ''}{body}]")


# One non-common, non-neutral character: C-speed gate for the repairs.
NOT_COMMON_RE = class_regex(COMMON_CHARS | _NEUTRAL_SET, negate=True)
_NEUTRAL_RE = class_regex(_NEUTRAL_SET, negate=False)


def counted_chars(text: str) -> int:
    """How many characters `common_share` looks at (everything but neutral ones)."""
    return len(text) - len(_NEUTRAL_RE.findall(text))


def common_share(text: str) -> float:
    """Share of the counted (non-ASCII, non-space) characters that are common; 1.0 if none."""
    counted = counted_chars(text)
    if not counted:
        return 1.0
    return 1.0 - len(NOT_COMMON_RE.findall(text)) / counted


class CharClasses:
    """Which of a few character classes a text holds, from one table lookup per character.

    The repairs each start with a C-speed gate (a character-class `re.search`); on clean
    text each gate scans the whole text for nothing, ~20 us for 5,000 characters.  One
    numpy pass (encode to UTF-32, table lookup, OR-reduce) answers all of them at once in
    ~10 us.  Classes are given as one-character regexes (the gates' own), so the table and
    the gates cannot disagree; only characters below U+FFFF can be in a class (anything
    beyond the BMP looks up the catch-all U+FFFF, which is in none)."""

    def __init__(self, classes: dict[str, re.Pattern]):
        if len(classes) > 16:
            raise ValueError("at most 16 character classes")
        self.bits = {name: 1 << i for i, name in enumerate(classes)}
        self._last: tuple[str | None, int] = (None, 0)
        self.table = np.zeros(0x10000, dtype=np.uint16)
        bmp = "".join(map(chr, range(0x10000)))
        for name, pattern in classes.items():
            codes = [m.start() for m in pattern.finditer(bmp)]
            if any(m.end() - m.start() != 1 for m in pattern.finditer(bmp)) or 0xFFFF in codes:
                raise ValueError(f"character class {name!r} must match single characters below U+FFFF")
            self.table[codes] |= self.bits[name]

    def lookup(self, text: str):
        """The class bits of each character (a numpy array)."""
        return self.table.take(codepoints(text), mode="clip")

    def present(self, text: str) -> int:
        """The bits of every class with at least one character in `text` (the last text's are
        remembered, held with it: a stage after the repairs asks about the text they left)."""
        if text is self._last[0]:
            return self._last[1]
        bits = int(np.bitwise_or.reduce(self.lookup(text))) if text else 0
        self._last = (text, bits)
        return bits

    def count(self, text: str, name: str) -> int:
        """How many characters of `text` are in class `name`."""
        return int(np.count_nonzero(self.lookup(text) & self.bits[name])) if text else 0
