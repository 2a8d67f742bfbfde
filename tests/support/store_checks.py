"""Checks on an output folder that store tests and crash tests share."""
from __future__ import annotations

import json
import sqlite3

import numpy as np

from cleaners.store import disk_keys
from cleaners.store.layout import SIGNATURE_FILE_NAME, sha1_hex
from cleaners.store.schema import index_generation
from cleaners.store.signature_file import PARTIAL, PRESENT, SignatureFile


def manifest(root):
    return [json.loads(line) for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def files_on_disk(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")
            and p.name not in ("manifest.jsonl", "rejects.jsonl")}


def assert_consistent(root):
    """Manifest == kept rows of the index == text files on disk, and each file matches its sha1;
    a signature file closed in step with the index holds every kept row's signature."""
    records = manifest(root)
    db = sqlite3.connect(root / ".index.sqlite")
    kept = dict(db.execute("SELECT doc_id, path FROM docs WHERE status='kept'").fetchall())
    _assert_signatures_agree(root, db)
    db.close()
    assert {r["id"]: r["path"] for r in records} == kept
    assert files_on_disk(root) == set(kept.values())
    for r in records:
        data = (root / r["path"]).read_bytes()
        assert sha1_hex(data) == r["sha1"]
    assert len({r["id"] for r in records}) == len(records)


def _assert_signatures_agree(root, db):
    if not (root / SIGNATURE_FILE_NAME).exists():
        return
    signatures = SignatureFile(root / SIGNATURE_FILE_NAME)
    try:
        if signatures.field("state") != disk_keys.CLOSED or signatures.field("generation") != index_generation(db):
            return                   # to be rebuilt at the next open
        rows = db.execute("SELECT n, partial, content, sig FROM docs "
                          "WHERE status='kept' AND sig IS NOT NULL").fetchall()
        held = signatures.read([n for n, _, _, _ in rows])
        for (n, partial, content, sig), record in zip(rows, held):
            assert record["flags"] == PRESENT | (PARTIAL if partial else 0), n
            assert record["content"] == content and record["sig"].tobytes() == sig, n
    finally:
        signatures.close()
