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

from .document import Change, Edit

try:  # the official bindings and the reimplementation differ in how configs are named
    from opencc import OpenCC
except ImportError:  # pragma: no cover - declared in requirements
    OpenCC = None


@lru_cache(maxsize=None)
def converter(config: str):
    if OpenCC is None:
        raise RuntimeError("OpenCC is not installed: pip install opencc (or opencc-python-reimplemented)")
    try:
        return OpenCC(config)
    except Exception:
        return OpenCC(config + ".json")


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text) if text else text


def detect_script(text: str, sample: int = 20000) -> str:
    """'traditional', 'simplified' or 'none' (no Han characters), by how much t2s changes."""
    han = [ch for ch in text[:sample] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return "none"
    probe = "".join(han)
    changed = sum(a != b for a, b in zip(probe, to_simplified(probe)))
    return "traditional" if changed / len(han) > 0.03 else "simplified"


def convert_script(text: str, target: str) -> Edit:
    if target == "keep" or not text:
        return text, []
    converted = to_simplified(text) if target == "simplified" else to_traditional(text)
    if converted == text:
        return text, []
    changed = sum(a != b for a, b in zip(text, converted)) + abs(len(text) - len(converted))
    return converted, [Change("script", "converted", target, str(changed))]


SPACE_LIKE = str.maketrans({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
                            "\u202f": " ", "\u205f": " ", "\t": " "})
TRAILING_SPACE = re.compile(r"[ ]+\n|[ ]+$")
LEADING_SPACE = re.compile(r"^[ ]+", re.M)
BLANK_RUNS = re.compile(r"\n{3,}")
INNER_SPACE_RUNS = re.compile(r"(?<=\S) {3,}(?=\S)")


def normalize_text(text: str) -> Edit:
    """Fold layout spaces, strip line ends, collapse blank-line runs; content characters untouched."""
    before = len(text)
    out = text.translate(SPACE_LIKE)
    out = TRAILING_SPACE.sub(lambda m: "\n" if m.group(0).endswith("\n") else "", out)
    out = LEADING_SPACE.sub("", out)
    out = INNER_SPACE_RUNS.sub("  ", out)
    out = BLANK_RUNS.sub("\n\n", out).strip()
    if out == text:
        return text, []
    return out, [Change("whitespace", "removed", "", str(before - len(out)))]


# Outline markers that start a new paragraph in Chinese official reports.
OUTLINE = re.compile(
    r"(?<=[。；;！!？?：:”」])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}[，,、]|\d{1,2}[.、．](?!\d)))")
FLAT_LINE = 400


def restore_paragraphs(text: str) -> Edit:
    """Re-split texts that arrive as one flattened line at outline markers (一、 （一） 一是 1.)."""
    if not any(len(line) > FLAT_LINE for line in text.split("\n")):
        return text, []
    lines = []
    splits = 0
    for line in text.split("\n"):
        if len(line) > FLAT_LINE:
            parts = OUTLINE.split(line)
            splits += len(parts) - 1
            lines.extend(p.strip() for p in parts if p.strip())
        else:
            lines.append(line)
    if not splits:
        return text, []
    return "\n".join(lines), [Change("paragraphs", "repaired", "", str(splits))]


TITLE_SPACE = re.compile(r"\s+")


def normalize_title(title: str) -> str:
    return TITLE_SPACE.sub(" ", title.translate(SPACE_LIKE)).strip()
