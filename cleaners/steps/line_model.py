"""The learned line model: drops the boilerplate lines the rules did not name.

Rules catch the boilerplate someone wrote down; on sites nobody has seen, navigation,
credit lines, editor intros and widgets come in wordings no rule has.  What they share is
their shape (short, few sentence marks, many digits or separators, near other such lines,
at the head or tail of the page) and their vocabulary (the marker words of `_generic.toml`),
which gradient-boosted trees over `line_features` weigh (they measured better than a logistic
regression on the same features: lines are boilerplate through combinations, e.g. long *and*
full of editor-intro words).  It is trained by `tools/train_line_model.py` (scikit-learn's
HistGradientBoosting, at training time only) and shipped as `cleaners/models/line_model.json`:
feature names, the trees as arrays, the cutoff.  Run time needs numpy only; nothing is downloaded.

Each dropped line is a Change whose `after` names the probability and the features that
pushed it over the threshold, so `--explain` says why.  A text the model would strip of most
of its content is left alone: that is a page the model does not understand, not boilerplate.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from cleaners.chars.lines import joined_stripped, lines_of, stripped_of
from cleaners.chars.memory import LINES
from cleaners.document import Change, Edit
from cleaners.steps import line_blocks, line_features
from cleaners.steps.link_genres import genre_title, kind_word
from cleaners.steps.title_lines import looks_like_title

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line_model.json"
KEEP_AT_LEAST = 0.35      # of the visible characters; below that the verdicts are not trusted
SIGNALS_SHOWN = 3
MAX_PASSES = 16          # model passes over one text at most (each sees what the last one left; a cascade, one
                         # line going once its neighbour went, took 5 on the generated pages of families a-d)
PAIR_BITS = 24            # a walker's state: its (feature, threshold) pair in the low bits ...
PAIR_MASK = (1 << PAIR_BITS) - 1   # ... its node above them
REMEMBERED_ANSWERS = 2 * LINES  # rows' raw scores kept by their answers (~0.1 KB each; cleared when full)
REMEMBERED_ROOTS = 256     # row counts whose walkers' roots `_roots` keeps
# The cutoff for an article the generic HTML extractor chose, when the model file names none: that
# text has lost its chrome by its markup already, and what the model still drops there is mostly
# headings and short lines of the article (stop 15, out of fold by site, dev HTML TUNE+TUNE2: no
# model 0.9848 / 51 clean, the text cutoff 0.65 0.9828 / 49, 0.80 and up 0.9849 / 51).
ARTICLE_CUTOFF = 0.8
PART_HEADING = re.compile(r"第[一二三四五六七八九十\d]{1,3}\s*[章节部分]")   # a document's part (`_waiting`)
PART_HEADING_MAX = 30


@dataclass(frozen=True)
class LineModel:
    """Gradient-boosted trees, packed: arrays of shape (trees, nodes), node 0 the root.

    A line goes left at a node when its feature value is <= the node's threshold; leaves
    point to themselves, so every tree is walked `depth` steps at once for all lines.  `value`
    holds each node's output (internal nodes: the count-weighted mean of their leaves), so the
    change of value along a line's path, put on the split feature, says which features made
    the verdict (the signals `--explain` shows)."""

    version: int
    features: tuple[str, ...]
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    baseline: float
    depth: int
    cutoff: float
    fingerprint: str
    article_cutoff: float = ARTICLE_CUTOFF    # on an extracted HTML article (see `drop_lines`)
    flat: SimpleNamespace = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        """The trees packed for `scores`.  The splits come down to few distinct (feature,
        threshold) pairs (~280 for ~1,500 nodes), so a text's comparisons are made once per pair
        and row, and a walker only looks its answer up.  A walker's state packs its node's
        doubled global id (high bits) and the node's pair (low bits): one `take` of the pair's
        answer and one `take` of the next state move every walker down a level."""
        trees, width = self.feature.shape
        pairs, pair_of = np.unique(np.stack([self.feature.ravel().astype(np.float64), self.threshold.ravel()]),
                                   axis=1, return_inverse=True)
        pair_of = pair_of.ravel()
        base = (np.arange(trees) * width)[:, None]
        children = np.empty(2 * trees * width, dtype=np.int64)      # at 2g + went_left: the child's global id
        children[0::2] = (self.right + base).ravel()
        children[1::2] = (self.left + base).ravel()
        roots = np.arange(trees) * width
        object.__setattr__(self, "flat", SimpleNamespace(
            tree_start=roots, node_feature=self.feature.ravel(), node_threshold=self.threshold.ravel(),
            left_at=(self.left + base).ravel(), right_at=(self.right + base).ravel(), node_value=self.value.ravel(),
            pair_feature=pairs[0].astype(np.int64), pair_threshold=pairs[1], pairs=pairs.shape[1],
            pair_threshold_column=pairs[1][:, None],
            next_state=(2 * children << PAIR_BITS) | pair_of[children], child_value=self.value.ravel()[children],
            root_pair=pair_of[roots][:, None], root_at=(2 * roots)[:, None],
            key_bytes=(pairs.shape[1] + 7) // 8, known={}, roots={}))

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """P(boilerplate) per row of a `line_features` matrix.  A row's score depends only on
        which side of each split it falls (its answers to the distinct (feature, threshold)
        pairs), and chrome and headings recur from page to page with the same answers, so a
        row's raw score is remembered by its answers packed into bits; only the rows whose
        answers are new are walked."""
        flat = self.flat
        # (rows, pairs): the pairs' columns gathered as whole columns of the transposed matrix (a
        # row of a few dozen floats each), not element by element (~15 % fewer instructions), each
        # row, compared in C order (threshold by threshold along a row: no column broadcast, no copy)
        answers = np.less_equal(matrix.T.take(flat.pair_feature, axis=0).T, flat.pair_threshold, order="C")
        if len(answers) < 2:        # (numpy adds one row's trees pairwise, more rows' in tree order)
            return 1.0 / (1.0 + np.exp(-self._raw(answers)))
        packed = np.packbits(answers, axis=1).tobytes()
        width = flat.key_bytes
        keys = [packed[at:at + width] for at in range(0, len(packed), width)]
        known = flat.known
        raws = list(map(known.get, keys))
        new = [k for k, raw in enumerate(raws) if raw is None]
        if new:
            if len(known) + len(new) > REMEMBERED_ANSWERS:
                known.clear()
            walk = new * 2 if len(new) == 1 else new    # (a row walked alone would be added pairwise)
            for k, raw in zip(new, self._raw(answers[walk]).tolist()):
                raws[k] = known[keys[k]] = raw
        return 1.0 / (1.0 + np.exp(-np.array(raws, dtype=np.float64)))

    def _raw(self, answers: np.ndarray) -> np.ndarray:
        """The raw score per row of `answers`: all trees walked together, a walker per tree and
        row, laid out tree by tree (so each row's tree values add up in tree order, as they
        always have)."""
        flat = self.flat
        root_index, root_at = self._roots(len(answers))
        at = root_at + answers.take(root_index)     # per walker: 2 * node + went left
        row_at = _walker_rows(len(answers), flat.pairs, len(flat.root_at))  # per walker: its row's start
        for _ in range(max(self.depth, 1) - 1):
            state = flat.next_state.take(at)
            pair = state & PAIR_MASK
            pair += row_at
            at = state >> PAIR_BITS
            at += answers.take(pair)
        return self.baseline + flat.child_value.take(at).reshape(len(flat.root_at), -1).sum(axis=0)

    def _roots(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """For `count` rows of answers, per walker (tree by tree, then row by row): where its root's
        answer is in the answers, and its root's doubled global id (made once per row count: built
        per text, the (trees, 1) columns broadcast over the rows cost more than the walk's level)."""
        known = self.flat.roots
        if count not in known:
            if len(known) >= REMEMBERED_ROOTS:
                known.clear()
            flat = self.flat
            rows = np.arange(0, count * flat.pairs, flat.pairs)        # where each row's answers start
            index, at = (flat.root_pair + rows).ravel(), np.repeat(flat.root_at.ravel(), count)
            index.flags.writeable = at.flags.writeable = False
            known[count] = index, at
        return known[count]

    def contributions(self, row: np.ndarray) -> np.ndarray:
        """Per feature, how much it moved one row's score along its paths (for `--explain`): the
        changes of value level by level, tree by tree, added up per split feature in that order
        (one bincount adds them in the order np.add.at did)."""
        flat = self.flat
        at = flat.tree_start                # per tree: the global id of the node the row is at
        splits, changes = [], []
        for _ in range(self.depth):
            split_on = flat.node_feature.take(at)
            child = np.where(row.take(split_on) <= flat.node_threshold.take(at), flat.left_at.take(at),
                             flat.right_at.take(at))
            splits.append(split_on)
            changes.append(flat.node_value.take(child) - flat.node_value.take(at))
            at = child
        return np.bincount(np.concatenate(splits), weights=np.concatenate(changes), minlength=len(self.features))

    def contributions_of(self, rows: np.ndarray) -> np.ndarray:
        """`contributions` of each row of `rows`, (rows, features): the changes of value level by
        level, tree by tree, added up per row and split feature in that order (one bincount adds
        them in the order `contributions` does), all rows walked at once."""
        if len(rows) == 1:      # (the walk of one row costs less without the row bookkeeping)
            return self.contributions(rows[0])[None, :]
        flat = self.flat
        count, width = len(rows), len(self.features)
        at = np.tile(flat.tree_start, count)        # per walker (row by row, tree by tree): its node
        row_base = np.repeat(np.arange(count) * rows.shape[1], len(flat.tree_start))
        out_base = np.repeat(np.arange(count) * width, len(flat.tree_start))
        values = rows.ravel()
        bins, changes = [], []
        for _ in range(self.depth):
            split_on = flat.node_feature.take(at)
            child = np.where(values.take(row_base + split_on) <= flat.node_threshold.take(at), flat.left_at.take(at),
                             flat.right_at.take(at))
            bins.append(out_base + split_on)
            changes.append(flat.node_value.take(child) - flat.node_value.take(at))
            at = child
        return np.bincount(np.concatenate(bins), weights=np.concatenate(changes),
                           minlength=count * width).reshape(count, width)

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        return self.scores(matrix)


