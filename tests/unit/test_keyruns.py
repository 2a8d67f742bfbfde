"""The store's key files: the sorted-run multimap (KeyRuns) against a dict of sets, through
many merges, reopened and cut short; and the generation protocol that keeps the files in
step with SQLite (rebuilt when they do not agree)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import dedup_corpus as corpus
from cleaners.store import Store, keyruns, sorted_run
from cleaners.store.keyruns import KeyRuns
from cleaners.store.layout import KEY_FILE_NAMES
from store_checks import assert_consistent, assert_rebuilt_after_damage, damaged


def answers(table: KeyRuns, asked: np.ndarray) -> list[list[int]]:
    found, which = table.find(asked)
    out: list[list[int]] = [[] for _ in asked]
    for id_, w in zip(found.tolist(), which.tolist()):
        out[w].append(id_)
    return [sorted(ids) for ids in out]


def random_changes(table: KeyRuns, reference: dict, rng, pool: np.ndarray, rounds: int, path: Path | None = None):
    """Adds and removals (a few in one call, as one commit does), each checked against the dict;
    `path`: the table is closed and opened again now and then."""
    for round_ in range(rounds):
        keys = pool[rng.integers(0, len(pool), size=rng.integers(1, 40))]
        ids = rng.integers(0, 50, size=len(keys))
        removed = rng.random(len(keys)) < 0.3
        table.apply(keys, ids, removed)
        for key, id_, gone in zip(keys.tolist(), ids.tolist(), removed.tolist()):
            if gone:
                reference.get(key, set()).discard(id_)
            else:
                reference.setdefault(key, set()).add(id_)
        asked = pool[rng.integers(0, len(pool), size=30)]
        assert answers(table, asked) == [sorted(reference.get(key, set())) for key in asked.tolist()]
        if path is not None and round_ % 37 == 0:
            table.close()
            table = KeyRuns(path)
    return table


def test_adds_and_removals_through_many_merges_and_reopens_answer_like_a_dict_of_sets(tmp_path, monkeypatch):
    monkeypatch.setattr(keyruns, "SMALL_RUNS", 0)        # small runs would be merged into one at once
    table, reference = KeyRuns(tmp_path / "t.keys"), {}
    rng = np.random.default_rng(3)
    pool = rng.integers(0, 2**64, size=300, dtype=np.uint64)
    pool[0] = 0
    table = random_changes(table, reference, rng, pool, 400, tmp_path / "t.keys")
    assert max(table.levels) >= 3                      # 400 runs: merged level upon level
    assert len(table.runs) < 4 * keyruns.FANOUT
    assert answers(table, pool) == [sorted(reference.get(key, set())) for key in pool.tolist()]
    listed = {run.path.name for run in table.runs}
    assert {p.name for p in tmp_path.glob("t.keys.*")} == listed   # merged runs are deleted
    table.close()


def test_merges_on_the_background_thread_answer_like_a_dict_of_sets_through_reopens(tmp_path, monkeypatch):
    """Every merge but the small ones a job of its own (BACKGROUND_FROM 0), installed at a later
    `apply`; look-ups meanwhile read the runs it merges; a reopen cancels a running one."""
    monkeypatch.setattr(keyruns, "SMALL_RUNS", 0)
    monkeypatch.setattr(keyruns, "BACKGROUND_FROM", 0)
    table, reference = KeyRuns(tmp_path / "t.keys"), {}
    rng = np.random.default_rng(4)
    pool = rng.integers(0, 2**64, size=300, dtype=np.uint64)
    table = random_changes(table, reference, rng, pool, 400, tmp_path / "t.keys")
    assert max(table.levels) >= 3
    assert answers(table, pool) == [sorted(reference.get(key, set())) for key in pool.tolist()]
    table.close()
    listed = KeyRuns(tmp_path / "t.keys")
    assert {p.name for p in tmp_path.glob("t.keys.*")} == {run.path.name for run in listed.runs}
    listed.close()


def test_a_background_merge_is_named_by_the_header_at_an_apply_and_deleted_by_a_close(tmp_path, monkeypatch):
    monkeypatch.setattr(keyruns, "SMALL_RUNS", 0)
    monkeypatch.setattr(keyruns, "BACKGROUND_FROM", 0)
    table = KeyRuns(tmp_path / "t.keys")
    for i in range(keyruns.FANOUT):
        table.add(np.array([10 + i], dtype=np.uint64), np.array([i]))
    job = table._job
    assert job is not None and len(table.runs) == keyruns.FANOUT       # merging, not yet in the header
    job._thread.join()
    merged = job._merged.path
    assert merged.exists() and table.field("runs") == keyruns.FANOUT
    table.add(np.array([99], dtype=np.uint64), np.array([9]))          # the next apply installs it
    assert [run.path for run in table.runs][0] == merged and table.levels == [1, 0]
    for i in range(keyruns.FANOUT - 1):
        table.add(np.array([200 + i], dtype=np.uint64), np.array([i]))
    assert table._job is not None
    table.close()                                                      # cancelled, or done and deleted
    assert {p.name for p in tmp_path.glob("t.keys.*")} == {merged.name} | {
        f"t.keys.{n:06d}.run" for n in range(keyruns.FANOUT + 2, 2 * keyruns.FANOUT + 2)}
    table = KeyRuns(tmp_path / "t.keys")
    assert answers(table, np.array([10, 13, 99, 200, 5], dtype=np.uint64)) == [[0], [3], [9], [0], []]
    table.close()


def test_runs_of_big_run_entries_or_more_merge_two_at_a_time(tmp_path, monkeypatch):
    """Below BIG_RUN entries a run merges with FANOUT - 1 others, from it with one: the levels a
    growing table adds hold one run or two, not FANOUT - 1 (every run a test of every key asked)."""
    monkeypatch.setattr(keyruns, "SMALL_RUNS", 0)
    monkeypatch.setattr(keyruns, "BIG_RUN", 8)
    monkeypatch.setattr(keyruns, "BACKGROUND_FROM", 1 << 40)          # in line: the levels seen at once
    table, levels = KeyRuns(tmp_path / "t.keys"), []
    for i in range(16):
        table.add(np.array([2 * i + 1, 2 * i + 2], dtype=np.uint64), np.array([i, i]))
        levels.append(list(table.levels))
    assert levels[3] == [1] and levels[7] == [2] and levels[11] == [2, 1] and levels[15] == [3]
    assert answers(table, np.arange(1, 34, dtype=np.uint64)) == [[i // 2] for i in range(32)] + [[]]
    table.close()


def test_a_merge_reaching_the_oldest_run_drops_the_removals_and_the_pairs_they_took_back(tmp_path):
    table = KeyRuns(tmp_path / "t.keys")
    keys = np.arange(1, 101, dtype=np.uint64)
    table.add(keys, np.arange(100))
    table.remove(keys[:50], np.arange(50))
    for i in range(keyruns.FANOUT - 2):
        table.add(np.array([1000 + i], dtype=np.uint64), np.array([7]))
    assert len(table.runs) == 1 and table.entries == 50 + keyruns.FANOUT - 2
    assert answers(table, keys[48:52]) == [[], [], [50], [51]]
    table.close()


def test_a_small_table_stays_one_run_and_runs_too_large_to_merge_at_once_wait_for_their_level(tmp_path):
    """Each commit writes a run, and every run is one more look-up of every document: a table
    of a few thousand entries (the kept previews' anchors) is one run, not FANOUT - 1 a level."""
    table, rng = KeyRuns(tmp_path / "t.keys"), np.random.default_rng(11)
    for commit in range(40):
        table.add(rng.integers(0, 2**64, size=50, dtype=np.uint64), np.full(50, commit))
        assert len(table.runs) == 1
    large = keyruns.SMALL_RUNS
    table.add(rng.integers(0, 2**64, size=large, dtype=np.uint64), np.full(large, 100))
    assert [run.count for run in table.runs] == [40 * 50, large] and table.levels == [0, 0]
    table.close()


def test_merges_read_in_small_chunks_keep_every_holder_of_keys_shared_by_thousands(tmp_path, monkeypatch):
    """A site template's prefix anchors are shared by every document of the site: thousands of
    entries of one key, across many chunks and pages of a run."""
    monkeypatch.setattr(keyruns, "MERGE_CHUNK", 64)
    monkeypatch.setattr(sorted_run, "WRITE_CHUNK", 100)
    table = KeyRuns(tmp_path / "t.keys")
    shared = np.array([2**64 - 1, 2**63, 12345 << 40, 0], dtype=np.uint64)
    rng = np.random.default_rng(5)
    for first in range(0, 3000, 150):
        ids = np.arange(first, first + 150)
        keys = np.concatenate([np.repeat(shared, len(ids)), rng.integers(1, 2**64, size=len(ids), dtype=np.uint64)])
        all_ids = np.concatenate([np.tile(ids, len(shared)), ids])
        table.add(keys, all_ids)
        table.add(keys[:300], all_ids[:300])            # pairs already held: still once each
    assert answers(table, shared) == [list(range(3000))] * len(shared)
    table.close()
    table = KeyRuns(tmp_path / "t.keys")
    assert answers(table, shared) == [list(range(3000))] * len(shared)
    table.close()


def test_a_run_written_but_not_yet_named_by_the_header_is_deleted_on_open(tmp_path):
    table = KeyRuns(tmp_path / "t.keys")
    table.add(np.array([5, 6], dtype=np.uint64), np.array([1, 2]))
    sorted_run.write_run(tmp_path / "t.keys.000099.run", np.zeros(3, dtype=sorted_run.ENTRY))   # a kill before
    (tmp_path / "t.keys.000100.run.tmp").write_bytes(b"half")                                  # the header named it
    table.close()
    table = KeyRuns(tmp_path / "t.keys")
    assert sorted(p.name for p in tmp_path.glob("t.keys.*")) == ["t.keys.000001.run"]
    assert answers(table, np.array([5, 6, 0], dtype=np.uint64)) == [[1], [2], []]
    table.close()


def load(root) -> dict:
    """What the store holds: kept ids and the ids of all copies."""
    with Store(root) as store:
        return {r["id"]: sorted(a["id"] for a in r["aliases"]) for r in store.manifest_records()}


@pytest.mark.parametrize("damage", ["deleted", "half_applied", "other_generation"])
def test_key_files_that_do_not_agree_with_the_index_are_rebuilt(tmp_path, damage):
    def damage_files(root):
        for name in KEY_FILE_NAMES.values():
            table = damaged(root / name, KeyRuns, damage)
            if table is not None:
                table.close()

    assert_rebuilt_after_damage(tmp_path, damage_files, load)


KILLED_CHILD = """
import os, signal, sys
sys.path[:0] = [{root!r}, {support!r}]
import dedup_corpus
from cleaners.store import Store, batch, disk_keys, keyruns

batch.BATCH_DOCS = 5
where, at = sys.argv[2], int(sys.argv[3])
commits = 0
real = getattr(disk_keys.KeyFiles, where)

def then_die(self, *args):
    global commits
    real(self, *args)
    commits += 1
    if commits == at:
        os.kill(os.getpid(), signal.SIGKILL)

setattr(disk_keys.KeyFiles, where, then_die)
keyruns.SMALL_RUNS, keyruns.BACKGROUND_FROM = int(sys.argv[4]), int(sys.argv[5])
with Store(sys.argv[1]) as store:
    for doc in dedup_corpus.build(seed=8, mixed=10):
        store.add(doc.result())
"""


@pytest.mark.parametrize("where", ["spill", "committed"])
@pytest.mark.parametrize("merges", ["in_line", "background"])
def test_a_store_killed_between_writing_its_runs_and_the_commit_is_whole_after_a_rerun(tmp_path, where, merges):
    """`spill`: the batch's runs are written (files APPLYING), SQLite has not committed;
    `committed`: both committed, the kill comes before anything else happens.  `background`:
    every merge a background job (none small), running or done unnamed at the kill."""
    root, support = Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[1] / "support"
    script = tmp_path / "child.py"
    script.write_text(KILLED_CHILD.format(root=str(root), support=str(support)), encoding="utf-8")
    docs = corpus.build(seed=8, mixed=10)
    with Store(tmp_path / "whole") as store:
        for doc in docs:
            store.add(doc.result())
    in_line = ("4", str(keyruns.SMALL_RUNS), str(keyruns.BACKGROUND_FROM))
    at, small, background = in_line if merges == "in_line" else ("9", "0", "0")
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "killed"), where, at, small, background],
                          cwd=root)
    assert done.returncode == -signal.SIGKILL
    with Store(tmp_path / "killed") as store:
        for doc in docs:
            store.add(doc.result())
    assert load(tmp_path / "killed") == load(tmp_path / "whole")
    assert_consistent(tmp_path / "killed")
    assert not list((tmp_path / "killed").glob("*.tmp"))


def test_a_look_up_reads_each_page_once_and_finds_every_entry_beside_the_last_pages_padding(tmp_path, monkeypatch):
    """Keys asked that sit on one page cost one read of it, not one each; a key held by several
    ids on a page is found with all of them; the zeros padding the last page are no entries."""
    keys = np.repeat(np.arange(1, 301, dtype=np.uint64) * 7, 2)        # 600 entries: 3 pages, the last padded
    entries = np.zeros(len(keys), dtype=sorted_run.ENTRY)
    entries["key"], entries["id"] = keys, np.arange(len(keys))
    run = sorted_run.write_run(tmp_path / "t.run", entries)
    reads = []
    real_pread = os.pread
    monkeypatch.setattr(os, "pread", lambda fd, size, at: (reads.append(at), real_pread(fd, size, at))[1])
    asked = np.array([14, 21, 2100, 0, 5], dtype=np.uint64)             # two on the first page, one on the last
    found, which, _ = sorted_run.lookup_runs([run], asked)
    assert sorted(zip(which.tolist(), found["id"].tolist())) == [(0, 2), (0, 3), (1, 4), (1, 5), (2, 598), (2, 599)]
    assert len(reads) == len(set(reads)) == 2
