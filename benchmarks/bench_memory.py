"""Memory of the dedup store as it grows: docs/s, CPU per document, peak RSS and the slope of
resident memory in KB per stored document.

    .venv/bin/python benchmarks/bench_memory.py                         # 100,000 documents
    .venv/bin/python benchmarks/bench_memory.py --baseline-ref 8b662e0  # same run, earlier code too
    .venv/bin/python benchmarks/bench_memory.py --docs 1000000 --chars 1200   # 1M (~4 GB of files)

Every document goes through the real `Store.add_many` in the measured (main) process; 2
forked worker processes make the synthetic documents and do the pure `prepare` step (fold,
shingle, sign), as the CLI's and the crawler's worker pools do.  The main process reads its
resident memory (/proc/self/status: VmRSS = RssAnon + RssFile + RssShmem) every --sample-every
documents; the slope is the least-squares fit of RSS against documents stored, over the
samples after the first 10 % (the fixed caches fill there: SQLite's page cache, the shingle
LRU).  Each code tree runs in a child process of its own, so the baseline is measured in the
same run, on the same documents, under the same load.

Synthetic stream: documents of --chars characters on average (sentences of random words made
from the gold texts' characters): 76 % new, 8 % re-titled exact copies, 9 % copies with
5-25 % of their sentences replaced, 4 % previews (first 30-60 %, partial), 3 % template
siblings (half the sentences shared).  The shape of bench_dedup.py's stream, shorter texts:
memory per document does not depend on its length, and 1M documents of 6k characters would
write 18 GB of files.

Figures (100,000 documents of ~2,500 characters, 2 workers, store on disk, this 2-core machine
shared with other jobs at load 2.5-5; CPU figures are the steadier ones):
    baseline 8b662e0 (in-memory LSH, prefix anchors and kept documents' facts), same run as the
        disk-index run below it: 78.1 s -> 1,280 docs/s; CPU 539 us/doc main (433 store thread)
        + 248 workers; peak RSS 647 MiB, 589 MiB at the end; slope 4.52 KB/doc (all anonymous
        memory), the same over the second half; reopen 2.22 s
    key files read through the map (released at each commit), streamed manifest, 16 MiB SQLite
        cache: 99.7 s -> 1,003 docs/s; CPU 702 us/doc main (583 store thread) + 241 workers;
        peak RSS 374 MiB; slope 1.29 KB/doc = -0.02 anonymous + 1.31 file-backed (the mapped
        key file pages: with fault-around, every look-up maps ~16 pages)
    now (key files read with pread): 137.1 s -> 729 docs/s (load ~4); CPU 778 us/doc main (673
        store thread) + 243 workers; peak RSS 363 MiB, 149 MiB at the end (121 anonymous);
        slope 0.07 KB/doc after the first 10 %, -0.02 KB/doc over the second half; reopen 0.11 s
    300,000 documents of ~1,500 characters (`--docs 300000 --chars 1500`, load ~3): 349.7 s ->
        858 docs/s; CPU 774 us/doc main (679 store thread) + 188 workers; store thread 583 us/doc
        in the first third, 642 in the last; RSS 149 MiB at the end as at 100k, slope 0.01
        KB/doc; peak RSS 555 MiB (the LSH key file growing to 256 MiB, mapped while copied:
        the growth now drops those pages chunk by chunk); reopen 0.19 s
    with the key files' presence filter and a chunk's anchor look-ups in one pass (targeted timing
        of 50,000 documents, same input, load ~5: store thread 516 -> 357 us/doc CPU; key-file look-ups
        64 + 77 -> 25 + 13 us/doc, applying a commit's keys 117 -> 104):
    1,000,000 documents of ~1,200 characters (`--docs 1000000 --chars 1200`, other jobs at load 6-15
        the whole hour): 3,478.7 s -> 287 docs/s wall; CPU 857 us/doc main (765 store thread) + 151
        workers, i.e. 1,986 docs/s from the CPU per document with both cores ours; slope 0.05 KB/doc
        (0.00 anonymous) after the first 10 % and over the second half; RSS 184 MiB at the end; peak
        RSS 1,228 MiB; close 70.7 s (manifest of 810k documents), reopen 1.48 s.  Store thread per
        100k slice: 434, 524, 596, 735, 688, 653, 932, 690, 822, 856 us/doc: not flat.  What grows
        is the price of touching the key files' pages: placing a commit's ~40k keys faults ~40 random
        pages a document in, and `release` unmaps them again; measured alone (keyfile add + release,
        40 keys a document) 124 us/doc at a 64 MiB table, 586 at a 4 GiB one, most of it system time
        in page faults (first touches of a sparse file cost most).  The next step is locality:
        sorted runs written sequentially per commit (an LSM), each with its presence filter.
    key files as sorted runs (cleaners/store/keyruns.py, sorted_run.py: a commit's keys written as
        one sorted run, runs merged 4 at a time, a blocked Bloom filter and page fences per run in
        memory, one pread a key that passes), `--docs 300000 --chars 1200 --baseline-ref 211ad4b`,
        one run at load 7-27 (another session's runaway processes, then the full test suite during
        the baseline: compare the slices within each tree's run, CPU figures):
        this tree: 414.1 s -> 725 docs/s; CPU 422 us/doc main (366 store thread) + 139 workers;
            store thread per 100k slice 251, 284, 334 us/doc (1.33x); peak RSS 242 MiB (470 before:
            no table doubling); slope 0.31 KB/doc (0.53 over the second half), all anonymous: the
            runs' filters (2-4 bytes a key, ~0.1-0.16 KB a kept document) and, not yet explained,
            the rest; close 17.5 s, reopen 0.54 s
        baseline 211ad4b: 879.7 s -> 341 docs/s; CPU 606 us/doc main (534 store thread) + 150
            workers; store thread per slice 375, 517, 485 us/doc (1.30x); slope 0.04 KB/doc
        the same baseline alone before (load 1-6): store thread 289, 342, 405 us/doc (1.40x)
        Later, load 0.4-2.8, `--docs 150000 --chars 1200 --baseline-ref 211ad4b` (15k slices):
        this tree: 73.7 s -> 2,036 docs/s; CPU 360 us/doc main (277 store thread) + 132 workers;
            store thread per slice 187, 192, 208, 194, 250, 226, 215, 233, 368 (the slice of a
            merge of 128 commits' runs), 232 us/doc (1.24x); peak RSS 210 MiB; slope 0.20 KB/doc
            (0.11 over the second half)
        baseline: 89.3 s -> 1,679 docs/s; CPU 506 us/doc main (351 store thread) + 134 workers;
            store thread per slice 210, 246, 274, 244, 283, 376, 289, 419, 347, 341 us/doc (1.62x);
            peak RSS 354 MiB; slope 0.04 KB/doc
        Same outcomes in both (242,913 kept, 22,492 near, 24,508 exact dups, 10,087 replaced).
        Not flat yet: the key table alone (benchmarks/bench_keys.py, 40 keys a document, 300k
        documents) costs 59-79 us/doc CPU per 50k slice, 117 in the slice of the first merge of
        all runs, against 67 -> 303 us/doc for the hash table and 160 -> 463 for SQLite WITHOUT
        ROWID with sorted batched inserts (rejected: slower from the start and growing); so the
        remaining slope of the store's thread is elsewhere (SQLite's B-trees, the verification
        reads of candidate files): to be profiled per slice.
    1,000,000 documents of ~1,200 characters, s11 (store code of e4b3218; `--docs 1000000 --chars 1200`,
        run in a session of its own while other sessions kept the load at 5-17: it had ~1/3 of a core
        most of the hour, and CPU per document is inflated by that load too): 3,469.4 s -> 288 docs/s
        wall; CPU 1,074 us/doc main (1,004 store thread) + 326 workers (1,428 docs/s from CPU alone);
        slope 0.11 KB/doc after the first 10 % and 0.11 over the second half (all anonymous); RSS
        73 MiB at start, 271 at the end, peak 357 MiB while adding (the process's VmHWM reached
        ~727 MiB later, in close + reopen: the manifest of 810k documents); close 136.6 s, reopen
        5.9 s.  Store thread per 100k slice: 572, 649, 646, 680, 914, 659, 798, 1135, 1400, 1022
        us/doc (1.79x; the load rose in the last third, but the 300k runs above grew too): not flat,
        not yet profiled per slice.  Outcomes: 809,626 kept, 74,998 near, 81,641 exact dups, 33,735
        replaced.
    s12, where the store thread's time grows (per-phase thread time a 50k slice, this stream, 300k
        documents of ~1,200 characters; the new tree and the baseline e8b61b6 run at the same time,
        load 6-9; a harness wrapping the store's methods, not this script):
        - commits by time (BATCH_SECONDS) fall inside `add_many`'s chunk, and the look-ups made ahead
          for the rest of the chunk are made again one document at a time: the slower the machine,
          the more commits, the more of this (baseline: 178 + 86 us/doc in the first slice, 339 +
          224 in the third).  Now the chunk commits after its documents: 0.
        - the manifest rewrites: ~47 us a kept document a rewrite (record dict, an alias query,
          json), at checkpoints up to 1/21 of the time: baseline 67 -> 90 -> 135 -> 217 us/doc per
          slice.  Now ~21 us a kept document (lines written from the row, the aliases of a one-copy
          cluster without a query; same bytes), at most every 50x the last rewrite's time.
        - the rest (key-file look-ups, SQLite look-ups of candidates) grows slowly: key-file look-ups
          105 -> 126 us/doc, candidates' rows 19 -> 34 us/doc over 300k.
        new tree: store thread 813, 711, 774, 904, 834, 827 us/doc per 50k slice (1.02x last vs
            first; 904: a manifest rewrite); close 9.2 s CPU (243k kept); reopen 1.1 s; VmHWM 253 MiB
            (at the end, not in close or reopen)
    s13, 200,000 documents of ~1,200 characters, a machine at load 7-12 the whole hour (other sessions'
        valgrind and training runs: wall figures say nothing, CPU figures are inflated):
        - `--docs 200000 --chars 1200`: 467.0 s -> 428 docs/s; CPU 736 us/doc main + 355 workers (1,835
          docs/s from CPU); slope 0.16 KB/doc; store thread per 20k slice 434, 590, 558, 517, 518, 532,
          511, 860, 574, 557 us/doc (1.28x), of which the manifest checkpoints (now timed apart: they
          are due by wall time, ~20 us a kept document each, and land in whichever slice the clock
          says) 61 in the second slice, 241 in the eighth: without them 434, 529, 558, 517, 518, 532,
          511, 620, 574, 557 -- the step is from the first slice to the second, flat after it.  (The
          "store thread" total includes close and reopen, hence above "main".)  Same outcomes as below.
        - per phase (cProfile with a thread-CPU timer, the same stream replayed from a file: no
          workers; ~2x the CPU of an unprofiled run), per 40k slice: 1110, 1072, 1105, 1296 (a
          checkpoint: 210 of it), 1083 us/doc: flat.  What grows per document is the candidates read
          from SQLite (`_held`) and screened: 0.27 -> 0.58 a document, of which verified 0.13 throughout
          -- the stream's families grow (a derivative picks its base among all earlier documents, so a
          base's kept siblings pile up, ~log n): inherent to the input, +18 + 10 us/doc (profiled).
          Key-file look-ups 103, 128, 152, 133, 138 us/doc (4.4-5.2 preads a document, with the merge
          state, not monotone); SQLite statements 77 -> 96 us/doc.
        - the same replay unprofiled at load 7-9: 491, 626, 528, 521, 542, 594, 617, 554, 638, 666 us/doc
          per 20k (1.36x), process CPU 870 us/doc: a rise the profiled run does not show; not
          attributable at this load.  Outcomes: 161,927 kept, 15,076 near, 16,321 exact, 6,676 replaced.
        - tried, did not pay: WAL checkpoints off (100k replay, wal_autocheckpoint=0 against the
          default 1,000 pages): commit + spill 45 against 49 us/doc, store thread within noise, for a
          WAL of 378 MiB (3.8 KB a document); manifest lines written by SQLite (json_quote and ||,
          bytes identical): 24-27 us a kept document against 20-22 in Python.
    The memory is flat; the price is CPU: the store's thread spends ~1.3-1.5x the baseline's
    (pread of ~40 key windows a document, SQLite look-ups of each candidate's facts instead of
    a dict).  Same outcomes in every run (80,693 kept, 7,807 near, 7,949 exact dups, 3,551
    replaced).  Where the old 7 KB/doc went: per kept document ~730 B of facts tuple and
    signature in `_kept`, ~90 B `_cluster_kept`, ~770 B of LSH arrays and directory, ~200 B of
    anchors, bursts of np.insert copies at merges, the manifest rewrite holding every row's
    aliases in dicts, and SQLite's 64 MiB cache filling; plus a fixed ~100 MB of shingle cache.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 7
CHUNK = 64
PUNCT = "，，，、。。；！？"
KINDS = (("copy", 0.08), ("edit", 0.09), ("preview", 0.04), ("sibling", 0.03))


# ---------------------------------------------------------------- the synthetic stream

_POOL: list[str] = []


def sentence_pool(size: int = 200_000) -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/gold").glob("*.txt")))
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rng = random.Random(SEED)
    words = ["".join(rng.choices(chars, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(50_000)]
    return ["".join(rng.choices(words, k=rng.randint(6, 16))) + rng.choice(PUNCT) for _ in range(size)]


def kind_of(i: int) -> str:
    if i < 20:
        return "base"
    r = random.Random(i * 7919 + SEED).random()
    for kind, share in KINDS:
        if r < share:
            return kind
        r -= share
    return "base"


def base_sentences(i: int, chars: int) -> list[str]:
    rng = random.Random(i)
    return rng.choices(_POOL, k=max(3, rng.randint(chars // 2, chars * 3 // 2) // 27))


def make_doc(i: int, chars: int) -> tuple:
    """(id, site, title, text, partial) of document i."""
    kind = kind_of(i)
    rng = random.Random(i * 31 + 1)
    if kind == "base":
        return f"d{i}", "renrendoc", f"报告{i}", "".join(base_sentences(i, chars)), False
    j = i
    while kind_of(j) != "base":
        j = rng.randrange(i)
    sents = base_sentences(j, chars)
    site = rng.choice(("bingdoc", "bdocx", "taowenge", "docin"))
    if kind == "copy":
        return f"d{i}", site, f"【精品】报告{j}", "".join(sents), False
    if kind == "edit":
        rate = rng.uniform(0.05, 0.25)
        text = "".join(rng.choice(_POOL) if rng.random() < rate else s for s in sents)
        return f"d{i}", site, f"报告{j}(修订)", text, False
    if kind == "preview":
        return f"d{i}", site, f"报告{j}", "".join(sents[: max(3, int(len(sents) * rng.uniform(0.3, 0.6)))]), True
    text = "".join(s if rng.random() < 0.5 else rng.choice(_POOL) for s in sents)
    return f"d{i}", site, f"同模板报告{i}", text, False


def prepare_chunk(start: int, end: int, chars: int) -> bytes:
    """Worker: documents [start, end) prepared for the store, pickled (a bare fingerprint each)."""
    from cleaners import dedup
    from cleaners.document import CleanResult
    from cleaners.store import prepare
    docs = [make_doc(i, chars) for i in range(start, end)]
    fps = dedup.fingerprints([d[3] for d in docs])
    prepared = [prepare(CleanResult(id=d[0], url=f"https://{d[1]}.example/{d[0]}.html", site=d[1], title=d[2],
                                    text=d[3], flags={"partial": d[4], "unrecovered_chars": 0}), fp)
                for d, fp in zip(docs, fps)]
    return pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)


def produce(n: int, chars: int, workers: int):
    """Lists of Prepared, in order, made by `workers` forked processes (chunk k by worker k % workers),
    one pipe each: a worker stays at most one chunk ahead (its write blocks until read)."""
    chunks = [(s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]
    pids, files = [], []
    for k in range(workers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:                                   # the worker
            os.close(read_fd)
            with open(write_fd, "wb") as out:
                for start, end in chunks[k::workers]:
                    blob = prepare_chunk(start, end, chars)
                    out.write(len(blob).to_bytes(8, "little") + blob)
                    out.flush()
            os._exit(0)
        os.close(write_fd)
        pids.append(pid)
        files.append(open(read_fd, "rb"))
    try:
        for i in range(len(chunks)):
            fh = files[i % workers]
            size = int.from_bytes(fh.read(8), "little")
            yield pickle.loads(fh.read(size))
    finally:
        for fh in files:
            fh.close()
        for pid in pids:
            os.waitpid(pid, 0)


# ---------------------------------------------------------------- one measured run (child process)

def memory_now() -> dict[str, int]:
    """Resident memory of this process in KiB: VmRSS and its anonymous and file-backed parts."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def slope(points: list[tuple[int, int]]) -> float:
    """Least-squares slope of y (KiB) against x (documents), in KB (1,000 bytes) per document."""
    n = len(points)
    if n < 2:
        return float("nan")
    mx, my = sum(x for x, _ in points) / n, sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    return sxy / sxx * 1024 / 1000 if sxx else float("nan")


