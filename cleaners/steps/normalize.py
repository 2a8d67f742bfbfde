"""Script, Unicode and whitespace normalisation.

Script: OpenCC (`t2s` by default, `s2t` for --script traditional).  The official
OpenCC bindings are used when installed (C++ core, 30-50 MB/s here); the pure
Python `opencc-python-reimplemented` installs the same `opencc` module and works
as a drop-in where no wheel exists.

Width policy: content keeps its punctuation exactly as written (full-width ，。
stay full-width, ASCII stays ASCII); no NFKC on content, because NFKC would turn
，into , and ①into 1.  Only the ideographic space U+3000 and no-break spaces are
folded, since they are layout, not content.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from cleaners.document import Change, Edit
from cleaners.chars.codepoints import codepoints
from cleaners.chars.lines import joined, lines_of
from cleaners.chars.t2s import opencc_convert, t2s


def to_simplified(text: str) -> str:
    """OpenCC t2s (exactly), through OpenCC's own tables applied with numpy (`cleaners.chars.t2s`)."""
    return t2s().convert(text) if text else text


def to_traditional(text: str) -> str:
    return opencc_convert("s2t", text) if text else text


HAN_RUN = re.compile("[\u4e00-\u9fff]+")
TRADITIONAL_SHARE = 0.03     # above this share of Han characters changed by t2s: Traditional text


BLANK, VISIBLE, HAN = 0, 1, 2
_HAN_FIRST, _HAN_SPAN = 0x4E00, 0xA000 - 0x4E00      # CJK Unified Ideographs, as HAN_RUN and HAN


@lru_cache(maxsize=1)
def _letter_classes():
    """Per BMP code point: BLANK (whitespace as `str.split` sees it), HAN (CJK Unified
    Ideographs, U+4E00-9FFF) or VISIBLE (anything else; U+FFFF, where every code point beyond
    the BMP is looked up, too)."""
    table = np.full(0x10000, VISIBLE, dtype=np.uint8)
    table[[c for c in range(0x10000) if chr(c).isspace()]] = BLANK
    table[0x4E00:0xA000] = HAN
    return table


def _classes_of(text: str):
    return _letter_classes().take(codepoints(text), mode="clip")


_SPACE_END = 0x3001          # no whitespace at or past U+3001


def han_and_visible(text: str) -> tuple[int, int]:
    """(CJK Unified Ideographs, non-whitespace characters) of the text.  Han by a range test
    (wrapping uint32 arithmetic), whitespace looked up only for the code points below U+3001
    (a Chinese text's few ASCII and layout characters): a table lookup of every character cost
    ~3x these vector passes."""
    if not text:
        return 0, 0
    points = codepoints(text)
    han = int(np.count_nonzero(points - _HAN_FIRST < _HAN_SPAN))
    low = points[points < _SPACE_END]
    blank = int(np.count_nonzero(_letter_classes().take(low) == BLANK)) if low.size else 0
    return han, len(points) - blank


def han_count(text: str) -> int:
    """Characters in the CJK Unified Ideographs block (U+4E00-9FFF)."""
    return int(np.count_nonzero(_classes_of(text) == HAN)) if text else 0


def detect_script(text: str, sample: int = 20000, simplified: str | None = None) -> str:
    """'traditional', 'simplified' or 'none' (no Han characters), by how much t2s changes.

    `simplified` is `to_simplified(text)` when the caller has it already, which saves an
    OpenCC pass; the characters t2s changed are then counted over the whole text."""
    if simplified is None or len(simplified) != len(text):
        text = "".join(HAN_RUN.findall(text[:sample]))
        simplified = to_simplified(text)
    if simplified == text:               # nothing to count: is there any Han character at all?
        return "simplified" if HAN_RUN.search(text) else "none"
    points = codepoints(text)            # (once for both counts; U+4E00-9FFF by subtraction, no table)
    han = int(np.count_nonzero(points - _HAN_FIRST < _HAN_SPAN))
    if not han:
        return "none"
    changed = (int(np.count_nonzero(points != codepoints(simplified))) if len(simplified) == len(text)
               else changed_chars(text, simplified))
    return "traditional" if changed / han > TRADITIONAL_SHARE else "simplified"


def changed_chars(a: str, b: str) -> int:
    """How many positions differ between two strings of equal length (C speed via numpy)."""
    if len(a) != len(b):
        return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
    return int(np.count_nonzero(codepoints(a) != codepoints(b)))


def convert_script(text: str, target: str) -> Edit:
    if target == "keep" or not text:
        return text, []
    converted = to_simplified(text) if target == "simplified" else to_traditional(text)
    if converted == text:
        return text, []
    changed = changed_chars(text, converted)
    return converted, [Change("script", "converted", target, str(changed))]


SPACE_LIKE = str.maketrans({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
                            "\u202f": " ", "\u205f": " ", "\t": " "})
