"""The output store's safety: hostile ids, titles and sites stay inside it, atomic writes, failed rows reported,
one writer at a time (split off test_store.py)."""
from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from cleaners import store as store_module
from cleaners.document import CleanResult
from cleaners.store import Store, StoreError, kept_index, safe_name, writer_thread
from cleaners.store.layout import KEY_FILE_NAMES, SIGNATURE_FILE_NAME

from store_checks import assert_consistent, files_on_disk, manifest
from test_store import BODY, OTHER, OTHER_TITLE, result

HOSTILE = ["../../etc/passwd", "/etc/passwd", "a\x00b", "..", ".", "", "x" * 300, "C:\\Windows\\win.ini", "CON",
           "manifest.jsonl", ".index.sqlite", "报告/../../逃逸", "a/b/c", "~root", " spaced id ", "\ud800broken"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_nothing_is_written_outside_the_store_whatever_ids_titles_sites_and_urls_hold(tmp_path, hostile):
    root = tmp_path / "out"
    with Store(root, dedup=False) as store:
        outcome = store.add(CleanResult(id=hostile or None, url=f"file:///{hostile}", site=hostile, title=hostile * 3,
                                        text=BODY, flags={}))
    written = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(root in p.parents for p in written)
    assert (root / outcome.path).is_file() and (root / outcome.path).parent.parent == root
    assert {p.name for p in root.iterdir() if p.is_file()} <= {"manifest.jsonl", ".index.sqlite", ".index.lock",
                                                                ".pending.log", ".index.sqlite-wal", ".index.sqlite-shm",
                                                                *KEY_FILE_NAMES.values(), SIGNATURE_FILE_NAME}
    assert_consistent(root)


def test_safe_ids_stay_readable_and_unsafe_ones_get_a_stable_hash():
    assert safe_name("000_c7cd7805efb27d02") == "000_c7cd7805efb27d02"
    assert safe_name("p-511241566.html") == "p-511241566.html"
    assert safe_name("../x") != safe_name("./x")
    assert safe_name("关于/../逃逸") == safe_name("关于/../逃逸")
    assert len(safe_name("x" * 300)) <= store_module.MAX_NAME


def test_a_title_with_newlines_stays_one_line(tmp_path):
    with Store(tmp_path) as store:
        outcome = store.add(result("t", title="第一行\n第二行\r\n"))
    assert (tmp_path / outcome.path).read_text(encoding="utf-8").startswith("第一行 第二行\n\n")


def test_writes_are_atomic_a_failed_write_leaves_no_file_and_no_record(tmp_path, monkeypatch):
    with Store(tmp_path) as store:
        store.add(result("a"))

    real_write = os.write

    def disk_full_halfway(fd, data):      # the document's bytes, not the journal's short line
        if len(data) > 64:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(28, "No space left on device")
        return real_write(fd, data)
    monkeypatch.setattr(os, "write", disk_full_halfway)
    with pytest.raises(OSError):
        with Store(tmp_path) as store:
            store.add(result("b", text=OTHER, title=OTHER_TITLE))
    monkeypatch.undo()
    with Store(tmp_path) as store:
        assert store.has("renrendoc", "a") and not store.has("renrendoc", "b")
    assert not list(tmp_path.rglob("*.tmp")) and not (tmp_path / "renrendoc/b.txt").exists()
    assert_consistent(tmp_path)


def test_a_row_that_cannot_be_inserted_loses_the_open_batch_and_is_reported(tmp_path, monkeypatch):
    with Store(tmp_path) as store:
        store.add(result("a"))
    monkeypatch.setattr(writer_thread, "INSERT_ROW", writer_thread.INSERT_ROW.replace("INTO docs", "INTO no_such"))
    with pytest.raises(sqlite3.OperationalError):
        with Store(tmp_path) as store:
            store.add(result("b", text=OTHER, title=OTHER_TITLE))
    monkeypatch.undo()
    with Store(tmp_path) as store:
        assert store.has("renrendoc", "a") and not store.has("renrendoc", "b")
    assert not (tmp_path / "renrendoc/b.txt").exists()
    assert_consistent(tmp_path)


def test_a_text_is_matched_before_its_file_is_on_disk(tmp_path, monkeypatch):
    """Verification reads a kept text of the open batch from memory: the writer thread may not
    have written its file yet."""
    monkeypatch.setattr(kept_index, "FINGERPRINT_CACHE", 0)
    release, real_write = threading.Event(), writer_thread.write_new

    def held_back(path, data):
        if str(path).endswith(".txt"):
            release.wait()
        real_write(path, data)
    monkeypatch.setattr(writer_thread, "write_new", held_back)
    with Store(tmp_path) as store:
        store.add(result("a"))
        outcome = store.add(result("b", text=BODY[: int(len(BODY) * 0.9)], site="docin"))
        assert not (tmp_path / "renrendoc/a.txt").exists()
        release.set()
    assert outcome.status == "near_dup" and outcome.duplicate_of == "a"
    assert_consistent(tmp_path)


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    with Store(tmp_path):
        with pytest.raises(StoreError, match="in use by another process"):
            Store(tmp_path)


def test_threshold_outside_zero_one_is_refused(tmp_path):
    with pytest.raises(ValueError, match="threshold"):
        Store(tmp_path, threshold=1.5)
