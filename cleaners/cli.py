"""`python -m cleaners`: clean raw scraped text/HTML into a deduplicated corpus.

    python -m cleaners clean PATH... --out DIR [--script simplified|keep|traditional]
                             [--no-dedup] [--explain] [--threshold J]
"""
from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import sys
import time
from pathlib import Path
from typing import Iterator

from cleaners import pipeline, sources
from cleaners.document import CleanResult, Document

PROGRESS_EVERY = 2.0  # seconds between progress lines


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cleaners",
        description="Clean raw scraped Chinese documents (text, HTML, JSONL records, WARC) into one "
                    "UTF-8 text file per document plus a JSONL manifest, deduplicated across runs.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean files/folders into an output store",
                           description="Clean .txt/.html files, folders of them, .jsonl records "
                                       '({"id", "url", "text"|"html", "title"?}) and .warc(.gz) archives.')
    clean.add_argument("paths", nargs="+", metavar="PATH")
    clean.add_argument("--out", default="output", help="output folder (default: output)")
    clean.add_argument("--script", choices=pipeline.SCRIPTS, default="simplified",
                       help="script of the written text (default: simplified)")
    clean.add_argument("--no-dedup", action="store_true", help="write every document, duplicates too")
    clean.add_argument("--threshold", type=float, default=None,
                       help="near-duplicate Jaccard threshold (default: the store's documented default)")
    clean.add_argument("--explain", action="store_true", help="print what was removed and repaired per document")
    clean.add_argument("--jobs", type=int, default=1, metavar="N",
                       help="clean in N processes (default 1; the output is the same, in the same order)")
    clean.add_argument("--keep-short", action="store_true",
                       help="also write results flagged too_short / not_chinese / not_document")
    clean.set_defaults(func=run_clean)
    _add_store_commands(sub)
    return parser


def _add_store_commands(sub) -> None:
    """`dedup` and `export` live with the store; they register themselves if present."""
    try:
        from cleaners import store
    except ImportError:  # pragma: no cover - store is part of the package
        return
    register = getattr(store, "register_cli", None)
    if register:
        register(sub)


def explain(result: CleanResult, out=sys.stdout) -> None:
    print(f"== {result.id}  {result.url or ''}", file=out)
    print(f"   title: {result.title!r}  site: {result.site}  chars: {len(result.text)}  flags: "
          + ", ".join(f"{k}={v}" for k, v in result.flags.items()), file=out)
    for change in result.changes:
        before = change.before.replace("\n", " ⏎ ")
        if len(before) > 100:
            before = before[:97] + "..."
        after = change.after.replace("\n", " ⏎ ")[:60]
        print(f"   [{change.step}] {change.action}: {before!r}" + (f" -> {after!r}" if after else ""), file=out)


def run_clean(args) -> int:
    from cleaners.store import Store

    options = pipeline.Options(script=args.script)
    counts = {"read": 0, "bad": 0, "rejected": 0}
    started = last_report = time.monotonic()
    out = Path(args.out)
    with Store(out, dedup=not args.no_dedup, threshold=args.threshold) as store:
        for where, bad, results in _cleaned(sources.read(args.paths), options, args.jobs):
            if bad is not None:
                counts["bad"] += 1
                print(f"skipped {bad.where}: {bad.reason}", file=sys.stderr)
                continue
            counts["read"] += 1
            for result in results:
                if args.explain:
                    explain(result)
                if not result.usable and not args.keep_short:
                    counts["rejected"] += 1
                    print(f"skipped {where}: no document left after cleaning ({result.rejection})", file=sys.stderr)
                    _record_rejection(out, where, result)
                    continue
                store.add(result)
            now = time.monotonic()
            if now - last_report >= PROGRESS_EVERY:
                last_report = now
                print(f"... {counts['read']} documents read, {now - started:.0f}s", file=sys.stderr)
        summary = store.summary()
    elapsed = time.monotonic() - started
    parts = [f"{counts['read']} read", *(f"{v} {k.replace('_', ' ')}" for k, v in summary.items()),
             f"{counts['rejected']} rejected", f"{counts['bad']} bad inputs"]
    print(f"done in {elapsed:.1f}s: " + ", ".join(parts) + f" -> {out}/ (manifest: {out / 'manifest.jsonl'})",
          file=sys.stderr)
    return 0


def _record_rejection(out: Path, where: str, result: CleanResult) -> None:
    """One line in OUT/rejects.jsonl per result not written: what it was and why (a crawl's or a
    batch's non-documents, short and non-Chinese leftovers), so nothing is dropped silently."""
    out.mkdir(parents=True, exist_ok=True)
    record = {"source": where, "id": result.id, "url": result.url, "reason": result.rejection,
              "title": result.title, "chars": len(result.text), "quality": result.metadata.get("quality")}
    with open(out / "rejects.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")


Cleaned = tuple[str, "sources.BadInput | None", list[CleanResult]]


def _cleaned(items, options: pipeline.Options, jobs: int) -> Iterator[Cleaned]:
    """(where, bad input or None, results) per input, in input order, in `jobs` processes."""
    work = functools.partial(_clean_item, options=options)
    if jobs <= 1:
        yield from map(work, items)
        return
    with multiprocessing.Pool(jobs) as pool:
        yield from pool.imap(work, items, chunksize=4)


def _clean_item(item, options: pipeline.Options) -> Cleaned:
    if isinstance(item, sources.BadInput):
        return item.where, item, []
    where = item.meta.get("source_file") or item.url or item.id or "?"
    return where, None, _clean_safely(item, options, where)


def _clean_safely(doc: Document, options: pipeline.Options, where: str) -> list[CleanResult]:
    """One document's results; a bug on one document is reported, not fatal to the run."""
    try:
        return pipeline.clean_all(doc, options)
    except Exception as exc:  # noqa: BLE001 - the run must go on; the message names the input
        print(f"error cleaning {where}: {type(exc).__name__}: {exc} (please report this input)", file=sys.stderr)
        return []


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted; everything written so far is consistent", file=sys.stderr)
        return 130