def run_child(args) -> None:
    sys.path.insert(0, str(args.tree))
    from cleaners.store import Store
    global _POOL
    manifest_cpu = [0.0]         # store-thread CPU of the manifest checkpoints (scheduled by wall time)
    plain_write_manifest = Store.write_manifest

    def timed_write_manifest(self):
        started = time.thread_time()
        try:
            plain_write_manifest(self)
        finally:
            manifest_cpu[0] += time.thread_time() - started

    Store.write_manifest = timed_write_manifest
    _POOL = sentence_pool()
    out = Path(tempfile.mkdtemp(prefix="bench_memory_", dir=args.out_parent))
    samples, counts = [], {}
    start_mem = memory_now()
    try:
        cpu0, thread0 = resource.getrusage(resource.RUSAGE_SELF), time.thread_time()
        started = time.perf_counter()
        added = 0
        per_window = []          # (docs, store-thread CPU s, wall s, of the CPU the manifest checkpoints') per window
        window_cpu, window_wall = time.thread_time(), time.perf_counter()
        with Store(out) as store:
            for chunk in produce(args.docs, args.chars, args.workers):
                for outcome in store.add_many(chunk):
                    counts[outcome.status] = counts.get(outcome.status, 0) + 1
                added += len(chunk)
                if added % args.sample_every < len(chunk):
                    samples.append((added, memory_now()))
                    now, now_wall = time.thread_time(), time.perf_counter()
                    per_window.append((added, now - window_cpu, now_wall - window_wall, manifest_cpu[0]))
                    window_cpu, window_wall, manifest_cpu[0] = now, now_wall, 0.0
            close_started, peak_adding = time.perf_counter(), memory_now()["VmHWM"]
        close_time, peak_closed = time.perf_counter() - close_started, memory_now()["VmHWM"]
        elapsed = time.perf_counter() - started
        cpu1, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        store_size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        reopen_started = time.perf_counter()
        with Store(out) as store:
            reopen = time.perf_counter() - reopen_started
            kept = len(store)
        peak_reopened = memory_now()["VmHWM"]
    finally:
        shutil.rmtree(out, ignore_errors=True)
    warm = [(d, m) for d, m in samples if d > args.docs // 10]
    late = [(d, m) for d, m in samples if d > args.docs // 2]
    result = {
        "tree": str(args.tree), "docs": args.docs, "elapsed": elapsed, "close": close_time, "reopen": reopen,
        "kept": kept, "counts": counts, "store_bytes": store_size,
        "cpu_main": cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime,
        "cpu_store_thread": time.thread_time() - thread0,
        "cpu_workers": kids.ru_utime + kids.ru_stime,
        "peak_rss_kib": cpu1.ru_maxrss, "start": start_mem,
        "peak_kib": {"adding": peak_adding, "closed": peak_closed, "reopened": peak_reopened},
        "end": samples[-1][1] if samples else start_mem,
        "slope": {key: slope([(d, m[key]) for d, m in warm]) for key in ("VmRSS", "RssAnon", "RssFile")},
        "slope_late": {key: slope([(d, m[key]) for d, m in late]) for key in ("VmRSS", "RssAnon", "RssFile")},
        "window_us": [(d, round(c / args.sample_every * 1e6)) for d, c, _, _ in per_window],
        "windows": per_window, "sample_every": args.sample_every,
        "samples": [(d, m["VmRSS"]) for d, m in samples],
    }
    print("RESULT " + json.dumps(result), flush=True)


# ---------------------------------------------------------------- the parent: one child per tree

def measure(tree: Path, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--tree", str(tree), "--docs", str(args.docs),
           "--chars", str(args.chars), "--workers", str(args.workers), "--sample-every", str(args.sample_every)]
    if args.out_parent:
        cmd += ["--out-parent", args.out_parent]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=tree)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise SystemExit(f"run of {tree} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT "):])


