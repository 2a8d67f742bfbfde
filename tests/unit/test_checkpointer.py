"""The store's WAL checkpoints on a thread of their own (cleaners/store/checkpointer.py): `quiet`
returns only once no checkpoint is asked for or running, what `Store.settle` waits for before
the cleaning workers are forked."""
from __future__ import annotations

import sqlite3

from cleaners.store import Store
from cleaners.store.checkpointer import Checkpointer


def test_quiet_returns_once_the_checkpoint_asked_for_has_run(tmp_path):
    db = sqlite3.connect(tmp_path / "index.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (x)")
    checkpointer = Checkpointer(tmp_path / "index.sqlite", db)
    for round_ in range(1, 20):
        db.execute("INSERT INTO t VALUES (?)", (round_,))
        checkpointer.request()
        checkpointer.quiet()
        assert checkpointer.done == round_          # (asked for, then run: one checkpoint a request)
    checkpointer.close()
    db.close()


def test_a_settled_store_has_committed_and_its_checkpointer_is_idle(tmp_path):
    from dedup_corpus import build
    with Store(tmp_path) as store:
        for doc in build(seed=3, mixed=2)[:5]:
            store.add(doc.result())
        store.settle()
        checkpointer = store._checkpointer
        assert not checkpointer._busy and not checkpointer._wanted.is_set() and checkpointer.done >= 1
        assert not store._in_batch
