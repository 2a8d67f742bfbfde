"""The store's per-host line table: distinct documents per line, kept across runs, read by
other processes through HostLineReader with the thresholds applied."""
import multiprocessing
import os
import pickle
import sqlite3

import pytest

from cleaners.document import LineKeys
from cleaners.store import host_lines
from cleaners.store.host_lines import FILE_NAME, HostLineReader, HostLineTable

HOST = "jyj.example.gov.cn"
NAV, FOOTER, OTHER = 101, 202, 303


def count_pages(table: HostLineTable, n: int, keys=(NAV, FOOTER), host: str = HOST, start: int = 0) -> None:
    for page in range(start, start + n):
        table.count(LineKeys(host, (*keys, 10_000 + page)), f"https://{host}/a/{page}.html")


def test_a_line_counts_once_per_distinct_document_and_counts_survive_a_reopen(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 3)
        table.count(LineKeys(HOST, (NAV, FOOTER)), f"https://{HOST}/a/0.html")     # seen: not again
        assert table.host_docs(HOST) == 3
        table.commit()
        count_pages(table, 1)                              # seen in a committed window: not again
        assert table.host_docs(HOST) == 3
    with HostLineTable(tmp_path) as table:                 # a later run
        count_pages(table, 3)                              # the same pages again: nothing new
        count_pages(table, 3, start=3)
        assert table.host_docs(HOST) == 6
    reader = HostLineReader(tmp_path, min_docs=5)
    assert reader.repeated(HOST, (NAV, FOOTER, 10_000, OTHER)) == {NAV: 6, FOOTER: 6}
    assert (tmp_path / FILE_NAME).exists()


def test_a_line_needs_min_docs_and_a_share_of_the_hosts_documents(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 4)
        count_pages(table, 1, keys=(OTHER,), host="other.example.com")
    reader = HostLineReader(tmp_path, min_docs=5, share=0.2)
    assert reader.repeated(HOST, (NAV,)) == {}                      # 4 documents < 5
    with HostLineTable(tmp_path) as table:
        count_pages(table, 1, start=4)
        count_pages(table, 25, keys=(OTHER,), start=5)              # the host grows: 30 documents
    assert reader.threshold(30) == 6
    assert reader.repeated(HOST, (NAV, OTHER)) == {OTHER: 25}       # NAV on 5 of 30: under a fifth
    assert reader.repeated("other.example.com", (OTHER,)) == {}     # hosts are apart
    assert HostLineReader(tmp_path, min_docs=5, share=0.1).repeated(HOST, (NAV,)) == {NAV: 5}


def test_readers_see_what_the_writer_committed(tmp_path):
    reader = HostLineReader(tmp_path, min_docs=2)
    assert reader.repeated(HOST, (NAV,)) == {}                      # no table yet: nothing, no file made
    assert not (tmp_path / FILE_NAME).exists()
    table = HostLineTable(tmp_path)
    try:
        table.commit()
        count_pages(table, 3)
        assert reader.repeated(HOST, (NAV,)) == {}                  # not committed yet
        table.commit()
        assert reader.repeated(HOST, (NAV,)) == {NAV: 3}
    finally:
        table.close()


def _ask(reader: HostLineReader) -> dict:
    return reader.repeated(HOST, (NAV, FOOTER))


def test_the_reader_is_picklable_and_reads_from_another_process(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 5)
    reader = pickle.loads(pickle.dumps(HostLineReader(tmp_path)))
    assert reader.repeated(HOST, (NAV,)) == {NAV: 5}                # opened in this process first
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_ask, (reader,)) == {NAV: 5, FOOTER: 5}


def test_a_threshold_of_one_document_is_refused():
    with pytest.raises(ValueError, match="min_docs"):
        HostLineReader("out", min_docs=1)


def test_a_host_with_a_lone_surrogate_from_a_broken_url_is_counted_and_read(tmp_path):
    host = "bad\udcff.example.com"
    with HostLineTable(tmp_path) as table:
        count_pages(table, 5, host=host)
    assert HostLineReader(tmp_path).repeated(host, (NAV,)) == {NAV: 5}