def slices(res: dict) -> list[tuple[int, float, float, float]]:
    """(documents stored by the slice's end, docs/s wall, store thread us/doc, of which manifest
    checkpoints) per slice: 100k documents a slice in runs of 300k or more, a tenth of the run
    below that.  The checkpoints are due by wall time (and cost ~20 us a kept document each): one
    lands in whichever slice the clock says, so the slices are shown without them too."""
    size = 100_000 if res["docs"] >= 300_000 else max(res["docs"] // 10, res["sample_every"])
    out, cpu, wall, manifest_cpu, count = [], 0.0, 0.0, 0.0, 0
    for docs, window_cpu, window_wall, window_manifest in res["windows"]:
        cpu, wall, count = cpu + window_cpu, wall + window_wall, count + res["sample_every"]
        manifest_cpu += window_manifest
        if docs % size < res["sample_every"] or docs == res["windows"][-1][0]:
            out.append((docs, count / wall, cpu / count * 1e6, manifest_cpu / count * 1e6))
            cpu, wall, manifest_cpu, count = 0.0, 0.0, 0.0, 0
    return out


def report(label: str, res: dict) -> None:
    n = res["docs"]
    flat = res["window_us"]
    third = max(1, len(flat) // 3)
    early = sum(us for _, us in flat[:third]) / third
    late = sum(us for _, us in flat[-third:]) / third
    print(f"\n== {label}: {n} docs ({res['tree']})")
    print(f"   {res['elapsed']:.1f}s -> {n / res['elapsed']:.0f} docs/s wall; CPU {res['cpu_main'] / n * 1e6:.0f} us/doc "
          f"main ({res['cpu_store_thread'] / n * 1e6:.0f} store thread) + {res['cpu_workers'] / n * 1e6:.0f} workers; "
          f"close {res['close']:.1f}s, reopen {res['reopen']:.2f}s")
    print(f"   store thread CPU per document, first third {early:.0f} us -> last third {late:.0f} us")
    print(f"   outcomes {res['counts']}; kept {res['kept']}; store {res['store_bytes'] / 2**20:.0f} MiB on disk")
    peaks = res.get("peak_kib", {})
    print("   peak RSS (VmHWM) " + ", ".join(f"{stage} {kib / 1024:.0f} MiB" for stage, kib in peaks.items())
          + " (the process's peak by then: adding, then after close, then after reopen)")
    print(f"   peak RSS {res['peak_rss_kib'] / 1024:.0f} MiB; RSS at start {res['start']['VmRSS'] / 1024:.0f} MiB, "
          f"at end {res['end']['VmRSS'] / 1024:.0f} MiB (anon {res['end']['RssAnon'] / 1024:.0f}, "
          f"file {res['end']['RssFile'] / 1024:.0f})")
    for label, s in (("after the first 10 %", res["slope"]), ("second half", res["slope_late"])):
        print(f"   slope {label}: {s['VmRSS']:.2f} KB/doc RSS ({s['RssAnon']:.2f} anon + {s['RssFile']:.2f} file-backed)")
    parts = slices(res)
    print("   per slice (docs stored: docs/s wall, store thread us/doc, of which manifest checkpoints): "
          + "; ".join(f"{docs:,}: {rate:.0f}/s, {us:.0f} us ({m:.0f})" for docs, rate, us, m in parts))
    print("   store thread us/doc per slice without the checkpoints: "
          + ", ".join(f"{us - m:.0f}" for _, _, us, m in parts)
          + f" ({(parts[-1][2] - parts[-1][3]) / (parts[0][2] - parts[0][3]):.2f}x last vs first)")
    first, last = parts[0][2], parts[-1][2]
    cores = 2 * n / (res["cpu_main"] + res["cpu_workers"])
    print(f"   bars (issue 15): slope {res['slope']['VmRSS']:.2f} KB/doc vs <= 1 KB/doc: "
          f"{'met' if res['slope']['VmRSS'] <= 1 else 'NOT met'}; {n / res['elapsed']:.0f} docs/s wall vs >= 2,000: "
          f"{'met' if n / res['elapsed'] >= 2000 else 'not met'} ({cores:.0f} docs/s from the CPU per document if the "
          f"2 cores were this run's alone); store thread last slice {last:.0f} vs first {first:.0f} us/doc "
          f"({last / first:.2f}x: flat = within 1.25x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=2_500, help="mean document length in characters")
    parser.add_argument("--workers", type=int, default=2, help="processes making and preparing documents")
    parser.add_argument("--sample-every", type=int, default=2_000, help="documents between RSS samples")
    parser.add_argument("--baseline-ref", help="also measure this git ref of the project (git archive to a temp dir)")
    parser.add_argument("--out-parent", help="folder for the stores (default: the system temp folder)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    print(f"load average before: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    runs = [("this tree", ROOT)]
    scratch = None
    if args.baseline_ref:
        scratch = Path(tempfile.mkdtemp(prefix="bench_memory_base_"))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline_ref], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive.stdout, check=True)
        runs.append((f"baseline {args.baseline_ref}", scratch))
    try:
        for label, tree in runs:
            report(label, measure(tree, args))
            print(f"   load average after: {Path('/proc/loadavg').read_text().strip()}", flush=True)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
