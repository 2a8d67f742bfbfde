"""A learned block classifier for HTML pages of unseen sites (issue 11), measured out of fold by site.

    .venv/bin/python tools/train_block_model.py                 # collect, OOF, uses, page-level table
    .venv/bin/python tools/train_block_model.py --variants none # the dev pages only (no harness variants)
    .venv/bin/python tools/train_block_model.py --pipeline      # + the uses through the whole pipeline

Pages: the TUNE and TUNE2 pages of ../shared/real/html (never HOLDOUT) and, by default, their
harness variants (tools/perturb_eval.py's PERTURB rows).  Each page goes through extract_html
with `extract_choice.main_text` wrapped: before the extractor runs, every text block of the page
(`extract_blocks.blocks`) gets its features, the extractor's chosen elements known; the
extractor's text is recorded.  A block is content when half of its character 6-grams stand in
the gold (t2s, spaces removed).  HistGradientBoosting is fitted out of fold (5 folds by
registrable domain: a page's variants go with it), and the uses are compared page by page:

  ours   the extractor's text as it is;
  add    (recall) blocks next to the chosen elements, outward until one the model calls chrome;
  drop   (precision) lines of our text in blocks the model calls chrome;
  both   add + drop;
  pick   a per-page choice among ours / readability-lxml / trafilatura by the model's predicted
         content of each (a soft F1 of the candidate against the blocks' probabilities).

Scored on the extraction text (title prepended) by the set's score.py, and with --pipeline as
the CLI runs (the variant text handed to the rest of the pipeline).  Rows: base pages (`id`) and
harness variants apart: the extractor was tuned on the base pages, so only the harness rows are
fair to it.

Measured at stop 19 (`--pipeline --pipeline-only --cache /tmp/x.pkl`, 23 harness rows, TRAIN_VARIANTS):
144,815 blocks, 19.9 % content; out of fold the model classifies 96.7 % of blocks right, against
93.0 % for "inside the extractor's chosen elements".  But through the pipeline no use beats the
extractor (clean pages, base 55 / harness 1,265): ours 51 / 1151 (F1 0.9858 / 0.9831); add@0.85
50 / 1128; drop@0.05 49 / 1115, drop@0.2 48 / 1097, drop@0.3 49 / 1102; drop of short or
markless blocks only @0.1 48 / 1106; pick among ours / readability / trafilatura, margin 0.1
51 / 1146, margin 0.2 51 / 1148.  The rest of the pipeline (boilerplate rules, the line model)
already takes the chrome the block model finds; what the model adds is mostly the article's own
label lines (`作者：白居易`, `题记：`) and code blocks scored as chrome.  So it is not wired in.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import dev_eval  # noqa: E402
import perturb_eval  # noqa: E402
from cleaners.chars.t2s import t2s  # noqa: E402
from cleaners.steps import extract_choice  # noqa: E402
import block_features as extract_blocks  # noqa: E402
from cleaners.steps.extract import extract_html  # noqa: E402
from cleaners.steps.extract_headline import layout, lead_blocks  # noqa: E402
from cleaners.steps.extract_levels import level_inner  # noqa: E402
from cleaners.steps.extract_main import main_elements  # noqa: E402
from cleaners.steps.extract_sizes import measure  # noqa: E402

HTML = dev_eval.SETS["html"]
SCORER = dev_eval.load_scorer("html")
GRAM = 6
CONTENT_SHARE = 0.5
FOLDS = 5
SHORT_BLOCK = 30
ORIGINAL = extract_choice.main_text
PARAMS = dict(max_iter=200, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=20, l2_regularization=1.0)
TRAIN_VARIANTS = ("strip_attrs", "hash_attrs", "wrap_divs", "p_to_br", "table", "h1_to_div", "end_related",
                  "end_footer", "end_comments", "after_all", "start_crumb", "before_meta", "start_meta",
                  "strip+related", "strip+after", "strip+br", "long_comments", "sidebar_prose", "split", "meta_dl",
                  "strip+split", "mid_related", "gov_tools_end")


def fold(text: str) -> str:
    return "".join((t2s().convert(text) if text else "").split())


def grams(text: str) -> set:
    return {text[i:i + GRAM] for i in range(max(1, len(text) - GRAM + 1))}


@dataclass
class Page:
    pid: str
    variant: str
    group: str
    gold: str
    title: str
    ours: str
    extractor: str
    texts: list
    features: np.ndarray
    labels: np.ndarray
    html: str = ""
    url: str = ""
    others: dict = field(default_factory=dict)


def collect(rec: dict, variant: str, html: str, gold: str, competitors: bool) -> Page | None:
    got: dict = {}

    def hook(root, html_, url, blocks_, fallback, title=""):
        copied = copy.deepcopy(root)
        sizes = measure(copied)
        page = layout(copied, sizes, title)
        chosen = [level_inner(el) for el in main_elements(copied, sizes, page)]
        if chosen:
            article = "".join("".join(el.itertext()) for el in chosen)
            chosen = lead_blocks(copied, sizes, page, chosen[0], article) + chosen
        found = extract_blocks.blocks(copied, sizes)
        got["texts"] = [text for _, text in found]
        got["features"] = extract_blocks.block_features(copied, found, chosen, sizes, title)
        text, name = ORIGINAL(root, html_, url, blocks_, fallback, title)
        got["ours"], got["extractor"] = text, name
        return text, name

    with mock.patch.object(extract_choice, "main_text", hook):
        extracted = extract_html(html, url=rec["url"])
    if "texts" not in got:
        return None
    gold_grams = grams(fold(gold))
    folded_gold = fold(gold)
    labels = []
    for text in got["texts"]:
        f = fold(text)
        if len(f) < GRAM:
            labels.append(bool(f) and f in folded_gold)
        else:
            g = grams(f)
            labels.append(sum(1 for x in g if x in gold_grams) >= CONTENT_SHARE * len(g))
    page = Page(rec["id"], variant, dev_eval.registrable_domain(dev_eval.urlsplit(rec["url"] if "//" in rec["url"]
                                                                                    else "//" + rec["url"]).hostname or ""),
                gold, extracted.title, got["ours"], got["extractor"], got["texts"], got["features"],
                np.array(labels, dtype=bool), html, rec["url"])
    if competitors:
        page.others = {"readability": readability_text(html), "trafilatura": trafilatura_text(html, rec["url"])}
    return page


def readability_text(html: str) -> str:
    try:
        from readability import Document as Readable
        from cleaners.steps.extract import html_fragment_text
        return html_fragment_text(Readable(html).summary(html_partial=True))
    except Exception:
        return ""


def trafilatura_text(html: str, url: str) -> str:
    from cleaners.steps.extract import _trafilatura
    return _trafilatura(html, url)


def pages_of(variants: list[str], competitors: bool) -> list[Page]:
    recs = [json.loads(line) for line in open(HTML / "pages.jsonl", encoding="utf-8") if line.strip()]
    split = dev_eval.halves(recs)
    recs = [r for r in recs if split[r["id"]] in ("TUNE", "TUNE2")]          # never a HOLDOUT page
    out = []
    for name in ["id", *variants]:
        started = time.time()
        for rec in recs:
            gold = (HTML / "gold" / f"{rec['id']}.txt").read_text(encoding="utf-8")
            perturb_eval.GOLD_LINES["cur"] = perturb_eval.gold_lines(rec["id"])
            try:
                html = rec["html"] if name == "id" else perturb_eval.dump(
                    perturb_eval.PERTURB[name](perturb_eval.parse(rec["html"])))
            except Exception as exc:
                print("perturb fail", name, rec["id"], exc, file=sys.stderr)
                continue
            page = collect(rec, name, html, gold, competitors)
            if page is not None:
                out.append(page)
        print(f"  collected {name:16s} ({time.time() - started:.0f}s)", file=sys.stderr, flush=True)
    return out


def cache_save(path: Path, pages: list, probs: list) -> None:
    """A temp file of this run's collected pages (tool data in /tmp, never the shipped model)."""
    import pickle
    path.write_bytes(pickle.dumps((pages, probs)))


