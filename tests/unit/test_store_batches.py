"""The open batch: when `add_many` commits (after its documents, so the key-file look-ups it
made ahead for them are not made stale by a commit among them) and how often the manifest is
rewritten during a long run."""
from __future__ import annotations

import pytest

import dedup_corpus as corpus
from cleaners.document import CleanResult
from cleaners.store import Store, batch, disk_keys

GOLD = corpus.gold_docs()


def _results(count):
    return [CleanResult(id=f"d{k}", url=f"https://renrendoc.example/d{k}", site="renrendoc", title=title, text=text,
                        flags={"partial": False, "unrecovered_chars": 0}) for k, (title, text) in enumerate(GOLD[:count])]


def test_add_many_commits_after_its_documents_and_looks_up_each_file_once(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_DOCS", 2)
    commits, searches = [], []
    real_flush, real_find = Store._flush, disk_keys.PendingKeys.find
    monkeypatch.setattr(Store, "_flush", lambda self: (commits.append(self._batch_size), real_flush(self))[1])
    monkeypatch.setattr(disk_keys.PendingKeys, "find", lambda self, keys: (searches.append(1), real_find(self, keys))[1])
    with Store(tmp_path) as store:
        commits.clear()
        outcomes = store.add_many(_results(6))
        assert commits == [len(outcomes)] and not store._in_batch      # one commit, after the six
        assert searches == []          # every LSH look-up answered by the batch made ahead
    assert [o.status for o in outcomes].count("kept") >= 4


def test_the_manifest_is_rewritten_at_most_every_fifty_times_its_last_cost(tmp_path, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(batch.time, "monotonic", lambda: now[0])
    with Store(tmp_path) as store:
        rewrites = []

        def write_manifest():
            rewrites.append(now[0])
            store._last_manifest = now[0]

        monkeypatch.setattr(store, "write_manifest", write_manifest)
        store._last_manifest, store._manifest_cost = now[0], 10.0     # a store whose manifest took 10 s
        for step in (100.0, 300.0, 100.0, 100.0):
            now[0] += step
            store._maybe_checkpoint()
    assert rewrites == [1500.0]



def test_a_documents_candidates_are_read_in_one_statement_and_back_as_shingle_sets(tmp_path, monkeypatch):
    """Verification's fixed cost: the facts of all of a document's candidates come from one
    statement (not one each), and a candidate's file gives only what `verify` reads (its
    shingle set: no exact key, no prefix anchors)."""
    from cleaners import dedup
    from cleaners.store import prepare
    results = _results(6)
    with Store(tmp_path) as store:
        store.add_many(results[:5])
        store.commit()
        kept = store._all_kept()
        assert len(kept) >= 4
        store._cache.clear()                         # candidates read back from their files
        store._cache_bytes = 0
        monkeypatch.setattr(store._lsh, "query_bands", lambda bands: set(kept))    # every kept one a candidate
        monkeypatch.setattr(dedup, "worth_verifying", lambda *args, **kwargs: True)
        again = prepare(CleanResult(id="zz-again", url="https://docin.example/zz-again", site="docin", title="t",
                                    text=results[0].text, flags={"partial": False, "unrecovered_chars": 0}))
        full, statements = [], []
        real_fingerprint = dedup.fingerprint
        monkeypatch.setattr(dedup, "fingerprint", lambda *a, **k: (full.append(1), real_fingerprint(*a, **k))[1])
        store.db.set_trace_callback(statements.append)
        outcome = store.add_prepared(again)
        store.db.set_trace_callback(None)
        facts = [s for s in statements if "sig" in s and "FROM docs" in s]
        assert outcome.status == "exact_dup" and not full
        assert len(facts) == 2           # the exact match's facts, then all the other candidates' at once
        assert {store._cache[n].key for n in kept - {min(kept)}} == {b""}


def test_the_wal_is_checkpointed_off_the_stores_thread_after_each_commit(tmp_path):
    """A commit's WAL frames reach the database file through the checkpointer's thread (the
    automatic checkpoint synced the WAL and the database file in the committing thread: two
    fdatasyncs of 8-200 ms after each batch): the store's connection has automatic checkpoints
    off, and right after a commit the database file alone holds the batch's rows."""
    import shutil
    import sqlite3
    import time
    with Store(tmp_path / "out") as store:
        store.add_many(_results(3))
        store.commit()
        checkpointer = getattr(store, "_checkpointer", None)
        if checkpointer is not None:
            checkpointer.wait(1)
        else:
            time.sleep(1)
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        (tmp_path / "copy").mkdir()
        shutil.copyfile(tmp_path / "out" / ".index.sqlite", tmp_path / "copy" / ".index.sqlite")   # not its WAL
    alone = sqlite3.connect(tmp_path / "copy" / ".index.sqlite")
    try:
        assert alone.execute("SELECT count(*) FROM docs").fetchone()[0] == 3
    finally:
        alone.close()


def test_a_checkpoint_that_cannot_write_the_database_fails_the_next_commit_and_the_close(tmp_path):
    """A full disk met by the checkpointer's thread (the database file cannot grow) must fail the
    run in the store's thread: the committed rows stay in the WAL, but a crawl that went on would
    end as a success with its index unwritable (tests/integration/test_crawl_faults.py met it)."""
    import sqlite3

    class FullDisk:
        def execute(self, sql):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            pass

    store = Store(tmp_path / "out")
    store._checkpointer._db = FullDisk()
    first, second = _results(4)[:3], _results(4)[3:]
    store.add_many(first)
    store.commit()
    store._checkpointer.wait(1)
    store.add_many(second)
    with pytest.raises(sqlite3.OperationalError, match="checkpoint"):
        store.commit()
    with pytest.raises(sqlite3.OperationalError, match="checkpoint"):
        store.close()


def test_the_screen_lets_through_exactly_the_candidates_the_scalar_screen_would(tmp_path):
    """`_screened` (every estimate in one comparison) against `dedup.worth_verifying` one
    candidate at a time, previews among them (their containment may pass a low estimate)."""
    from cleaners import dedup
    texts = [text for _, text in GOLD]
    variants = [t[: len(t) * share // 10] for t in texts for share in (3, 6)]            # previews
    variants += ["\n".join(line for k, line in enumerate(t.split("\n")) if k % every) for t in texts for every in (2, 4)]
    docs = [CleanResult(id=f"v{k}", url=f"https://docin.example/v{k}", site="docin", title="t", text=text,
                        flags={"partial": k < 2 * len(texts), "unrecovered_chars": 0})
            for k, text in enumerate(variants)]
    stored = [d for d in docs if d.flags["partial"] and d.text[:20] in "".join(texts[:3])] + \
        _results(len(texts))[3:] + [d for d in docs if not d.flags["partial"]]
    with Store(tmp_path, threshold=0.95, containment=0.99) as store:     # (near copies kept: more candidates)
        store.add_many(stored[: len(stored) // 2])
        store.commit()
        store.add_many(stored[len(stored) // 2:])                  # kept in the open batch: read from memory
        kept = sorted(store._all_kept() | set(store._batch_kept))
        helds = store._helds(kept)
        assert len(kept) >= 10 and any(held[0].partial for held in helds.values())
        through = set()
        for probe in texts + variants:
            fp = dedup.fingerprint(probe)
            if not fp.near:                                        # (too short to have a signature)
                continue
            for partial in (False, True):
                for threshold in (0.3, 0.6, 0.9):
                    store.threshold = threshold
                    expected = [n for n in kept if helds[n][1] is not None and dedup.worth_verifying(
                        fp.signature, fp.content, partial, helds[n][1], helds[n][0].content, helds[n][0].partial,
                        threshold, store.containment)]
                    assert store._screened(fp, partial, kept) == (expected, [helds[n][0].partial for n in expected])
                    through.add(len(expected))
        assert len(through) > 3                                    # (the screens let through varied numbers)
