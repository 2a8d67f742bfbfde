"""Layout probes: pages of the kinds users collect, set in the layouts their sites run on, each
with the text a hand-made gold would hold, cleaned in process and scored by score.py's rule
(P and R >= 0.98 is clean).  `TREE=/path/to/other/checkout` measures another tree's cleaners
(the count before a change: a worktree of the start commit).  Written from the sites' markup
as remembered and from ../shared/research; no page was copied."""
from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("TREE", str(Path(__file__).resolve().parents[2])))
from cleaners import pipeline  # noqa: E402
from cleaners.sources import record_to_document  # noqa: E402


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(out: str, gold: str) -> tuple[float, float]:
    a, b = norm(out), norm(gold)
    if not a or not b:
        return 0.0, 0.0
    matched = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / len(a), matched / len(b)


def clean(html: str, url: str) -> tuple[str, str | None]:
    """(text, rejection) of the page as the pipeline cleans it."""
    results = pipeline.clean_all(record_to_document({"html": html, "url": url}, "p"))
    if not results:
        return "", "no result"
    return results[0].rendered(), results[0].rejection


def check(name: str, html: str, url: str, expected: str, show: bool = False) -> bool:
    """Print `ok`/`BAD` with P and R, and for a BAD page the lines added (+) and lost (-)."""
    out, rejected = clean(html, url)
    p, r = score(out, expected)
    ok = p >= 0.98 and r >= 0.98
    print(f"{'ok ' if ok else 'BAD'} {name:28s} P {p:.3f} R {r:.3f} {rejected or ''}")
    if not ok or show:
        wanted = {line.strip() for line in expected.splitlines() if line.strip()}
        got = [line.strip() for line in out.splitlines() if line.strip()]
        for line in got:
            if line not in wanted:
                print("     + ", line[:110])
        for line in wanted - set(got):
            print("     - ", line[:110])
    return ok


def check_text(name: str, text: str, url: str, expected: list[str], show: bool = False, convert=None) -> bool:
    """`check` for a page's text (an archive's page text, cleaned as plain text); `convert`, when
    given, is applied to the output lines before they are compared (OpenCC t2s for Traditional)."""
    from cleaners.document import Document
    result = pipeline.clean(Document(id="p", url=url, text=text))
    out = convert(result.rendered()) if convert else result.rendered()
    p, r = score(out, "\n".join(expected))
    ok = p >= 0.98 and r >= 0.98
    print(f"{'ok ' if ok else 'BAD'} text:{name:23s} P {p:.3f} R {r:.3f} {result.rejection or ''}")
    if not ok or show:
        wanted = {norm(line) for line in expected}
        got = [line.strip() for line in out.splitlines() if line.strip()]
        have = {norm(line) for line in got}
        for line in got:
            if norm(line) not in wanted:
                print("     + ", line[:110])
        for line in expected:
            if norm(line) and norm(line) not in have:
                print("     - ", line[:110])
    return ok
