"""The CLI's cleaning workers (cleaners/process_pool.py and cli._cleaned): the pool's handler
thread sleeps while results flow, the first inputs are cleaned before the fork, a small run forks
nothing, the parent's other threads are settled before the fork, the order is the input's, and
the dedup fingerprints are computed with the cleaning."""
from __future__ import annotations

import multiprocessing.pool
import os
import pickle
import threading

import pytest

from cleaners import cli, pipeline, process_pool
from cleaners.document import CleanResult, Document
from cleaners.store.prepared import fingerprint_of, prepare


def _big(i: int) -> bytes:
    return bytes(200_000)          # larger than a pipe's buffer: the result is read in pieces


def handler_rounds(pool_class, monkeypatch) -> int:
    """Rounds of a pool's worker-handler thread while 200 large results flow."""
    rounds = []
    maintain = multiprocessing.pool.Pool._maintain_pool
    monkeypatch.setattr(multiprocessing.pool.Pool, "_maintain_pool",
                        staticmethod(lambda *args: rounds.append(1) or maintain(*args)))
    with pool_class(2) as pool:
        assert len(list(pool.imap(_big, range(200)))) == 200
    return len(rounds)


def test_worker_handler_thread_does_not_wake_for_every_result(monkeypatch):
    """The stock Pool's handler thread goes round once or more per result (hundreds of rounds
    here), taking the GIL from the thread that reads the results; the quiet one goes round at
    the start and when the work ends."""
    assert handler_rounds(process_pool.QuietPool, monkeypatch) < 20


def _where_pid(item, options, fingerprints=False):
    """_clean_item, answering with the process that cleaned the input instead of where it came from."""
    return str(os.getpid()), None, [item.id], None


def docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f"第{i}篇") for i in range(n)]


@pytest.fixture
def tagged(monkeypatch):
    monkeypatch.setattr(cli, "_clean_item", _where_pid)
    started = []
    real_start = process_pool.start
    monkeypatch.setattr(process_pool, "start", lambda jobs, before_fork=None: started.append(jobs) or
                        real_start(jobs, before_fork))
    return started


def test_first_inputs_are_cleaned_before_the_workers_are_forked(tagged):
    results = list(cli._cleaned(docs(40), None, jobs=2))
    pids = [int(where) for where, _, _, _ in results]
    assert pids[:cli.WARM_UP] == [os.getpid()] * cli.WARM_UP
    assert os.getpid() not in pids[cli.WARM_UP:]
    assert [r for _, _, (r,), _ in results] == [f"d{i}" for i in range(40)]
    assert tagged == [2]


def test_a_run_of_a_few_inputs_forks_no_worker(tagged):
    results = list(cli._cleaned(docs(cli.WARM_UP), None, jobs=2))
    assert [int(where) for where, _, _, _ in results] == [os.getpid()] * cli.WARM_UP
    assert tagged == []


class Table:
    """A host-lines table stand-in: counts its commits."""
    auto_commit = False

    def __init__(self):
        self.commits = 0

    def commit(self):
        self.commits += 1


def test_windows_keep_the_input_order_and_commit_before_each_window(tagged):
    table = Table()
    results = list(cli._cleaned(docs(100), None, jobs=2, host_table=table))
    assert [r for _, _, (r,), _ in results] == [f"d{i}" for i in range(100)]
    assert table.commits == 8                      # windows of 1, 1, 2, 4, 8, 16, 32, 36
    assert {int(where) for where, _, _, _ in results[cli.WARM_UP:]}.isdisjoint({os.getpid()})


def test_other_threads_are_settled_before_the_fork(tagged):
    """`before_fork` (the CLI passes Store.commit: the writer thread drained) runs in the parent
    before any worker exists."""
    seen = []
    before = lambda: seen.append(threading.active_count())   # noqa: E731
    list(cli._cleaned(docs(10), None, jobs=2, before_fork=before))
    assert seen == [threading.active_count()]     # called once, and no pool thread existed then


def test_default_jobs_is_the_processors_this_process_may_use():
    assert process_pool.default_jobs() == len(os.sched_getaffinity(0))


def test_clean_uses_a_process_per_processor_unless_told_otherwise():
    args = cli.build_parser().parse_args(["clean", "x.jsonl"])
    assert args.jobs == len(os.sched_getaffinity(0))
    assert cli.build_parser().parse_args(["clean", "x.jsonl", "--jobs", "1"]).jobs == 1


TEXT = ("各乡镇人民政府，县直各有关单位：为进一步加强学校标准化建设，现将有关事项通知如下。" * 12 + "\n") * 3


def test_dedup_fingerprints_are_computed_where_the_input_is_cleaned_and_sent_without_shingles():
    where, bad, results, fingerprints = cli._clean_item(Document(id="a", url="https://x.example.cn/a.html",
                                                                 text=TEXT), pipeline.DEFAULT, fingerprints=True)
    own = prepare(results[0]).fingerprint            # what the store computes without it
    assert (fingerprints[0].key, fingerprints[0].signature.tolist()) == (own.key, own.signature.tolist())
    sent = pickle.loads(pickle.dumps(fingerprints))
    assert sent[0].hashes is None and sent[0].signature.tolist() == own.signature.tolist()
    assert len(pickle.dumps(fingerprints)) < len(pickle.dumps(fingerprints[0]))
    assert cli._clean_item(Document(id="a", text=TEXT), pipeline.DEFAULT)[3] is None     # --no-dedup


def test_a_fingerprint_computed_elsewhere_is_the_one_prepare_computes_even_for_a_lone_surrogate():
    result = CleanResult(id="s", url=None, site="x", title="题", text=TEXT + "\ud800" + TEXT)
    assert fingerprint_of(result).key == prepare(result).fingerprint.key