@lru_cache(maxsize=256)
def _walker_rows(rows: int, pairs: int, trees: int) -> np.ndarray:
    """Per walker (tree by tree, then row by row), where its row starts in the answers."""
    at = np.tile(np.arange(0, rows * pairs, pairs), trees)
    at.flags.writeable = False
    return at


def load(path: Path = MODEL_PATH) -> LineModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    trees = data["trees"]
    return LineModel(version=data["version"], features=tuple(data["features"]),
                     feature=np.array(trees["feature"], dtype=np.int64),
                     threshold=np.array(trees["threshold"], dtype=np.float64),
                     left=np.array(trees["left"], dtype=np.int64), right=np.array(trees["right"], dtype=np.int64),
                     value=np.array(trees["value"], dtype=np.float64), baseline=float(data["baseline"]),
                     depth=int(data["depth"]), cutoff=float(data["cutoff"]), fingerprint=data["fingerprint"],
                     article_cutoff=float(data.get("article_cutoff", ARTICLE_CUTOFF)))


@lru_cache(maxsize=1)
def model() -> LineModel | None:
    """The shipped model, or None when its features are not the ones this code computes
    (a model trained on other features would weigh the wrong columns)."""
    if not MODEL_PATH.exists():
        return None
    loaded = load()
    if loaded.features != line_features.feature_names():
        return None
    return loaded


