"""Required literals of a regex: strings one of which every match must contain.

The boilerplate rules are ~250 regexes tried on the lines of every page; nearly all of them
require some plain text (`上传人`, `下载`, `第`), so a line holding none of a rule's literals
needs no regex call.  The literals are read off the stdlib's own parse of each pattern.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants, _parser  # the stdlib's own regex parser, for required literals

_LITERAL, _SUBPATTERN, _BRANCH, _IN = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH, _constants.IN
_ATOMIC = getattr(_constants, "ATOMIC_GROUP", None)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None))
_MAX_ALTERNATIVES = 32
_CLASS_MAX = 8             # characters of a class read as alternatives (`[>›»＞▸》]`: a breadcrumb's arrows)


def alternation(patterns, flags: int = 0) -> "re.Pattern | LazyPattern | None":
    """One regex trying each of `patterns` in turn (None when there are none), compiled when
    first used (see `LazyPattern`)."""
    patterns = [p for p in patterns if p]
    return LazyPattern("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


class LazyPattern:
    """A regex compiled on its first use, then its methods bound on the instance.

    A profile's rules are several hundred alternations (one per literal prefix, per kind), and
    compiling them all took ~1 s in every process before its first document (0.25 s more per
    site profile), while a run's pages hit a fraction of the prefixes."""

    _METHODS = ("match", "fullmatch", "search", "sub", "subn", "finditer", "findall", "split", "scanner",
                "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        if name.startswith("__") or name not in self._METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}{'...' if len(self.pattern) > 60 else ''})"


def _pure(item) -> list[str] | None:
    """The strings one regex item matches when it is plain text (`ab`, `(?:号|体)`, `[:：]`).

    Whitespace does not count as plain text, so that literals can be looked for in lines
    before they are stripped (a literal holds no whitespace, so it lies within the stripped line)."""
    op, arg = item
    if op is _LITERAL:
        return None if chr(arg).isspace() else [chr(arg)]
    if op is _IN and len(arg) <= _CLASS_MAX and all(o is _LITERAL and not chr(a).isspace() for o, a in arg):
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
        elif op is _ATOMIC:                                  # (?>x): x is there
            inner = _required_literals(arg)
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


@lru_cache(maxsize=None)
def pattern_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains, or None (then no shortcut).
    Remembered: every profile holds the generic rules, and parsing them all took ~0.2 s a profile."""
    try:
        parsed = _parser.parse(pattern)
        found = None if parsed.state.flags & re.I else _required_literals(parsed)
    except Exception:  # an exotic pattern: never skip it
        return None
    return None if found is None else tuple(found)


def shortest_prefixes(literals) -> dict[str, str]:
    """Each literal -> the shortest of `literals` it starts with (itself when none is shorter):
    what `literal_regex` finds where the literal occurs."""
    shortest: dict[str, str] = {}
    roots: set[str] = set()              # the literals no shorter one starts
    for literal in sorted(set(literals), key=len):
        root = next((literal[:k] for k in range(1, len(literal)) if literal[:k] in roots), None)
        if root is None:
            roots.add(literal)
        shortest[literal] = root or literal
    return shortest


def literal_regex(literals) -> re.Pattern | None:
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
        found = pattern_literals(pattern)
        if not found:
            return None
        literals += found
    return literals or None


def split_by_literal(patterns) -> tuple[list[str], re.Pattern | None]:
    """(required literals of the patterns that have them, alternation of those that have none)."""
    literals, rest = [], []
    for pattern in patterns:
        found = pattern_literals(pattern)
        if found:
            literals += found
        else:
            rest.append(pattern)
    return literals, alternation(rest)


