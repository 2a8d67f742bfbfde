"""Checks on an output folder that store tests and crash tests share."""
from __future__ import annotations

import json
import sqlite3

from cleaners.store.layout import sha1_hex


def manifest(root):
    return [json.loads(line) for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def files_on_disk(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")
            and p.name not in ("manifest.jsonl", "rejects.jsonl")}


def assert_consistent(root):
    """Manifest == kept rows of the index == text files on disk, and each file matches its sha1."""
    records = manifest(root)
    db = sqlite3.connect(root / ".index.sqlite")
    kept = dict(db.execute("SELECT doc_id, path FROM docs WHERE status='kept'").fetchall())
    db.close()
    assert {r["id"]: r["path"] for r in records} == kept
    assert files_on_disk(root) == set(kept.values())
    for r in records:
        data = (root / r["path"]).read_bytes()
        assert sha1_hex(data) == r["sha1"]
    assert len({r["id"] for r in records}) == len(records)
