"""The store's key files: the memory-mapped hash multimap against a dict, and the generation
protocol that keeps them in step with SQLite (rebuilt when they do not agree)."""
from __future__ import annotations

import numpy as np
import pytest

import dedup_corpus as corpus
from cleaners.store import Store, disk_keys, keyfile
from cleaners.store.keyfile import KeyFile
from cleaners.store.layout import KEY_FILE_NAMES
from store_checks import assert_consistent


def test_adds_removes_and_growth_answer_like_a_dict_of_sets(tmp_path, monkeypatch):
    monkeypatch.setattr(keyfile, "MIN_CAPACITY", 16)        # many growths in a short test
    table, reference = KeyFile(tmp_path / "t.keys"), {}
    rng = np.random.default_rng(3)
    pool = rng.integers(0, 2**64, size=300, dtype=np.uint64)
    pool[0] = 0                                             # the empty-slot marker is a key too
    for _ in range(300):
        keys = pool[rng.integers(0, len(pool), size=rng.integers(1, 40))]
        ids = rng.integers(0, 50, size=len(keys))
        if rng.random() < 0.7:
            table.add(keys, ids)
            for key, id_ in zip(keys.tolist(), ids.tolist()):
                reference.setdefault(key or 1, set()).add(id_)
        else:
            table.remove(keys, ids)
            for key, id_ in zip(keys.tolist(), ids.tolist()):
                reference.get(key or 1, set()).discard(id_)
        asked = pool[rng.integers(0, len(pool), size=30)]
        found, which = table.find(asked)
        answers: dict[int, list[int]] = {}
        for id_, w in zip(found.tolist(), which.tolist()):
            answers.setdefault(w, []).append(id_)
        for w, key in enumerate(asked.tolist()):
            assert sorted(answers.get(w, [])) == sorted(reference.get(key or 1, set()))
    assert table.live == sum(len(ids) for ids in reference.values())
    assert table.field("capacity") > 16
    table.close()


def test_keys_held_by_thousands_of_ids_keep_every_id_once_and_their_runs_wrap_past_the_end(tmp_path):
    """A site template's prefix anchors are shared by every document of the site: runs of
    thousands of slots, added to in small commits (a crawl), one of them wrapping round the
    table's end (home: the last slot)."""
    table = KeyFile(tmp_path / "t.keys")
    shared = np.array([2**64 - 1, 2**63, 12345 << 40], dtype=np.uint64)
    rng = np.random.default_rng(5)
    for first in range(0, 3000, 150):
        ids = np.arange(first, first + 150)
        keys = np.concatenate([np.repeat(shared, len(ids)), rng.integers(1, 2**64, size=len(ids), dtype=np.uint64)])
        all_ids = np.concatenate([np.tile(ids, len(shared)), ids])
        table.add(keys, all_ids)
        table.add(keys[:300], all_ids[:300])            # pairs already held are not added again
    found, which = table.find(shared)
    for w in range(len(shared)):
        assert sorted(found[which == w].tolist()) == list(range(3000))
    assert table.live == 4 * 3000
    table.close()


def load(root) -> dict:
    """What the store holds: kept ids and the ids of all copies."""
    with Store(root) as store:
        return {r["id"]: sorted(a["id"] for a in r["aliases"]) for r in store.manifest_records()}


@pytest.mark.parametrize("damage", ["deleted", "half_applied", "other_generation"])
def test_key_files_that_do_not_agree_with_the_index_are_rebuilt(tmp_path, damage):
    docs = corpus.build(seed=8, mixed=10)
    half = len(docs) // 2
    with Store(tmp_path / "whole") as store:
        for doc in docs:
            store.add(doc.result())
    with Store(tmp_path / "damaged") as store:
        for doc in docs[:half]:
            store.add(doc.result())
    for name in KEY_FILE_NAMES.values():
        path = tmp_path / "damaged" / name
        if damage == "deleted":
            path.unlink()
            continue
        table = KeyFile(path)
        if damage == "half_applied":
            table.set_field("state", disk_keys.APPLYING)
        else:
            table.set_field("generation", table.field("generation") + 5)
        table.close()
    with Store(tmp_path / "damaged") as store:
        for doc in docs[half:]:
            store.add(doc.result())
    assert load(tmp_path / "damaged") == load(tmp_path / "whole")
    assert_consistent(tmp_path / "damaged")
