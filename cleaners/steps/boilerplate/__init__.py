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
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import sub
from re import _constants, _parser  # the stdlib's own regex parser, for required literals
from functools import lru_cache

from cleaners.document import Change, Edit
from cleaners.chars.codepoints import codepoints
from cleaners.steps.normalize import to_simplified
from cleaners.profiles import Profile, generic

TAIL_MIN_CONTENT = 200       # chars of kept content before a tail rule may cut
TAIL_MIN_SHARE = 0.3         # ... and at least this share of all the text's chars
# Longer lines are paragraphs: no line or tail rule drops them whole (a read-limit prompt glued
# to a flattened document must not take the document with it), and skipping them keeps the
# rule alternation off most of the text.
LINE_RULE_MAX = 240
_LITERAL, _SUBPATTERN, _BRANCH, _IN = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH, _constants.IN
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None))
CAPTION = re.compile(r"^(?P<title>.{2,120}?)_第\d+页$")
TITLE_MAX = 60
TITLE_DECORATION_MAX = 80    # chars title_cleanup may remove from a line repeating the title
SENTENCE_END = "。；;，,：:！!？?…"
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|第[一二三四五六七八九十\d]+[章节条部分])")


@dataclass(frozen=True)
class Rules:
    lines: re.Pattern | None
    line_patterns: tuple[re.Pattern, ...]
    tails: re.Pattern | None
    spans: re.Pattern | None
    metadata: tuple[tuple[re.Pattern, tuple[str, ...]], ...]   # each pattern with its required literals
    truncation: re.Pattern | None
    title_cleanup: re.Pattern | None
    spans_gate: re.Pattern | None = None         # spans over the whole text, ^/$ at line ends
    # Literal shortcuts (see `literal_hint`): a line holding none of a hint's strings cannot match
    # the hinted patterns, so only the lines a hint finds are tried (`..._rest`: the patterns that
    # have no required literal, tried on every line).
    truncation_hint: re.Pattern | None = None
    spans_hint: re.Pattern | None = None
    lines_hint: re.Pattern | None = None
    lines_rest: re.Pattern | None = None
    tails_hint: re.Pattern | None = None
    tails_rest: re.Pattern | None = None
    hint: re.Pattern | None = None               # all the hints' literals: one scan finds candidates
    # Where the `hint` literals may occur, and which rules each may take part in (see
    # `LiteralIndex`): on a line, only the rules of the literals found there are tried.
    literal_index: "LiteralIndex | None" = field(default=None, compare=False, hash=False)
    # What is known of a line, by its stripped text: the same chrome recurs on every page of a
    # site, so most candidate lines were judged before (see `_remembered`).
    metadata_memo: dict = field(default_factory=dict, compare=False, hash=False)   # its metadata
    line_memo: dict = field(default_factory=dict, compare=False, hash=False)       # a line rule drops it
    tail_memo: dict = field(default_factory=dict, compare=False, hash=False)       # a tail rule starts there


@dataclass(frozen=True)
class LiteralRules:
    """The rules a line may match when a literal starting with a given prefix is on it (the
    whole-line and tail rules each as one alternation: one `fullmatch` call tries them all)."""
    lines: re.Pattern | None = None
    tails: re.Pattern | None = None
    truncation: bool = False
    spans: bool = False

    @property
    def beyond_lines(self) -> bool:
        """Whether anything but a whole-line rule may apply (tail, truncation marker, span)."""
        return bool(self.tails) or self.truncation or self.spans