def cache_load(path: Path):
    import pickle
    return pickle.loads(path.read_bytes())


def fit(pages: list[Page]):
    from sklearn.ensemble import HistGradientBoostingClassifier
    x = np.vstack([p.features for p in pages if len(p.texts)])
    y = np.concatenate([p.labels for p in pages if len(p.texts)])
    w = np.concatenate([np.log1p(p.features[:, 0]) + 0.5 for p in pages if len(p.texts)])
    return HistGradientBoostingClassifier(**PARAMS).fit(x, y, sample_weight=w)


def out_of_fold(pages: list[Page]) -> list[np.ndarray]:
    groups = sorted({p.group for p in pages})
    order = sorted(groups, key=lambda g: dev_eval.hashlib.sha1(g.encode()).hexdigest())
    fold_of = {g: i % FOLDS for i, g in enumerate(order)}
    probs: list = [None] * len(pages)
    for k in range(FOLDS):
        clf = fit([p for p in pages if fold_of[p.group] != k])
        for i, p in enumerate(pages):
            if fold_of[p.group] == k:
                probs[i] = clf.predict_proba(p.features)[:, 1] if len(p.texts) else np.zeros(0)
    return probs


def _col(name: str) -> int:
    return extract_blocks.feature_names().index(name)


def add_blocks(page: Page, prob: np.ndarray, cut: float, text: str) -> str:
    """Blocks next to the chosen elements, outward while the model calls them content (short
    blocks it calls chrome are passed over, a longer one stops the run)."""
    inside = np.flatnonzero(page.features[:, _col("in_chosen")] > 0)
    if not len(inside):
        return text
    folded = fold(text)
    head, tail = [], []
    for rng, bag in ((range(inside[0] - 1, -1, -1), head), (range(inside[-1] + 1, len(page.texts)), tail)):
        for i in rng:
            f = fold(page.texts[i])
            if prob[i] >= cut:
                if f and f not in folded:
                    bag.append(page.texts[i].strip())
            elif len(f) >= 10:
                break
    return "\n".join([*reversed(head), text, *tail])