# The same minus U+00A0, which may be a byte of latin-1 mojibake that the repairs still need.
EARLY_SPACES = {k: v for k, v in SPACE_LIKE.items() if k != 0xA0}
OTHER_LATIN1_RE = re.compile("[\x80-\x9f\xa1-\xff]")   # (what `_holds_other_latin1` looks for)
# What `fold_layout_spaces` looks for: without one of these it changes nothing.
LAYOUT_SPACES_RE = re.compile("[\u3000\u2002\u2003\u2009\u202f\u205f\t\xa0]")
# U+00A0 runs that do not sit between other latin-1 characters: `&nbsp;&nbsp;` indents, not
# mojibake bytes (which come in runs of latin-1 letters: `½ÌÓý\xa0¾Ö`).
# (Written to start with the literal U+00A0, so the engine skips to candidates at C speed.)
LAYOUT_NBSP = re.compile("\xa0(?:(?<![\x80-\xff]\xa0)\xa0*|\xa0*(?![\x80-\x9f\xa1-\xff\xa0]))")
# Each written to start with a literal, so the engine jumps between candidates at C speed
# (`\n{3,}` and a leading look-behind made it try every position: ~40-130 us per 5k chars).
BLANK_RUNS = re.compile(r"\n\n\n+")
LINE_END_SPACES = re.compile(r"  *\n")            # (not " +": a leading repeat is tried at every position)
LINE_START_SPACES = re.compile(r"\n +")
INNER_SPACE_RUNS = re.compile(r" (?<=\S )  +(?=\S)")         # 3+ spaces between two non-spaces


def _holds_any(text: str, table: dict[int, str]) -> bool:
    """Whether `text` holds a character `table` translates: one substring search per character
    (~1.5 us per 5k chars each), where a character-class regex checks every character (~25 us)
    and `str.translate` looks each one up in the table."""
    return any(chr(code) in text for code in table)


def fold_layout_spaces(text: str) -> str:
    """Layout spaces (ideographic, en/em, tabs) as plain spaces, before the repairs run.

    The repairs read runs of latin-1 characters and ASCII spaces as one mojibake span;
    folding these spaces first means they see the same spans on the first pass as on a
    second pass over the output (`ÖÐ\u3000ÎÄ` is `ÖÐ ÎÄ` either way), and `&nbsp;` indents
    do not send every page through the mojibake scan.  U+00A0 between latin-1 characters
    stays: it can be a byte of the mojibake itself."""
    if _holds_any(text, EARLY_SPACES):
        text = text.translate(EARLY_SPACES)
    if "\xa0" in text:
        if _holds_other_latin1(text):
            text = LAYOUT_NBSP.sub(lambda m: " " * len(m.group(0)), text)
        else:                            # no latin-1 letter for a U+00A0 to be a byte of
            text = text.replace("\xa0", " ")
    return text


def _holds_other_latin1(text: str) -> bool:
    """Whether `OTHER_LATIN1_RE` finds a character in `text`, read off its code points (which the
    repairs' gate made for the same text): the regex, a character class, tried it at every
    character, ~70 instructions each on a text without one (~0.35 M a 5k-character page)."""
    points = codepoints(text)
    latin1 = points[points - 0x80 < 0x80]
    return bool(np.count_nonzero(latin1 != 0xA0))


_last_normalized: list[str] = [""]     # the text normalize_text last returned (held: its id stays its own)


def normalize_text(text: str) -> Edit:
    """Fold layout spaces, strip line ends, collapse blank-line runs; content characters untouched.

    Each substitution leads with a literal, so on a text it has nothing to do for it costs
    less than a substring search that would decide whether to run it (~6 us per 5k chars);
    the spaces at the text's own ends go with the final strip.  It is idempotent, so the very
    text it last returned comes back as it is without a pass: the pipeline normalizes before
    the line model and again at the end, and on most pages nothing changes the text between."""
    if text is _last_normalized[0]:
        return text, []
    before = len(text)
    out = text.translate(SPACE_LIKE) if _holds_any(text, SPACE_LIKE) else text
    out = LINE_END_SPACES.sub("\n", out)          # each line's trailing spaces...
    out = LINE_START_SPACES.sub("\n", out)        # ... and leading ones
    out = INNER_SPACE_RUNS.sub("  ", out)
    out = BLANK_RUNS.sub("\n\n", out)
    out = out.strip()
    if out == text:
        _last_normalized[0] = text
        return text, []
    _last_normalized[0] = out
    return out, [Change("whitespace", "removed", "", str(before - len(out)))]


# Outline markers that start a new paragraph in Chinese official reports.
# Written to start with the sentence end itself (not a look-behind), so the engine jumps
# between candidate punctuation marks at C speed; the mark is put back by the substitution.
OUTLINE = re.compile(
    r"([。；;！!？?：:”」])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}[，,、]|\d{1,2}[.、．](?!\d)))")
FLAT_LINE = 400


def restore_paragraphs(text: str) -> Edit:
    """Re-split texts that arrive as one flattened line at outline markers (一、 （一） 一是 1.)."""
    raw = lines_of(text)
    if max(map(len, raw)) <= FLAT_LINE:
        return text, []
    lines = []
    splits = 0
    for line in raw:
        if len(line) > FLAT_LINE:
            marked, found = OUTLINE.subn("\\1\n", line)
            parts = marked.split("\n")
            splits += found
            lines.extend(p.strip() for p in parts if p.strip())
        else:
            lines.append(line)
    if not splits:
        return text, []
    return joined(lines), [Change("paragraphs", "repaired", "", str(splits))]


TITLE_SPACE = re.compile(r"\s+")
# Control and invisible characters: never part of a title, an id or a metadata value.
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")


def printable(value: str) -> str:
    """`value` without control or invisible characters, whitespace runs as one space."""
    return TITLE_SPACE.sub(" ", INVISIBLE.sub("", value)).strip()


def normalize_title(title: str) -> str:
    return printable(title.translate(SPACE_LIKE))
