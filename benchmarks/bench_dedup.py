"""Dedup store benchmark: insert+query throughput, peak memory, reopen time, accuracy vs brute force.

    .venv/bin/python benchmarks/bench_dedup.py                  # 100,000 docs, 2 worker processes
    .venv/bin/python benchmarks/bench_dedup.py --docs 20000 --workers 0   # one process, no pool

Synthetic stream of 2-10k-character Chinese documents (sentences of words made from the gold
texts' characters), in arrival order: ~69 % new reports, 8 % re-titled exact copies, 2 %
Traditional-script copies, 10 % copies with 2-30 % of their sentences replaced or dropped
(Jaccard ~0.55-0.97, straddling the threshold), 5 % previews (first 20-60 %, partial),
6 % reports sharing half their sentences with an earlier one (template siblings, should be
kept).  Every document goes through the real `Store.add` (fold, shingle, sign, LSH query,
exact verification, SQLite, atomic file write).  With
--workers N, N processes generate documents and compute their fingerprints (the pure part)
while the main process runs the store, as the CLI or crawler would with a pool.

Accuracy: the store's verdicts on the first --bf-docs documents are compared with the
brute-force oracle of tests/dedup_corpus.py (every document against every kept one, exact
Jaccard / containment on 64-bit shingle-hash sets).  A datasketch baseline (128 perms,
MinHashLSH at the same threshold, Python shingling) runs on --baseline-docs documents when
datasketch is installed (benchmarks/requirements.txt).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import numpy as np  # noqa: E402

from cleaners import dedup  # noqa: E402
from cleaners.document import CleanResult  # noqa: E402
from cleaners.store import Store  # noqa: E402

SEED = 2024
PUNCT = "，，，、。。；！？"
KINDS = (("base", 0.69), ("copy", 0.08), ("s2t", 0.02), ("edit", 0.10), ("preview", 0.05), ("sibling", 0.06))
_POOL: list[str] = []
AVERAGE_SENTENCE = 27              # mean length of a pool sentence (measured)


def _sentence_pool(size: int = 150_000) -> list[str]:
    """Sentences of random words over the gold texts' characters (deterministic)."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "gold").glob("*.txt")))
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rng = random.Random(SEED)
    words = ["".join(rng.choices(chars, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(40_000)]
    return ["".join(rng.choices(words, k=rng.randint(6, 16))) + rng.choice(PUNCT) for _ in range(size)]


@lru_cache(maxsize=1)
def _s2t():
    import opencc
    return opencc.OpenCC("s2t")


def kind_of(i: int) -> str:
    if i < 20:
        return "base"
    r = random.Random(i * 7919 + SEED).random()
    for kind, share in KINDS:
        if r < share:
            return kind
        r -= share
    return "base"


def base_sentences(i: int) -> list[str]:
    """About 2-10k characters of sentences (pool sentences average ~AVERAGE_SENTENCE chars)."""
    rng = random.Random(i)
    return rng.choices(_POOL, k=max(1, rng.randint(2_000, 10_000) // AVERAGE_SENTENCE))


def earlier_base(i: int, rng: random.Random) -> int:
    while True:
        j = rng.randrange(i)
        if kind_of(j) == "base":
            return j


def make_doc(i: int):
    """Document i of the stream: (id, site, title, text, partial, kind, base)."""
    kind = kind_of(i)
    rng = random.Random(i * 31 + 1)
    if kind == "base":
        return (f"d{i}", "renrendoc", f"报告{i}", "".join(base_sentences(i)), False, kind, i)
    j = earlier_base(i, rng)
    sents = base_sentences(j)
    if kind == "copy":
        text, title = "".join(sents), f"【精品】报告{j}"
    elif kind == "s2t":
        text, title = _s2t().convert("".join(sents)), f"報告{j}"
    elif kind == "edit":
        rate, out = rng.uniform(0.02, 0.30), []
        for s in sents:
            r = rng.random()
            if r < rate / 2:
                out.append(rng.choice(_POOL))
            elif r >= rate:
                out.append(s)
        text, title = "".join(out), f"报告{j}(修订)"
    elif kind == "preview":
        text, title = "".join(sents[: max(3, int(len(sents) * rng.uniform(0.2, 0.6)))]), f"报告{j}"
    else:   # sibling: half the sentences shared with an earlier report, half its own
        text, title = "".join(s if rng.random() < 0.5 else rng.choice(_POOL) for s in sents), f"同模板报告{i}"
    return (f"d{i}", rng.choice(("bingdoc", "bdocx", "taowenge", "docin")), title, text, kind == "preview", kind, j)


def to_result(doc) -> CleanResult:
    id_, site, title, text, partial, _, _ = doc
    return CleanResult(id=id_, url=f"https://{site}.example/{id_}.html", site=site, title=title, text=text,
                       flags={"partial": partial, "unrecovered_chars": 0})


def _init_worker(pool: list[str]) -> None:
    global _POOL
    _POOL = pool


def _work(chunk: range):
    """Generate a chunk of documents and fingerprint them: (items, seconds spent fingerprinting)."""
    docs = [make_doc(i) for i in chunk]
    started = time.perf_counter()
    fps = dedup.fingerprints([d[3] for d in docs])
    return list(zip(docs, fps)), time.perf_counter() - started


CHUNK = 32


def _bounded(pool, n: int, in_flight: int, timing: Counter):
    """Results in order, with at most `in_flight` chunks computed ahead (imap would buffer them all)."""
    pending = deque()
    starts = iter(range(0, n, CHUNK))
    for start in starts:
        pending.append(pool.apply_async(_work, (range(start, min(start + CHUNK, n)),)))
        if len(pending) >= in_flight:
            break
    while pending:
        batch, seconds = pending.popleft().get()
        timing["fingerprint"] += seconds
        start = next(starts, None)
        if start is not None:
            pending.append(pool.apply_async(_work, (range(start, min(start + CHUNK, n)),)))
        yield from batch


def run_store(out: Path, n: int, workers: int, keep_first: int) -> dict:
    outcomes, first_docs = {}, []
    counts: Counter = Counter()
    timing: Counter = Counter()
    gen_time = 0.0
    me = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = me.ru_utime + me.ru_stime
    started = time.perf_counter()
    with Store(out) as store:
        if workers:
            with mp.get_context("fork").Pool(workers, _init_worker, (_POOL,)) as pool:
                for doc, fp in _bounded(pool, n, 4 * workers, timing):
                    result = to_result(doc)
                    a0 = time.perf_counter()
                    outcome = store.add(result, fingerprint=fp)
                    timing["add"] += time.perf_counter() - a0
                    counts[outcome.status] += 1
                    if len(first_docs) < keep_first:
                        first_docs.append(doc)
                        outcomes[doc[0]] = outcome.status
        else:
            for i in range(n):
                g0 = time.perf_counter()
                doc = make_doc(i)
                gen_time += time.perf_counter() - g0
                result = to_result(doc)
                a0 = time.perf_counter()
                outcome = store.add(result)
                timing["add"] += time.perf_counter() - a0
                counts[outcome.status] += 1
                if len(first_docs) < keep_first:
                    first_docs.append(doc)
                    outcomes[doc[0]] = outcome.status
        elapsed = time.perf_counter() - started
        insert_elapsed = elapsed - gen_time
        close_started = time.perf_counter()
    close_time = time.perf_counter() - close_started
    return {"elapsed": elapsed, "store_elapsed": insert_elapsed, "close": close_time, "counts": counts, "timing": timing,
            "cpu_before": cpu_before,
            "first_docs": first_docs, "outcomes": outcomes}


def reopen_time(out: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(out) as store:
        kept = len(store)
        opened = time.perf_counter() - started
    return opened, kept


def accuracy(first_docs, outcomes) -> dict:
    import dedup_corpus as corpus
    docs = [corpus.Doc(d[0], d[1], d[2], d[3], str(d[6]), d[5], partial=d[4]) for d in first_docs]
    started = time.perf_counter()
    truth = corpus.brute_force(docs, shingles=lambda text: set(dedup.fingerprint(text).unique.tolist()))
    bf_time = time.perf_counter() - started
    dup = ("exact_dup", "near_dup")
    found = {i for i, s in outcomes.items() if s in dup}
    real = {i for i, (s, _) in truth.items() if s in dup}
    agree = sum(outcomes[i] == truth[i][0] for i in outcomes)
    siblings = [d[0] for d in first_docs if d[5] == "sibling"]
    return {"docs": len(docs), "bf_dups": len(real), "found": len(found),
            "precision": len(found & real) / max(len(found), 1), "recall": len(found & real) / max(len(real), 1),
            "same_verdict": agree / len(docs), "bf_seconds": bf_time,
            "siblings_kept": sum(outcomes[s] == "kept" for s in siblings), "siblings": len(siblings)}


def datasketch_baseline(n: int, threshold: float) -> dict | None:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        return None
    docs = [make_doc(i) for i in range(n)]
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=dedup.NUM_PERM)
    flagged = 0
    for doc in docs:
        stream = dedup._streams(doc[3])[1].tobytes().decode("utf-32-le")
        m = MinHash(num_perm=dedup.NUM_PERM)
        m.update_batch([stream[k:k + 5].encode("utf-8") for k in range(len(stream) - 4)])
        flagged += bool(lsh.query(m))
        lsh.insert(doc[0], m)
    elapsed = time.perf_counter() - started
    return {"docs": n, "seconds": elapsed, "docs_per_s": n / elapsed, "flagged": flagged}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, help="fingerprinting processes (0: none)")
    parser.add_argument("--bf-docs", type=int, default=2_000, help="documents checked against brute force")
    parser.add_argument("--baseline-docs", type=int, default=1_000, help="documents for the datasketch baseline")
    parser.add_argument("--out", help="store folder (default: a temporary one, deleted afterwards)")
    args = parser.parse_args()

    global _POOL
    t0 = time.perf_counter()
    _POOL = _sentence_pool()
    print(f"sentence pool ready in {time.perf_counter() - t0:.1f}s", flush=True)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bench_dedup_"))
    try:
        res = run_store(out, args.docs, args.workers, args.bf_docs)
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        rss_main, rss_children = me.ru_maxrss / 1024, kids.ru_maxrss / 1024
        cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime - res["cpu_before"]
        print(f"\n== insert+query: {args.docs} docs, workers={args.workers}")
        print(f"   {res['elapsed']:.1f}s -> {args.docs / res['elapsed']:.0f} docs/s end to end"
              + ("" if args.workers else f"; {args.docs / res['store_elapsed']:.0f} docs/s excluding document generation"))
        t = res["timing"]
        if args.workers:
            print(f"   main process, inside Store.add (LSH query, exact verification, SQLite, text file): "
                  f"{args.docs / t['add']:.0f} docs/s; fingerprinting in workers (fold, shingle, sign): "
                  f"{args.docs / t['fingerprint']:.0f} docs/s per worker")
        else:
            print(f"   inside Store.add (fingerprint, LSH query, verification, SQLite, text file): {args.docs / t['add']:.0f} docs/s")
        print(f"   CPU time (all processes, incl. document generation): {cpu / args.docs * 1e3:.2f} ms a document"
              f" = {args.docs / cpu:.0f} docs per CPU-second, i.e. {2 * args.docs / cpu:.0f} docs/s on 2 idle cores")
        print(f"   outcomes: {dict(res['counts'])}; manifest write at close {res['close']:.1f}s")
        print(f"   peak RSS: main {rss_main:.0f} MiB, largest worker {rss_children:.0f} MiB")
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20
        print(f"   store size on disk: {size:.0f} MiB ({(out / '.index.sqlite').stat().st_size / 2**20:.0f} MiB index)")
        opened, kept = reopen_time(out)
        print(f"== reopen: {opened:.2f}s for {kept} kept documents (index load + LSH rebuild)")
        acc = accuracy(res["first_docs"], res["outcomes"]) if args.bf_docs else None
        if acc:
            print(f"== accuracy vs brute force on the first {acc['docs']} docs ({acc['bf_seconds']:.0f}s of brute force): "
                  f"{acc['bf_dups']} duplicates, store found {acc['found']}; precision {acc['precision']:.4f}, "
                  f"recall {acc['recall']:.4f}, same verdict {acc['same_verdict']:.4f}; "
                  f"template siblings kept {acc['siblings_kept']}/{acc['siblings']}")
        base = datasketch_baseline(args.baseline_docs, dedup.DEFAULT_THRESHOLD) if args.baseline_docs else None
        if base:
            print(f"== datasketch baseline: {base['docs']} docs in {base['seconds']:.1f}s = {base['docs_per_s']:.0f} docs/s "
                  f"(signatures + LSH only, no store), {base['flagged']} flagged by LSH")
        elif args.baseline_docs:
            print("== datasketch baseline skipped: pip install -r benchmarks/requirements.txt")
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
