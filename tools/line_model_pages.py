"""The pages the line model learns from, each aligned with its gold (split off
tools/train_line_model.py): the dev sets' TUNE and TUNE2 halves, generated versions of the text
pages, the generality corpus and the replicas, each as the line model sees it inside the
pipeline, with per line how many of its characters the gold holds."""
from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import dev_eval  # noqa: E402
from cleaners import pipeline, sources  # noqa: E402
from cleaners.chars.t2s import t2s  # noqa: E402
from cleaners.document import Document  # noqa: E402
from cleaners.steps import line_features, line_model  # noqa: E402

CORPUS = ROOT / "tests/data/corpus"
REPLICAS = ROOT / "replicas"
CONTENT_SHARE = 0.5           # a line is content when at least this share of it aligns with the gold
WS = re.compile(r"\s+")


@dataclass
class Page:
    source: str                # text | html | corpus | replicas
    group: str                 # site, for the folds
    name: str
    title: str
    lines: list[str]           # the title, then the non-blank body lines, as the model sees them
    matched: np.ndarray        # aligned characters per line
    sizes: np.ndarray          # non-space characters per line
    gold_size: int
    rows: np.ndarray           # the candidate lines (line_features); the others are always kept
    features: np.ndarray       # their features
    augment: bool = False      # the same page with the rules switched off: training lines only
    article: bool = False      # an HTML article the generic extractor chose (the model's article_cutoff)


def squash(text: str) -> str:
    return WS.sub("", t2s().convert(text) if text else "")


def seen_by_model(doc: Document, rules: bool = True) -> tuple[str, str, bool] | None:
    """(body, title, article) as the line model receives them for this document (with the
    boilerplate rules switched off when not `rules`: more, and more varied, boilerplate lines to
    learn from)."""
    captured = []

    def record(text, title="", host_repeats=frozenset(), article=False):
        captured.append((text, title, article))
        return text, []

    with mock.patch.object(line_model, "drop_lines", record):
        if rules:
            pipeline.clean(doc)
        else:
            # (title_repeats is a rule too: with it on, these pages lost their `标题_第N页` captions,
            # boilerplate lines to learn from, and the model measured worse out of fold, 79 -> 77/91)
            with mock.patch.object(pipeline.boilerplate, "remove", lambda text, *a, **k: (text, [])), \
                    mock.patch.object(pipeline.title_repeats, "step", lambda text, *a, **k: (text, [])):
                pipeline.clean(doc)
    return captured[0] if captured else None


def aligned_pages(source: str, group: str, name: str, doc: Document, gold: str) -> list[Page]:
    """The page as the model sees it, plus the same page without the rules (augment=True)."""
    pages = [aligned_page(source, group, name, doc, gold, rules) for rules in (True, False)]
    if pages[1] is not None:
        pages[1].augment = True
    return [p for p in pages if p is not None]


def aligned_page(source: str, group: str, name: str, doc: Document, gold: str, rules: bool = True) -> Page | None:
    seen = seen_by_model(doc, rules)
    if seen is None:
        return None
    body, title, article = seen
    # the title is judged as the line before the body, as line_model.drop_lines does
    lines = ([title] if title.strip() else []) + [line for line in body.split("\n") if line.strip()]
    pieces = [squash(line) for line in lines]
    out = "".join(pieces)
    target = squash(gold)
    hit = np.zeros(len(out) + 1, dtype=np.int64)
    for block in difflib.SequenceMatcher(None, out, target, autojunk=False).get_matching_blocks():
        hit[block.a:block.a + block.size] = 1
    bounds = np.cumsum([0] + [len(p) for p in pieces])
    matched = np.array([hit[bounds[i]:bounds[i + 1]].sum() for i in range(len(pieces))])
    sizes = np.array([len(p) for p in pieces])
    rows, features = line_features.line_features(lines, title) if lines else \
        (np.zeros(0, dtype=int), np.zeros((0, len(line_features.feature_names()))))
    return Page(source, group, name, title, lines, matched, sizes, len(target), rows, features, article=article)


# Which dev-set parts the model learns from.  Measured (stop 10, out of fold by site): adding the
# then HOLDOUT half did not help the pages it did not see (text TUNE 0.9782 / 47 clean TUNE only vs
# 0.9782 / 42; HOLDOUT 0.9642 / 23 from the TUNE-only model vs 0.9622 / 21 out of fold).  Stop 11
# split that half by site into TUNE2 (tunable) and HOLDOUT (unseen): the default learns from TUNE and
# TUNE2, never from HOLDOUT, so dev_eval's HOLDOUT figures stay an honest measure of unseen sites.
TRAIN_ON = {"tune": ("TUNE", "TUNE2"), "tune1": ("TUNE",), "tune2": ("TUNE2",), "all": ("TUNE", "TUNE2", "HOLDOUT")}