class LiteralIndex:
    """Finds the lines on which a rule's literal may occur, with a few numpy passes over the
    text's code points instead of the regex engine (which spends ~0.2 us at each of the ~10 %%
    of positions holding a literal's first character, common ones such as 人 发 第).

    A literal is known by its first two characters (one for a one-character literal): a table
    lookup per character finds where a first character stands, a sorted search checks the
    second.  Every occurrence of a literal is found (a prefix that is no literal only adds a
    candidate line, which the rules themselves then reject), and for each line the prefixes
    found, so that only the rules holding a literal with such a prefix are tried there."""

    def __init__(self, literals, rules_of):
        import numpy as np

        self.np = np
        singles = {lit for lit in literals if len(lit) == 1}
        pairs = {lit[:2] for lit in literals if len(lit) > 1 and lit[0] not in singles}
        prefixes = sorted(singles | pairs, key=self._key)
        self.keys = np.array([self._key(p) for p in prefixes], dtype=np.uint64)
        self.rules = [rules_of([lit for lit in literals if lit.startswith(p)]) for p in prefixes]
        # Per prefix: may a rule of each kind hold it?  Lets numpy sort the lines by kind.
        self.kind_masks = {kind: np.array([bool(getattr(r, kind)) for r in self.rules], dtype=bool)
                           for kind in LineHits.KINDS}
        self.tried_mask = self.kind_masks["lines"] | self.kind_masks["tails"]
        self.kinds = np.zeros(0x10000, dtype=np.uint8)          # 1: one-character literal, 2: longer
        for p in prefixes:
            self.kinds[ord(p[0])] = len(p)

    @staticmethod
    def _key(prefix: str) -> int:
        return ord(prefix[0]) << 32 | (ord(prefix[1]) if len(prefix) > 1 else 0)

    @staticmethod
    def usable(literals) -> bool:
        """Literals starting beyond the BMP (or with U+FFFF, the table's catch-all) need the regex."""
        return all(ord(lit[0]) < 0xFFFF for lit in literals)

    def lines(self, text: str) -> "LineHits":
        """The rules of the literal prefixes found on each line (each prefix once per line),
        and the lines on which a rule of each kind may match."""
        np = self.np
        points = codepoints(text)
        kinds = self.kinds.take(points, mode="clip")            # beyond the BMP: U+FFFF, no literal
        at = kinds.astype(bool).nonzero()[0]
        if not at.size:
            return LineHits.nothing()
        seconds = points[np.minimum(at + 1, len(points) - 1)] * (kinds[at] == 2)
        keys = points[at].astype(np.uint64) << 32 | seconds
        slots = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        hit = self.keys[slots] == keys
        at, slots = at[hit], slots[hit]
        if not at.size:
            return LineHits.nothing()
        line_of = np.searchsorted((points == 10).nonzero()[0], at)
        # A common prefix (第, 下一) recurs on a line: its rules need trying there only once.
        # (Sorting and dropping repeats beats np.unique, whose hashing is slow for small arrays.)
        pairs = np.sort(line_of.astype(np.int64) * len(self.rules) + slots)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        line_of, slots = pairs // len(self.rules), pairs % len(self.rules)
        kinds = {kind: set(line_of[mask[slots]].tolist()) for kind, mask in self.kind_masks.items()}
        # Only whole-line and tail rules are tried literal by literal; markers and spans need
        # no more than the line sets.
        tried = self.tried_mask[slots]
        found: dict[int, list[LiteralRules]] = {}
        rules = self.rules
        for line, slot in zip(line_of[tried].tolist(), slots[tried].tolist()):
            found.setdefault(line, []).append(rules[slot])
        return LineHits(found, **kinds)


@dataclass(frozen=True)
class LineHits:
    """What one scan for the rules' literals found: `found` maps a line to what is known of the
    literals on it (their `LiteralRules` with an index, else the literal strings), and each
    kind's set holds the lines where a rule of that kind may match (with no index: every line
    holding a literal)."""
    KINDS = ("lines", "tails", "truncation", "spans")
    found: dict
    lines: set[int]
    tails: set[int]
    truncation: set[int]
    spans: set[int]

    @classmethod
    def nothing(cls) -> "LineHits":
        return cls({}, set(), set(), set(), set())

    @classmethod
    def unindexed(cls, found: dict) -> "LineHits":
        candidates = set(found)
        return cls(found, candidates, candidates, candidates, candidates)


def _alternation(patterns, flags: int = 0) -> re.Pattern | None:
    patterns = [p for p in patterns if p]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


_MAX_ALTERNATIVES = 32


def _pure(item) -> list[str] | None:
    """The strings one regex item matches when it is plain text (`ab`, `(?:号|体)`, `[:：]`).

    Whitespace does not count as plain text, so that literals can be looked for in lines
    before they are stripped (a literal holds no whitespace, so it lies within the stripped line)."""
    op, arg = item
    if op is _LITERAL:
        return None if chr(arg).isspace() else [chr(arg)]
    if op is _IN and len(arg) <= 4 and all(o is _LITERAL and not chr(a).isspace() for o, a in arg):
        return [chr(a) for _, a in arg]
    if op is _SUBPATTERN and not arg[1] & re.I:           # (?i:...) matches other cases
        return _pure_sequence(arg[-1])
    if op is _BRANCH:
        alternatives = [_pure_sequence(branch) for branch in arg[1]]
        if all(a is not None for a in alternatives) and sum(map(len, alternatives)) <= _MAX_ALTERNATIVES:
            return [s for a in alternatives for s in a]
    return None


