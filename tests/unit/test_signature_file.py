"""The signature file (signature_file.py): records read back as written, the open batch's
from memory, a number never written as absent; a store's screen reads it, and a file that
does not agree with the index is rebuilt from the `sig` column."""
from __future__ import annotations

import numpy as np
import pytest

import dedup_corpus as corpus
from cleaners.store import Store
from cleaners.store.layout import SIGNATURE_FILE_NAME
from cleaners.store.signature_file import PARTIAL, PRESENT, RECORD, PendingSignatures, SignatureFile
from store_checks import assert_rebuilt_after_damage, damaged


def test_records_read_back_as_written_the_batchs_from_memory_and_unwritten_ones_absent(tmp_path):
    table = PendingSignatures(SignatureFile(tmp_path / "sigs"))
    sigs = np.arange(3 * 128, dtype=np.uint32).reshape(3, 128)
    table.add([5, 6, 9], [False, True, False], [100, 200, 300], sigs)
    table.insert(7, True, 400, sigs[0] + 1)
    records = table.read([9, 7, 5, 8, 6, 1000])
    assert records["flags"].tolist() == [PRESENT, PRESENT | PARTIAL, PRESENT, 0, PRESENT | PARTIAL, 0]
    assert records["content"].tolist() == [300, 400, 100, 0, 200, 0]
    assert (records["sig"][[0, 1, 2, 4]] == np.stack([sigs[2], sigs[0] + 1, sigs[0], sigs[1]])).all()
    table.apply()                                   # the commit writes the batch's record
    assert table.read([7])["content"].tolist() == [400]
    table.file.close()


def load(root):
    import sqlite3
    db = sqlite3.connect(root / ".index.sqlite")
    rows = db.execute("SELECT doc_id, status, match, cluster FROM docs ORDER BY n").fetchall()
    db.close()
    return rows


@pytest.mark.parametrize("damage", ["deleted", "half_applied", "other_generation"])
def test_a_signature_file_that_does_not_agree_with_the_index_is_rebuilt(tmp_path, damage):
    def damage_file(root):
        signatures = damaged(root / SIGNATURE_FILE_NAME, SignatureFile, damage)
        if signatures is not None:
            if damage == "other_generation":
                signatures.write(list(range(1, 40)), np.zeros(39, dtype=RECORD))     # and stale records
            signatures.close()

    assert_rebuilt_after_damage(tmp_path, damage_file, load)


def test_the_screen_reads_the_candidates_signatures_from_the_file_not_from_sqlite(tmp_path, monkeypatch):
    docs = corpus.build(seed=8, mixed=10)
    with Store(tmp_path) as store:
        for doc in docs:
            store.add(doc.result())
    with Store(tmp_path) as store:
        kept = sorted(store._all_kept())
        statements = []
        monkeypatch.setattr(store, "db", _Counting(store.db, statements))
        ids, _, content, signatures = store._signatures(kept)
        assert statements == [] and ids == kept
        assert all(c > 0 for c in content) and signatures.shape == (len(kept), 128)


class _Counting:
    def __init__(self, db, statements):
        self._db, self._statements = db, statements

    def execute(self, sql, *args):
        self._statements.append(sql)
        return self._db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._db, name)
