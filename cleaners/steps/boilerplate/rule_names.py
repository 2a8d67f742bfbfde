"""Which rule of which profile took a line: `--explain`'s word on a `remove` change.

`remove` tries a profile's rules as a few merged alternations, so it knows that a rule matched,
not which one.  Asking again, one rule at a time, costs a few hundred regex calls a dropped
line: only done when the user asks (`Options.explain`), on the lines already dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.steps.normalize import to_simplified
from cleaners.profiles import Profile, generic
from cleaners.steps.boilerplate import credit_rows
from cleaners.steps.boilerplate.rules import crumb_patterns

FIELDS = {"line": "boilerplate_lines", "tail": "boilerplate_tails", "span": "boilerplate_spans"}


def named(changes: list[Change], profile: Profile) -> list[Change]:
    """`changes` with each line, tail or span removal saying which rule took it."""
    return [change._replace(after=_rule_of(change, profile))
            if change.step == "boilerplate" and change.action == "removed" and change.after in FIELDS else change
            for change in changes]


def _rule_of(change: Change, profile: Profile) -> str:
    kind = change.after
    probe = to_simplified(change.before.split("\n", 1)[0].strip())
    for owner in dict.fromkeys((profile, generic())):
        for pattern in getattr(owner, FIELDS[kind]):
            if _matches(pattern, kind, probe):
                return f"{FIELDS[kind]} of profile {owner.name}: `{pattern}`"
    if kind == "line":
        crumb = next((p for p in crumb_patterns() if _matches(p, kind, probe)), None)
        if crumb is not None:
            return f"line rule: a breadcrumb (`[head_crumb] patterns` of _generic: `{crumb}`)"
    if kind == "line" and any(_matches(credit, kind, probe) for credit in credit_rows.patterns()):
        return "line rule: a credit row (the `credit_rows` vocabulary of _generic)"
    return kind


def _matches(pattern: str, kind: str, probe: str) -> bool:
    compiled = _compiled(pattern)
    return (compiled.search(probe) if kind == "span" else compiled.fullmatch(probe)) is not None


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)
