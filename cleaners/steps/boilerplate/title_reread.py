"""The title read again, as a second run over the output reads it.

The title is chosen before the line model sees the head.  When the model then drops lines
there, the output's first line (the title) may stand right above the document's real
heading: a second run over the output, which reads the title off its first line, would
take that line for page chrome (`注册` once `登录` below it is gone) and settle another
title.  Reading it so here keeps cleaning idempotent: clean(clean(x)) == clean(x).
"""
from __future__ import annotations

from cleaners.document import Change
from cleaners.profiles import Profile
from cleaners.steps.boilerplate.title import settle_title
from cleaners.steps.title_lines import fold_spaces


REREADS = 3     # rounds of reading the title off the output (each round after the first: rare)


def reread_title(title: str, text: str, profile: Profile | None = None) -> tuple[str, str, list[Change]]:
    """(title, text, changes): the title and the body's head settled as they are read from
    the rendered output (title line, blank line, body).  A title the output's first line
    would not give again (one that does not look like a title: the rendered output is the
    same either way) stays; one whose line now reads as chrome above another title gives way
    to that title.  Without a title, the body's first line is read as the first run read it.
    A title so read is read again as the output will hold it, until it holds: the line it
    came from may have read otherwise (`篇1 - 众资料网` is no chrome above `教育工作要点`,
    the `篇1` it cleans down to is)."""
    changes: list[Change] = []
    for _ in range(REREADS):
        again, text, step_changes = _read_once(title, text, profile)
        changes += step_changes
        if fold_spaces(again) == fold_spaces(title):
            return again, text, changes
        title = again
    return title, text, changes


def _read_once(title: str, text: str, profile: Profile | None) -> tuple[str, str, list[Change]]:
    if not title:
        return settle_title("", text, profile)
    again, body, changes = settle_title("", f"{title}\n\n{text}", profile)
    if again and fold_spaces(again) != fold_spaces(title):
        return again, body, changes
    return settle_title(title, text, profile)
