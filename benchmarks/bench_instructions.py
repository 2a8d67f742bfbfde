"""Instructions per document of `cleaners.clean` and of OpenCC's t2s, counted by valgrind: the
speed figure that does not swing with the machine's load (wall-clock ratios did, 3-44x from pass
to pass, while helpers shared the two cores).

    .venv/bin/python benchmarks/bench_instructions.py                      # 100 documents after 300
    .venv/bin/python benchmarks/bench_instructions.py --docs 40 --warm 100 # quicker, rougher
    .venv/bin/python benchmarks/bench_instructions.py --baseline-ref main  # and main's code, same run
    .venv/bin/python benchmarks/bench_instructions.py --no-t2s --keep /tmp/cg  # callgrind files kept
    .venv/bin/python benchmarks/bench_instructions.py --mb 50 --warm 2000 --gc-off  # memories full

The documents are bench_clean's corpus (`build_corpus`, text input, ~5k characters each).  Each
figure is one child under `valgrind --tool=callgrind --collect-atstart=no
--toggle-collect=functools_reduce`: it imports, cleans the WARM documents, then cleans DOCS more
inside one `functools.reduce` call (which nothing in `cleaners` calls), and only what runs inside
that call is counted: the cost of a document in steady state (tables built, caches holding what
the first WARM documents left: unseen lines still miss them, as in a run).  The children leave
with `os._exit`; PYTHONHASHSEED is fixed so that set and dict orders repeat, and
OPENBLAS_NUM_THREADS=1 (OpenBLAS's idle worker thread spins for a wall-clock time: the one count
found to vary with the machine's load, ~1 M a child).  OpenCC's t2s is measured the same way over
the same documents.  --repeat N runs N children per figure and prints each with their median.
--baseline-ref extracts an earlier commit (`git archive`) into a temporary folder and measures
its `clean` on the same corpus in the same run.  Children run --jobs at a time (default 2).

Until stop 18 a figure was the difference of two children (WARM + DOCS documents, and WARM
alone) over DOCS: start-up (~5.9 G instructions, with the compilation of every module whose
`.pyc` is missing or stale: PYTHONDONTWRITEBYTECODE is set, and an extracted baseline has none)
and the warm-up had to cancel out between two processes.  Single runs of the same code disagreed
by up to 8 % (stop 17: 7.18, 7.19 and 7.82 M), and they read lower than counting inside the one
process: the code of aa0b859 is 7.660 M here (two children, equal to 4 digits) and ~7.66 M by
stop 16-17's trampoline harness (instrumentation started after the warm documents), against a
7.19 M median by the difference.  Why the difference reads lower was not found.  Figures from
before stop 18 compare with each other, not with later ones.

Figures (December 2026, stop 13; 100 documents after 300 of the 10 MB corpus, default options;
one run takes ~13 minutes on the shared two cores, a child's start-up and warm-up alone are
~5.9 G instructions under valgrind, most of it the t2s table build):
  6ff221c (before stop 13): clean() 8.168 M instructions/doc, OpenCC t2s 1.551 M = 5.27x
  (wall clock the same day, bench_clean --mb 10: ~6.3x the t2s pass).  A second run of the same
  code gave 8.151 M: counts repeat to ~0.2 %, so a change worth less than ~30 k a document needs
  several runs (or a harness that counts only the measured documents) to be seen.
  892007e (head_summary, page_kind.verdict, han_and_visible), --baseline-ref 6ff221c in one run:
  8.151 M -> 8.072 M (-1.0 %), t2s 1.551 M: 5.25x -> 5.20x.  Where a document's 8.1 M went
  (callgrind toggled around single steps, 100 documents after 300): boilerplate.remove 1.81 M,
  drop_lines ~1.7 M, _settle_head 0.74 M (head_summary 0.31, settle_title 0.23, head_tags and
  head_lede 0.14, credits_heading 0.07), the final counts (han_and_visible, code_chars, verdict,
  quality) 0.51 M, the id's SHA-1 of the UTF-8 text 0.28 M, a whole-text split("\n") ~40-50 k.
  66b1b8e (and restore_paragraphs, one split for code_chars and quality): 8.035 M by the harness
  that counts only the measured documents (6ff221c: 8.145 M there), -1.4 %.  The restore_paragraphs
  change (8.080 M -> 8.080 M, nothing seen) was reverted afterwards.
Stop 14 (s14-speed), 40 documents after 100, --baseline-ref 82a7891 in one run: 8.103 M -> 7.621 M
  (-6.0 %), t2s 1.510 M: 5.37x -> 5.05x.  Per step (callgrind toggled on the one step, same
  documents): _settle_head 0.697 -> 0.624 M, drop_lines 2.320 -> 2.124 M (both: the title cleanup
  subn, ~25 rules tried at every position, kept off titles and head lines at whose ends no rule
  may match), remove 1.998 -> 1.983 M (LiteralIndex's take).  What did not pay: remove's
  clause-mark test read off the code points (a whole-text take + nonzero + searchsorted cost
  52 k a document more than ~85 short regex searches; reverted).  Where a document's 7.6 M
  go (self cost by C function): the bytecode loop ~0.9 M, the regex engine ~1.4 M (its
  charset prefix scan ~0.5 M), numpy take ~0.5 M, substring tests ~0.3 M, split ~0.3 M, SHA-1
  and the UTF-8 encode for the id ~0.28 M, malloc/free ~0.4 M: no one step holds the 2x.
Stop 16 (s16-speed, the line table chars/lines: a text split once and its lines handed from step
  to step), 40 documents after 100, --baseline-ref 1901707 --jobs 2 in one run under load 10-14:
  7.564 M -> 7.435 M (-1.7 %; 1901707 alone, another run: 7.576 M), t2s 1.51 M: 5.01x -> 4.92x.  Per step (inclusive, each step
  called through a C trampoline so that callgrind counts it; +0.4 M of wrapper cost in the total):
  drop_lines 1.90 M, remove 1.88 M, _repair 0.69 M, settle_head 0.69 M (head_summary 0.27),
  to_simplified 0.39 M, the id 0.29 M, page_metadata 0.29 M (twelve whole-text substring tests
  for its gate), normalize_text 0.24 M, link_lists 0.235 -> 0.185 M, restore_paragraphs 0.22 M.
  Splitting and stripping were not where the time goes: the per-line Python work of each step is.
Stop 17 (s17-speed), 40 documents after 100, --baseline-ref 3d9c5c7 --jobs 2 in one run: 7.898 M ->
  7.463 M (-5.5 %), t2s 1.510 M: 5.23x -> 4.94x.  The largest single C cost was the regex engine's
  character-class test (sre_ucs1_charset, ~0.7 M a document): a search whose pattern starts with a
  class tries it at every character of the text (~70 instructions each), where one starting with a
  literal jumps between candidates.  Whole-text scans of that kind went: link_excerpts' cut-line
  gate (0.308 -> 0.086 M), the latin-1 test in fold_layout_spaces (0.103 -> 0.037), the repairs'
  garbage and annotated-run scans (0.108 -> 0.060, 0.072 -> 0.014), page_metadata's strong-label
  test (0.289 -> 0.273); head_tags reads the line table (0.108 -> 0.075).  Per-step figures were
  callgrind runs with each step called through its own C function (a tiny extension of numbered
  trampolines), instrumentation started by a client request after the warm documents.
Stop 17, merged tree (speed, text, HTML, store), 40 after 100: --baseline-ref 2ecb708 --jobs 1 twice:
  8.427 -> 7.177 M and 7.864 -> 7.192 M; --baseline-ref 3d9c5c7 --jobs 2: 7.844 -> 7.824 M.  The
  same code measured 7.18-7.82 M and 2ecb708 7.86-8.43 M: single runs can be ~8 % off, for a
  reason not found (PYTHONHASHSEED is fixed).  Take the median of several runs before a decision.
Stop 20 (s20-speed, issue 11: the line model's step), 40 documents after 100, --baseline-ref main
  (06761ce) --jobs 1: 7.714 M -> 7.377 M (-4.4 %), t2s 1.510 M: 5.11x -> 4.88x (two runs of the final
  code, the same to 4 digits; main read 7.714 M in all three runs of the day).  drop_lines alone
  (its recorded calls replayed, 353 after 350, callgrind):
  1.717 -> 1.563 M a call (-9 %); process_time of the replay, hot caches, interleaved: 147-151 ->
  134-141 us (bench_clean --stages wall figures for the step did not show it: 0.23-0.27 ms either
  way).  What paid: fewer numpy ops that broadcast an (n, 1) column (numpy runs those through a
  buffered iterator, several k instructions more than a 1-D op: the split answers' threshold
  column, now compared in C order, and the walk's roots, now made once per row count), and no
  bool transpose of the answers; a line's size and near_* flags packed as bytes
  with its remembered facts (one frombuffer, one cumsum for near_* and chars_*); the final
  normalize_text skipped when handed the very text it returned before the line model (~0.1 M a
  document; it is idempotent), compress instead of index loops.  Did not pay: grouping paired
  columns (head / tail, chars_*, the long-line bounds) into (rows, 2) ops (+23 k a call: broadcasts);
  functools.reduce / operator maps for _may_cross_lines (+25 k a call over the bytecode loop);
  first / last index dicts for `repeated` instead of set + Counter (+14 k); relative_length from
  the rows' log_length tuple (+8 k); packbits along axis 0 to skip the answers' transpose (2x).
  The rest of the step: unseen lines (~2.3 line_own and ~7 _line_facts misses a call: the marker
  trie and DATE on long lines), the split answers' gather and compare (~0.1 M), the walk.
Stop 23 (s23-speed): --mb and --fresh-prose take the documents from a larger or a fresh-prose
  corpus (the per-line memories fill only past ~1,000 documents of the 50 MB one), --gc-off
  collects and switches the cyclic collector off for the counted documents.  Why: in one run
  a full collection (~38 M instructions, callgrind's gc_collect_main) fell inside the 100
  counted documents of one tree and outside the other's, +5.5 % (7.299 -> 7.698 M) for a change
  that is +0.3 % with the collector off; likely the reason single runs above disagreed by up
  to 8 %.  Unchanged code whose window holds no collection repeats exactly (3f84740: 7.299 M and
  9.940 M, each in two runs).
Stop 23, the line model's chrome-words columns (cleaners/steps/line_vocab.py), --docs 40 --warm 100
  --gc-off --baseline-ref 3f84740: 7.794 -> 8.354 M (+7.2 %; t2s 1.510 M, 5.16x -> 5.53x).  As first
  written +12 %: a 2-character string made and hashed per pair of candidate lines up to ~500
  characters long; such lines now go through numpy and an int-keyed dict.
Stop 24, the head looked at again after the line model and after the body's heading takes the
  title (idempotence), and title_repeats reading only lines that hold the title's first and last
  character, --docs 40 --warm 100 --gc-off --baseline-ref a6730b8: 8.364 -> 8.316 M (-0.6 %;
  t2s 1.510 M, 5.54x -> 5.51x); with the blank-line fixes of the head (4eb873b) 8.336 M (-0.3 %).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import os
import pickle
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_clean import build_corpus  # noqa: E402

# The child: imports the cleaners of ROOT, cleans (or converts) WARM documents, then COUNT more
# inside the one call callgrind counts, leaves.
CHILD = """\
import functools, os, pickle, sys
root, corpus, mode, warm, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
gc_off = sys.argv[6] == "gc-off"
sys.path.insert(0, root)
with open(corpus, "rb") as f:
    docs = pickle.load(f)
