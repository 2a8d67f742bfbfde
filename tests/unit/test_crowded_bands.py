"""Crowded LSH buckets (`PendingKeys.crowded`, dedup.params.CROWDED_BAND): a band key held by
more kept documents than the limit yields none of them, counting the pairs in the key file,
those the open batch removed and those it added; the batched look-up answers the same."""
from __future__ import annotations

import numpy as np

from cleaners.store.disk_keys import PendingKeys
from cleaners.store.keyruns import KeyRuns


def _expected(reference: dict[int, set[int]], asked: list[int], crowded: int) -> set[int]:
    return {id_ for key in asked if len(reference.get(key, ())) <= crowded for id_ in reference.get(key, ())}


def test_a_key_held_by_more_ids_than_the_limit_yields_none_of_them(tmp_path):
    table = PendingKeys(KeyRuns(tmp_path / "lsh"), on_spill=lambda: None, crowded=3)
    table.file.add(np.array([1, 1, 1, 1, 2, 2, 2, 3], dtype=np.uint64), np.array([1, 2, 3, 4, 1, 2, 3, 5]))
    asked = np.array([1, 2, 3], dtype=np.uint64)
    assert table.find(asked) == {1, 2, 3, 5}                   # key 1 (four ids) is crowded, key 2 (three) not
    table.discard(4, np.array([1], dtype=np.uint64))           # the batch takes key 1 back to three ids
    assert table.find(asked) == {1, 2, 3, 5}
    table.insert(7, np.array([2, 3], dtype=np.uint64))         # and key 2 up to four: now it is crowded
    assert table.find(asked) == {1, 2, 3, 5, 7}
    assert table.batch([asked, asked[1:]]).find(1) == {5, 7}
    table.file.close()


def test_crowded_look_ups_answer_like_a_dict_of_sets_through_batch_changes_and_commits(tmp_path):
    rng = np.random.default_rng(15)
    table = PendingKeys(KeyRuns(tmp_path / "lsh"), on_spill=lambda: None, crowded=4)
    reference: dict[int, set[int]] = {}
    held: dict[int, np.ndarray] = {}                  # id -> its keys, as the store indexes a document
    for round_ in range(300):
        if held and (rng.random() < 0.3 or len(held) == 40):     # a kept document unindexed (replaced)
            id_ = int(rng.choice(list(held)))
            keys = held.pop(id_)
            table.discard(id_, keys)
            for key in keys.tolist():
                reference[key].discard(id_)
        else:                                          # a document kept, or kept again after its removal
            id_ = int(rng.choice([i for i in range(40) if i not in held]))
            keys = held[id_] = np.unique(rng.integers(1, 12, size=rng.integers(1, 5))).astype(np.uint64)
            table.insert(id_, keys)
            for key in keys.tolist():
                reference.setdefault(key, set()).add(id_)
        rows = [np.unique(rng.integers(1, 12, size=6)).astype(np.uint64) for _ in range(3)]
        batch = table.batch(rows)
        for row, asked in enumerate(rows):
            want = _expected(reference, asked.tolist(), 4)
            assert table.find(asked) == want
            assert batch.find(row) == want
        if round_ % 20 == 19:
            table.apply()                                      # a commit: the changes go to the file
    table.file.close()
