"""Full-width digits and Latin letters (`２０２５年`, `第１页`, `１、`, `ＶＩＰ`, `Ｍ．ＷＥＮＫＵ８．ＣＯＭ`)
read as ASCII by the steps, and put back in the output where the page wrote them.

The rules, gates and markers are written in ASCII (`2、` before a preview's second page, `[0-9]`
and `com|cn` in a profile's pattern, `"0123456789"` in a title's ending), and some sites and word
processors write every digit full-width, or print an address so: a page that does keeps the
chrome those steps would drop.  So the steps read the text with these characters folded (and a
full-width full stop between two of them: `３．５`, an address's dots); the output keeps the
page's own forms (the text is kept as written, as its full-width punctuation is).  Each run is
given back the form the page wrote it in, found by the run and the visible characters on each
side of it (the steps join lines and drop prefixes, so a run's place in the text moves).
"""
from __future__ import annotations

import re

from cleaners import pipeline_repair
from cleaners.chars import width
from cleaners.document import Change

TO_ASCII = {**width.ALNUM_TO_ASCII, 0xFF0E: ord(".")}
ALNUM = f"0-9A-Za-z{width.WIDE_ALNUM}"
RUN = re.compile(f"[{ALNUM}]+(?:[.\uff0e][{ALNUM}]+)*")     # letters and digits, full stops between
ASCII_LETTER = re.compile("[A-Za-z]")
WIDE_LETTER = re.compile(f"[{width.WIDE_LETTERS}]")
SIDE = 2         # visible characters on each side of a run that tell it from the same run elsewhere


class Widths:
    """The page's runs of letters and digits, by their folded form and their sides: what `restore` gives back."""

    def __init__(self, *texts: str):
        self.exact: dict[tuple[str, str, str], str | None] = {}
        self.runs: dict[str, str | None] = {}
        for text in texts:
            for left, run, right, _ in _runs(text):
                folded = run.translate(TO_ASCII)
                _note(self.exact, (_folded(left), folded, _folded(right)), run)
                _note(self.runs, folded, run)

    def restore(self, text: str) -> str:
        """`text` (read from the folded page) with each run of letters and digits as the page wrote
        it; a run the page wrote both ways, on the same sides, stays as it is."""
        if not text:
            return text
        out, at = [], 0
        for left, run, right, start in _runs(text):
            key = (left, run, right)
            written = self.exact[key] if key in self.exact else self.runs.get(run)
            if written and written != run:
                out.append(text[at:start])
                out.append(written)
                at = start + len(run)
        if not out:
            return text
        out.append(text[at:])
        return "".join(out)

    def restore_changes(self, changes: list[Change]) -> list[Change]:
        """The changes' lines as the page wrote them (what `--explain` shows)."""
        return [c._replace(before=self.restore(c.before)) if isinstance(c.before, str) and c.action == "removed"
                else c for c in changes]


def holds_wide(text: str, title: str) -> bool:
    """Does the page write a full-width digit or letter?  Most pages write none.  The text's
    answer comes from the repairs' gate, which read its characters in the same pass (a
    character-class search costs ~60 instructions a character)."""
    return pipeline_repair.holds_wide_alnum(text) or bool(pipeline_repair.WIDE_ALNUM.search(title))


def fold(text: str, title: str) -> tuple[str, str, Widths]:
    """(text, title) with full-width letters and digits folded to ASCII, and what gives them back
    (read off the text as the steps will see it: in Simplified when it is converted, so that
    a run is told by the characters the output has beside it)."""
    return _folded(text), _folded(title), Widths(text, title)


def _folded(text: str) -> str:
    return RUN.sub(_folded_run, text)


def _folded_run(run: re.Match) -> str:
    """A run in ASCII, unless its letters are of both widths (`ＢfＣＡcＪ`): no word is written
    so, only an anti-scrape filler, and the line model knows it by its mixed widths."""
    written = run.group()
    if ASCII_LETTER.search(written) and WIDE_LETTER.search(written):
        return written
    return written.translate(TO_ASCII)


def _note(table: dict, key, run: str) -> None:
    """Remember how the page wrote a run; a key the page wrote both ways is left as None."""
    if key not in table:
        table[key] = run
    elif table[key] is not None and table[key] != run:
        table[key] = None


def _runs(text: str):
    """(left side, run, right side, start) of each run of letters and digits: the SIDE visible
    characters next to it, whitespace passed over."""
    for found in RUN.finditer(text):
        start, end = found.span()
        left = "".join(text[max(0, start - 4 * SIDE):start].split())[-SIDE:]
        right = "".join(text[end:end + 4 * SIDE].split())[:SIDE]
        yield left, found.group(), right, start
