"""Fuzzing the steps one by one: decode, extract and each repair step never raise or hang."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaners import pipeline_repair
from cleaners.steps import repair
from cleaners.steps.decode import decode_bytes
from cleaners.steps.extract import extract_html, html_fragment_text
from fuzz_support import CONTENT_TYPES, FUZZ, HTML_PAGES, hard_limit, mutated, replica_bodies

BYTES = st.one_of(st.binary(max_size=3000), mutated())
REPAIR_STEPS = (repair.strip_control_chars, repair.strip_html_residue, *pipeline_repair.REPAIRS, repair.strip_pinyin,
                repair.drop_irrecoverable)


def texts():
    """Text as the steps meet it: decoded fuzzed bytes, or any Unicode at all."""
    return st.one_of(st.text(max_size=600), BYTES.map(lambda data: decode_bytes(data)[0]))


def utf8_safe(text: str) -> bool:
    text.encode("utf-8")
    return True


@FUZZ
@given(data=BYTES, content_type=st.sampled_from(CONTENT_TYPES))
def test_decode_gives_text_for_any_bytes(data, content_type):
    with hard_limit():
        text, info = decode_bytes(data, content_type)
    assert isinstance(text, str) and isinstance(info.encoding, str)


@FUZZ
@given(html=st.one_of(HTML_PAGES, mutated(replica_bodies).map(lambda data: decode_bytes(data)[0]), st.text(max_size=500)),
       limits=st.sampled_from([{}, {"max_elements": 40, "max_depth": 8}]))
def test_extract_never_raises_on_any_html(html, limits):
    with hard_limit():
        extracted = extract_html(html, url="http://example.gov.cn/a.html", **limits)
        fragment = html_fragment_text(html)
    assert isinstance(extracted.text, str) and isinstance(extracted.title, str) and isinstance(fragment, str)


@pytest.mark.parametrize("step", REPAIR_STEPS, ids=lambda step: step.__name__)
@FUZZ
@given(text=texts())
def test_each_repair_step_never_raises_and_returns_text(step, text):
    with hard_limit():
        new, changes = step(text)
    assert isinstance(new, str) and isinstance(changes, list)
