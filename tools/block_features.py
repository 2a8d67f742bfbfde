"""The page's text blocks and their features, for a learned block classifier (issue 11).

A block is a block-level element's own flow: its text and its inline descendants' (the text of
`<p><span>..</span></p>` is the p's), stopping at nested block elements, which are blocks of
their own.  Its features are what carries from one site to another: its size, link share,
sentence marks, digits, its tag and depth (tags, not class names, except the extractor's own
content/chrome word classes), where it stands on the page, and where it stands against the
container the rule-based extractor chose (inside it, how many blocks away), plus the line
model's own features of its text (marker words) and its neighbours' values.  Trained by
`tools/train_block_model.py` (out of fold by site; not wired into the extractor: no use of it
measured better than the extractor as it is, see that tool's docstring).
"""
from __future__ import annotations

import math
import re

import numpy as np

from cleaners.steps.extract_sizes import (BLOCK_LEVEL, NEGATIVE, POSITIVE, ELSEWHERE, measure)
from cleaners.steps.line_features import fingerprint as line_fingerprint
from cleaners.steps.line_own import feature_names as line_names, line_own

SKIP = {"html", "head", "title", "script", "style", "noscript", "template"}
TAGS = ("p", "div", "td", "li", "dd", "dt", "span", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
        "section", "article", "center", "th", "font", "table")
DISTANCE_MAX = 30
OWN = ("log_flow", "link_share", "punct_share", "digit_share", "latin_share", "breaks", "depth",
       "position", "chars_before", "in_chosen", "after_chosen", "before_chosen", "block_distance", "char_distance",
       "positive_names", "negative_names", "elsewhere_names", "in_list", "in_table", "in_link",
       "parent_links", "parent_log_text", "region_links", "heading", "title_in", "ends_sentence",
       "chosen_share", "siblings_blocks") + tuple(f"tag_{t}" for t in TAGS)
NEIGHBOUR = ("log_flow", "link_share", "punct_share", "in_chosen")
LINE_OWN = ("han", "date", "label", "question", "date_only", "doc_number", "decorated", "marker_decoration",
            "marker_download", "marker_gov", "marker_intro", "marker_legal", "marker_meta", "marker_nav",
            "marker_paywall", "marker_related", "marker_share", "separator", "space")
DIGITS = re.compile(r"\d")
LATIN = re.compile(r"[A-Za-z]")
SENTENCE_ENDS = set("。！？!?…”」』）)；;")


def feature_names() -> tuple[str, ...]:
    return (OWN + tuple(f"prev_{n}" for n in NEIGHBOUR) + tuple(f"next_{n}" for n in NEIGHBOUR)
            + tuple(f"line_{n}" for n in LINE_OWN))


