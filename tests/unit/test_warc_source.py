"""Re-cleaning a crawl's WARC archive: the crawl's documents, and truncation reported."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.document import Document
from cleaners.sources import BadInput, read
from cleaners.sources.warc import DOCUMENT_TYPE, INFO_FIELD, document_record, read_warc
from conftest import ROOT

REPORT = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
          "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 3
LISTING = b"<html><body><a href='/doc/1.html'>doc</a><a href='/doc/2.html'>doc</a></body></html>"


def page(n: int, text: str = REPORT) -> bytes:
    return f"<html><head><title>县教育局工作总结</title></head><body><p>第{n}页 {text}</p></body></html>".encode()


def write_archive(path, records, gz: bool = True, crawler: bool = True) -> None:
    """records: ("response", url, body, content_type, status) or ("document", Document),
    after a warcinfo record announcing document records as the crawler's does."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        if crawler:
            writer.write_record(writer.create_warcinfo_record(path.name, {INFO_FIELD: DOCUMENT_TYPE}))
        for record in records:
            if record[0] == "response":
                _, url, body, content_type, status = record
                headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                              http_headers=headers))
            else:
                doc = record[1]
                writer.write_record(writer.create_warc_record(doc.url, "metadata", warc_content_type=DOCUMENT_TYPE,
                                                              payload=io.BytesIO(document_record(doc))))


def crawl_like(path, gz: bool = True) -> list[Document]:
    """A crawl's archive: a listing, a two-page preview, a block page, a one-page document,
    a text-endpoint page (cleaned as text), and the two document records."""
    html = "text/html; charset=utf-8"
    two_pages = Document(id="d1", site="fanwen", url="http://x.cn/doc/1.html", meta={"pages_seen": 2, "page_count": 3},
                         pages=[Document(data=page(1), content_type=html, url="http://x.cn/doc/1.html", site="fanwen"),
                                Document(text="第二页的文字", is_html=False, url="http://x.cn/api?p=2", site="fanwen")])
    one_page = Document(id="d2", site="fanwen", url="http://x.cn/doc/2.html", data=page(9, REPORT[::-1]),
                        content_type=html)
    write_archive(path, [
        ("response", "http://x.cn/list_1.html", LISTING, html, 200),
        ("response", "http://x.cn/doc/1.html", page(1), html, 200),
        ("response", "http://x.cn/api?p=2", b'cb({"text": "\\u7b2c\\u4e8c\\u9875\\u7684\\u6587\\u5b57"})',
         "application/javascript", 200),
        ("response", "http://x.cn/doc/3.html", "请输入验证码".encode(), html, 200),
        ("document", two_pages),
        ("response", "http://x.cn/doc/2.html", page(9, REPORT[::-1]), html, 200),
        ("document", one_page),
    ], gz=gz)
    return [two_pages, one_page]


@pytest.mark.parametrize("gz", [True, False])
def test_an_archive_gives_the_crawls_documents_not_each_response(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    expected = crawl_like(path, gz)
    found = list(read_warc(path))
    assert [(d.id, d.site, d.url, d.meta) for d in found] == [(d.id, d.site, d.url, d.meta) for d in expected]
    assert [p.data for p in found[0].pages] == [page(1), None]
    assert found[0].pages[1].text == "第二页的文字" and found[0].pages[1].is_html is False
    assert found[0].pages[0].content_type == "text/html; charset=utf-8"
    assert found[1].data == page(9, REPORT[::-1]) and not found[1].pages


def test_two_documents_with_the_same_page_bytes_both_get_them(tmp_path):
    html = "text/html"
    docs = [Document(id=i, site="s", url=f"http://x.cn/{i}", data=page(1), content_type=html) for i in ("a", "b")]
    write_archive(tmp_path / "a.warc.gz", [("response", "http://x.cn/a", page(1), html, 200), ("document", docs[0]),
                                           ("response", "http://x.cn/b", page(1), html, 200), ("document", docs[1])])
    assert [(d.id, d.data) for d in read_warc(tmp_path / "a.warc.gz")] == [("a", page(1)), ("b", page(1))]


def test_a_document_fetched_twice_in_one_archive_is_read_once(tmp_path):
    doc = Document(id="a", site="s", url="http://x.cn/a", data=page(1), content_type="text/html")
    response = ("response", "http://x.cn/a", page(1), "text/html", 200)
    write_archive(tmp_path / "a.warc.gz", [response, ("document", doc), response, ("document", doc)])
    assert [d.id for d in read_warc(tmp_path / "a.warc.gz")] == ["a"]


def test_an_archive_without_document_records_gives_one_document_per_2xx_response(tmp_path):
    write_archive(tmp_path / "old.warc.gz", [("response", "http://x.cn/1", page(1), "text/html", 200),
                                             ("response", "http://x.cn/2", b"gone", "text/html", 404),
                                             ("response", "http://x.cn/3", page(3), "text/html", 200)],
                  crawler=False)
    assert [d.url for d in read_warc(tmp_path / "old.warc.gz")] == ["http://x.cn/1", "http://x.cn/3"]


def record_offsets(path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        return [iterator.get_record_offset() for _ in iterator]


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("where", ["inside the last record", "in its last bytes", "inside the second record",
                                   "inside the first headers"])
def test_a_truncated_archive_gives_what_precedes_the_damage_and_names_its_offset(tmp_path, gz, where):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    crawl_like(path, gz)
    offsets, size = record_offsets(path), path.stat().st_size
    cut, damaged_record, documents = {
        "inside the last record": ((offsets[-1] + size) // 2, -1, 1),
        "in its last bytes": (size - 2, -1, 1),
        "inside the second record": ((offsets[2] + offsets[3]) // 2, 2, 0),
        "inside the first headers": (20, 0, 0)}[where]
    path.write_bytes(path.read_bytes()[:cut])
    found = list(read_warc(path))
    assert [type(d).__name__ for d in found] == ["Document"] * documents + ["BadInput"]
    assert found[-1].damaged and f"record offset {offsets[damaged_record]}:" in found[-1].reason


def test_an_intact_archive_is_not_reported_damaged(tmp_path):
    crawl_like(tmp_path / "crawl.warc.gz")
    assert not [d for d in read_warc(tmp_path / "crawl.warc.gz") if isinstance(d, BadInput)]


def test_truncated_warc_fails_the_run_with_one_line_naming_the_file_and_offset(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    crawl_like(path)
    offsets = record_offsets(path)
    path.write_bytes(path.read_bytes()[:offsets[-1] + 30])
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "cleaners", "clean", path, "--out", out], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    [line] = [line for line in run.stderr.splitlines() if "record offset" in line]
    assert str(path) in line and f"record offset {offsets[-1]}" in line and "Traceback" not in run.stderr
    assert [json.loads(line)["id"] for line in (out / "manifest.jsonl").read_text().splitlines()] == ["d1"]


def test_an_empty_archive_is_reported_not_silently_accepted(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert [type(d).__name__ for d in read([str(tmp_path / "empty.warc.gz")])] == ["BadInput"]


def test_gzip_member_cut_short_is_damage_even_when_warcio_reads_on():
    # guards the check's premise: warcio itself accepts the cut archive without an error
    from warcio.archiveiterator import ArchiveIterator
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record("http://x.cn/", "response", payload=io.BytesIO(page(1)),
                                                  http_headers=StatusAndHeaders("200 OK", [], protocol="HTTP/1.1")))
    data = buffer.getvalue()[:-40]
    assert len(list(ArchiveIterator(io.BytesIO(data)))) == 1
    with pytest.raises(EOFError):
        gzip.decompress(data)
