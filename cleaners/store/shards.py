"""Export for corpus tools: the kept documents as shards that datatrove's JsonlReader and
ParquetReader read as they are.

Each record is datatrove's document shape: `text`, `id` (the store's doc id) and `metadata`
(every manifest field but the id: path, title, url, aliases, site, script, partial, chars,
sha1, cluster, unrecovered_chars, changes and the source's own `metadata`).  JSONL shards hold
`metadata` as an object; Parquet shards as a JSON string column (the manifest's nested and
per-document fields make no fixed Arrow schema), which datatrove's reader parses back into
a dict.  Shards are `NNNNN.jsonl` / `NNNNN.parquet` in the output folder, --shard-size
documents each, each written to a temporary name and renamed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

FORMATS = ("jsonl", "parquet")


def corpus_records(documents: Iterable[tuple[dict, str]]) -> Iterator[dict]:
    """(manifest record, text) -> {"text", "id", "metadata"}."""
    for record, text in documents:
        record = dict(record)
        doc_id = record.pop("id")
        yield {"text": text, "id": doc_id, "metadata": record}


def earlier_shards(out: Path, fmt: str) -> list[Path]:
    """The shards of this format an earlier export left in `out`, in order."""
    return sorted(out.glob(f"[0-9][0-9][0-9][0-9][0-9].{fmt}")) if out.is_dir() else []


def first_record(path: Path, fmt: str) -> dict | None:
    """A shard's first record ({"id", "metadata", ...}), None when it holds none or cannot be read:
    enough to tell which store an earlier export came from without reading it all."""
    try:
        if fmt == "jsonl":
            with open(path, encoding="utf-8") as fh:
                line = fh.readline()
            return json.loads(line) if line.strip() else None
        import pyarrow.parquet as pq    # see _write_parquet for why here
        rows = pq.ParquetFile(path).iter_batches(batch_size=1, columns=["id", "metadata"])
        row = next(iter(rows), None)
        if row is None or row.num_rows == 0:
            return None
        first = row.to_pylist()[0]
        return {"id": first["id"], "metadata": json.loads(first["metadata"] or "{}")}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_shards(records: Iterable[dict], out: Path, fmt: str, shard_size: int) -> list[Path]:
    """Write the records in shards of `shard_size`; earlier shards of this format in `out` go
    (the caller has checked they are this corpus's: Store.export_shards)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use {' or '.join(FORMATS)})")
    if shard_size < 1:
        raise ValueError("--shard-size must be at least 1")
    out.mkdir(parents=True, exist_ok=True)
    for old in earlier_shards(out, fmt):
        old.unlink()
    written, shard = [], []
    for record in records:
        shard.append(record)
        if len(shard) == shard_size:
            written.append(_write_shard(shard, out / f"{len(written):05d}.{fmt}", fmt))
            shard = []
    if shard or not written:
        written.append(_write_shard(shard, out / f"{len(written):05d}.{fmt}", fmt))
    return written


def _write_shard(records: list[dict], path: Path, fmt: str) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    else:
        _write_parquet(records, tmp)
    os.replace(tmp, path)
    return path


def _write_parquet(records: list[dict], path: Path) -> None:
    # Imported here, not at the top: pyarrow costs ~0.2-1.5 s of start-up (measured), and every
    # `python -m cleaners` command imports this module; only a Parquet export needs it.
    import pyarrow as pa
    import pyarrow.parquet as pq
    table = pa.table({"text": pa.array([r["text"] for r in records], type=pa.string()),
                      "id": pa.array([r["id"] for r in records], type=pa.string()),
                      "metadata": pa.array([json.dumps(r["metadata"], ensure_ascii=False) for r in records],
                                           type=pa.string())})
    pq.write_table(table, path, compression="zstd")
