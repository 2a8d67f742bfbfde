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

How the store's speed and memory change as it grows (per 100k slice, RSS slope in KB a document):
benchmarks/bench_memory.py; its figures are in benchmarks/figures/bench_memory.md (key files as sorted runs: issue 15).

Figures measured so far, with their commands and the load at the time: benchmarks/figures/bench_dedup.md.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support"), str(ROOT / "benchmarks")]

from cleaners import dedup  # noqa: E402
from cleaners.store import Store, prepare  # noqa: E402
from dedup_stream import Corpus, fill_pool, make_doc, ordered_map, to_result  # noqa: E402

BAR = 2_000                        # issue 15: dedup at >= 2,000 docs/s
_CORPUS = None                     # the stream (dedup_stream.Corpus), inherited by the forked workers


def _prepare(chunk: range):
    """The pure part of Store.add for a chunk (what a worker pool does in the CLI or crawler):
    fold, shingle, sign, LSH band keys, file content, SHA-1, row fields.

    A pickled `Prepared` leaves the shingle hashes behind (`Fingerprint.bare`), as in the
    crawler: the store takes them from the text for the ~19 % of documents it verifies, where
    sending them (43 of 61 KB a document) cost ~65 us a document in pickling and unpickling
    alone; sorting every text here into a set cost the workers ~75 us a document."""
    docs = [_CORPUS.doc(i) for i in chunk]
    fps = dedup.fingerprints([d[3] for d in docs])
    return [(d[0], prepare(to_result(d), fp)) for d, fp in zip(docs, fps)]


def run_store(out: Path, corpus: Corpus, n: int, workers: int, keep_first: int) -> dict:
    """Every document through the store, in order: Store.add_many (a chunk at a time) in this
    process, the pure `prepare` step in `workers` processes (or here, with workers=0)."""
    outcomes: dict[str, str] = {}
    counts: Counter = Counter()
    add_time = 0.0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = (me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime)
    thread_before = time.thread_time()         # this thread alone: the store's, without its writer thread
    global _CORPUS
    _CORPUS = corpus             # inherited by the forked workers
    started = time.perf_counter()
    with Store(out) as store:
        for chunk in ordered_map(_prepare, n, workers):
            a0 = time.perf_counter()
            for (doc_id, _), outcome in zip(chunk, store.add_many([prepared for _, prepared in chunk])):
                counts[outcome.status] += 1
                if len(outcomes) < keep_first:
                    outcomes[doc_id] = outcome.status
            add_time += time.perf_counter() - a0
        close_started = time.perf_counter()
    close_time = time.perf_counter() - close_started
    elapsed = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_main = me.ru_utime + me.ru_stime - cpu_before[0]
    cpu_workers = kids.ru_utime + kids.ru_stime - cpu_before[1]
    return {"elapsed": elapsed, "add": add_time, "close": close_time, "counts": counts, "outcomes": outcomes,
            "cpu_main": cpu_main, "cpu_store_thread": time.thread_time() - thread_before, "cpu_workers": cpu_workers}


def reopen_time(out: Path) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(out) as store:
        kept = len(store)
        opened = time.perf_counter() - started
    return opened, kept


def accuracy(first_docs, outcomes) -> dict:
    import dedup_corpus as corpus
    docs = [corpus.Doc(d[0], d[1], d[2], d[3], str(d[6]), d[5], partial=d[4]) for d in first_docs]
    outcomes = {d[0]: outcomes[d[0]] for d in first_docs}
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
        stream = dedup.code_streams(doc[3])[1].tobytes().decode("utf-32-le")
        m = MinHash(num_perm=dedup.NUM_PERM)
        m.update_batch([stream[k:k + 5].encode("utf-8") for k in range(len(stream) - 4)])
        flagged += bool(lsh.query(m))
        lsh.insert(doc[0], m)
    elapsed = time.perf_counter() - started
    return {"docs": n, "seconds": elapsed, "docs_per_s": n / elapsed, "flagged": flagged}


def where_to_run(choice: str, out: str | None) -> list[tuple[str, Path | None]]:
    """(label, parent folder) of each measured run; None = the system temp folder (disk)."""
    runs = []
    for name in choice.split(","):
        if name == "tmpfs":
            if Path("/dev/shm").is_dir():
                runs.append(("index (insert+query), store folder on tmpfs /dev/shm", Path("/dev/shm")))
            else:
                print("no /dev/shm: skipping the tmpfs run")
        elif name == "disk":
            runs.append(("end to end, store folder on disk" + (f" ({out})" if out else ""), None))
        else:
            raise SystemExit(f"--runs: unknown run {name!r} (use tmpfs, disk or both)")
    return runs


