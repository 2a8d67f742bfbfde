"""`python -m cleaners export --format jsonl|parquet`: shards that datatrove reads, run through a
small datatrove pipeline (reader, a filter, a writer) on its local executor, in this process."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.filters import LambdaFilter
from datatrove.pipeline.readers import JsonlReader, ParquetReader

import dedup_corpus as corpus
from cleaners.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("store")
    with Store(out) as store:
        for doc in corpus.build(seed=3, mixed=6):
            store.add(doc.result())
    return out


def manifest_of(store: Path) -> dict[str, dict]:
    lines = (store / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


@pytest.mark.parametrize("fmt, reader", [("jsonl", JsonlReader), ("parquet", ParquetReader)])
def test_datatrove_reads_the_shards_with_text_id_and_the_manifest_as_metadata(store_dir, tmp_path, fmt, reader):
    shards = tmp_path / "shards"
    done = subprocess.run([sys.executable, "-m", "cleaners", "export", str(store_dir), "--format", fmt,
                           "--shard-size", "4", "--out", str(shards)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    kept = manifest_of(store_dir)
    assert len(list(shards.glob(f"*.{fmt}"))) == -(-len(kept) // 4)

    cut = sorted(record["chars"] for record in kept.values())[len(kept) // 2]
    long_ones = {i for i, record in kept.items() if record["chars"] >= cut}
    assert 0 < len(long_ones) < len(kept)
    out = []

    def collect(data, rank: int = 0, world_size: int = 1):
        """The pipeline's last step: the documents that passed the filter (one task, this process)."""
        for doc in data:
            out.append(doc)
            yield doc
    LocalPipelineExecutor(pipeline=[reader(str(shards)), LambdaFilter(lambda doc: len(doc.text) >= cut), collect],
                          tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()
    assert {doc.id for doc in out} == long_ones
    for doc in out:
        record = kept[doc.id]
        text = (store_dir / record["path"]).read_text(encoding="utf-8")
        assert text.endswith(doc.text + "\n")
        for field in ("url", "site", "title", "sha1", "cluster", "aliases", "changes", "partial"):
            assert doc.metadata[field] == record[field], field


def test_export_shards_need_an_output_folder(store_dir):
    done = subprocess.run([sys.executable, "-m", "cleaners", "export", str(store_dir), "--format", "jsonl"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "--out" in done.stderr


@pytest.mark.parametrize("target, said", [
    ("manifest.jsonl", "is inside the store"),           # was overwritten by the export
    ("corpus.jsonl", "is inside the store"),
    (None, "is a folder: give a file name"),
])
def test_an_export_never_writes_into_the_store_it_reads(store_dir, target, said):
    before = {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()}
    out = store_dir / target if target else store_dir.parent
    done = subprocess.run([sys.executable, "-m", "cleaners", "export", str(store_dir), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and said in done.stderr, done.stderr
    assert {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()} == before


def export(store: Path, out: Path, fmt: str, *more: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaners", "export", str(store), "--format", fmt,
                           "--out", str(out), *more], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_second_corpus_never_replaces_the_shards_of_another_in_the_same_folder(store_dir, tmp_path, fmt):
    other = tmp_path / "other"
    with Store(other) as store:
        for doc in corpus.build(seed=11, mixed=2):
            store.add(dataclasses.replace(doc.result(), id=f"other-{doc.id}"))
    shards = tmp_path / "shards"
    assert export(store_dir, shards, fmt, "--shard-size", "4").returncode == 0
    before = {p.name: p.read_bytes() for p in shards.iterdir()}
    done = export(other, shards, fmt)
    assert done.returncode == 2 and "of another corpus" in done.stderr, done.stderr
    assert {p.name: p.read_bytes() for p in shards.iterdir()} == before


def test_a_new_export_of_the_same_store_replaces_its_earlier_shards_and_says_so(store_dir, tmp_path):
    shards = tmp_path / "shards"
    assert export(store_dir, shards, "jsonl", "--shard-size", "2").returncode == 0
    many = len(list(shards.glob("*.jsonl")))
    done = export(store_dir, shards, "jsonl")
    assert done.returncode == 0 and f"replacing {many} of an earlier export" in done.stderr, done.stderr
    assert [p.name for p in shards.glob("*.jsonl")] == ["00000.jsonl"]
