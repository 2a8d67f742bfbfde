"""Kill -9 a real store process mid-run, rerun, and check that the store is consistent.

Consistent = every input document is in the index exactly once (kept or recorded as a
duplicate), the manifest lists exactly the kept documents, the text files on disk are
exactly theirs and match their sha1, and the kept set is the one an uninterrupted run keeps.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dedup_corpus as corpus
from store_checks import assert_consistent

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = 17

CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    import dedup_corpus
    from cleaners.store import Store, batch, writer_thread

    out, mode, when = sys.argv[1], sys.argv[2], int(sys.argv[3])
    batch.BATCH_DOCS = 7          # many commits in a short run
    writes = 0
    real_write = writer_thread.write_new

    def write_then_maybe_die(path, data):
        global writes
        if not str(path).endswith(".txt"):      # the manifest: not a document write
            return real_write(path, data)
        writes += 1
        if mode == "mid-write" and writes == when:
            with open(path, "wb") as fh:
                fh.write(data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        real_write(path, data)
        if mode == "after-write" and writes == when:
            os.kill(os.getpid(), signal.SIGKILL)

    writer_thread.write_new = write_then_maybe_die
    docs = dedup_corpus.build(seed={seed}, mixed=12)
    with Store(out) as store:
        for i, doc in enumerate(docs):
            store.add(doc.result())
            print("added", i, flush=True)
    print("done", flush=True)
""")


def run_child(script: Path, out: Path, mode: str = "none", when: int = 0, kill_after: int | None = None) -> bool:
    """Run the writer; with kill_after, SIGKILL it from outside once it has added that many docs.

    Returns True when the child finished on its own.
    """
    proc = subprocess.Popen([sys.executable, str(script), str(out), mode, str(when)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    finished = False
    for line in proc.stdout:
        if line.startswith("done"):
            finished = True
        if kill_after is not None and line.startswith("added") and int(line.split()[1]) >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.stdout.close()
    rc = proc.wait(timeout=60)
    err = proc.stderr.read()
    proc.stderr.close()
    if rc not in (0, -signal.SIGKILL):
        pytest.fail(f"writer failed with {rc}: {err}")
    return finished and rc == 0


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "writer.py"
    path.write_text(CHILD.format(root=str(ROOT), tests=str(ROOT / "tests" / "support"), seed=SEED), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean_run(script, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "out"
    assert run_child(script, out)
    return out


def kept_ids(root: Path) -> set[str]:
    return {json.loads(line)["id"] for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()}


def assert_every_input_once(root: Path) -> None:
    docs = corpus.build(seed=SEED, mixed=12)
    db = sqlite3.connect(root / ".index.sqlite")
    rows = db.execute("SELECT raw_id, status FROM docs").fetchall()
    db.close()
    recorded = [raw for raw, _ in rows]
    assert sorted(recorded) == sorted(d.id for d in docs)          # each input exactly once
    assert {status for _, status in rows} <= {"kept", "exact_dup", "near_dup", "superseded"}


@pytest.mark.parametrize("mode", ["mid-write", "after-write"])
@pytest.mark.parametrize("when", [1, 9, 23])
def test_killed_inside_a_file_write_then_rerun_is_consistent(script, clean_run, tmp_path, mode, when):
    out = tmp_path / "out"
    assert not run_child(script, out, mode, when)
    left_over = orphans(out)
    assert left_over, "the kill should have left a half-done write for recovery to undo"
    assert run_child(script, out)
    assert_consistent(out)
    assert_every_input_once(out)
    assert kept_ids(out) == kept_ids(clean_run)


def test_killed_from_outside_several_times_then_rerun_is_consistent(script, clean_run, tmp_path):
    out = tmp_path / "out"
    for kill_after in (3, 20, 41, 77):
        assert not run_child(script, out, kill_after=kill_after)
        assert_every_input_once_so_far(out)
    assert run_child(script, out)
    assert_consistent(out)
    assert_every_input_once(out)
    assert kept_ids(out) == kept_ids(clean_run)
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.new"))


def orphans(root: Path) -> set[str]:
    """Text files on disk that no committed index row owns."""
    db = sqlite3.connect(root / ".index.sqlite")
    owned = {p for (p,) in db.execute("SELECT path FROM docs WHERE path IS NOT NULL")}
    db.close()
    return {p.relative_to(root).as_posix() for p in root.glob("*/*.txt")} - owned


def assert_every_input_once_so_far(root: Path) -> None:
    """Between kills: no input recorded twice (the index's unique identity holds)."""
    db = sqlite3.connect(root / ".index.sqlite")
    ids = [r for (r,) in db.execute("SELECT raw_id FROM docs")]
    db.close()
    assert len(ids) == len(set(ids))