def _statements(path) -> list[str]:
    """The SQL the reading process's connection to `path` runs from now on (appended to)."""
    run: list[str] = []
    host_lines._reader(str(path.resolve() / FILE_NAME), os.getpid()).db.set_trace_callback(run.append)
    return run


def test_a_reader_asks_sqlite_one_cheap_question_per_document_of_a_large_host_while_nothing_is_committed(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 80)                             # threshold 16: the host's lines over it, loaded
        count_pages(table, 5, keys=(OTHER,), host="small.example.com")
    reader = HostLineReader(tmp_path)
    assert reader.repeated(HOST, (NAV,)) == {NAV: 80}
    run = _statements(tmp_path)
    for page in range(3):
        assert reader.repeated(HOST, (NAV, FOOTER, 10_000 + page, OTHER)) == {NAV: 80, FOOTER: 80}
    assert run == ["PRAGMA data_version"] * 3          # loaded once for this state
    for page in range(2):                              # a small host: its row, then its keys looked up
        assert reader.repeated("small.example.com", (NAV, OTHER)) == {OTHER: 5}
    assert [sql.split(" WHERE")[0] for sql in run[3:]] == ["SELECT id, docs FROM hosts", "SELECT key, docs FROM lines"] * 2


@pytest.mark.parametrize("hot_docs", [16, 2])     # the lines of a large host loaded, or looked up
def test_a_reader_sees_each_commit_of_another_connection_at_once(tmp_path, monkeypatch, hot_docs):
    monkeypatch.setattr(host_lines, "HOT_DOCS", hot_docs)
    reader = HostLineReader(tmp_path, min_docs=5, share=0.2)
    with HostLineTable(tmp_path) as table:
        count_pages(table, 5)
    assert reader.repeated(HOST, (NAV, OTHER)) == {NAV: 5}
    with HostLineTable(tmp_path) as table:
        count_pages(table, 1, start=5)
        table.commit()
        assert reader.repeated(HOST, (NAV, OTHER)) == {NAV: 6}
        count_pages(table, 29, keys=(OTHER,), start=6)         # 35 documents: NAV on 6 (< 7), OTHER on 29
        assert reader.repeated(HOST, (NAV, OTHER)) == {NAV: 6}  # (not committed yet)
        table.commit()
        assert reader.repeated(HOST, (NAV, OTHER)) == {OTHER: 29}
    db = sqlite3.connect(tmp_path / FILE_NAME)                  # any other connection's commit counts
    with db:
        db.execute("UPDATE lines SET docs = 7 WHERE key = ?", (NAV,))
    db.close()
    assert reader.repeated(HOST, (NAV, OTHER)) == {NAV: 7, OTHER: 29}
    assert HostLineReader(tmp_path, min_docs=5, share=0.5).repeated(HOST, (NAV, OTHER)) == {OTHER: 29}  # its own


def test_a_reader_holds_no_read_transaction_between_documents(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 40, keys=(NAV, FOOTER))
        count_pages(table, 60, keys=(NAV,), start=40)
        table.commit()
        reader = HostLineReader(tmp_path)                   # 100 documents: threshold 20
        assert reader.repeated(HOST, (NAV, FOOTER, 10_001)) == {NAV: 100, FOOTER: 40}
        count_pages(table, 1, start=100)
        table.commit()
        busy, _, _ = table.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0                                    # no snapshot left open by the reader
        assert reader.repeated(HOST, (NAV,)) == {NAV: 101}


def test_the_lines_of_a_large_host_over_16_documents_are_read_by_an_index(tmp_path):
    with HostLineTable(tmp_path) as table:
        count_pages(table, 16)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT key, docs FROM lines WHERE host = 1 AND docs >= 16 "
                      "ORDER BY docs DESC").fetchall()
    assert "COVERING INDEX lines_hot16" in plan[0][3] and "TEMP B-TREE" not in str(plan)
    assert db.execute("SELECT count(*) FROM lines INDEXED BY lines_hot16 WHERE host = 1 AND docs >= 16").fetchone() == (2,)
    db.close()
