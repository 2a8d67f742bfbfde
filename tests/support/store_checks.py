"""Checks on an output folder that store tests and crash tests share."""
from __future__ import annotations

import json
import sqlite3

import dedup_corpus as corpus
from cleaners.store import Store, disk_keys
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


def assert_rebuilt_after_damage(tmp_path, damage, load) -> None:
    """Half of a corpus stored, the store's derived files then damaged (`damage(root)`), the
    other half stored: the store holds what one that stored it all undamaged holds (`load`
    reads that) and is consistent, so files that did not agree with the index were rebuilt."""
    docs = corpus.build(seed=8, mixed=10)
    half = len(docs) // 2
    with Store(tmp_path / "whole") as store:
        for doc in docs:
            store.add(doc.result())
    with Store(tmp_path / "damaged") as store:
        for doc in docs[:half]:
            store.add(doc.result())
    damage(tmp_path / "damaged")
    with Store(tmp_path / "damaged") as store:
        for doc in docs[half:]:
            store.add(doc.result())
    assert load(tmp_path / "damaged") == load(tmp_path / "whole")
    assert_consistent(tmp_path / "damaged")


def damaged(path, opener, damage: str):
    """The derived file at `path` damaged as a crash or an older run leaves one: `deleted`, or
    `half_applied` (its header says a commit was being applied), or `other_generation` (it
    answers for another state of the index).  The opened file comes back for more damage
    (None when deleted); the caller closes it."""
    if damage == "deleted":
        path.unlink()
        return None
    table = opener(path)
    if damage == "half_applied":
        table.set_field("state", disk_keys.APPLYING)
    else:
        table.set_field("generation", table.field("generation") + 5)
    return table
