"""The `remove` step: site chrome out of the text, what it says about the document into metadata.

Three kinds of rule, all matched against whole stripped lines of the Simplified form of the
text (so Traditional pages match the same rules), from the profile and `_generic.toml`:

  boilerplate_lines   the line is dropped (captions, prompts, upload headers...)
  boilerplate_tails   the line and everything after it are dropped (温馨提示,
                      相关资源, 猜你喜欢 ...), but only once enough content came
                      before it, so a sidebar at the top never eats the document (a
                      related box's heading in a short text: some content before it,
                      and no prose after it)
  boilerplate_spans   the matched part of a line is dropped (`摘要:` labels)

`metadata_patterns` (named groups) are read from the dropped lines before they go,
`caption_patterns` from dropped image captions (the title they name); `truncation_markers`
raise the `truncated` flag.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from os.path import commonprefix
from typing import NamedTuple

from cleaners.chars.lines import joined, lines_of, stripped_of
from cleaners.chars.memory import LINES
from cleaners.document import Change, Edit
from cleaners.profiles import Profile, generic
from cleaners.steps.boilerplate.line_hits import line_hits
from cleaners.steps.boilerplate.rules import LineHits, Rules, rules_for
from cleaners.steps.title_lines import looks_like_title
from cleaners.steps.link_lists import related_box_header
from cleaners.steps.normalize import to_simplified

TAIL_MIN_CONTENT = 200       # chars of kept content before a tail rule may cut
TAIL_MIN_SHARE = 0.3         # ... and at least this share of all the text's chars
CLAUSE = re.compile(r"[，。；！？、,;]")     # a line holding one is prose, which the tail guard weighs
# Longer lines are paragraphs: no line or tail rule drops them whole (a read-limit prompt glued
# to a flattened document must not take the document with it), and skipping them keeps the
# rule alternation off most of the text.
LINE_RULE_MAX = 240
# Verdicts and metadata remembered by line: the same chrome recurs on every page of a site, so
# most candidate lines were judged before; a site's chrome comes back within a few pages.
REMEMBERED_LINES = LINES


def simplified_probe(text: str) -> str:
    """The text `remove` matches its rules on (they are written in Simplified script)."""
    return to_simplified(text)


def remove(text: str, profile: Profile | None = None, probe: str | None = None) -> Edit:
    """Drop boilerplate lines/tails/spans.  `probe` is the same text in Simplified script
    (line for line); rules are matched on it and the decisions applied to `text`."""
    rules = rules_for(profile or generic())
    lines = lines_of(text)
    probe = text if probe is None else probe
    if len(lines_of(probe)) != len(lines):
        probe = text
    changes: list[Change] = []
    stripped_lines = stripped_of(probe)
    # One scan for every rule's literals finds the candidate lines and which literals each holds;
    # a line holding none of them is only tried against the rules that have no literal (and for
    # markers/spans without one, a whole-text pass).
    hits = _literals_by_line(rules, probe, stripped_lines)
    found = hits.found
    indexed = rules.literal_index is not None
    joined_view = _JoinedView(stripped_lines)
    truncated_at = _candidate_lines(rules.truncation, rules.truncation_hint, hits.truncation, joined_view)
    span_at = _candidate_lines(rules.spans_gate, rules.spans_hint, hits.spans, joined_view)
    if rules.spans_edges is not None:
        span_at = {i for i in span_at if rules.spans_edges.admits(stripped_lines[i])}
    by_literal = indexed and rules.lines_hint is not None
    may_be_line = hits.lines if by_literal else found.keys()
    if rules.lines_rest is None or hits.rest_lines is not None:
        line_rule_hits = {i for i in may_be_line if 0 < len(stripped_lines[i]) <= LINE_RULE_MAX
                          and _whole_line_rule(rules, "lines", by_literal, tuple(found[i]), stripped_lines[i])}
        if rules.lines_rest is not None:      # (tried only on the lines starting as such a rule may)
            line_rule_hits.update(i for i in hits.rest_lines if 0 < len(stripped_lines[i]) <= LINE_RULE_MAX
                                  and rules.lines_rest.fullmatch(stripped_lines[i]) is not None)
    else:
        line_rule_hits = {i for i, stripped in enumerate(stripped_lines) if 0 < len(stripped) <= LINE_RULE_MAX
                          and ((i in may_be_line and _fullmatch_found(rules.lines, by_literal, "lines", found[i], stripped))
                               or rules.lines_rest.fullmatch(stripped) is not None)}
    # The tail guard weighs content only: what no line rule drops, in non-space characters,
    # without a leading title line.  So it decides the same on a page as on its own cleaned
    # output (title line first, chrome gone, spaces normalised): cleaning twice changes nothing.
    # ... and content is prose: a line with no clause mark (a nav bar, a link farm `视频1 视频21 …`,
    # a related title) weighs nothing, so chrome above a 上一篇 line never lets it cut the body off
    sizes = [_remembered_weight(s) if len(s) <= LINE_RULE_MAX else _weight(s) for s in stripped_lines]
    title_at = next((i for i, s in enumerate(stripped_lines) if s and i not in line_rule_hits), None)
    if title_at is not None and not looks_like_title(stripped_lines[title_at]):
        title_at = None
    ignored = line_rule_hits | ({title_at} if title_at is not None else set())
    prefix = list(accumulate(sizes, initial=0))
    total = (prefix[-1] - sum(sizes[i] for i in ignored)) or 1
    # Only lines some rule may touch are visited one by one; the stretches between them are
    # plain content, kept in bulk (their sizes summed from prefix sums).
    # A candidate line none of whose literals belongs to a tail, truncation or span rule, and that
    # no line rule drops, is plain content too.
    tails_by_literal = indexed and rules.tails_hint is not None
    may_end = hits.tails if tails_by_literal else found.keys()
    if rules.tails_rest is None or hits.rest_tails is not None:
        visit = sorted(may_end | truncated_at | span_at | line_rule_hits | (hits.rest_tails or set()))
    else:
        visit = range(len(lines))
    no_literals: tuple[str, ...] = ()
    passed_over: list[_PassedTail] = []                 # tail lines not cut (yet)
    kept: list[str] = []
    kept_chars = 0
    done = 0                                             # lines [0, done) are decided
    for index in visit:
        if index < done:
            continue
        kept += lines[done:index]
        kept_chars += prefix[index] - prefix[done] - (sizes[title_at] if title_at is not None and
                                                      done <= title_at < index else 0)
        done = index + 1
        line, stripped = lines[index], stripped_lines[index]
        if not stripped:
            kept.append(line)
            continue
        literals = found.get(index, no_literals)
        if index in truncated_at and rules.truncation.search(stripped):
            changes.append(Change("boilerplate", "flag", "truncated", stripped[:80]))
        if (len(stripped) <= LINE_RULE_MAX
                and ((index in may_end and _whole_line_rule(rules, "tails", tails_by_literal, tuple(literals), stripped))
                     or (rules.tails_rest is not None and rules.tails_rest.fullmatch(stripped) is not None))):
            box = related_box_header(stripped)
            # a related box's heading under a document of no prose (a phone list, a timetable):
            # what came before is its kept lines, which weigh nothing (asked only then)
            listed = box and not kept_chars and any(s and i not in ignored for i, s in enumerate(stripped_lines[:index]))
            if _may_cut(kept_chars or listed, sizes[index], total, box):
                # A tail passed over above may be the lesser part of what is left now: a second
                # cleaning would see only that, and cut there (so the first one does).
                cut_at = index
                earlier = _settled_tail(passed_over, kept_chars)
                if earlier is not None:
                    cut_at = earlier.index
                    del kept[earlier.kept_len:], changes[earlier.changes_len:]
                changes += _tail_changes(cut_at, lines, stripped_lines, truncated_at, rules)
                return joined(kept), changes
            passed_over.append(_PassedTail(index, len(kept), len(changes), kept_chars, sizes[index], box))
        if index in line_rule_hits:
            changes += _metadata_of(stripped, rules)
            caption = _caption_title(stripped, rules)
            if caption:
                changes.append(Change("boilerplate", "metadata", "caption_title", caption))
            changes.append(Change("boilerplate", "removed", line.strip(), "line"))
            continue
        size = sizes[index]
        if (index in span_at
                and (rules.spans_hint is None or rules.spans_hint.search(stripped))):
            line, cut = _cut_spans(line, stripped, rules.spans)
            if cut:
                changes.append(Change("boilerplate", "removed", cut, "span"))
                if not line.strip():
                    continue
                size = _content_size(line.strip())
        kept.append(line)
        if index != title_at:
            kept_chars += size
    kept += lines[done:]
    return joined(kept), changes


def _may_cut(before: int, size: int, total: int, box: bool = False) -> bool:
    """Whether a tail line may cut: enough content came before it, and the rest is the lesser part;
    or, for a related box's heading (`box`: `相关文档`, `猜你喜欢`), some content came before it and
    nothing after it is prose (a short notice, then other documents' titles).  Other tail lines
    (`责任编辑：…`) do not cut a short text's headings and 落款 that follow them."""
    rest = total - before - size
    return (before >= max(TAIL_MIN_CONTENT, TAIL_MIN_SHARE * total) and rest <= before) or (box and before > 0 and rest <= 0)


class _PassedTail(NamedTuple):
    """A tail line the guard did not let cut: where it stands, how much was kept before it (lines,
    changes, content characters) and its own size."""
    index: int
    kept_len: int
    changes_len: int
    before: int
    size: int
    box: bool           # a related box's heading (see `_may_cut`)


def _settled_tail(passed_over: list[_PassedTail], content: int) -> _PassedTail | None:
    """The earliest tail line passed over that may cut once the text ends where a later tail cuts
    it (`content` left), and then again before it: the cut a second cleaning would make, or None."""
    settled = None
    while True:
        for n, tail in enumerate(passed_over):
            if _may_cut(tail.before, tail.size, content, tail.box):
                settled, passed_over, content = tail, passed_over[:n], tail.before
                break
        else:
            return settled


def _tail_changes(index: int, lines: list[str], stripped_lines: list[str], truncated_at: set[int],
                  rules: Rules) -> list[Change]:
    """What cutting the text at tail line `index` records: a truncation marker after it, the
    line's metadata, and the text dropped."""
    changes = []
    for rest_index in sorted(i for i in truncated_at if i > index):
        if rules.truncation.search(stripped_lines[rest_index]):
            changes.append(Change("boilerplate", "flag", "truncated", stripped_lines[rest_index][:80]))
            break
    changes += _metadata_of(stripped_lines[index], rules)
    dropped = "\n".join(l for l in lines[index:] if l.strip())
    changes.append(Change("boilerplate", "removed", dropped, "tail"))
    return changes


def _literals_by_line(rules: Rules, text: str, stripped_lines: list[str]) -> LineHits:
    """The hint literals found on each line: their `LiteralRules` (from the literal index), or
    the literals themselves (a regex scan, when there is no index).
    Literals hold no whitespace, so one found on a line is also on its stripped form."""
    if rules.hint is None:
        return LineHits.nothing()
    if rules.literal_index is not None:      # (remembered by line: only unseen lines are scanned)
        return line_hits(rules.literal_index, stripped_lines)
    found: dict[int, list] = {}
    line, counted_to = 0, 0
    for match in rules.hint.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        found.setdefault(line, []).append(match.group())
    return LineHits.unindexed(found)


def _fullmatch_found(everything: re.Pattern | None, by_literal: bool, kind: str, found, line: str) -> bool:
    """Whether a rule of `kind` matches the whole line: only the rules of the literals found on
    it (any rule that can match holds one of its literals), or the whole alternation when there
    is no literal index."""
    if not by_literal:
        return everything is not None and everything.fullmatch(line) is not None
    for literal_rules in found:
        rules = getattr(literal_rules, kind)
        if rules is not None and rules.fullmatch(line):
            return True
    return False


def _weight(stripped: str) -> int:
    """What a stripped line weighs for the tail guard: its non-space characters if it holds a
    clause mark, else 0 (`_remembered_weight` up to LINE_RULE_MAX characters: most lines recur)."""
    return _content_size(stripped) if CLAUSE.search(stripped) else 0


_remembered_weight = lru_cache(maxsize=REMEMBERED_LINES)(_weight)


def _content_size(line: str) -> int:
    return len(line) - line.count(" ")


class _JoinedView:
    """The stripped lines joined, with line starts: only built when a rule has no literal and is
    matched over the whole text."""

    def __init__(self, stripped_lines: list[str]):
        self.stripped_lines = stripped_lines
        self._joined: tuple[str, list[int]] | None = None

    def joined(self) -> tuple[str, list[int]]:
        if self._joined is None:
            lines = self.stripped_lines
            self._joined = ("\n".join(lines), [0, *accumulate(len(line) + 1 for line in lines)])
        return self._joined


def _candidate_lines(pattern: re.Pattern | None, hint: re.Pattern | None, holding_literal: set[int],
                     view: _JoinedView) -> set[int]:
    """Lines that may hold a match of `pattern`: those holding one of its literals when the
    pattern has a hint (every match holds one, within its line), else those a whole-text pass touches."""
    if pattern is None:
        return set()
    if hint is not None:
        return holding_literal
    return lines_touched(pattern, *view.joined())


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


def lines_touched(pattern: re.Pattern | None, joined: str, starts: list[int]) -> set[int]:
    """Indexes of the lines of `joined` that any match of `pattern` touches.

    One C-speed pass over the whole text instead of one call per line.  It is a superset of
    the lines the pattern matches on their own (a match that spans lines touches each of
    them, and one that hides a later in-line match overlaps that line), so callers confirm
    each hit on its own line and get exactly the per-line result."""
    if pattern is None:
        return set()
    spans = [m.span() for m in pattern.finditer(joined)]
    if not spans:
        return set()
    touched: set[int] = set()
    for start, end in spans:
        first = bisect_right(starts, start) - 1
        touched.add(first)
        if end - 1 > start and end - 1 >= starts[first + 1]:    # the match runs into later lines
            touched.update(range(first + 1, bisect_right(starts, end - 1)))
    return touched


@lru_cache(maxsize=REMEMBERED_LINES)
def _whole_line_rule(rules: Rules, kind: str, by_literal: bool, found: tuple, line: str) -> bool:
    """Whether a line or tail rule (`kind`) matches the whole stripped line, remembered (the
    verdict depends on the line's text alone: `found`, the literals on it, follows from it)."""
    return _fullmatch_found(getattr(rules, kind), by_literal, kind, found, line)


@lru_cache(maxsize=REMEMBERED_LINES)
def _metadata_of(line: str, rules: Rules) -> tuple[Change, ...]:
    """The metadata a dropped line carries, remembered (trying each metadata pattern on it costs
    more than the rest of its removal)."""
    changes: list[Change] = []
    for pattern, start, literals in _gated(rules, "metadata"):
        if (start and start not in line) or (literals and not any(map(line.__contains__, literals))):
            continue                                # (substring tests: ~20x cheaper than the search)
        m = pattern.search(line)
        if not m:
            continue
        for key, value in m.groupdict().items():
            if value:
                changes.append(Change("boilerplate", "metadata", key, value.strip()))
        if "seen" in m.groupdict() and m.group("seen") and m.groupdict().get("left"):
            total = int(m.group("seen")) + int(m.group("left"))
            changes.append(Change("boilerplate", "metadata", "page_count", str(total)))
    return tuple(changes)


@lru_cache(maxsize=REMEMBERED_LINES)
def _caption_title(line: str, rules: Rules) -> str | None:
    """The document title a dropped image caption names (`<title>_第3页`), remembered as
    `_metadata_of` is (the dropped lines are a site's chrome, the same on every page)."""
    for pattern, start, literals in _gated(rules, "captions"):
        if (start and start not in line) or (literals and not any(map(line.__contains__, literals))):
            continue                                # (a lazy title costs ~5 us a miss)
        m = pattern.search(line)
        if m and m.group("title"):
            return m.group("title")
    return None


@lru_cache(maxsize=64)
def _gated(rules: Rules, kind: str) -> tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]:
    """The `metadata` or `captions` patterns of `rules`, each with the text all its literals start
    with (`上传时间:`, `上传日期：` -> `上传`; "" when they share none) and the literals still to
    test when that is on a line (none for a single literal): one substring test rules out most
    patterns on a line, where testing each of their literals cost ~5x.  A pattern without
    literals is tried on every line, as before."""
    gated = []
    for pattern, literals in getattr(rules, kind):
        start = commonprefix(literals) if literals else ""
        gated.append((pattern, start, () if len(literals) == 1 else literals))
    return tuple(gated)
