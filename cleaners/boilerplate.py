"""Site chrome out of the text; what it says about the document into metadata.

Rules are data: `_generic.toml` holds the ones that work on any 文库 page, each
site profile adds its own.  Three kinds, all matched against whole stripped lines
of the Simplified form of the text (so Traditional pages match the same rules):

  boilerplate_lines   the line is dropped (captions, prompts, upload headers...)
  boilerplate_tails   the line and everything after it are dropped (温馨提示,
                      相关资源, 猜你喜欢 ...), but only once enough content came
                      before it, so a sidebar at the top never eats the document
  boilerplate_spans   the matched part of a line is dropped (`摘要:` labels)

`metadata_patterns` (named groups) are read from the dropped lines before they
go; `truncation_markers` raise the `truncated` flag.  The title is settled last:
the given title or the one the page captions carry, else a short first line, and
its repetitions at the start of the body are removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Change, Edit
from .normalize import to_simplified
from .profiles import Profile, generic

TAIL_MIN_CONTENT = 200       # chars of kept content before a tail rule may cut
TAIL_MIN_SHARE = 0.3         # ... and at least this share of all the text's chars
CAPTION = re.compile(r"^(?P<title>.{2,120}?)_第\d+页$")
TITLE_MAX = 60
SENTENCE_END = "。；;，,：:！!？?…"
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|第[一二三四五六七八九十\d]+[章节条部分])")


@dataclass(frozen=True)
class Rules:
    lines: re.Pattern | None
    line_patterns: tuple[re.Pattern, ...]
    tails: re.Pattern | None
    spans: re.Pattern | None
    metadata: tuple[re.Pattern, ...]
    truncation: re.Pattern | None
    title_cleanup: re.Pattern | None


def _alternation(patterns) -> re.Pattern | None:
    patterns = [p for p in patterns if p]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@lru_cache(maxsize=64)
def rules_for(profile: Profile) -> Rules:
    base = generic()
    both = (profile, base) if profile.name != base.name else (base,)

    def gather(attr):
        seen, out = set(), []
        for p in both:
            for pattern in getattr(p, attr):
                if pattern not in seen:
                    seen.add(pattern)
                    out.append(pattern)
        return out

    line_patterns = gather("boilerplate_lines")
    return Rules(
        lines=_alternation(line_patterns),
        line_patterns=tuple(re.compile(p) for p in line_patterns),
        tails=_alternation(gather("boilerplate_tails")),
        spans=_alternation(gather("boilerplate_spans")),
        metadata=tuple(re.compile(p) for p in gather("metadata_patterns")),
        truncation=_alternation(gather("truncation_markers")),
        title_cleanup=_alternation(gather("title_cleanup")),
    )


def remove(text: str, profile: Profile | None = None, probe: str | None = None) -> Edit:
    """Drop boilerplate lines/tails/spans.  `probe` is the same text in Simplified script
    (line for line); rules are matched on it and the decisions applied to `text`."""
    rules = rules_for(profile or generic())
    lines = text.split("\n")
    probe_lines = probe.split("\n") if probe is not None else None
    if probe_lines is None or len(probe_lines) != len(lines):
        probe_lines = lines
    changes: list[Change] = []
    total = sum(len(line) for line in lines) or 1
    kept: list[str] = []
    kept_chars = 0
    for index, (line, probe_line) in enumerate(zip(lines, probe_lines)):
        stripped = probe_line.strip()
        if not stripped:
            kept.append(line)
            continue
        if rules.truncation and rules.truncation.search(stripped):
            changes.append(Change("boilerplate", "flag", "truncated", stripped[:80]))
        if (rules.tails and rules.tails.fullmatch(stripped)
                and kept_chars >= max(TAIL_MIN_CONTENT, TAIL_MIN_SHARE * total)):
            dropped = "\n".join(l for l in lines[index:] if l.strip())
            for rest in probe_lines[index + 1:]:
                if rules.truncation and rules.truncation.search(rest):
                    changes.append(Change("boilerplate", "flag", "truncated", rest.strip()[:80]))
                    break
            _read_metadata(stripped, rules, changes)
            changes.append(Change("boilerplate", "removed", dropped, "tail"))
            break
        if rules.lines and rules.lines.fullmatch(stripped):
            _read_metadata(stripped, rules, changes)
            caption = CAPTION.match(stripped)
            if caption:
                changes.append(Change("boilerplate", "metadata", "caption_title", caption.group("title")))
            changes.append(Change("boilerplate", "removed", line.strip(), "line"))
            continue
        if rules.spans:
            line, cut = _cut_spans(line, stripped, rules.spans)
            if cut:
                changes.append(Change("boilerplate", "removed", cut, "span"))
                if not line.strip():
                    continue
        kept.append(line)
        kept_chars += len(line)
    return "\n".join(kept), changes


def _cut_spans(line: str, probe: str, spans: re.Pattern) -> tuple[str, str]:
    """Remove matched spans; positions come from the probe when it lines up with the line."""
    source = line.strip()
    if len(source) != len(probe):
        return line, ""
    pieces, cut, last = [], [], 0
    for m in spans.finditer(probe):
        if m.end() == m.start():
            continue
        pieces.append(source[last:m.start()])
        cut.append(source[m.start():m.end()])
        last = m.end()
    if not cut:
        return line, ""
    pieces.append(source[last:])
    return "".join(pieces), " ".join(cut)


def _read_metadata(line: str, rules: Rules, changes: list[Change]) -> None:
    for pattern in rules.metadata:
        m = pattern.search(line)
        if not m:
            continue
        for key, value in m.groupdict().items():
            if value:
                changes.append(Change("boilerplate", "metadata", key, value.strip()))
        if "seen" in m.groupdict() and m.group("seen") and m.groupdict().get("left"):
            total = int(m.group("seen")) + int(m.group("left"))
            changes.append(Change("boilerplate", "metadata", "page_count", str(total)))


def clean_title(title: str, profile: Profile | None = None) -> str:
    rules = rules_for(profile or generic())
    title = " ".join(title.split())
    if rules.title_cleanup:
        previous = None
        while previous != title:
            previous = title
            title = rules.title_cleanup.sub("", title).strip()
    return title


def _fold(s: str) -> str:
    return "".join(s.split())


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return (2 <= len(line) <= TITLE_MAX and line[-1] not in SENTENCE_END
            and not OUTLINE_START.match(line) and any("\u4e00" <= ch <= "\u9fff" for ch in line))


def settle_title(title: str, text: str, profile: Profile | None = None,
                 hint: str | None = None) -> tuple[str, str, list[Change]]:
    """Pick the title and remove its repetitions at the start of the body.

    Only leading repetitions go: a report that names itself again further down keeps it."""
    changes: list[Change] = []
    lines = text.split("\n")
    title = clean_title(title or hint or "", profile)
    if not title:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and looks_like_title(lines[first]):
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
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        folded = _fold(clean_title(line, profile))
        if folded == folded_title:
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


def simplified_probe(text: str) -> str:
    return to_simplified(text)
