"""The store's per-host line table: distinct documents per line, kept across runs, read by
other processes through HostLineReader with the thresholds applied."""
import multiprocessing
import pickle

import pytest

from cleaners.document import LineKeys
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
