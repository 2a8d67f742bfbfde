"""OpenCC's t2s, applied with numpy: the same output as `OpenCC("t2s").convert`, ~4x faster.

OpenCC t2s is a greedy longest-match over a few hundred phrases (TSPhrases) and a
one-to-one character table; everything else passes through.  So the conversion is
a table look-up per code point plus, where a phrase starts, the phrase's own
conversion.  Both tables come from the installed OpenCC itself, not from a copy:

* the character table: every code point of planes 0-2 converted on its own by OpenCC;
* the phrases: OpenCC's `TSPhrases` dictionary, dumped with the `opencc_dict` tool the
  official bindings ship, each phrase's conversion again asked of OpenCC.

It is used only when both are available and a self-check over every phrase agrees
with OpenCC; otherwise (the pure-Python reimplementation, an unexpected dictionary)
every call goes to OpenCC.  The script step of the pipeline is its main user: most
documents are Simplified already, and for a line with no character t2s may change
this returns the text without any conversion at all.
"""
from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.chars.trie import trie_pattern

logger = logging.getLogger(__name__)

PLANES = 0x30000        # planes 0-2 hold every character OpenCC maps
COMPATIBILITY_IDEOGRAPHS = ((0xF900, 0xFB00), (0x2F800, 0x2FA20))
TABLES, OPENCC = 1, 2


SURROGATES = re.compile("([\ud800-\udfff]+)")


def opencc_convert(config: str, text: str) -> str:
    """OpenCC's conversion of `text`; lone surrogates (JSON `\\ud800` escapes), which OpenCC
    cannot take as UTF-8, pass through untouched and the text around them is converted."""
    convert = opencc_converter(config).convert
    if not SURROGATES.search(text):
        return convert(text)
    return "".join(piece if i % 2 else convert(piece) for i, piece in enumerate(SURROGATES.split(text)))


@lru_cache(maxsize=None)
def opencc_converter(config: str):
    """The installed OpenCC's converter (official bindings or the reimplementation)."""
    from opencc import OpenCC
    try:
        return OpenCC(config)
    except Exception:        # the two packages name configs differently
        return OpenCC(config + ".json")


def convert_alone(config: str, chars) -> list[str]:
    """Each character converted on its own by OpenCC (one a line, so no phrase applies), in one call."""
    return opencc_converter(config).convert("\n".join(chars)).split("\n")


def _dump_phrases() -> list[str] | None:
    """The keys of OpenCC's TSPhrases dictionary, or None where they cannot be read."""
    try:
        import opencc
        clib = Path(opencc.__file__).parent / "clib"
        tool, dictionary = clib / "bin" / "opencc_dict", clib / "share" / "opencc" / "TSPhrases.ocd2"
        if not (tool.exists() and dictionary.exists()):
            return None
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "TSPhrases.txt"
            subprocess.run([str(tool), "-i", str(dictionary), "-o", str(out), "-f", "ocd2", "-t", "text"],
                           check=True, capture_output=True, timeout=30)
            return [line.split("\t", 1)[0] for line in out.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError, ImportError):
        return None


