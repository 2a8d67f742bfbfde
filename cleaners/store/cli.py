"""The store's commands of `python -m cleaners`: `dedup DIR` and `export DIR [--out FILE]`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cleaners import dedup
from cleaners.store import shards
from cleaners.store.errors import StoreError
from cleaners.store.layout import INDEX_NAME, holds_store, within
from cleaners.store.store import Store


def register_cli(sub) -> None:
    """Add `dedup DIR` and `export DIR [--out FILE]` to cleaners.cli's subparsers."""
    d = sub.add_parser("dedup", help="re-deduplicate an existing output store",
                       description="Replay every kept document of DIR against a fresh index and record "
                                   "duplicates (files of dropped copies are deleted, their URLs kept as aliases).")
    d.add_argument("dir", metavar="DIR")
    d.add_argument("--threshold", type=float, default=None,
                   help=f"near-duplicate Jaccard threshold (default {dedup.DEFAULT_THRESHOLD})")
    d.set_defaults(func=run_dedup)
    e = sub.add_parser("export", help="write a store as a corpus for datatrove / Hugging Face datasets",
                       description="Without --format: one JSON object per kept document, the manifest fields "
                                   "plus `text`, into one file.  With --format: shards of --shard-size documents "
                                   "in the folder --out, each record {text, id, metadata} (the manifest fields), "
                                   "as datatrove's JsonlReader / ParquetReader read them.  A new export of the same store "
                                   "replaces its earlier shards there; shards of another store are refused.")
    e.add_argument("dir", metavar="DIR")
    e.add_argument("--out", default="-", help="output file, or with --format the shard folder (default: standard output)")
    e.add_argument("--format", choices=shards.FORMATS, default=None, help="write shards in this format")
    e.add_argument("--shard-size", type=int, default=10_000, metavar="N", help="documents per shard (default 10000)")
    e.set_defaults(func=run_export)


def _existing_store(path: str) -> Path:
    root = Path(path)
    if not holds_store(root):
        raise StoreError(f"{root} is not an output store (no {INDEX_NAME}); "
                         "create one with `python -m cleaners clean PATH --out DIR`")
    return root


def run_dedup(args) -> int:
    try:
        counts = Store.rededup(_existing_store(args.dir), threshold=args.threshold)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"dedup {args.dir}: {counts['kept']} kept, {counts['exact_dup']} exact dups, "
          f"{counts['near_dup']} near dups, {counts['replaced']} replaced by better copy", file=sys.stderr)
    return 0


def run_export(args) -> int:
    if args.format and args.out == "-":
        print("error: --format writes shards into a folder: give it with --out", file=sys.stderr)
        return 2
    if args.shard_size < 1:
        print("error: --shard-size must be at least 1", file=sys.stderr)
        return 2
    try:
        root = _existing_store(args.dir)
        if args.out != "-":
            _check_target(Path(args.out), root, bool(args.format))
        with Store(root) as store:
            if args.format:
                replaced = len(shards.earlier_shards(Path(args.out), args.format))
                written = store.export_shards(Path(args.out), args.format, args.shard_size)
                count = len(store)
                print(f"{len(written)} {args.format} shard(s) in {args.out}"
                      + (f" (replacing {replaced} of an earlier export)" if replaced else ""), file=sys.stderr)
            elif args.out == "-":
                count = store.export(sys.stdout)
            else:
                target = Path(args.out)
                tmp = target.with_name(target.name + ".tmp")
                with open(tmp, "w", encoding="utf-8") as fh:
                    count = store.export(fh)
                os.replace(tmp, target)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"exported {count} documents from {args.dir}", file=sys.stderr)
    return 0


def _check_target(target: Path, root: Path, shards_folder: bool) -> None:
    """An export's --out must not overwrite the store it reads (its manifest, a document's file:
    `--out output/manifest.jsonl` did), nor be a folder where a file is written."""
    if within(target, root):
        raise StoreError(f"--out {target} is inside the store {root}: the export could overwrite its files; "
                         f"write it outside the store folder")
    if not shards_folder and target.is_dir():
        raise StoreError(f"--out {target} is a folder: give a file name, or --format jsonl|parquet for shards in a folder")


def main_dedup(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaners")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["dedup", *(argv or [])])
    return args.func(args)


def main_export(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaners")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *(argv or [])])
    return args.func(args)
