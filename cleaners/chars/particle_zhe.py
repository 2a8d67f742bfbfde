"""著 -> 着 where a Traditional text's 著 is the particle or zhuó, after OpenCC's t2s.

Traditional writes one character, 著, for zhù (著作, 显著) and for the particle / zhuó that
Simplified writes 着 (本着, 随着, 想着, 着力).  OpenCC's t2s leaves every 著 as it is; its
tw2s turns every one into 着 except in a few phrases, and so writes 土着, 编着, 专着.  The
words in which 著 is zhù are a short closed set (`zhu_words.txt` beside this module); on a
page that was Traditional every other 著 is 着.  A Simplified page keeps its 著 untouched
(there 著 is zhù already, and 显著 in Simplified would not even match tw2s's phrases).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Read as a package resource: scrapyd runs the project from a zipped egg.
ZHU_WORDS_FILE = resources.files(__package__) / "zhu_words.txt"


@lru_cache(maxsize=1)
def zhu_words() -> tuple[str, ...]:
    """The words in which 著 stays 著, longest first (so the longer word wins at a place)."""
    lines = ZHU_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _zhu_or_zhe() -> re.Pattern:
    """A listed word (kept) or a lone 著 (turned into 着), scanned left to right."""
    return re.compile("|".join(map(re.escape, zhu_words())) + "|著")


@lru_cache(maxsize=1)
def _reach() -> int | None:
    """How far before its 著 a match may start (the longest word's length - 1); None when some
    word holds no 著 (then only a scan of every position finds them all)."""
    words = zhu_words()
    return max(map(len, words), default=1) - 1 if all("著" in word for word in words) else None


def particle_zhe(simplified: str) -> str:
    """`simplified` (t2s output of a Traditional text) with the particle/zhuó 著 written 着.

    Every match holds a 著, so the scan jumps to a few characters before the next one: what
    `sub` over the whole text gives, without trying the words at every position (~5x)."""
    at = simplified.find("著")
    if at < 0:
        return simplified
    pattern, reach = _zhu_or_zhe(), _reach()
    if reach is None:
        return pattern.sub(lambda m: "着" if m.group() == "著" else m.group(), simplified)
    pieces: list[str] = []
    done = 0
    while at >= 0:
        # no match starts in [done, at - reach): it would end before the next 著, holding none
        match = pattern.search(simplified, max(done, at - reach))
        pieces.append(simplified[done:match.start()])
        pieces.append("着" if match.group() == "著" else match.group())
        done = match.end()
        at = simplified.find("著", done)
    pieces.append(simplified[done:])
    return "".join(pieces)
