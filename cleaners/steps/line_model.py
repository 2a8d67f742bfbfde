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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from cleaners.document import Change, Edit
from cleaners.steps import line_features

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "line_model.json"
KEEP_AT_LEAST = 0.35      # of the visible characters; below that the verdicts are not trusted
SIGNALS_SHOWN = 3


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

    def scores(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(P(boilerplate) per row of a `line_features` matrix, per-feature contributions)."""
        rows = len(matrix)
        trees = len(self.feature)
        tree_index = np.arange(trees)[:, None]
        line_index = np.arange(rows)[None, :]
        node = np.zeros((trees, rows), dtype=np.int64)
        contributions = np.zeros((rows, len(self.features)))
        for _ in range(self.depth):
            split_on = self.feature[tree_index, node]
            goes_left = matrix[line_index, split_on] <= self.threshold[tree_index, node]
            child = np.where(goes_left, self.left[tree_index, node], self.right[tree_index, node])
            gain = self.value[tree_index, child] - self.value[tree_index, node]
            np.add.at(contributions, (np.broadcast_to(line_index, node.shape), split_on), gain)
            node = child
        raw = self.baseline + self.value[tree_index, node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-raw)), contributions

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        return self.scores(matrix)[0]


def load(path: Path = MODEL_PATH) -> LineModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    trees = data["trees"]
    return LineModel(version=data["version"], features=tuple(data["features"]),
                     feature=np.array(trees["feature"], dtype=np.int64),
                     threshold=np.array(trees["threshold"], dtype=np.float64),
                     left=np.array(trees["left"], dtype=np.int64), right=np.array(trees["right"], dtype=np.int64),
                     value=np.array(trees["value"], dtype=np.float64), baseline=float(data["baseline"]),
                     depth=int(data["depth"]), cutoff=float(data["cutoff"]), fingerprint=data["fingerprint"])


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


def drop_lines(text: str, title: str = "", host_repeats: frozenset = frozenset()) -> Edit:
    """Remove the lines the model scores as boilerplate (P >= the model's cutoff).

    The title is judged too, as the line before the body (a page title such as `我要投稿 投诉建议`
    or `…工作计划8篇` taken for the document's own): when it goes, a Change of step `title`
    says so and the caller drops the title."""
    scorer = model()
    if scorer is None or not text:
        return text, []
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return text, []
    judged = ([title] if title.strip() else []) + [lines[i] for i in filled]
    offset = len(judged) - len(filled)
    matrix = line_features.line_features(judged, title, host_repeats)
    probability, contributions = scorer.scores(matrix)
    dropped = np.flatnonzero(probability >= scorer.cutoff)
    if not len(dropped):
        return text, []
    sizes = np.array([len("".join(line.split())) for line in judged])
    if sizes[np.setdiff1d(np.arange(len(judged)), dropped)].sum() < KEEP_AT_LEAST * sizes.sum():
        return text, []
    changes = []
    for row in dropped:
        top = np.argsort(-contributions[row])[:SIGNALS_SHOWN]
        why = f"p={probability[row]:.2f} ({', '.join(scorer.features[k] for k in top if contributions[row, k] > 0)})"
        if row < offset:
            changes.append(Change("title", "removed", title.strip(), f"line model {why}"))
            continue
        i = filled[row - offset]
        changes.append(Change("line_model", "removed", lines[i].strip(), why))
        lines[i] = ""
    return "\n".join(lines).strip("\n"), changes