def drop_lines(text: str, title: str = "", host_repeats: frozenset = frozenset(), article: bool = False) -> Edit:
    """Remove the lines the model scores as boilerplate (P >= the model's cutoff; with `article`,
    the text is an HTML page's article as the generic extractor chose it, and the model's
    `article_cutoff` applies: its markup has spoken already).

    The title is judged too, as the line before the body (a page title such as `我要投稿 投诉建议`
    or `…工作计划8篇` taken for the document's own): when it goes, a Change of step `title`
    says so and the caller drops the title.  Verdicts depend on the neighbours, so the model
    runs again on what it left until it drops nothing more: cleaning the output a second time
    changes nothing.  A line naming its kind of document (the title `…工作总结`, a part's heading
    `…工作总结篇一`) is judged on the lines that stay: in a pass that drops other lines too, it
    waits for the next one (`_waiting`; generated family d, 39 -> 22 pages losing text; c, never
    tuned on, 22 -> 13; with a labelled title, `语文组:…工作总结`, and a part's `第一部分 引言`, d 22 -> 18)."""
    changes: list[Change] = []
    for _ in range(MAX_PASSES):
        text, found = _drop_once(text, title, host_repeats, article)
        if not found:
            break
        changes += found
        if any(c.step == "title" for c in found):
            title = ""
    return text, changes


