import random
import zlib

from cleaners.steps.sniff import not_text_reason

REPORT = "县教育局2024年工作总结。一、加强党的建设，推进优质均衡发展。\n" * 30
TRADITIONAL = "縣教育局2024年工作總結。一、加強黨的建設，推進優質均衡發展。\n" * 30


def test_text_in_every_encoding_we_read_is_text():
    for text, encoding in ((REPORT, "utf-8"), (REPORT, "gb18030"), (TRADITIONAL, "big5"), (REPORT, "utf-16")):
        assert not_text_reason(text.encode(encoding)) is None, encoding


def test_html_page_is_text():
    assert not_text_reason(f"<html><body><p>{REPORT}</p></body></html>".encode("gbk")) is None


def test_known_formats_are_named_by_their_magic_bytes():
    assert not_text_reason(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == "PDF document"
    assert not_text_reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == "PNG image"
    assert "ZIP" in not_text_reason(b"PK\x03\x04\x14\x00\x06\x00")


def test_random_bytes_are_binary():
    data = random.Random(7).randbytes(3000)
    assert not_text_reason(data).startswith("binary data")


def test_compressed_data_without_a_header_is_binary():
    assert not_text_reason(zlib.compress(REPORT.encode() * 10)[2:]).startswith("binary data")