def dev_pages(name: str, halves: tuple[str, ...] = TRAIN_ON["tune"]) -> list[Page]:
    """The set's pages of the given halves (dev_eval's split by registrable domain)."""
    work = Path(dev_eval.tempfile.mkdtemp(prefix="train_line_"))
    recs = dev_eval.records(dev_eval.make_input(name, work))
    split = dev_eval.halves(recs)
    pages = []
    for rec in recs:
        if split[rec["id"]] not in halves:
            continue
        gold = (dev_eval.SETS[name] / "gold" / f"{rec['id']}.txt").read_text(encoding="utf-8")
        doc = sources.record_to_document(rec, rec["id"])
        host = dev_eval.urlsplit(rec["url"] if "//" in rec["url"] else "//" + rec["url"]).hostname or ""
        pages += aligned_pages(name, dev_eval.registrable_domain(host), rec["id"], doc, gold)
    return pages


def perturbed_pages(halves: tuple[str, ...], variants: int) -> list[Page]:
    """The text pages of the given halves with generated chrome (tools/perturb_text_eval.py,
    wording family `a`; the harness measures on `b`), as training lines only (augment: the cutoff
    and the figures stay on real pages): the real pages hold ~100 boilerplate lines, too few.
    Stop 18, out of fold over three deals of the sites (`--deals x y`), text pages clean of 91:
    none 79 / 78 / 76 (mean 77.7, F1 0.9919 / 0.9892 / 0.9887), one version 79 / 81 / 80 (80.0, but
    662 content characters dropped against 60: r014's 613-character opening), two versions
    82 / 81 / 81 (81.3, F1 0.9925 / 0.9896 / 0.9927, 54 content characters dropped); HTML 51 / 51 / 51
    against 51 / 51 / 50.  Three measured worse at stop 14 (on other figures: one deal).  Yet the
    default is none: with two versions, one real page's output changed on a second cleaning
    (tests/integration/test_dev_set_idempotent.py, a HOLDOUT page, so not looked into)."""
    import perturb_text_eval

    pages = []
    for rec, text, gold in perturb_text_eval.training_variants(halves, "a", variants):
        host = dev_eval.urlsplit(rec["url"] if "//" in rec["url"] else "//" + rec["url"]).hostname or ""
        doc = sources.record_to_document(dict(rec, text=text), rec["id"])
        page = aligned_page("text", dev_eval.registrable_domain(host), rec["id"] + "~", doc, gold)
        if page is not None:
            page.augment = True
            pages.append(page)
    return pages


def corpus_pages() -> list[Page]:
    pages = []
    for expected in sorted(CORPUS.glob("*.expected.txt")):
        stem = expected.name[: -len(".expected.txt")]
        raw = next((p for p in (CORPUS / f"{stem}.txt", CORPUS / f"{stem}.html") if p.exists()), None)
        if raw is None:
            continue
        doc = next(iter(sources.read([str(raw)])))
        if isinstance(doc, Document):
            pages += aligned_pages("corpus", stem.split("_")[0], stem, doc, expected.read_text(encoding="utf-8"))
    return pages


def replica_pages() -> list[Page]:
    from replicas.base import Request, State
    from replicas.registry import host_map

    catalog = json.loads((REPLICAS / "catalog.json").read_text(encoding="utf-8"))
    sites, state = host_map(), State({})
    pages = []
    for family, entry in sorted(catalog["families"].items()):
        for item in entry["documents"]:
            if item["kind"] not in ("text", "partial") or item.get("fetch") or len(item["expected"]) != 1:
                continue
            url = dev_eval.urlsplit(item["url"])
            query = dict(pair.split("=", 1) for pair in url.query.split("&") if "=" in pair)
            response = sites[url.hostname].handle(Request(url.hostname, url.path, query, {}), state)
            if response.status != 200:
                continue
            content_type = dict((k.lower(), v) for k, v in response.headers).get("content-type")
            doc = Document(url=item["url"], data=response.body, content_type=content_type, is_html=True)
            gold = (REPLICAS / item["expected"][0]).read_text(encoding="utf-8")
            pages += aligned_pages("replicas", family, item["id"], doc, gold)
    return pages


def page_f1(page: Page, keep: np.ndarray) -> tuple[float, float, float]:
    kept_matched, kept_size = page.matched[keep].sum(), page.sizes[keep].sum()
    if not kept_size or not page.gold_size:
        return 0.0, 0.0, 0.0
    p, r = kept_matched / kept_size, kept_matched / page.gold_size
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def labels_of(page: Page) -> np.ndarray:
    """Per candidate line: 1 = boilerplate."""
    return (page.matched[page.rows] < CONTENT_SHARE * np.maximum(page.sizes[page.rows], 1)).astype(int)
