"""`python -m cleaners`: clean raw scraped text/HTML into a deduplicated corpus.

    python -m cleaners clean PATH... --out DIR [--script simplified|keep|traditional]
                             [--no-dedup] [--explain] [--threshold J] [--no-host-lines]
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import itertools
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

from cleaners import pipeline, process_pool, sources, store
from cleaners.cli_adding import Adding
from cleaners.document import CleanResult, Document
from cleaners.store import Store, StoreError
from cleaners.store.host_lines import MIN_DOCS, HostLineReader, HostLineTable
from cleaners.store.layout import holds_store, within
from cleaners.store.prepared import fingerprint_of
from cleaners.store.rejects import RejectLog
from cleaners.stream import cli as stream_cli

PROGRESS_EVERY = 2.0  # seconds between progress lines
WINDOW_MAX = 64       # inputs cleaned between two commits of the host-lines table
WARM_UP = 4          # inputs cleaned in the CLI's own process before it forks workers


def _similarity(value: str) -> float:
    """A Jaccard threshold in (0, 1], as argparse checks it (a usage error, exit 2)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number; give a value in (0, 1], e.g. 0.6") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"{value} is outside (0, 1]; give e.g. 0.6")
    return number


def _positive(value: str) -> int:
    """A limit: a whole number above 0 (`64000000`, `64_000_000`)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not above 0")
    return number


def _add_limits(clean) -> None:
    """One flag per limit of `pipeline.Options`; a document over one is rejected with the reason."""
    limits = clean.add_argument_group("limits", "a document over a limit is not cleaned; rejects.jsonl says which")
    for name, what in (("max_bytes", "raw bytes of one document"), ("max_chars", "characters of one document's text"),
                       ("max_elements", "elements of one HTML page"), ("max_depth", "element nesting of one HTML page")):
        default = getattr(pipeline.DEFAULT, name)
        limits.add_argument("--" + name.replace("_", "-"), type=_positive, default=default, metavar="N",
                            help=f"{what} (default {default:,})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cleaners",
        description="Clean raw scraped Chinese documents (text, HTML, JSONL records, WARC) into one "
                    "UTF-8 text file per document plus a JSONL manifest, deduplicated across runs.")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean files/folders into an output store",
                           description="Clean .txt/.html files, folders of them, .jsonl records "
                                       '({"id", "url", "text"|"html", "title"?}) and .warc(.gz) archives.')
    clean.add_argument("paths", nargs="+", metavar="PATH")
    clean.add_argument("--out", default="output", help="output folder (default: output)")
    clean.add_argument("--script", choices=pipeline.SCRIPTS, default="simplified",
                       help="script of the written text (default: simplified)")
    clean.add_argument("--no-dedup", action="store_true", help="write every document, duplicates too")
    clean.add_argument("--threshold", type=_similarity, default=None,
                       help="near-duplicate Jaccard threshold (default: the store's documented default)")
    clean.add_argument("--explain", action="store_true", help="print what was removed and repaired per document")
    clean.add_argument("--jobs", type=int, default=process_pool.default_jobs(), metavar="N",
                       help="clean in N processes (default: one per processor, here %(default)s; the output is "
                            "the same, in the same order, whatever N is)")
    clean.add_argument("--keep-short", action="store_true",
                       help="also write results flagged too_short / not_chinese / not_document")
    clean.add_argument("--no-host-lines", action="store_true",
                       help="neither learn nor remove the lines a host repeats across its pages "
                            "(counted in OUT/.host_lines.sqlite across runs)")
    clean.add_argument("--host-min-docs", type=_positive, default=MIN_DOCS, metavar="N",
                       help=f"a line on N documents of a host (and a fifth of them) is its chrome (default {MIN_DOCS})")
    _add_limits(clean)
    clean.set_defaults(func=run_clean)
    _add_store_commands(sub)
    return parser


def _add_store_commands(sub) -> None:
    """`dedup` and `export` live with the store, `ingest` with the stream; they register themselves."""
    store.register_cli(sub)
    stream_cli.register_cli(sub)


def explain(result: CleanResult, out=sys.stdout) -> None:
    print(f"== {result.id}  {result.url or ''}", file=out)
    print(f"   title: {result.title!r}  site: {result.site}  chars: {len(result.text)}  flags: "
          + ", ".join(f"{k}={v}" for k, v in result.flags.items()), file=out)
    for change in result.changes:
        if change.step == "whitespace" and change.action == "removed" and not change.before:
            print(f"   [whitespace] removed {change.after} characters of spacing (runs of spaces, blank lines)", file=out)
            continue
        before = change.before.replace("\n", " ⏎ ")
        if len(before) > 100:
            before = before[:97] + "..."
        after = change.after.replace("\n", " ⏎ ")[:120]
        if change.action not in ("removed", "left_out"):      # (a removal's `after` is its reason, said as it is)
            after = repr(after)
        print(f"   [{change.step}] {change.action}: {before!r}" + (f" -> {after}" if after else ""), file=out)


def run_clean(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):
        print(f"error: no such file or folder: {', '.join(missing)}; check the path(s)", file=sys.stderr)
        return 2
    out = Path(args.out)
    inside = [p for p in args.paths if p not in missing and within(Path(p), out)]
    if inside:
        print(f"error: the output folder {out} holds the input {inside[0]}: its files would be mixed with the "
              f"documents written; give an output folder outside the inputs", file=sys.stderr)
        return 2
    try:
        options = pipeline.Options(script=args.script, max_bytes=args.max_bytes, max_chars=args.max_chars,
                                   max_elements=args.max_elements, max_depth=args.max_depth, explain=args.explain,
                                   host_lines=None if args.no_host_lines else HostLineReader(out, args.host_min_docs))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = {"read": 0, "bad": 0, "rejected": 0}
    started = last_report = time.monotonic()
    ids_seen: dict[tuple[str, str], str] = {}
    damaged: list[str] = []
    with Store(out, dedup=not args.no_dedup, threshold=args.threshold) as store, RejectLog(out) as rejects, \
            (contextlib.nullcontext() if args.no_host_lines else HostLineTable(out, auto_commit=False)) as host_table:
        inputs = sources.read(args.paths, options.max_bytes, _OutputFolders(out))
        adding = Adding(store, host_table)
        cleaned = _cleaned(inputs, options, args.jobs, host_table, store.settle, fingerprints=not args.no_dedup,
                           before_window=adding.flush)
        for where, bad, results, fingerprints in cleaned:
            if bad is not None:
                counts["bad"] += 1
                if bad.damaged:             # said once, as the run's failure, at the end
                    damaged.append(f"{bad.where}: {bad.reason}")
                else:
                    print(f"skipped {bad.where}: {bad.reason}", file=sys.stderr)
                rejects.add("bad input", where=bad.where, detail=bad.reason)
                continue
            counts["read"] += 1
            documents = []
            for result, fingerprint in zip(results, fingerprints or itertools.repeat(None)):
                if args.explain:
                    explain(result)
                why = result.rejection
                if why and not (args.keep_short and result.text and not result.flags.get("not_text")):
                    counts["rejected"] += 1
                    print(f"skipped {where}: no document left after cleaning ({why})", file=sys.stderr)
                    rejects.add(why, id=result.id, url=result.url, where=where,
                                detail=f"quality {result.metadata.get('quality')}" if "quality" in result.metadata else "")
                    continue
                documents.append((_own_id(result, where, ids_seen), fingerprint))
            adding.add(where, results[0] if results else None, documents)
            now = time.monotonic()
            if now - last_report >= PROGRESS_EVERY:
                last_report = now
                print(f"... {counts['read']} documents read, {now - started:.0f}s", file=sys.stderr)
        adding.flush()
        summary = store.summary()
    elapsed = time.monotonic() - started
    parts = [f"{counts['read']} read", *(f"{v} {k.replace('_', ' ')}" for k, v in summary.items()),
             f"{counts['rejected']} rejected", f"{counts['bad']} bad inputs"]
    print(f"done in {elapsed:.1f}s: " + ", ".join(parts) + f" -> {out}/ (manifest: {out / 'manifest.jsonl'})",
          file=sys.stderr)
    if missing:
        print(f"failed: no such file or folder: {', '.join(missing)}", file=sys.stderr)
    for line in damaged:
        print(f"failed: {line}", file=sys.stderr)
    unread = not counts["read"] and counts["bad"] > 0
    if unread:
        print(f"failed: none of the inputs could be read ({counts['bad']} bad inputs, named above)", file=sys.stderr)
    return 1 if missing or damaged or unread else 0


class _OutputFolders:
    """`sources.expand`'s `skip_folder` for `clean`: the run's own output folder and any other
    folder a store of this tool lives in (its index file) hold this tool's output, not inputs:
    `clean . --out output` run twice must not read back what the first run wrote.  Said once
    per folder."""

    def __init__(self, out: Path):
        self.out = out.resolve()

    def __call__(self, folder: Path) -> bool:
        if folder.resolve() != self.out and not holds_store(folder):
            return False
        print(f"note: {folder} is an output folder of this tool: its files are not read as inputs "
              f"(name the folder itself to clean them)", file=sys.stderr)
        return True


def _own_id(result: CleanResult, where: str, ids_seen: dict[tuple[str, str], str]) -> CleanResult:
    """Two inputs of one run that claim the same id (doc.txt in two folders, JSONL records with
    one id) are two documents: the later gets the id plus a hash of where it came from, the
    same on every rerun, instead of silently replacing the earlier."""
    source = result.url or where
    first = ids_seen.setdefault((result.site, result.id), source)
    if first == source:
        return result
    new_id = f"{result.id}-{hashlib.sha1(source.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    print(f"note: {source} has the id {result.id!r} of {first}; kept as {new_id!r}", file=sys.stderr)
    result.id = new_id
    return result


Cleaned = tuple[str, "sources.BadInput | None", list[CleanResult], "Fingerprints | None"]


def _cleaned(items, options: pipeline.Options, jobs: int, host_table: HostLineTable | None = None,
             before_fork: Callable[[], None] | None = None, fingerprints: bool = False,
             before_window: Callable[[], None] | None = None) -> Iterator[Cleaned]:
    """(where, bad input or None, results, their dedup fingerprints or None) per input, in input
    order, in `jobs` processes; `fingerprints`: computed with the cleaning (see `Fingerprints`).

    The first WARM_UP inputs are cleaned in this process, whatever `jobs` is: they build its
    tables (OpenCC's, the t2s table, the profiles' patterns: ~0.5 s of CPU), which the workers,
    forked after them, inherit instead of each building its own; and a run of a few inputs
    forks no worker.  `before_fork`: see `process_pool.start`.

    While the host-lines table learns (`host_table`), inputs go in windows of 1, 1, 2, 4 ...
    WINDOW_MAX, and the counts of the documents stored so far are committed before a window is
    cleaned, so every document sees the lines of the documents before its window, whatever
    --jobs is (the output stays the same), and the early documents of a host already teach
    the later ones of a small run (`before_window`: called first, to store what the caller still
    holds of the window before).  A window's results are yielded as they come (`imap`, one
    input at a time): the caller stores the first ones while the workers clean the rest, and
    no worker idles at the window's end behind a chunk of the other's.  The table must then
    commit only here (`auto_commit=False`)."""
    if host_table is not None and host_table.auto_commit:
        raise ValueError("the host-lines table must not commit by itself while windows are cleaned")
    work = functools.partial(_clean_item, options=options, fingerprints=fingerprints)
    if host_table is None and jobs <= 1:
        yield from map(work, items)
        return
    inputs, done, pool = iter(items), 0, None
    try:
        while window := list(itertools.islice(inputs, _window_size(done, host_table))):
            if host_table is not None and before_window is not None:
                before_window()
            if pool is None and jobs > 1 and done >= WARM_UP:
                pool = process_pool.start(jobs, before_fork)
            if host_table is not None:
                host_table.commit()
            elif pool is not None:      # no windows: the rest as one stream
                yield from pool.imap(work, itertools.chain(window, inputs), chunksize=4)
                return
            yield from (pool.imap(work, window) if pool is not None else map(work, window))
            done += len(window)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _window_size(done: int, host_table: HostLineTable | None) -> int:
    """Inputs in the next window, after `done` inputs (see `_cleaned`); without a table, the
    WARM_UP inputs, then one to see whether there are more."""
    if host_table is not None:
        return min(WINDOW_MAX, max(done, 1))
    return WARM_UP if done < WARM_UP else 1


class Fingerprints(list):
    """The dedup fingerprints of an input's results (None for one that has no text), computed
    where the input is cleaned: in a worker, that is the fold, shingles and MinHash (~0.6 ms a
    document) off the process that stores, which with dedup on was the slower of the two.
    Pickled without their shingle hashes (`Fingerprint.bare`: ~45 KB of a 60 KB document); the
    store takes them from the text for the few documents it verifies."""

    def __reduce__(self):
        return Fingerprints, ([fp.bare() if fp is not None else None for fp in self],)


def _clean_item(item, options: pipeline.Options, fingerprints: bool = False) -> Cleaned:
    if isinstance(item, sources.BadInput):
        return item.where, item, [], None
    where = item.origin or item.meta.get("source_file") or item.url or item.id or "?"
    results = _clean_safely(item, options, where)
    if not fingerprints:
        return where, None, results, None
    return where, None, results, Fingerprints(fingerprint_of(r) if r.text and not r.flags.get("not_text") else None
                                              for r in results)


def _clean_safely(doc: Document, options: pipeline.Options, where: str) -> list[CleanResult]:
    """One document's results; a bug on one document is reported, not fatal to the run."""
    try:
        return pipeline.clean_all(doc, options)
    except Exception as exc:  # noqa: BLE001 - the run must go on; the message names the input
        print(f"error cleaning {where}: {type(exc).__name__}: {exc} (please report this input)", file=sys.stderr)
        return []


def main(argv: list[str] | None = None) -> int:
    """Exit codes: 0 success, 1 a run that failed, 2 a usage error; no traceback for a user's
    error unless --debug."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted; everything written so far is consistent", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`... | head`): stop quietly, as `cat` does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (StoreError, OSError, sqlite3.Error) as exc:
        if args.debug:
            raise
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: BaseException) -> str:
    """An OSError names its file and says what to do; a StoreError's message already does."""
    if isinstance(exc, sqlite3.Error):
        return (f"the output store's index could not be written ({exc}); check free disk space and "
                "permissions of the output folder, then rerun: the batch in progress is redone")
    if isinstance(exc, OSError) and not isinstance(exc, StoreError):
        where = f" {exc.filename}" if exc.filename else ""
        advice = {13: "check the folder's permissions", 28: "free disk space, then rerun: the run resumes",
                  30: "the file system is read-only; choose another --out"}.get(exc.errno, "")
        return f"{exc.strerror or exc}:{where}" + (f" ({advice})" if advice else "")
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
