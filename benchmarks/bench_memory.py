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

A corpus of one's own instead (`--corpus PATH ...`: whatever `python -m cleaners clean` reads,
.txt/.html/.jsonl/.warc.gz files or folders of them; the first --docs inputs): the workers clean
each input with the pipeline, as the CLI's do, and hand over the documents it keeps; the slope
is then that corpus's.  Cleaning costs ~10x the store's work a document, so docs/s measures
the workers there, not the store.

    .venv/bin/python benchmarks/bench_memory.py --corpus crawl.jsonl --docs 200000

Figures measured so far, with their commands and the load at the time: benchmarks/figures/bench_memory.md.
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

import thread_waits
from stream_kinds import draw_kind

ROOT = Path(__file__).resolve().parent.parent
SEED = 7
CHUNK = 64
PUNCT = "，，，、。。；！？"
CORPUS_MIN = 50_000   # documents of a --corpus run below which its slope says little (the fixed caches fill first)
KINDS = (("copy", 0.08), ("edit", 0.09), ("preview", 0.04), ("sibling", 0.03))


# ---------------------------------------------------------------- the synthetic stream

_POOL: list[str] = []



def _bytes_under(root: Path) -> int:
    """Bytes of the files under `root`, walked with os.walk: Path.rglob keeps every path it
    yielded in a set (CPython 3.11), ~450 MiB for a 1M-document store, and that, not the
    store's reopen, was the 727/733 MiB "peak after reopen" of the 1M runs."""
    total = 0
    for folder, _dirs, files in os.walk(root):
        for name in files:
            try:
                total += os.stat(os.path.join(folder, name), follow_symlinks=False).st_size
            except FileNotFoundError:
                pass
    return total

