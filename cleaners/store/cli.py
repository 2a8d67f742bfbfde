"""The store's commands of `python -m cleaners`: `dedup DIR` and `export DIR [--out FILE]`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cleaners import dedup
from cleaners.store.errors import StoreError
from cleaners.store.layout import INDEX_NAME
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
    e = sub.add_parser("export", help="write a store as one JSONL corpus with a `text` field",
                       description="One JSON object per kept document: the manifest fields plus `text` "
                                   "(readable by datatrove's JsonlReader and Hugging Face `datasets`).")
    e.add_argument("dir", metavar="DIR")
    e.add_argument("--out", default="-", help="output file (default: standard output)")
    e.set_defaults(func=run_export)


def _existing_store(path: str) -> Path:
    root = Path(path)
    if not (root / INDEX_NAME).exists():
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
    try:
        root = _existing_store(args.dir)
        with Store(root) as store:
            if args.out == "-":
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