def _pure_sequence(items) -> list[str] | None:
    out = [""]
    for item in items:
        alternatives = _pure(item)
        if alternatives is None or len(out) * len(alternatives) > _MAX_ALTERNATIVES:
            return None
        out = [a + b for a in out for b in alternatives]
    return out


def _required_literals(items) -> list[str] | None:
    """Strings one of which every match of the parsed regex `items` contains, or None.

    The longest run of plain text at the top level of the pattern (small alternations such
    as `字(?:号|体)` or `[:：]` multiply out); failing that, the best such set inside a group,
    a repeat that occurs at least once, or a branch whose alternatives each have one."""
    best, current = None, [""]

    def better(a, b):
        return b if a is None or (b and min(map(len, b)) > min(map(len, a))) else a

    for item in items:
        alternatives = _pure(item)
        if alternatives is not None and len(current) * len(alternatives) <= _MAX_ALTERNATIVES:
            current = [a + b for a in current for b in alternatives]
            continue
        if current != [""]:
            best = better(best, current)
        current = [""]
        op, arg = item
        inner = None
        if op is _SUBPATTERN and not arg[1] & re.I:
            inner = _required_literals(arg[-1])
        elif op in _REPEATS and arg[0] >= 1:                 # x{2,}: x is there at least once
            inner = _required_literals(arg[2])
        elif op is _BRANCH:
            alternatives = [_required_literals(branch) for branch in arg[1]]
            if all(alternatives) and sum(map(len, alternatives)) <= _MAX_ALTERNATIVES:
                inner = [lit for lits in alternatives for lit in lits]
        if inner:
            best = better(best, inner)
    if current != [""]:
        best = better(best, current)
    return best if best and min(map(len, best)) >= 1 else None


def _pattern_literals(pattern: str) -> list[str] | None:
    try:
        parsed = _parser.parse(pattern)
        return None if parsed.state.flags & re.I else _required_literals(parsed)
    except Exception:  # an exotic pattern: never skip it
        return None


def _shortest_prefixes(literals) -> dict[str, str]:
    """Each literal -> the shortest of `literals` it starts with (itself when none is shorter):
    what `_literal_regex` finds where the literal occurs."""
    shortest: dict[str, str] = {}
    for literal in sorted(set(literals), key=len):
        shortest[literal] = next((s for s in shortest if literal.startswith(s) and shortest[s] == s), literal)
    return shortest