def drop_lines(page: Page, prob: np.ndarray, cut: float, text: str, short: bool = False) -> str:
    """Lines of our text that lie in a chosen block the model calls chrome (with `short`, only
    blocks without a sentence mark or shorter than SHORT_BLOCK)."""
    inside = page.features[:, _col("in_chosen")] > 0
    if short:
        inside &= (page.features[:, _col("punct_share")] == 0) | (page.features[:, _col("log_flow")] < np.log1p(SHORT_BLOCK))
    low = [fold(page.texts[i]) for i in range(len(page.texts)) if inside[i] and prob[i] < cut]
    low = [f for f in low if f]
    if not low:
        return text
    kept = []
    for line in text.split("\n"):
        f = fold(line)
        if f and any(f in block for block in low):
            continue
        kept.append(line)
    return "\n".join(kept)


def predicted_f1(page: Page, prob: np.ndarray, text: str) -> float:
    """A candidate's soft F1: the blocks it holds weighed by P(content), against all blocks'."""
    folded = fold(text)
    if not folded:
        return 0.0
    sizes = np.array([len(fold(t)) for t in page.texts], dtype=float)
    held = np.array([bool(f) and f in folded for f in map(fold, page.texts)])
    matched = float((prob * sizes * held).sum())
    expected = float((prob * sizes).sum())
    return 2 * matched / max(len(folded) + expected, 1.0)


def pick(page: Page, prob: np.ndarray, margin: float) -> str:
    best, best_score = page.ours, predicted_f1(page, prob, page.ours) + margin
    for text in page.others.values():
        score = predicted_f1(page, prob, text)
        if score > best_score:
            best, best_score = text, score
    return best


SCORES: dict = {}


def scored(page: Page, text: str) -> tuple:
    """score.py's (P, R, F1) of the title and the text, remembered (most uses leave most pages alone)."""
    out = f"{page.title}\n\n{text}" if page.title else text
    key = (page.pid, "".join(out.split()))
    if key not in SCORES:
        SCORES[key] = SCORER.score(out, page.gold)
    return SCORES[key]


PIPED: dict = {}


def piped(page: Page, text: str) -> tuple:
    """score.py's (P, R, F1) of the CLI's output when our extractor's text is `text` (the rest of
    the pipeline as it is)."""
    key = (page.pid, page.variant, text)
    if key in PIPED:
        return PIPED[key]

    def hook(root, html_, url, blocks_, fallback, title=""):
        found, name = ORIGINAL(root, html_, url, blocks_, fallback, title)
        return (text, name) if name == "main" and text else (found, name)

    with mock.patch.object(extract_choice, "main_text", hook):
        out = dev_eval.cleaners_extract({"id": page.pid, "url": page.url, "html": page.html})
    key2 = (page.pid, "".join(out.split()))
    if key2 not in SCORES:
        SCORES[key2] = SCORER.score(out, page.gold) if out.strip() else (0.0, 0.0, 0.0)
    PIPED[key] = SCORES[key2]
    return PIPED[key]


