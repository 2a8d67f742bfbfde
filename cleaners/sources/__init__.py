"""Input readers for the CLI: files and folders of .txt/.html, JSONL records, WARC archives.

Each reader yields `Document`s or `BadInput`s; a bad file or line never stops the
others.  Raw bytes go to the pipeline undecoded so the decoder sees what the
site sent.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterator

from cleaners.document import Document
from cleaners.sources.bad_input import BadInput
from cleaners.sources.warc import read_warc

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".shtm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def supported(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or _is_warc(path)


def expand(paths: list[str], skip_folder: Callable[[Path], bool] | None = None) -> Iterator[Path | BadInput]:
    """Files as given, folders walked in sorted order (unsupported files skipped silently
    inside folders, reported when named directly).  `skip_folder(folder)`: a folder met on
    the walk below a named one whose files are not inputs, such as an output folder of this
    tool inside the input folder; asked once per folder, and the walk does not go into it (a
    store of millions of files was listed whole before its files were dropped)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(_walk(path, skip_folder)):
                if child.name != "manifest.jsonl":
                    yield child
        elif path.is_file():
            yield path if supported(path) else BadInput(
                str(path), "unsupported file type; give .txt, .html, .jsonl or .warc(.gz) files or folders")
        else:
            yield BadInput(str(path), "no such file or folder")


def _walk(root: Path, skip_folder: Callable[[Path], bool] | None) -> Iterator[Path]:
    """The supported files under `root`, not below a folder `skip_folder` rules out (`root`
    itself is never asked: a folder named is read).  Symlinked folders are not followed, as
    `Path.rglob` did not."""
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        if skip_folder is not None:
            subfolders[:] = [name for name in subfolders if not skip_folder(here / name)]
        for name in files:
            child = here / name
            if supported(child) and child.is_file():
                yield child


def read(paths: list[str], max_bytes: int | None = None,
         skip_folder: Callable[[Path], bool] | None = None) -> Iterator[Document | BadInput]:
    """Documents of the paths, in order; a file (a JSONL line, a WARC record) over `max_bytes`
    is a BadInput, not read into memory.  `skip_folder`: see `expand`."""
    for item in expand(paths, skip_folder):
        if isinstance(item, BadInput):
            yield item
            continue
        suffix = item.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl(item, max_bytes)
            elif _is_warc(item):
                yield from read_warc(item, max_bytes)
            elif max_bytes is not None and item.stat().st_size > max_bytes:
                yield BadInput(str(item), over_limit(item.stat().st_size, max_bytes))
            else:
                data = item.read_bytes()
                if not data.strip():
                    yield BadInput(str(item), "empty file; nothing to clean")
                    continue
                yield Document(id=item.stem, data=data, is_html=suffix in HTML_SUFFIXES,
                               meta={"source_file": str(item)})
        except OSError as exc:
            yield BadInput(str(item), f"cannot read: {exc.strerror or exc}")


def record_to_document(rec: dict, where: str) -> Document | BadInput:
    if not isinstance(rec, dict):
        return BadInput(where, "a record must be a JSON object with `text` or `html`")
    text, html = rec.get("text"), rec.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return BadInput(where, "record has no non-empty `text` or `html` field")
    meta = rec.get("metadata") if isinstance(rec.get("metadata"), dict) else {}
    return Document(
        id=str(rec["id"]) if rec.get("id") is not None else None,
        url=rec.get("url") if isinstance(rec.get("url"), str) else None,
        title=rec.get("title") if isinstance(rec.get("title"), str) else None,
        site=rec.get("site") if isinstance(rec.get("site"), str) else None,
        html=html if isinstance(html, str) and html.strip() else None,
        text=None if isinstance(html, str) and html.strip() else text,
        is_html=True if isinstance(html, str) and html.strip() else None,
        meta=dict(meta),
    )


def over_limit(size: int, max_bytes: int) -> str:
    return f"over limit: {size:,} bytes (limit {max_bytes:,}: max_bytes)"


def _lines(fh, max_bytes: int | None) -> Iterator[tuple[bytes, int]]:
    """(line, its length) of a binary file; a line over `max_bytes` is skipped, not held
    in memory, and given as (b"", its length)."""
    while True:
        line = fh.readline() if max_bytes is None else fh.readline(max_bytes + 1)
        if not line:
            return
        if max_bytes is None or len(line) <= max_bytes or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            size += len(line)
        yield b"", size


def read_jsonl(path: Path, max_bytes: int | None = None) -> Iterator[Document | BadInput]:
    with path.open("rb") as fh:
        for number, (raw, size) in enumerate(_lines(fh, max_bytes), 1):
            where = f"{path}:{number}"
            if max_bytes is not None and size > max_bytes:
                yield BadInput(where, over_limit(size, max_bytes))
                continue
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield BadInput(where, f"not a valid UTF-8 JSON line ({exc}); fix or remove the line")
                continue
            doc = record_to_document(rec, where)
            if isinstance(doc, Document):
                doc.origin = where
                if doc.id is None:
                    doc.id = f"{path.stem}-{number}"
            yield doc