def _literal_regex(literals) -> re.Pattern | None:
    """A regex that finds where any of `literals` occurs, as a trie (`下(?:载|面)|关`), which the
    regex engine scans about twice as fast as a flat alternation of ~250 strings.  A literal
    that extends a shorter one is left out: wherever it occurs the shorter one does too.  So at
    any position at most one of the remaining literals matches."""
    if not literals:
        return None
    root: dict = {}
    for literal in sorted(set(literals), key=len):
        node = root
        for ch in literal:
            if "" in node:
                break
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def serialise(node: dict) -> str:
        if "" in node:
            return ""
        parts = [re.escape(ch) + serialise(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return re.compile(serialise(root))


def literal_hint(patterns) -> list[str] | None:
    """Strings one of which must occur wherever any of `patterns` matches, or None when some
    pattern has no required literal (then no shortcut)."""
    literals: list[str] = []
    for pattern in patterns:
        found = _pattern_literals(pattern)
        if not found:
            return None
        literals += found
    return literals or None


def split_by_literal(patterns) -> tuple[list[str], re.Pattern | None]:
    """(required literals of the patterns that have them, alternation of those that have none)."""
    literals, rest = [], []
    for pattern in patterns:
        found = _pattern_literals(pattern)
        if found:
            literals += found
        else:
            rest.append(pattern)
    return literals, _alternation(rest)


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
    lines_hint, lines_rest = split_by_literal(line_patterns)
    tails_hint, tails_rest = split_by_literal(gather("boilerplate_tails"))
    truncation_hint = literal_hint(gather("truncation_markers"))
    spans_hint = literal_hint(gather("boilerplate_spans"))
    every_literal = [*lines_hint, *tails_hint, *(truncation_hint or ()), *(spans_hint or ())]
    return Rules(
        lines=_alternation(line_patterns),
        line_patterns=tuple(re.compile(p) for p in line_patterns),
        tails=_alternation(gather("boilerplate_tails")),
        spans=_alternation(gather("boilerplate_spans")),
        metadata=tuple((re.compile(p), tuple(_pattern_literals(p) or ())) for p in gather("metadata_patterns")),
        truncation=_alternation(gather("truncation_markers")),
        title_cleanup=_alternation(gather("title_cleanup")),
        spans_gate=_alternation(gather("boilerplate_spans"), re.M),
        truncation_hint=_literal_regex(truncation_hint), spans_hint=_literal_regex(spans_hint),
        lines_hint=_literal_regex(lines_hint), lines_rest=lines_rest,
        tails_hint=_literal_regex(tails_hint), tails_rest=tails_rest,
        hint=_literal_regex(every_literal),
        literal_index=_literal_index(line_patterns, gather("boilerplate_tails"), truncation_hint or (),
                                     spans_hint or (), every_literal),
    )


def _literal_index(line_patterns, tail_patterns, truncation_literals, span_literals,
                   every_literal) -> LiteralIndex | None:
    """The `LiteralIndex` of the hint's literals (those that no shorter one starts), each with the
    line and tail rules that hold a literal starting with it (wherever such a literal occurs,
    so does this one), and whether a truncation marker or span rule holds one."""
    shortest = _shortest_prefixes(every_literal)
    found = set(shortest.values())
    if not found or not LiteralIndex.usable(found):
        return None
    lines: dict[str, list] = {}
    tails: dict[str, list] = {}
    for patterns, table in ((line_patterns, lines), (tail_patterns, tails)):
        for pattern in patterns:
            for literal in dict.fromkeys(shortest[lit] for lit in _pattern_literals(pattern) or ()):
                table.setdefault(literal, []).append(pattern)
    truncation = {shortest[lit] for lit in truncation_literals}
    spans = {shortest[lit] for lit in span_literals}

    def rules_of(literals) -> LiteralRules:
        return LiteralRules(_alternation(dict.fromkeys(p for lit in literals for p in lines.get(lit, ()))),
                            _alternation(dict.fromkeys(p for lit in literals for p in tails.get(lit, ()))),
                            any(lit in truncation for lit in literals), any(lit in spans for lit in literals))
    return LiteralIndex(sorted(found), rules_of)


def remove(text: str, profile: Profile | None = None, probe: str | None = None) -> Edit:
    """Drop boilerplate lines/tails/spans.  `probe` is the same text in Simplified script
    (line for line); rules are matched on it and the decisions applied to `text`."""
    rules = rules_for(profile or generic())
    lines = text.split("\n")
    probe_lines = lines if probe is None or probe is text else probe.split("\n")
    if len(probe_lines) != len(lines):
        probe_lines, probe = lines, text
    probe = text if probe is None else probe
    changes: list[Change] = []
    stripped_lines = list(map(str.strip, probe_lines))
    # One scan for every rule's literals finds the candidate lines and which literals each holds;
    # a line holding none of them is only tried against the rules that have no literal (and for
    # markers/spans without one, a whole-text pass).
    hits = _literals_by_line(rules, probe)
    found = hits.found
    indexed = rules.literal_index is not None
    joined_view = _JoinedView(stripped_lines)
    truncated_at = _candidate_lines(rules.truncation, rules.truncation_hint, hits.truncation, joined_view)
    span_at = _candidate_lines(rules.spans_gate, rules.spans_hint, hits.spans, joined_view)
    by_literal = indexed and rules.lines_hint is not None
    may_be_line = hits.lines if by_literal else found.keys()
    if rules.lines_rest is None:
        line_rule_hits = {i for i in may_be_line if 0 < len(stripped_lines[i]) <= LINE_RULE_MAX
                          and _remembered(rules.line_memo, stripped_lines[i], _fullmatch_found,
                                          rules.lines, by_literal, "lines", found[i], stripped_lines[i])}
    else:
        line_rule_hits = {i for i, stripped in enumerate(stripped_lines) if 0 < len(stripped) <= LINE_RULE_MAX
                          and ((i in may_be_line and _fullmatch_found(rules.lines, by_literal, "lines", found[i], stripped))
                               or rules.lines_rest.fullmatch(stripped) is not None)}
    # The tail guard weighs content only: what no line rule drops, in non-space characters,
    # without a leading title line.  So it decides the same on a page as on its own cleaned
    # output (title line first, chrome gone, spaces normalised): cleaning twice changes nothing.
    sizes = list(map(len, stripped_lines))
    if " " in probe:
        sizes = list(map(sub, sizes, map(str.count, stripped_lines, repeat(" "))))
    title_at = next((i for i, s in enumerate(stripped_lines) if s and i not in line_rule_hits), None)
    if title_at is not None and not looks_like_title(stripped_lines[title_at]):
        title_at = None
    ignored = line_rule_hits | ({title_at} if title_at is not None else set())
    prefix = list(accumulate(sizes, initial=0))
    total = (prefix[-1] - sum(sizes[i] for i in ignored)) or 1
    tail_floor = max(TAIL_MIN_CONTENT, TAIL_MIN_SHARE * total)
    # Only lines some rule may touch are visited one by one; the stretches between them are
    # plain content, kept in bulk (their sizes summed from prefix sums).
    # A candidate line none of whose literals belongs to a tail, truncation or span rule, and that
    # no line rule drops, is plain content too.
    tails_by_literal = indexed and rules.tails_hint is not None
    may_end = hits.tails if tails_by_literal else found.keys()
    visit = (sorted(may_end | truncated_at | span_at | line_rule_hits) if rules.tails_rest is None
             else range(len(lines)))
    no_literals: tuple[str, ...] = ()
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
        if (len(stripped) <= LINE_RULE_MAX and kept_chars >= tail_floor
                and ((index in may_end and _remembered(rules.tail_memo, stripped, _fullmatch_found, rules.tails,
                                                       tails_by_literal, "tails", literals, stripped))
                     or (rules.tails_rest is not None and rules.tails_rest.fullmatch(stripped) is not None))):
            dropped = "\n".join(l for l in lines[index:] if l.strip())
            for rest_index in sorted(i for i in truncated_at if i > index):
                if rules.truncation.search(stripped_lines[rest_index]):
                    changes.append(Change("boilerplate", "flag", "truncated", stripped_lines[rest_index][:80]))
                    break
            _read_metadata(stripped, rules, changes)
            changes.append(Change("boilerplate", "removed", dropped, "tail"))
            return "\n".join(kept), changes
        if index in line_rule_hits:
            _read_metadata(stripped, rules, changes)
            caption = "_第" in stripped and CAPTION.match(stripped)      # (its lazy title costs ~5 us a miss)
            if caption:
                changes.append(Change("boilerplate", "metadata", "caption_title", caption.group("title")))
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
    return "\n".join(kept), changes


def _literals_by_line(rules: Rules, text: str) -> LineHits:
    """The hint literals found on each line: their `LiteralRules` (from the literal index), or
    the literals themselves (a regex scan, when there is no index).
    Literals hold no whitespace, so one found on a line is also on its stripped form."""
    if rules.hint is None:
        return LineHits.nothing()
    if rules.literal_index is not None:
        return rules.literal_index.lines(text)
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


MEMO_SIZE = 4096


def _remembered(memo: dict, line: str, judge, *args):
    """`judge(*args)` for a stripped line, remembered by line (a rule's verdict on a line, and the
    metadata it holds, depend on the line's text alone).  A full memo starts over: a site's
    chrome comes back within a few pages."""
    known = memo.get(line, memo)
    if known is memo:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        known = memo[line] = judge(*args)
    return known


def _read_metadata(line: str, rules: Rules, changes: list[Change]) -> None:
    """The metadata a dropped line carries (trying each metadata pattern on it costs more than
    the rest of its removal, and the same chrome recurs on every page of a site)."""
    changes += _remembered(rules.metadata_memo, line, _metadata_of, line, rules)


def _metadata_of(line: str, rules: Rules) -> tuple[Change, ...]:
    changes: list[Change] = []
    for pattern, literals in rules.metadata:
        if literals and not any(literal in line for literal in literals):   # (substring tests: ~20x cheaper)
            continue
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


def clean_title(title: str, profile: Profile | None = None) -> str:
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


SETTLE_HEAD_LINES = 16


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


def simplified_probe(text: str) -> str:
    return to_simplified(text)
