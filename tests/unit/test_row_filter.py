"""The row filter: the store skips its per-document look-up statement for values no row has,
and must never skip it for a value a row has (through growth, reopen and recovery)."""
from __future__ import annotations

import sqlite3

from cleaners.document import CleanResult
from cleaners.store import Store, row_filter
from cleaners.store.row_filter import RowFilter


def _table(count: int) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE docs (identity TEXT, doc_id TEXT, exact_key BLOB)")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)",
                   [(f"s\x00{k}", f"d{k}", k.to_bytes(16, "little")) for k in range(count)])
    return db


def test_values_of_rows_are_always_held_and_most_others_are_not(monkeypatch):
    monkeypatch.setattr(row_filter, "MIN_CAPACITY", 64)
    db = _table(100)
    rows = RowFilter(db, sync=lambda: None)
    assert all(rows.may_hold(f"s\x00{k}", "none", b"none") for k in range(100))
    for k in range(100, 1000):              # rows added one by one: the filter grows past its capacity
        db.execute("INSERT INTO docs VALUES (?, ?, ?)", (f"s\x00{k}", f"d{k}", k.to_bytes(16, "little")))
        rows.add(f"s\x00{k}", f"d{k}", k.to_bytes(16, "little"))
        assert rows.may_hold("absent", f"d{k}", b"absent") and rows.may_hold("absent", "absent", k.to_bytes(16, "little"))
    assert all(rows.may_hold(f"s\x00{k}", "x", b"x") for k in range(1000))
    strangers = sum(rows.may_hold(f"t\x00{k}", f"e{k}", (k + 10**6).to_bytes(16, "little")) for k in range(5000))
    assert strangers < 5000 * 0.1


def test_a_document_added_again_after_the_filter_grew_is_still_its_own_exact_duplicate(tmp_path, monkeypatch):
    monkeypatch.setattr(row_filter, "MIN_CAPACITY", 4)
    text = "第一段内容。" * 40

    def doc(k: int, body: str) -> CleanResult:
        return CleanResult(id=f"d{k}", url=f"https://renrendoc.example/d{k}", site="renrendoc", title=f"标题{k}",
                           text=body, flags={"partial": False, "unrecovered_chars": 0})
    with Store(tmp_path) as store:
        assert store.add(doc(0, text)).status == "kept"
        for k in range(1, 40):
            store.add(doc(k, f"其他文本{k}。" * 30))
        assert store.add(doc(0, text)).status == "exact_dup"
        assert store.add(doc(99, text)).status == "exact_dup"       # the same text under a new id
    with Store(tmp_path) as store:                                  # reopened: built from SQLite
        assert store.add(doc(0, text)).status == "exact_dup"
        assert store.add(doc(98, text)).duplicate_of == "d0"