class TableT2S:
    """t2s as a character table plus a phrase pass; `convert` equals OpenCC's t2s."""

    def __init__(self, phrases: list[str]):
        points = np.array([c for c in range(0x80, PLANES) if not 0xD800 <= c < 0xE000], dtype=np.uint32)
        chars = points.tobytes().decode("utf-32-le")
        alone = convert_alone("t2s", chars)
        if len(alone) != len(chars) or any(len(out) != 1 for out in alone):
            raise ValueError("OpenCC maps some character to several: the table cannot express it")
        self.table = np.arange(PLANES + 1, dtype=np.uint32)        # the last slot: beyond plane 2
        self.table[points] = np.frombuffer("".join(alone).encode("utf-32-le"), dtype=np.uint32)
        values = opencc_converter("t2s").convert("\n".join(phrases)).split("\n")
        if len(values) != len(phrases) or any(len(k) != len(v) for k, v in zip(phrases, values)):
            raise ValueError("a phrase's conversion changes its length")
        self.phrase_value = {k: np.frombuffer(v.encode("utf-32-le"), dtype=np.uint32)
                             for k, v in zip(phrases, values)}
        self.phrases = re.compile(trie_pattern(phrases))
        # Where a phrase may start: its first two characters (every phrase has two or more).
        self.starts = np.unique(np.array([ord(k[0]) << 32 | ord(k[1]) for k in phrases], dtype=np.uint64))
        self.may_start = np.zeros(PAIR_SLOTS, dtype=bool)
        self.may_start[_pair_slots(self.starts >> np.uint64(32), self.starts & np.uint64(0xFFFFFFFF))] = True
        # Characters t2s may change: alone, or inside a phrase (`瞭解` -> `了解`, `打坏` -> `打坯`).
        self.changeable = self.table != np.arange(PLANES + 1, dtype=np.uint32)
        for key, value in self.phrase_value.items():
            for ch, out in zip(key, value.tolist()):
                if ord(ch) != out and ord(ch) < PLANES:
                    self.changeable[ord(ch)] = True
        self.changeable[PLANES] = False
        # What a code point asks of `convert`: nothing, the tables, or OpenCC itself (CJK
        # compatibility ideographs: OpenCC normalises them before it looks for phrases).
        self.needs = self.changeable.astype(np.uint8)
        for start, end in COMPATIBILITY_IDEOGRAPHS:
            self.needs[start:end] = OPENCC

    def needs_of(self, points: np.ndarray) -> int:
        """0: t2s changes nothing here; TABLES: the tables convert it; OPENCC: only OpenCC can."""
        return int(self.needs.take(points, mode="clip").max()) if points.size else 0

    def convert(self, text: str) -> str:
        if not text:
            return text
        points = codepoints(text)
        needs = self.needs_of(points)
        if needs != TABLES:
            return opencc_convert("t2s", text) if needs == OPENCC else text
        out = self.table.take(points, mode="clip")
        if points.max() >= PLANES:       # beyond plane 2 (rare) stays as it is (np.where: ~5x the cost)
            beyond = points >= PLANES
            out[beyond] = points[beyond]
        taken_to = 0
        for start in self._phrase_starts(points):
            if start < taken_to:          # inside the phrase just taken: OpenCC scans on from its end
                continue
            match = self.phrases.match(text, start)
            if match:
                out[start:match.end()] = self.phrase_value[match.group()]
                taken_to = match.end()
        return out.tobytes().decode("utf-32-le", "surrogatepass")

    def _phrase_starts(self, points: np.ndarray) -> list[int]:
        """Positions whose two characters begin some phrase, in order (a regex scan of the whole
        text tries every phrase at every position: ~10x slower).  Every adjacent pair is hashed
        into a small table first (a few hundred pairs in 64k slots), so that only the rare
        positions it lets through are checked exactly (numpy's searchsorted: ~50 ns a query)."""
        if len(points) < 2:
            return []
        at = self.may_start.take(_pair_slots(points[:-1], points[1:])).nonzero()[0]
        if not at.size:
            return []
        pairs = points[at].astype(np.uint64) << np.uint64(32) | points[at + 1]
        slots = np.minimum(np.searchsorted(self.starts, pairs), len(self.starts) - 1)
        return at[self.starts[slots] == pairs].tolist()


PAIR_SLOTS = 1 << 16
_PAIR_MIX = np.uint32(0x9E3779B1)


def _pair_slots(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """A slot of `PAIR_SLOTS` for each pair of code points (uint32 arithmetic wraps)."""
    return (first.astype(np.uint32, copy=False) * _PAIR_MIX ^ second.astype(np.uint32, copy=False)) & np.uint32(PAIR_SLOTS - 1)


class OpenCCT2S:
    """The fallback: every call goes to OpenCC."""

    def convert(self, text: str) -> str:
        return opencc_convert("t2s", text) if text else text


def _self_check(fast: TableT2S, phrases: list[str]) -> bool:
    """Every phrase, alone and run together with its neighbours, converts as OpenCC does."""
    reference = opencc_converter("t2s").convert
    samples = ["\n".join(phrases), "".join(phrases), "".join(p[::-1] for p in phrases)]
    return all(fast.convert(s) == reference(s) for s in samples)


@lru_cache(maxsize=1)
def t2s():
    """The fastest converter that gives OpenCC's exact t2s output here (built once, ~0.2 s)."""
    phrases = _dump_phrases()
    if phrases:
        try:
            fast = TableT2S(phrases)
            if _self_check(fast, phrases):
                return fast
            logger.warning("table t2s disagrees with OpenCC on its own phrases: using OpenCC for every text")
        except ValueError as exc:
            logger.warning("table t2s unavailable (%s): using OpenCC for every text", exc)
    return OpenCCT2S()
