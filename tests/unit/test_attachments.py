"""Attachment readers: every format the government replicas publish, and the files that cannot be read."""
from __future__ import annotations

import dataclasses
import re
import shutil

import pytest

from cleaners.document import Document
from cleaners.pipeline import clean
from cleaners.sources.attachments import AttachmentError, read_bytes, read_into, sniff_format
from cleaners.sources.attachments.layout import paragraphs, without_running_lines
from replicas.govsite import files
from replicas.govsite.texts import report

TEXT = report("unit-attachment", "示范县教育局", 2024, "工作总结")
ROWS = files.sheet_rows("示范县2024年重点工作任务分解表", "unit-sheet")
needs_doc_reader = pytest.mark.skipif(not (shutil.which("antiword") or shutil.which("catdoc")),
                                      reason="antiword/catdoc not installed (apt-get install antiword catdoc)")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("fmt,maker,reader", [("pdf", files.pdf, "pypdfium2"), ("docx", files.docx, "python-docx"),
                                              ("ofd", files.ofd, "ofd-xml")])
def test_text_formats_read_back_to_their_text(fmt, maker, reader):
    read = read_bytes(maker(TEXT), fmt)
    assert read.reader == reader
    assert squeeze(read.text) == squeeze(TEXT.title + TEXT.body)


@needs_doc_reader
@pytest.mark.parametrize("fmt", ["doc", "wps"])
def test_word_binary_and_wps_read_back_with_antiword_or_catdoc(fmt):
    read = read_bytes(files.doc(TEXT), fmt)
    assert read.reader in ("antiword", "catdoc")
    assert squeeze(read.text) == squeeze(TEXT.title + TEXT.body)


@pytest.mark.parametrize("fmt,maker", [("xlsx", files.xlsx), ("xls", files.et), ("et", files.et)])
def test_sheets_read_back_a_row_a_line(fmt, maker):
    read = read_bytes(maker(ROWS), fmt)
    assert read.text.split("\n")[0] == ROWS[0][0]
    assert squeeze(read.text) == squeeze("".join("".join(r) for r in ROWS))


def test_pdf_lines_are_joined_into_paragraphs_without_page_numbers():
    read = read_bytes(files.pdf(TEXT), "pdf")
    assert read.text.split("\n") == [TEXT.title, *TEXT.paragraphs]
    assert read.pages >= 1 and "- 1 -" not in read.text


@pytest.mark.parametrize("fmt", ["pdf", "ofd"])
def test_a_running_header_goes_from_every_page(fmt):
    more = [report(f"unit-attachment-{n}", "示范县教育局", 2024, "工作总结").paragraphs for n in range(2)]
    long = dataclasses.replace(TEXT, paragraphs=TEXT.paragraphs + more[0] + more[1])    # three pages or more
    make = getattr(files, fmt)
    plain = read_bytes(make(long), fmt)
    headed = read_bytes(make(long, header="示范县教育局文件"), fmt)
    assert plain.pages >= 2 and headed.text == plain.text and "示范县教育局文件" not in headed.text


def test_a_line_opening_only_one_page_is_no_running_header():
    pages = [[("标题", 0.0), ("正文第一行", 0.0)], [("正文第二页", 0.0), ("结尾。", 0.0)], [("附件", 0.0), ("- 3 -", 0.0)]]
    assert without_running_lines(pages) == pages


def test_layout_keeps_headings_apart_and_drops_page_furniture():
    full = "一二三四五六七八九十" * 2 + "一二三四五六七八"          # a 公文's line: 28 characters
    lines = [full, "一二三四五。", "二、第二部分", "第 2 页 共 3 页", "— 3 —", "结尾。"]
    assert paragraphs(lines) == f"{full}一二三四五。\n二、第二部分\n结尾。"


def test_layout_joins_no_line_of_a_short_document_of_short_lines():
    lines = ["城关区2024年中考时间安排", "6月20日", "上午 语文 9:00-11:30", "下午 物理 15:00-16:30", "6月21日",
             "上午 数学 9:00-11:00", "请各考生提前30分钟到达考点。"]
    assert paragraphs(lines) == "\n".join(lines)


def test_scanned_pdf_is_refused_as_having_no_text_layer():
    with pytest.raises(AttachmentError) as caught:
        read_bytes(files.scanned_pdf("unit"), "pdf")
    assert caught.value.reason == "no text layer"


def test_corrupt_pdf_is_unreadable():
    with pytest.raises(AttachmentError) as caught:
        read_bytes(files.corrupt_pdf("unit"), "pdf")
    assert caught.value.reason == "unreadable"


def test_html_error_page_behind_a_pdf_link_is_not_a_file():
    with pytest.raises(AttachmentError) as caught:
        read_bytes(b"<!DOCTYPE html><html><body>404</body></html>", "pdf")
    assert caught.value.reason == "not a file"


def test_bytes_are_read_as_what_they_are_whatever_the_link_said():
    assert sniff_format(files.docx(TEXT)) == "docx" and sniff_format(files.xlsx(ROWS)) == "xlsx"
    assert sniff_format(files.ofd(TEXT)) == "ofd" and sniff_format(files.et(ROWS)) == "xls"
    assert read_bytes(files.pdf(TEXT), "doc").reader == "pypdfium2"


def test_pages_and_plain_files_pass_untouched():
    page = Document(data=b"<html><body>x</body></html>")
    assert read_into(page) == (page, [])


def test_pipeline_keeps_an_attachment_with_its_format_and_rejects_a_scan_with_a_reason():
    kept = clean(Document(id="a", url="https://x.gov.cn/P0.pdf", data=files.pdf(TEXT),
                          meta={"format": "pdf", "attachment_of": "https://x.gov.cn/t.html"}))
    assert kept.usable and kept.title == TEXT.title
    assert (kept.metadata["format"], kept.metadata["attachment_of"]) == ("pdf", "https://x.gov.cn/t.html")
    scan = clean(Document(id="b", url="https://x.gov.cn/s.pdf", data=files.scanned_pdf("unit"), meta={"format": "pdf"}))
    assert not scan.usable and scan.rejection == "no text layer" and "page" in scan.flags["reject_detail"]
