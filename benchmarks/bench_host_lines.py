"""What site-level repetition costs: `clean()` with and without the host-lines table, the table's
count per kept document, its size on disk and the resident memory of a process that counts.

    .venv/bin/python benchmarks/bench_host_lines.py                    # 5,000 documents, 50 hosts
    .venv/bin/python benchmarks/bench_host_lines.py --docs 200000 --hosts 2000 --no-clean   # the table alone
    .venv/bin/python benchmarks/bench_host_lines.py --docs 20000 --hosts 50 --replay       # reader and writer CPU

Documents are bench_clean.py's (the seeds with their chrome, numbers varied, ~40 % Traditional),
each given a URL on one of --hosts hosts.  The clean passes run interleaved, each on its own
fresh table (the table learns during the pass, as a batch run's does); the figures are the
medians.  --no-clean times the table alone on synthetic line keys (40 per document, 30 of them
the host's own), for the memory slope over many documents: resident memory must stay flat
(issue 15: <= 1 KB per stored document).  --replay: the look-ups and counts of a `clean` run
without the cleaning, synthetic keys (64 a document, ~30 of them the host's chrome, hosts drawn
at random), windows and commits as the CLI makes them: CPU (process_time) a document of the
readers' `repeated` and of the writer's count and commits.

Figures (2-core machine shared with other jobs at load 9-13, so every time is ~6x a quiet
minute's: bench_clean.py's quiet 0.64 ms/doc measured 4.1 here; December 2026):
  2,952 documents, 50 hosts, 3 passes: clean() 4.13 ms/doc without the table, 4.02 with it
  (the difference is below the noise); the host-lines part alone (keys, one indexed SELECT,
  the step) 0.13 ms/doc, i.e. ~3 % of clean(); count (the writer) 0.13 ms/doc; the table
  0.46 KB/doc on disk.
  --no-clean, 200,000 documents, 2,000 hosts (load ~8): count 0.33 ms/doc, 0.25 KB/doc on
  disk, RSS 77 -> 81 MiB over the run, slope 0.0000 KB/doc (SQLite's page cache is bounded).
  --replay, 20,000 documents (stop 20, load ~2, two runs each, against main's reader): 50 hosts,
  reader 102 -> 41 us/doc (a large host's lines over the threshold loaded once per commit),
  writer 303 -> 309 (lines_hot16's upkeep); 2,000 hosts, reader 34 -> 37, writer 135 -> 145.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_clean import build_corpus  # noqa: E402
from cleaners import Document, Options, clean  # noqa: E402
from cleaners.document import LineKeys  # noqa: E402
from cleaners.steps import host_repeats  # noqa: E402
from cleaners.store.host_lines import FILE_NAME, HostLineReader, HostLineTable  # noqa: E402


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def clean_pass(docs: list[Document], with_table: bool, alone: list | None = None) -> tuple[float, float, int]:
    """(seconds cleaning, seconds counting, table bytes) over all documents, a fresh table;
    `alone`: gets the seconds of the host-lines part by itself (keys, look-up, step) over the
    cleaned texts, against the full table."""
    with tempfile.TemporaryDirectory() as folder:
        options = Options(host_lines=HostLineReader(folder)) if with_table else Options()
        table = HostLineTable(folder) if with_table else None
        cleaning = counting = 0.0
        for doc in docs:
            started = time.perf_counter()
            result = clean(doc, options)
            cleaning += time.perf_counter() - started
            if table is not None and result.line_keys is not None:
                started = time.perf_counter()
                table.count(result.line_keys, doc.url)
                counting += time.perf_counter() - started
        if table is not None:
            table.close()
        size = sum(p.stat().st_size for p in Path(folder).glob(FILE_NAME + "*"))
        if alone is not None:
            texts = [(clean(doc).text, doc.url.split("/")[2]) for doc in docs]
            started = time.perf_counter()
            for text, host in texts:
                keys = host_repeats.counted_keys(host_repeats.line_keys(text))
                host_repeats.drop_repeated(text, options.host_lines.repeated(host, keys))
            alone.append(time.perf_counter() - started)
    return cleaning, counting, size


def run_clean(args) -> None:
    texts = build_corpus(args.docs * 14_000 / 1e6)[: args.docs]
    docs = [Document(text=t, is_html=False, url=f"https://site{n % args.hosts}.example.gov.cn/a/{n}.html")
            for n, t in enumerate(texts)]
    clean(docs[0])
    plain, with_table, counting, sizes, alone = [], [], [], [], []
    for _ in range(args.passes):
        plain.append(clean_pass(docs, False)[0])
        seconds, counted, size = clean_pass(docs, True, alone)
        with_table.append(seconds)
        counting.append(counted)
        sizes.append(size)
    n = len(docs)
    print(f"{n} documents, {args.hosts} hosts, median of {args.passes} passes")
    print(f"clean() without the table: {statistics.median(plain) / n * 1e3:.3f} ms/doc")
    print(f"clean() with the table   : {statistics.median(with_table) / n * 1e3:.3f} ms/doc")
    print(f"host-lines part alone    : {statistics.median(alone) / n * 1e3:.3f} ms/doc")
    print(f"count (writer)           : {statistics.median(counting) / n * 1e3:.3f} ms/doc")
    print(f"table on disk            : {statistics.median(sizes) / n / 1024:.2f} KB/doc")


def run_table(args) -> None:
    rng = random.Random(5)
    chrome = {h: [rng.getrandbits(63) for _ in range(30)] for h in range(args.hosts)}
    with tempfile.TemporaryDirectory() as folder, HostLineTable(folder) as table:
        samples, started = [], time.perf_counter()
        for n in range(args.docs):
            host = n % args.hosts
            keys = tuple(chrome[host] + [rng.getrandbits(63) for _ in range(10)])
            table.count(LineKeys(f"site{host}.example.gov.cn", keys), f"https://site{host}/a/{n}.html")
            if n % 5_000 == 0:
                samples.append((n, rss_kib()))
        elapsed = time.perf_counter() - started
        table.commit()
        size = sum(p.stat().st_size for p in Path(folder).glob(FILE_NAME + "*"))
    later = samples[len(samples) // 10:]
    xs, ys = [x for x, _ in later], [y for _, y in later]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in later) / max(sum((x - mean_x) ** 2 for x in xs), 1)
    print(f"{args.docs} documents, {args.hosts} hosts: count {elapsed / args.docs * 1e3:.3f} ms/doc, "
          f"table {size / args.docs / 1024:.2f} KB/doc on disk, RSS {samples[0][1] / 1024:.0f} -> "
          f"{samples[-1][1] / 1024:.0f} MiB, slope {slope:.4f} KB/doc")


def run_replay(args) -> None:
    from cleaners import cli
    rng = random.Random(5)
    chrome = {h: [rng.getrandbits(63) for _ in range(40)] for h in range(args.hosts)}
    calls = []
    for _ in range(args.docs):
        host = rng.randrange(args.hosts)
        own = [key for key in chrome[host] if rng.random() < 0.75][:30]
        keys = own + [rng.getrandbits(63) for _ in range(64 - len(own))]
        calls.append((f"site{host}.example.gov.cn", host_repeats.counted_keys(keys)))
    reading = writing = 0.0
    with tempfile.TemporaryDirectory() as folder:
        reader, table = HostLineReader(folder), HostLineTable(folder, auto_commit=False)
        done = 0
        while done < len(calls):
            window = calls[done:done + cli._window_size(done, table)]
            started = time.process_time()
            table.commit()
            writing += time.process_time() - started
            started = time.process_time()
            for host, keys in window:
                reader.repeated(host, keys)
            reading += time.process_time() - started
            started = time.process_time()
            for n, (host, keys) in enumerate(window):
                table.count(LineKeys(host, keys), f"https://{host}/a/{done + n}.html")
            writing += time.process_time() - started
            done += len(window)
        started = time.process_time()
        table.close()
        writing += time.process_time() - started
    print(f"{args.docs} documents, {args.hosts} hosts, replayed: reader {reading / args.docs * 1e6:.1f} us/doc, "
          f"writer {writing / args.docs * 1e6:.1f} us/doc (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5_000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--no-clean", action="store_true", help="time the table alone (synthetic keys)")
    parser.add_argument("--replay", action="store_true", help="reader and writer CPU over a run's look-ups and counts")
    args = parser.parse_args()
    (run_replay if args.replay else run_table if args.no_clean else run_clean)(args)


if __name__ == "__main__":
    main()