def _drop_once(text: str, title: str, host_repeats: frozenset, article: bool = False) -> Edit:
    scorer = model()
    if scorer is None or not text:
        return text, []
    cutoff = max(scorer.cutoff, scorer.article_cutoff) if article else scorer.cutoff
    lines = lines_of(text)
    stripped = stripped_of(text)
    filled = list(compress(range(len(stripped)), stripped))     # the lines not blank
    if not filled:
        return text, []
    judged = ([title] if title.strip() else []) + list(compress(lines, stripped))
    offset = len(judged) - len(filled)
    rows, matrix = line_features.line_features(judged, title, host_repeats)
    if not len(rows):
        return text, []
    probability = scorer.scores(matrix)
    hit = (probability >= cutoff).nonzero()[0]
    if not len(hit):
        return text, []
    widened = line_blocks.widened(judged, set(rows[hit].tolist()))    # a list goes with its header
    if widened:
        hit = np.union1d(hit, np.flatnonzero(np.isin(rows, sorted(widened))))
    dropped = rows[hit]
    sizes = np.array([len(line) - line.count(" ") for line in judged])
    if sizes.sum() - sizes[dropped].sum() < KEEP_AT_LEAST * sizes.sum():
        return text, []
    dropped_rows = dropped.tolist()
    spared = line_blocks.sections(judged, dropped_rows)                # a section heading stays
    spared |= line_blocks.form_lines(judged, dropped_rows, probability[hit].tolist())   # a salutation, a 落款 date…
    spared |= line_blocks.timetable_rows(judged, dropped_rows)         # `上午 8:00-11:30` is no timestamp
    spared |= line_blocks.run_rows(judged, dropped_rows)               # a list's last row
    spared |= line_blocks.body_sentences(judged, dropped_rows)         # a sentence between paragraphs
    spared |= line_blocks.dialogue_turns(judged, dropped_rows)         # a turn among kept turns
    spared |= line_blocks.list_headers(judged, dropped_rows)           # the header of a kept list
    spared |= line_blocks.attachments(judged, dropped_rows)            # `附件：` over `1.检查表.docx`
    spared |= _waiting(judged, dropped_rows, spared, offset)  # a line naming its kind: judged on what stays
    if spared:
        hit = hit[~np.isin(dropped, sorted(spared))]
        dropped = rows[hit]
        if not len(hit):
            return text, []
    changes = []
    lines = list(lines)
    explained = scorer.contributions_of(matrix[hit])
    for k, row, contributions in zip(hit, dropped, explained):
        top = np.argsort(-contributions)[:SIGNALS_SHOWN]
        why = f"p={probability[k]:.2f} ({', '.join(scorer.features[j] for j in top if contributions[j] > 0)})"
        if probability[k] < cutoff:
            why += ", in a list whose header went"
        if row < offset:
            changes.append(Change("title", "removed", title.strip(), f"line model {why}"))
            continue
        i = filled[row - offset]
        changes.append(Change("line_model", "removed", lines[i].strip(), why))
        lines[i] = ""
    return joined_stripped(lines), changes


def _waiting(judged: list[str], dropped_rows: list[int], spared: set[int], offset: int) -> set[int]:
    """Which dropped rows wait for the next pass, to be judged on the lines that stay: the lines
    naming their kind of document (a part's heading `…工作总结篇一`, the title `…工作总结`) while
    other lines go, and the title, last, while any other line goes (a download prompt or a price
    line right beside a real title pulls it over the cutoff by its neighbourhood)."""
    going = set(dropped_rows) - spared
    named = {row for row in going if _names_kind(judged[row].strip())}
    if named and named != going:
        return named
    title = {row for row in named if row < offset}
    return title if title and going != title else set()


def _names_kind(line: str) -> bool:
    """A title-like line ending in its kind of document (`…工作总结`, `语文组:…教研工作总结`), or a
    part's heading (`第一部分 引言`, `第二章 总则`)."""
    return (genre_title(line) or bool(kind_word(line) and looks_like_title(line))
            or (len(line) <= PART_HEADING_MAX and PART_HEADING.match(line) is not None))