def _flow_text(el) -> str:
    """The block's own text: its text, its inline descendants', the tails of its children."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_LEVEL:
            parts.append(_flow_text(child))
        elif isinstance(child.tag, str) and child.tag == "br":
            parts.append("\n")
        parts.append(child.tail or "")
    return "".join(parts)


def blocks(root, sizes: dict | None = None) -> list:
    """(element, text) of every block with visible text, in page order."""
    sizes = sizes if sizes is not None else measure(root)
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP or el.tag not in BLOCK_LEVEL:
            continue
        size = sizes.get(el)
        if size is None or not size.flow:
            continue
        found.append((el, _flow_text(el)))
    return found


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _name_counts(el, memo: dict) -> tuple:
    """(content-named, chrome-named, elsewhere-named) elements among el and its ancestors, and
    the set of their tags, remembered per element (blocks share their ancestors)."""
    found = memo.get(el)
    if found is not None:
        return found
    parent = el.getparent()
    above = _name_counts(parent, memo) if parent is not None else (0, 0, 0, frozenset())
    names = _names(el)
    if names.strip():
        found = (above[0] + bool(POSITIVE.search(names)), above[1] + bool(NEGATIVE.search(names)),
                 above[2] + bool(ELSEWHERE.search(names)), above[3] | {el.tag})
    else:
        found = (*above[:3], above[3] | {el.tag})
    memo[el] = found
    return found


def block_features(root, found: list, chosen: list, sizes: dict, title: str = "") -> np.ndarray:
    """One row per block of `found` (see `blocks`); `chosen` the extractor's elements."""
    n = len(found)
    names = feature_names()
    col = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((n, len(names)))
    if not n:
        return matrix
    chosen_set = set(chosen)
    inside = []
    for el, _ in found:
        node, hit = el, False
        while node is not None:
            if node in chosen_set:
                hit = True
                break
            node = node.getparent()
        inside.append(hit)
    flows = np.array([sizes[el].flow for el, _ in found], dtype=float)
    total = max(flows.sum(), 1.0)
    before = np.cumsum(flows) - flows
    at_inside = [i for i in range(n) if inside[i]]
    first, last = (at_inside[0], at_inside[-1]) if at_inside else (n, -1)
    chosen_chars = flows[inside].sum() if at_inside else 0.0
    title_folded = "".join(title.split())
    line_col = {name: i for i, name in enumerate(line_names())}
    memo: dict = {}
    for i, (el, text) in enumerate(found):
        size = sizes[el]
        flow = max(size.flow, 1)
        folded = "".join(text.split())
        row = matrix[i]
        row[col["log_flow"]] = math.log1p(size.flow)
        row[col["link_share"]] = size.flow_links / flow
        row[col["punct_share"]] = size.flow_punct / flow
        row[col["digit_share"]] = len(DIGITS.findall(folded)) / flow
        row[col["latin_share"]] = len(LATIN.findall(folded)) / flow
        row[col["breaks"]] = min(size.flow_breaks, 50)
        row[col["depth"]] = sum(1 for _ in el.iterancestors())
        row[col["position"]] = i / max(n - 1, 1)
        row[col["chars_before"]] = before[i] / total
        row[col["in_chosen"]] = inside[i]
        row[col["after_chosen"]] = i > last
        row[col["before_chosen"]] = i < first
        distance = 0 if inside[i] else (first - i if i < first else i - last)
        row[col["block_distance"]] = min(distance, DISTANCE_MAX) if at_inside else DISTANCE_MAX
        gap = 0.0 if inside[i] or not at_inside else (
            before[first] - before[i] - flows[i] if i < first else before[i] - before[last] - flows[last])
        row[col["char_distance"]] = math.log1p(max(gap, 0.0))
        positive, negative, elsewhere, tags = _name_counts(el, memo)
        row[col["positive_names"]], row[col["negative_names"]], row[col["elsewhere_names"]] = positive, negative, elsewhere
        row[col["in_list"]] = bool(tags & {"li", "ul", "ol"})
        row[col["in_table"]] = bool(tags & {"td", "table"})
        row[col["in_link"]] = "a" in tags
        parent = el.getparent()
        if parent is not None and parent in sizes:
            ps = sizes[parent]
            row[col["parent_links"]] = ps.links / ps.text if ps.text else 0.0
            row[col["parent_log_text"]] = math.log1p(ps.text)
            row[col["siblings_blocks"]] = min(sum(1 for c in parent if isinstance(c.tag, str)), 50)
        region = next((a for a in (el, *el.iterancestors()) if a in sizes and sizes[a].text >= 200), None)
        if region is not None:
            row[col["region_links"]] = sizes[region].links / max(sizes[region].text, 1)
        row[col["heading"]] = el.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        row[col["title_in"]] = bool(title_folded) and len(title_folded) >= 4 and title_folded in folded
        row[col["ends_sentence"]] = bool(folded) and folded[-1] in SENTENCE_ENDS
        row[col["chosen_share"]] = chosen_chars / total
        if f"tag_{el.tag}" in col:
            row[col[f"tag_{el.tag}"]] = 1.0
        own = np.frombuffer(line_own(" ".join(text.split())[:400]).row, dtype=np.float64)
        for name in LINE_OWN:
            row[col[f"line_{name}"]] = own[line_col[name]]
    for side, shift in (("prev", 1), ("next", -1)):
        for name in NEIGHBOUR:
            values = matrix[:, col[name]]
            moved = np.roll(values, shift)
            moved[0 if shift == 1 else -1] = -1.0
            matrix[:, col[f"{side}_{name}"]] = moved
    return matrix


def fold(text: str) -> str:
    """The text without whitespace (a block's lines are found in it so)."""
    return "".join(text.split())


def fingerprint() -> str:
    """What the features depend on besides this code: the line model's marker words."""
    return line_fingerprint()