if mode == "clean":
    from cleaners import Document, clean
    def one(doc):
        clean(Document(text=doc, is_html=False))
else:
    from opencc import OpenCC
    try:
        t2s = OpenCC("t2s")
    except Exception:
        t2s = OpenCC("t2s.json")
    one = t2s.convert
one(docs[0])                                         # tables built even when WARM is 0
for doc in docs[:warm]:
    one(doc)
if gc_off:                                           # (no full collection lands in the counted call)
    import gc
    gc.collect()
    gc.disable()
# Counted: only what runs inside this reduce (callgrind --toggle-collect=functools_reduce).
functools.reduce(lambda _, doc: one(doc), docs[warm:warm + count], None)
sys.stdout.flush()
os._exit(0)
"""
COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(root: Path, corpus: Path, mode: str, warm: int, count: int, scratch: Path, keep: Path | None,
                 label: str, run: int, gc_off: bool = False) -> int:
    """Instructions callgrind counts over the COUNT measured documents of one child (start-up,
    imports and the WARM documents run uncounted: only the child's `functools.reduce` is)."""
    out = (keep or scratch) / f"callgrind.{label}.{mode}.{run}.out"
    # One BLAS thread: OpenBLAS's idle worker spins for a wall-clock time, a count that varied
    # by ~1 M a child with the machine's load (the only difference between runs found).
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
                           f"--callgrind-out-file={out}", sys.executable, str(scratch / "ic_child.py"), str(root),
                           str(corpus), mode, str(warm), str(count), "gc-off" if gc_off else "gc-on"],
                          capture_output=True, text=True, env=env)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or not found:
        sys.exit(f"the {label} {mode} child ({count} documents) failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100, help="documents measured (default 100)")
    parser.add_argument("--warm", type=int, default=300, help="documents cleaned before them (default 300)")
    parser.add_argument("--mb", type=float, default=10.0,
                        help="bench_clean corpus the documents come from (default 10 MB: 703 documents)")
    parser.add_argument("--fresh-prose", action="store_true", help="bench_clean's corpus whose prose never recurs")
    parser.add_argument("--gc-off", action="store_true",
                        help="collect, then switch the cyclic collector off for the counted documents: a full "
                             "collection (~40 M instructions at 50 MB's caches) lands in one run's window and not "
                             "in another's")
    parser.add_argument("--baseline-ref", metavar="GITREF", help="also measure this commit's clean()")
    parser.add_argument("--no-t2s", action="store_true", help="skip the OpenCC t2s figure")
    parser.add_argument("--jobs", type=int, default=2, help="children run at once (default 2)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the callgrind output files here")
    parser.add_argument("--repeat", type=int, default=1, help="children per figure, their median shown (default 1)")
    args = parser.parse_args()
    if args.docs < 1 or args.warm < 0:
        parser.error("--docs must be positive, --warm not negative")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="bench_instructions.") as name:
        scratch = Path(name)
        # (a smaller corpus is a prefix of a larger one)
        docs = build_corpus(args.mb, fresh_prose=args.fresh_prose)[:args.warm + args.docs]
        if len(docs) < args.warm + args.docs:
            parser.error(f"the corpus holds {len(docs)} documents")
        corpus = scratch / "corpus.pkl"
        corpus.write_bytes(pickle.dumps(docs))
        (scratch / "ic_child.py").write_text(CHILD, encoding="utf-8")
        roots = {"this tree": ROOT}
        if args.baseline_ref:
            base = scratch / "baseline"
            base.mkdir()
            archive = subprocess.run(["git", "archive", args.baseline_ref, "cleaners"], cwd=ROOT,
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
            roots[f"{args.baseline_ref}"] = base
        runs = [(label, root, "clean") for label, root in roots.items()]
        if not args.no_t2s:
            runs.append(("OpenCC", ROOT, "t2s"))
        jobs = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for label, root, mode in runs:
                tag = re.sub(r"\W+", "_", label)
                jobs[label, mode] = [pool.submit(instructions, root, corpus, mode, args.warm, args.docs, scratch,
                                                 args.keep, tag, run, args.gc_off)
                                     for run in range(max(args.repeat, 1))]
        per_doc = {}
        print(f"{args.docs} documents after {args.warm} (bench_clean's corpus, text input):")
        for label, root, mode in runs:
            counts = [job.result() / args.docs for job in jobs[label, mode]]
            per_doc[label, mode] = statistics.median(counts)
            what = f"clean() [{label}]" if mode == "clean" else "OpenCC t2s"
            spread = f"  (runs: {', '.join(f'{c / 1e6:.4f}' for c in counts)})" if len(counts) > 1 else ""
            print(f"  {what:32s} {per_doc[label, mode] / 1e6:8.3f} M instructions/doc{spread}")
        t2s = per_doc.get(("OpenCC", "t2s"))
        if t2s:
            for label in roots:
                print(f"  clean() [{label}] / t2s: {per_doc[label, 'clean'] / t2s:.2f}x")
        if args.baseline_ref:
            now, before = per_doc["this tree", "clean"], per_doc[args.baseline_ref, "clean"]
            print(f"  this tree vs {args.baseline_ref}: {before / 1e6:.3f} M -> {now / 1e6:.3f} M "
                  f"({(now - before) / before:+.1%})")


if __name__ == "__main__":
    main()
