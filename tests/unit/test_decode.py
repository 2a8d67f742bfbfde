from cleaners.steps.decode import ascii_aligned_sample, decode_bytes

REPORT = "县教育局2024年工作总结。一、加强党的建设，推进优质均衡发展。" * 20


def test_gbk_without_declaration_is_read_as_gb18030_not_cp1252():
    text, info = decode_bytes(REPORT.encode("gbk"))
    assert text == REPORT and info.encoding == "gb18030"


def test_header_that_lies_about_utf8_is_overruled_by_the_bytes():
    text, info = decode_bytes(REPORT.encode("gbk"), "text/html; charset=utf-8")
    assert text == REPORT and info.declared == "utf-8"


def test_utf8_body_under_a_gbk_header_is_not_turned_into_mojibake():
    text, _ = decode_bytes(REPORT.encode("utf-8"), "text/html; charset=GBK")
    assert text == REPORT


def test_lenient_meta_with_httpequiv_typo_declares_big5():
    page = '<html><head><meta httpequiv="ContentType" content="text/html; charset=big5"></head>縣教育局'
    text, info = decode_bytes(page.encode("big5"))
    assert "縣教育局" in text and info.encoding == "big5" and info.source == "declared"


def test_gb2312_declaration_is_widened_to_gb18030_for_extension_characters():
    page = '<meta charset="gb2312">丂冂镕'
    text, info = decode_bytes(page.encode("gb18030"))
    assert text.endswith("丂冂镕") and info.encoding == "gb18030"


def test_bom_wins_over_everything():
    text, info = decode_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8"), "text/html; charset=gbk")
    assert text == REPORT and info.source == "bom"


def test_undecodable_bytes_never_raise_and_are_counted():
    text, info = decode_bytes(b"\x81\x30abc\xff\xfe\xfd\x80")
    assert isinstance(text, str) and info.replacements >= 1


def test_detection_sample_never_cuts_a_two_byte_character():
    data = ("中" * 10000).encode("gbk") + b"a" + ("文" * 10).encode("gbk")
    sample = ascii_aligned_sample(b"x" + data, 4096)
    assert sample.decode("gbk", errors="strict")


TRADITIONAL = "縣教育局2024年工作總結。一、加強黨的建設，推進優質均衡發展，辦好人民滿意的教育。" * 10


def test_undeclared_big5_is_recognised_not_read_as_gb18030_mojibake():
    text, info = decode_bytes(TRADITIONAL.encode("big5"))
    assert info.encoding == "big5" and text == TRADITIONAL


def test_big5_under_a_gb2312_declaration_is_still_read_as_big5():
    text, info = decode_bytes(TRADITIONAL.encode("big5"), "text/html; charset=gb2312")
    assert info.encoding == "big5" and text == TRADITIONAL


def test_traditional_text_in_gbk_stays_gb18030():
    text, info = decode_bytes(TRADITIONAL.encode("gbk"))
    assert info.encoding == "gb18030" and text == TRADITIONAL


def test_utf8_with_a_few_stray_bytes_stays_utf8_and_counts_the_damage():
    damaged = REPORT[:40].encode() + b"\xff\xfe" + REPORT[40:300].encode() + b"\x81" + REPORT[300:].encode()
    text, info = decode_bytes(damaged)
    assert info.encoding == "utf-8" and info.replacements == 3
    assert text.replace("\ufffd", "") == REPORT