def sentence_pool(size: int = 200_000) -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/gold").glob("*.txt")))
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rng = random.Random(SEED)
    words = ["".join(rng.choices(chars, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(50_000)]
    return ["".join(rng.choices(words, k=rng.randint(6, 16))) + rng.choice(PUNCT) for _ in range(size)]


def kind_of(i: int) -> str:
    return draw_kind(i, KINDS, SEED)


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


def corpus_chunk(inputs: list) -> bytes:
    """Worker, --corpus: the inputs cleaned as the CLI cleans them, the documents it would store
    prepared for the store, pickled (a bare fingerprint each)."""
    from cleaners import pipeline
    from cleaners.sources import BadInput
    from cleaners.store import prepare
    from cleaners.store.prepared import fingerprint_of
    prepared = []
    for item in inputs:
        if isinstance(item, BadInput):
            continue
        for result in pipeline.clean_all(item):
            if not result.rejection:
                prepared.append(prepare(result, fingerprint_of(result).bare()))
    return pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)


def corpus_chunks(paths: list[str], limit: int, worker: int, workers: int):
    """Worker k's chunks of the corpus (chunk j of CHUNK inputs when j % workers == k), each as
    a pickled blob; every worker reads the inputs, and cleans only its own chunks."""
    from cleaners import sources
    chunk: list = []
    index = 0
    for item in sources.read(paths):
        if index >= limit:
            break
        if (index // CHUNK) % workers == worker:
            chunk.append(item)
            if len(chunk) == CHUNK:
                yield corpus_chunk(chunk)
                chunk = []
        index += 1
    if chunk:
        yield corpus_chunk(chunk)


WORKER_SCHED: list[tuple[int, int]] = []     # (ns on a core, ns waiting for one) of each worker at its end


def produce(n: int, chars: int, workers: int, waits: thread_waits.Waits | None = None, corpus: list[str] | None = None):
    """Lists of Prepared, in order, made by `workers` forked processes (chunk k by worker k % workers),
    one pipe each: a worker stays at most one chunk ahead (its write blocks until read).  `waits`:
    the reader's sleeps for a chunk are timed in its section "chunks".  `corpus`: the chunks are
    the first `n` inputs of those paths, cleaned (a worker's end is an empty record)."""
    waits = waits or thread_waits.Waits()
    chunks = [(s, min(s + CHUNK, n)) for s in range(0, n, CHUNK)]
    pids, files = [], []
    for k in range(workers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:                                   # the worker
            os.close(read_fd)
            with open(write_fd, "wb") as out:
                blobs = corpus_chunks(corpus, n, k, workers) if corpus else \
                    (prepare_chunk(start, end, chars) for start, end in chunks[k::workers])
                for blob in blobs:
                    out.write(len(blob).to_bytes(8, "little") + blob)
                    out.flush()
                out.write((0).to_bytes(8, "little"))
            os._exit(0)
        os.close(write_fd)
        pids.append(pid)
        files.append(open(read_fd, "rb"))
    try:
        for i in range(len(chunks)):
            fh = files[i % workers]
            with waits.section("chunks"):
                size = int.from_bytes(fh.read(8), "little")
                blob = fh.read(size) if size else b""
            if not blob:                               # (a corpus smaller than n: the inputs ended)
                break
            yield pickle.loads(blob)
    finally:
        for fh in files:
            fh.close()
        WORKER_SCHED[:] = [thread_waits.sched(f"/proc/{pid}") for pid in pids]     # before they are reaped
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
    waits = thread_waits.Waits()
    waits.wrap(Store, "_flush", "commit")                # the commit's writes, SQLite's WAL checkpoints (fsync)
    try:
        from cleaners.store.writer_thread import BatchWriter
        waits.wrap(BatchWriter, "drain", "writer")       # the store thread waiting for the writer thread
    except ImportError:                                  # a tree before the writer thread
        pass
    _POOL = sentence_pool()
    if args.out_parent:
        Path(args.out_parent).mkdir(parents=True, exist_ok=True)
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
            writer = getattr(getattr(store, "_writer", None), "_thread", None)
            writer_path = f"/proc/self/task/{writer.native_id}" if writer is not None else "/nonexistent"
            sched0, writer0, adding0 = thread_waits.sched(), thread_waits.sched(writer_path), time.perf_counter_ns()
            for chunk in produce(args.docs, args.chars, args.workers, waits, args.corpus):
                for outcome in store.add_many(chunk):
                    counts[outcome.status] = counts.get(outcome.status, 0) + 1
                added += len(chunk)
                if added % args.sample_every < len(chunk):
                    samples.append((added, memory_now()))
                    now, now_wall = time.thread_time(), time.perf_counter()
                    per_window.append((added, now - window_cpu, now_wall - window_wall, manifest_cpu[0]))
                    window_cpu, window_wall, manifest_cpu[0] = now, now_wall, 0.0
            adding_ns, sched1, writer1 = time.perf_counter_ns() - adding0, thread_waits.sched(), thread_waits.sched(writer_path)
            close_started, peak_adding = time.perf_counter(), memory_now()["VmHWM"]
        close_time, peak_closed = time.perf_counter() - close_started, memory_now()["VmHWM"]
        elapsed = time.perf_counter() - started
        cpu1, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        store_size = _bytes_under(out)
        reopen_started = time.perf_counter()
        with Store(out) as store:
            reopen = time.perf_counter() - reopen_started
            kept = len(store)
        peak_reopened = memory_now()["VmHWM"]
    finally:
        shutil.rmtree(out, ignore_errors=True)
    docs = added              # (--corpus: the documents its inputs gave, whatever --docs said)
    if not docs:
        raise SystemExit("no document to store: the corpus gave none (every input rejected or unreadable?)")
    warm = [(d, m) for d, m in samples if d > docs // 10]
    late = [(d, m) for d, m in samples if d > docs // 2]
    result = {
        "tree": str(args.tree), "docs": docs, "corpus": bool(args.corpus), "elapsed": elapsed, "close": close_time, "reopen": reopen,
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
        "waits": {"adding_us": adding_ns / docs / 1e3,
                  "store_thread": thread_waits.split(adding_ns, sched0, sched1, waits, docs),
                  "writer_thread": [(b - a) / docs / 1e3 for a, b in zip(writer0, writer1)],
                  "workers": [sum(w[k] for w in WORKER_SCHED) / docs / 1e3 for k in (0, 1)]
                  + [(len(WORKER_SCHED) * adding_ns - sum(map(sum, WORKER_SCHED))) / docs / 1e3]},
    }
    print("RESULT " + json.dumps(result), flush=True)


# ---------------------------------------------------------------- the parent: one child per tree

def measure(tree: Path, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--tree", str(tree), "--docs", str(args.docs),
           "--chars", str(args.chars), "--workers", str(args.workers), "--sample-every", str(args.sample_every)]
    if args.out_parent:
        cmd += ["--out-parent", args.out_parent]
    if args.corpus:
        cmd += ["--corpus", *map(os.path.abspath, args.corpus)]
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
    if "waits" in res:
        w, st = res["waits"], res["waits"]["store_thread"]
        print(f"   the store thread's wall while adding, {w['adding_us']:.0f} us/doc: "
              + ", ".join(f"{name} {us:.0f}" for name, us in st.items())
              + f" (on a core; waiting for one; asleep in commits (SQLite's WAL checkpoints: fsync), waiting for the "
              f"writer thread's drain, for the workers' chunks, otherwise: the GIL, mostly); writer thread {w['writer_thread'][0]:.0f} on a core, "
              f"{w['writer_thread'][1]:.0f} waiting for one; workers (together) {w['workers'][0]:.0f} on a core, "
              f"{w['workers'][1]:.0f} waiting for one, {w['workers'][2]:.0f} asleep (blocked on the pipe: ahead of the store)")
    first, last = parts[0][2], parts[-1][2]
    cores = 2 * n / (res["cpu_main"] + res["cpu_workers"])
    if res.get("corpus"):
        print(f"   bar (issue 15), this corpus: slope {res['slope']['VmRSS']:.2f} KB/doc vs <= 1 KB/doc: "
              f"{'met' if res['slope']['VmRSS'] <= 1 else 'NOT met'}"
              + (f" (only {n:,} documents: below {CORPUS_MIN:,} the slope is mostly the fixed caches filling, "
                 f"SQLite's pages, 16 MiB a connection, and the shingle sets', 16 MiB)"
                 if n < CORPUS_MIN else "")
              + "; docs/s here is the workers' cleaning, not the store's (the synthetic run measures that)")
        return
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
    parser.add_argument("--corpus", nargs="+", metavar="PATH",
                        help="clean and store these inputs (the first --docs of them) instead of synthetic documents")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    missing = [p for p in args.corpus or () if not Path(p).exists()]
    if missing:
        parser.error(f"no such corpus file or folder: {', '.join(missing)}")
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