def report(label: str, args, res: dict) -> None:
    n, cpu = args.docs, res["cpu_main"] + res["cpu_workers"]
    print(f"\n== {label}: {n} docs, workers={args.workers}")
    print(f"   {res['elapsed']:.1f}s -> {n / res['elapsed']:.0f} docs/s "
          f"(fingerprint + LSH query + exact verification + SQLite + text file, manifest at close)")
    print(f"   main process inside Store.add_prepared: {n / res['add']:.0f} docs/s; "
          f"CPU {res['cpu_main'] / n * 1e6:.0f} us/doc main + {res['cpu_workers'] / n * 1e6:.0f} us/doc workers "
          f"= {cpu / n * 1e6:.0f} us/doc, i.e. {2 * n / cpu:.0f} docs/s if 2 cores were ours alone; "
          f"main = {res['cpu_store_thread'] / n * 1e6:.0f} us/doc store thread + the rest on its writer thread")
    print(f"   outcomes: {dict(res['counts'])}; manifest write at close {res['close']:.1f}s")
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"   peak RSS so far: main {me.ru_maxrss / 1024:.0f} MiB, largest worker {kids.ru_maxrss / 1024:.0f} MiB")
    print(f"   bar (issue 15): >= {BAR:,} docs/s: {n / res['elapsed']:.0f} wall "
          f"({'met' if n / res['elapsed'] >= BAR else 'not met'}), {2 * n / cpu:.0f} from the CPU per document "
          f"with both cores ours ({'met' if 2 * n / cpu >= BAR else 'not met'})")


def baseline(ref: str, args) -> None:
    """The same measurement by the benchmark of an earlier tree (git archive), in this run:
    its report lines, as it prints them."""
    tree = Path(tempfile.mkdtemp(prefix="bench_dedup_base_"))
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        done = subprocess.run([sys.executable, "benchmarks/bench_dedup.py", "--docs", str(args.docs), "--workers",
                               str(args.workers), "--runs", args.runs.split(",")[0], "--bf-docs", "0",
                               "--baseline-docs", "0"], cwd=tree, capture_output=True, text=True)
        report_lines = [line for line in done.stdout.splitlines() if line.startswith(("==", "   "))]
        print(f"\n== baseline {ref}, same run{'' if not done.returncode else f' (failed: {done.stderr[-500:]})'}")
        for line in report_lines:
            print("   " + line)
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, help="processes for the pure prepare step (0: none)")
    parser.add_argument("--runs", default="tmpfs,disk",
                        help="measured runs, comma-separated: tmpfs (store on /dev/shm: the index figure), "
                             "disk (store on disk: end to end); default both")
    parser.add_argument("--bf-docs", type=int, default=2_000, help="documents checked against brute force")
    parser.add_argument("--baseline-docs", type=int, default=1_000, help="documents for the datasketch baseline")
    parser.add_argument("--out", help="store folder of the disk run (default: a temporary one, deleted afterwards)")
    parser.add_argument("--baseline-ref", help="also run this git ref's bench_dedup (first of --runs, no accuracy "
                                               "or datasketch runs) after this tree's, in the same run")
    args = parser.parse_args()

    t0 = time.perf_counter()
    fill_pool()
    print(f"sentence pool ready in {time.perf_counter() - t0:.1f}s", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="bench_dedup_"))
    try:
        t0 = time.perf_counter()
        corpus = Corpus.generate(scratch / "corpus.bin", args.docs, args.workers)
        print(f"corpus of {args.docs} documents generated in {time.perf_counter() - t0:.1f}s "
              f"({corpus.offsets[-1] / 2**20:.0f} MiB pickled; not part of any figure below)", flush=True)
        verdicts = {}
        for label, parent in where_to_run(args.runs, args.out):
            if parent is None and args.out:
                out = Path(args.out)
            else:
                out = Path(tempfile.mkdtemp(prefix="store_", dir=parent or scratch))
            print(f"cat /proc/loadavg before the run: {Path('/proc/loadavg').read_text().strip()}", flush=True)
            res = run_store(out, corpus, args.docs, args.workers, args.bf_docs)
            report(label, args, res)
            size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20
            print(f"   store size: {size:.0f} MiB ({(out / '.index.sqlite').stat().st_size / 2**20:.0f} MiB index)")
            opened, kept = reopen_time(out)
            print(f"   reopen: {opened:.2f}s for {kept} kept documents (index load + LSH rebuild)", flush=True)
            if verdicts and verdicts != res["outcomes"]:
                print("   !! verdicts differ from the previous run")
            verdicts = res["outcomes"]
            if not (args.out and out == Path(args.out)):
                shutil.rmtree(out, ignore_errors=True)
        if args.bf_docs and verdicts:
            first = [corpus.doc(i) for i in range(min(args.bf_docs, args.docs))]
            acc = accuracy(first, verdicts)
            print(f"== accuracy vs brute force on the first {acc['docs']} docs ({acc['bf_seconds']:.0f}s of brute force): "
                  f"{acc['bf_dups']} duplicates, store found {acc['found']}; precision {acc['precision']:.4f}, "
                  f"recall {acc['recall']:.4f}, same verdict {acc['same_verdict']:.4f}; "
                  f"template siblings kept {acc['siblings_kept']}/{acc['siblings']}")
        if args.baseline_ref:
            baseline(args.baseline_ref, args)
        base = datasketch_baseline(args.baseline_docs, dedup.DEFAULT_THRESHOLD) if args.baseline_docs else None
        if base:
            print(f"== datasketch baseline: {base['docs']} docs in {base['seconds']:.1f}s = {base['docs_per_s']:.0f} docs/s "
                  f"(signatures + LSH only, no store), {base['flagged']} flagged by LSH")
        elif args.baseline_docs:
            print("== datasketch baseline skipped: pip install -r benchmarks/requirements.txt")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
