"""Split 范文 compilations (【篇一】…【篇二】…) into one document per article.

51jzrc-style pages bundle several unrelated reports under one title; left whole
they defeat deduplication (each article also circulates alone) and mislead any
reader of the manifest.  Each part becomes `<id>-<n>` with its own title: the
part's first line when it looks like a title, else "<page title> 篇<n>".  The part
headings are site knowledge: `compilation_markers` in the profile and `_generic.toml`.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from cleaners.document import Change, CleanResult
from cleaners.profiles import Profile, generic
from cleaners.steps.boilerplate import looks_like_title, part_heading

MIN_PART_CHARS = 50
MIN_PRELUDE_CHARS = 200


def split_compilation(result: CleanResult, profile: Profile | None = None) -> list[CleanResult]:
    heading = part_heading(profile or generic())
    markers = _numbered_anew(heading.finditer(result.text)) if heading else []
    if len(markers) < 2:
        return [result]
    parts: list[CleanResult] = []
    prelude = result.text[:markers[0].start()].strip()
    if len(prelude) >= MIN_PRELUDE_CHARS:
        parts.append(_part(result, 0, prelude, result.title))
    for n, marker in enumerate(markers, 1):
        end = markers[n].start() if n < len(markers) else len(result.text)
        body = result.text[marker.end():end].strip()
        if len("".join(body.split())) < MIN_PART_CHARS:
            continue
        title = f"{result.title} 篇{_number(marker)}" if result.title else ""
        first, _, rest = body.partition("\n")
        if looks_like_title(first) and rest.strip():
            title, body = first.strip(), rest.strip()
        parts.append(_part(result, n, body, title))
    return parts or [result]


def _numbered_anew(found: Iterable[re.Match]) -> list[re.Match]:
    """The part headings whose number no heading before them had: a compilation numbers its
    articles 篇一, 篇二 …; `篇一:《标题》` said again further down is the first article's heading
    repeated (a preview's page header), not the start of another article, and splitting there
    would cut the article in two."""
    markers, seen = [], set()
    for marker in found:
        number = _number(marker)
        if number not in seen:
            seen.add(number)
            markers.append(marker)
    return markers


def _number(marker: re.Match) -> str:
    """The part's number as its heading writes it (`篇一:` -> `一`)."""
    return next((g for g in marker.groups() if g), "")


def _part(result: CleanResult, n: int, text: str, title: str) -> CleanResult:
    metadata = {**result.metadata, "compilation_of": result.id, "part": n}
    changes = [*result.changes, Change("compilation", "repaired", result.id or "", f"part {n}")]
    return dataclasses.replace(result, id=f"{result.id}-{n}", title=title, text=text,
                               metadata=metadata, changes=changes)
