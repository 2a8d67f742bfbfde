"""The title step: settle the document's title and take its repetitions off the body's head.

The given title or the one the page captions carry, else a short first line; the profile's
`title_cleanup` patterns (and `_generic.toml`'s) take site decorations off it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.profiles import Profile, generic
from cleaners.steps.boilerplate.rules import rules_for

TITLE_MAX = 60
TITLE_DECORATION_MAX = 80    # chars title_cleanup may remove from a line repeating the title
SETTLE_HEAD_LINES = 16       # lines split off the body's head at once (the rest as the search reaches it)
SENTENCE_END = "。；;，,：:！!？?…"
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|第[一二三四五六七八九十\d]+[章节条部分])")


@lru_cache(maxsize=4096)
def clean_title(title: str, profile: Profile | None = None) -> str:
    """The title without the site decorations `title_cleanup` names, whitespace folded;
    remembered (the body's first lines, where repetitions of the title are looked for, are a
    site's same heading lines on page after page)."""
    rules = rules_for(profile or generic())
    title = " ".join(title.split())
    while rules.title_cleanup:          # until nothing more comes off (most titles: one call)
        cleaned, found = rules.title_cleanup.subn("", title)
        cleaned = cleaned.strip()
        if not found or cleaned == title:
            break
        title = cleaned
    return title


def _fold(s: str) -> str:
    return "".join(s.split())


def looks_like_title(line: str) -> bool:
    """A short line with Chinese in it that ends no sentence and starts no outline item."""
    line = line.strip()
    return (2 <= len(line) <= TITLE_MAX and line[-1] not in SENTENCE_END
            and not OUTLINE_START.match(line) and any("\u4e00" <= ch <= "\u9fff" for ch in line))


def settle_title(title: str, text: str, profile: Profile | None = None,
                 hint: str | None = None) -> tuple[str, str, list[Change]]:
    """Pick the title and remove its repetitions at the start of the body.

    Only leading repetitions go: a report that names itself again further down keeps it."""
    changes: list[Change] = []
    lines = text.split("\n", SETTLE_HEAD_LINES)      # only the head is looked at: the rest stays whole
    title = clean_title(title or hint or "", profile)
    if not title:
        first = 0
        while first < len(lines) and not _line_at(lines, first).strip():
            first += 1
        if first < len(lines) and looks_like_title(lines[first]):
            candidate = clean_title(lines[first], profile)
            if candidate:
                title = candidate
                changes.append(Change("title", "removed", lines[first].strip(), "title line"))
                lines = lines[first + 1:]
    if not title:
        return "", text, changes
    folded_title = _fold(title)
    index = 0
    while index < len(lines):
        line = _line_at(lines, index)
        if not line.strip():
            index += 1
            continue
        # Title decorations (`.docx`, `_第1页`, `- 某文库`) are short: a line much longer than the
        # title cannot be a repetition of it, and cleaning a whole flattened document costs.
        short = len(line) <= len(title) + TITLE_DECORATION_MAX
        if short and _fold(clean_title(line, profile)) == folded_title:
            changes.append(Change("title", "removed", line.strip(), "repeated title"))
            lines[index] = ""
            index += 1
            continue
        stripped = line.strip()
        if _fold(stripped).startswith(folded_title) and len(_fold(stripped)) > len(folded_title):
            rest = _strip_prefix(stripped, folded_title)
            if rest is not None:
                changes.append(Change("title", "removed", title, "title prefix"))
                lines[index] = rest
        break
    return title, "\n".join(lines).strip("\n"), changes


def _line_at(lines: list[str], index: int) -> str:
    """lines[index], when `lines` is a head split off a text with the unsplit rest as its last
    item: that rest is split further once a loop gets to it."""
    if index == len(lines) - 1 and "\n" in lines[index]:
        lines[index:] = lines[index].split("\n")
    return lines[index]


def _strip_prefix(line: str, folded_prefix: str) -> str | None:
    """`line` without its leading `folded_prefix` (compared ignoring whitespace)."""
    matched = 0
    for pos, ch in enumerate(line):
        if ch.isspace():
            continue
        if matched == len(folded_prefix):
            return line[pos:].strip()
        if ch != folded_prefix[matched]:
            return None
        matched += 1
    return None

