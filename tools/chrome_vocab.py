"""The pair weights of `cleaners/steps/line_vocab.py` (`models/chrome_vocab.json`), learnt by
tools/train_line_model.py from its training pages.

A pair's weight is its smoothed log-odds of being read in a boilerplate line rather than a
content line: log((b + 1) / (B + V)) - log((c + 1) / (C + V)), b and c its counts in the distinct
boilerplate and content lines, B and C all pairs counted there, V the pairs seen.  Only pairs
seen MIN_COUNT times and weighing at least MIN_WEIGHT either way are kept: the rest would score
near 0 anyway, and the file stays small.

The model must learn how far to trust the column on lines whose site the weights did not see
(hidden pages come from other sites), so the training pages' column is filled out of fold:
each page's from weights learnt without its fold's sites (`fill_out_of_fold`).  Generated chrome
(tools/text_chrome.py, the GENERATED_FAMILIES; never c, which measures what carries over) joins
every fold's boilerplate lines: it stands for chrome in general, not for any one site.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners.steps import line_features, line_vocab  # noqa: E402
from cleaners.steps.line_own import COLUMN  # noqa: E402
from line_model_pages import CONTENT_SHARE  # noqa: E402

MIN_COUNT = 3
MIN_WEIGHT = 0.3
CONTENT_PAIRS = 0.8             # a boilerplate line with this share of its pairs in content lines is not learnt from
GENERATED_FAMILIES = ("a", "b", "d")   # generated wording families learnt from (never c: it measures what carries over)
GENERATED_VARIANTS = 2          # mix_all versions of each TUNE page per generated family (see the note below)
QUOTED = 8                      # a generated line sharing this many characters with a gold quotes a document


# Stop 24 (family d added, chosen by out-of-fold figures; 7 deals of the sites to the folds, text /
# HTML pages clean, mean): a+b x3 variants 79.3 / 50.1 (default deal 80 / 51, 33 content characters
# dropped); a+b+d x3 78.9 / 51.0 (80 / 51, 32); a+b+d x2 80.1 / 50.7 (80 / 51, 36).  Family c, never
# learnt from: 2,934 -> 3,000 of 3,731 pages clean with either a+b+d.


def learn(boilerplate: set[str], content: set[str]) -> dict[str, float]:
    """Pair -> weight from distinct boilerplate and content lines.  A boilerplate line most of
    whose pairs the content lines hold too (another document's title in a related list, a
    quoted excerpt) is chrome by its place, not by its words, and is left out: counted, it
    would teach that 工作总结 is a chrome word, and a document's own title would sound like chrome."""
    content_pairs = {p for line in content for p in line_vocab.pairs(line)}
    boilerplate = {line for line in boilerplate if not _mostly_in(line_vocab.pairs(line), content_pairs)}
    counts = [Counter(p for line in lines for p in line_vocab.pairs(line)) for lines in (boilerplate, content)]
    seen = set(counts[0]) | set(counts[1])
    totals = [sum(c.values()) + len(seen) for c in counts]
    weights = {}
    for pair in seen:
        b, c = counts[0][pair], counts[1][pair]
        if b + c < MIN_COUNT:
            continue
        weight = math.log((b + 1) / totals[0]) - math.log((c + 1) / totals[1])
        if abs(weight) >= MIN_WEIGHT:
            weights[pair] = round(weight, 3)
    return weights


def _mostly_in(found: list[str], pairs: set[str]) -> bool:
    return bool(found) and sum(p in pairs for p in found) >= CONTENT_PAIRS * len(found)


def lines_by_label(pages) -> tuple[set[str], set[str]]:
    """(boilerplate, content) distinct lines of the pages, labelled by their alignment with the gold
    as the model's own lines are (`line_model_pages.CONTENT_SHARE`)."""
    boilerplate, content = set(), set()
    for page in pages:
        for line, matched, size in zip(page.lines, page.matched, page.sizes):
            if size:
                (content if matched >= CONTENT_SHARE * size else boilerplate).add(line.strip())
    return boilerplate, content


def generated_chrome(halves: tuple[str, ...]) -> set[str]:
    """Chrome lines of the GENERATED_FAMILIES on the given halves' text pages, without the lines
    that quote a document (related titles and excerpts are other pages' own words)."""
    import perturb_text_eval

    recs, gold = perturb_text_eval.load_pages()
    split = perturb_text_eval.dev_eval.halves(recs)
    recs = [r for r in recs if split[r["id"]] in halves]
    documents = "\n".join(line_vocab.folded(g) for g in gold.values())
    plan = perturb_text_eval.perturbations()["mix_all"]
    lines = set()
    for family in GENERATED_FAMILIES:
        for variant in range(GENERATED_VARIANTS):
            for _, _, injected in perturb_text_eval.perturbed_pages(recs, gold, "mix_all", plan, family, variant):
                lines.update(line.strip() for _, line in injected if line.strip())
    return {line for line in lines if not _quotes(line_vocab.folded(line), documents)}


def _quotes(text: str, documents: str) -> bool:
    return any(text[k:k + QUOTED] in documents for k in range(0, max(len(text) - QUOTED + 1, 1), QUOTED // 2))


def fill_out_of_fold(pages, fold_of: dict[str, int], folds: int, extra_boilerplate: set[str]) -> None:
    """Each page's `chrome_words` column (and `near_chrome_words`, read off it) from weights
    learnt without its fold's sites."""
    column = COLUMN["chrome_words"]
    for fold in range(folds):
        outside = [p for p in pages if fold_of[p.group] != fold]
        boilerplate, content = lines_by_label(outside)
        weights = learn(boilerplate | extra_boilerplate, content)
        for page in pages:
            if fold_of[page.group] == fold and len(page.rows):
                page.features[:, column] = np.array(
                    [line_vocab.score_with(weights, page.lines[row]) for row in page.rows.tolist()])
                page.features[:, COLUMN["near_chrome_words"]] = line_features.near_mean(
                    page.features[:, column], page.rows, len(page.lines))
