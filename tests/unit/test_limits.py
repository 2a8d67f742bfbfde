"""Limits on what one document may cost (pipeline.Options max_*), and deep HTML."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from cleaners import pipeline
from cleaners.document import Document
from cleaners.pipeline import Options
from conftest import ROOT

BODY = "教育局二〇二四年工作总结：本年度全县教育系统坚持立德树人根本任务，推进义务教育优质均衡发展。"


def nested(depth: int, tag: str = "div") -> bytes:
    html = (f"<html><head><title>深层页面</title></head><body>" + f"<{tag}>" * depth + BODY * 2
            + f"</{tag}>" * depth + "</body></html>")
    return html.encode("utf-8")


def test_page_of_four_million_elements_is_rejected_in_bounded_memory_with_a_reason():
    # Before the limits this page took ~6 GB (lxml tree, node_text parts, trafilatura's copies).
    # The child runs under a 3 GB address-space cap, so a regression fails instead of swapping.
    script = textwrap.dedent("""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
        from cleaners import pipeline
        from cleaners.document import Document
        page = b"<html><body>" + b"<p>a</p>" * 4_000_000 + b"</body></html>"
        result = pipeline.clean(Document(id="big", data=page, is_html=True))
        print(result.rejection)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    rejection, peak_mb = done.stdout.splitlines()
    assert rejection.startswith("over limit:") and "max_elements" in rejection
    assert int(peak_mb) < 1000, peak_mb


def test_document_over_max_bytes_is_rejected_naming_the_limit():
    result = pipeline.clean(Document(id="x", data=BODY.encode() * 100), Options(max_bytes=1000))
    assert result.text == ""
    assert result.rejection == f"over limit: input of {len(BODY.encode()) * 100:,} bytes (limit 1,000: max_bytes)"


def test_pages_of_one_document_count_together_against_max_bytes():
    pages = [Document(data=BODY.encode() * 5, url=f"http://x/{i}") for i in range(3)]
    assert pipeline.clean(Document(id="p", pages=pages), Options(max_bytes=2000)).rejection.startswith("over limit")
    assert pipeline.clean(Document(id="p", pages=pages), Options(max_bytes=3000)).rejection is None


def test_text_over_max_chars_is_rejected_naming_the_limit():
    result = pipeline.clean(Document(id="x", text=BODY * 50), Options(max_chars=1000))
    assert result.rejection == f"over limit: text of {len(BODY) * 50:,} characters (limit 1,000: max_chars)"


def test_html_page_over_max_elements_is_rejected_and_one_under_it_is_cleaned():
    page = ("<html><body>" + "".join(f"<p>{BODY}{i}</p>" for i in range(100)) + "</body></html>").encode()
    assert "max_elements" in pipeline.clean(Document(id="x", data=page, is_html=True),
                                            Options(max_elements=50)).rejection
    assert pipeline.clean(Document(id="x", data=page, is_html=True), Options(max_elements=500)).rejection is None


@pytest.mark.parametrize("tag", ["div", "font"])
def test_html_nested_deeper_than_python_recursion_keeps_its_text(tag):
    # 1,400 levels: past Python's recursion limit, within the default max_depth (1,500)
    result = pipeline.clean(Document(id="deep", data=nested(1_400, tag), is_html=True))
    assert result.rejection is None
    assert "立德树人" in result.text


def test_html_nested_3000_deep_is_rejected_with_a_reason_not_silently_dropped():
    # libxml2 drops what lies below 2,048 levels; the page must not pass as an empty one
    result = pipeline.clean(Document(id="deep", data=nested(3_000), is_html=True))
    assert result.rejection.startswith("over limit: HTML nested 2,047+ elements deep")
    assert "max_depth" in result.rejection


def test_a_depth_limit_the_html_parser_cannot_honour_is_refused():
    with pytest.raises(ValueError, match="max_depth"):
        Options(max_depth=5_000)
    with pytest.raises(ValueError, match="max_chars"):
        Options(max_chars=0)


def test_large_page_without_a_profile_selector_costs_time_in_proportion_to_its_size():
    # trafilatura's time grows faster than the page: 60,000 elements took over 25 s before.
    # Four times the page may cost at most twice four times the CPU (a quadratic step: 16x);
    # CPU time of this process, so that a loaded or slower machine does not fail it
    def cpu_seconds(paragraphs: int):
        page = ("<html><body>" + "".join(f"<div><p>{BODY}第{i}段</p></div>" for i in range(paragraphs))
                + "</body></html>").encode()
        started = time.process_time()
        result = pipeline.clean(Document(id="large", data=page, is_html=True))
        return time.process_time() - started, result

    small, _ = cpu_seconds(7_500)
    large, result = cpu_seconds(30_000)
    assert result.rejection is None and "第29999段" in result.text
    print(f"CPU {small:.2f} s for 7,500 paragraphs, {large:.2f} s for 30,000")
    assert large < 8 * small, (small, large)