def table(label: str, rows: list[tuple], pages: list[Page]) -> None:
    for name, wanted in (("base (tuned on)", lambda p: p.variant == "id"), ("harness", lambda p: p.variant != "id")):
        picked = [r for r, p in zip(rows, pages) if wanted(p)]
        if not picked:
            continue
        f1 = sum(r[2] for r in picked) / len(picked)
        clean = sum(1 for r in picked if r[0] >= 0.98 and r[1] >= 0.98)
        print(f"  {label:28s} {name:16s} F1 {f1:.4f} clean {clean:4d}/{len(picked)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", default="train", help="train (default), none, all, or a comma list")
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--pipeline-only", action="store_true", help="skip the extraction-text table")
    ap.add_argument("--cache", type=Path, help="collected pages and OOF probabilities (a temp file: reused when there)")
    ap.add_argument("--pipeline-skip", default="both@0.85,add@0.85,readability,trafilatura")
    ap.add_argument("--save", type=Path, help="write the model fitted on all pages here (JSON)")
    ap.add_argument("--cutoff", type=float, default=0.3, help="P(content) under which a chosen block is chrome")
    args = ap.parse_args()
    variants = {"train": list(TRAIN_VARIANTS), "none": [], "all": [v for v in perturb_eval.PERTURB
                                                                      if v not in ("id", "reparse")]}.get(
        args.variants, args.variants.split(","))
    if args.cache and args.cache.exists():
        pages, probs = cache_load(args.cache)
    else:
        pages = pages_of(variants, competitors=True)
        probs = out_of_fold(pages)
        if args.cache:
            cache_save(args.cache, pages, probs)
    y = np.concatenate([p.labels for p in pages])
    pr = np.concatenate(probs)
    inside = np.concatenate([p.features[:, _col("in_chosen")] > 0 for p in pages])
    print(f"blocks {len(y)}, content {y.mean():.3f}; OOF block accuracy {((pr >= 0.5) == y).mean():.4f}; "
          f"extractor's choice as classifier {(inside == y).mean():.4f}")
    uses = [("ours", lambda p, q: p.ours)] + [
        (f"add@{c}", lambda p, q, c=c: add_blocks(p, q, c, p.ours)) for c in (0.85,)] + [
        (f"drop@{c}", lambda p, q, c=c: drop_lines(p, q, c, p.ours)) for c in (0.05, 0.1, 0.2, 0.3)] + [
        (f"drop short@{c}", lambda p, q, c=c: drop_lines(p, q, c, p.ours, short=True)) for c in (0.1, 0.3)] + [
        (f"both@{c}", lambda p, q, c=c: drop_lines(p, q, 0.3, add_blocks(p, q, c, p.ours))) for c in (0.85,)] + [
        (f"pick margin {m}", lambda p, q, m=m: pick(p, q, m) if p.others else p.ours) for m in (0.05, 0.1, 0.2)] + [
        (name, lambda p, q, name=name: p.others.get(name, "")) for name in ("readability", "trafilatura")]
    print("-- extraction text (title + text) scored by score.py")
    for name, fn in uses if not args.pipeline_only else ():
        table(name, [scored(p, fn(p, q)) for p, q in zip(pages, probs)], pages)
    if args.pipeline:
        print("-- through the whole pipeline (the CLI's output) scored by score.py")
        for name, fn in uses:
            if name in args.pipeline_skip.split(","):
                continue
            table(name, [piped(p, fn(p, q)) for p, q in zip(pages, probs)], pages)
            sys.stdout.flush()
    if args.save:
        write_model(fit(pages), args.save, args.cutoff, len(pages))


def write_model(clf, path: Path, cutoff: float, pages: int) -> None:
    """The fitted trees as JSON in line_model's layout (the same packed walker reads them)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import train_line_model
    packed = train_line_model.pack(clf, cutoff)
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({
        "version": 1, "features": list(extract_blocks.feature_names()), "fingerprint": extract_blocks.fingerprint(),
        "baseline": round(packed.baseline, 6), "depth": packed.depth, "cutoff": cutoff,
        "trained_on": {"pages": pages}, "params": PARAMS,
        "trees": train_line_model.trees_json(packed),
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
