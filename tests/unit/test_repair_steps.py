"""What every repair step promises: clean text untouched, idempotent, never raises."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from repair_cases import DATA, SIMPLIFIED, STEPS, TRADITIONAL


def test_clean_text_goes_through_every_step_untouched():
    golds = [p.read_text(encoding="utf-8") for p in sorted((DATA / "gold").glob("*.txt"))]
    # gold 000 keeps one `(fā)` annotation that strip_pinyin rightly removes
    for text in [SIMPLIFIED, TRADITIONAL] + [g for g in golds if "(fā)" not in g]:
        for step in STEPS:
            assert step(text) == (text, []), step.__name__


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
def test_each_step_is_idempotent_on_the_seeds(step):
    for path in sorted((DATA / "seeds").glob("*.txt")):
        once, _ = step(path.read_text(encoding="utf-8"))
        assert step(once) == (once, [])


_pieces = st.one_of(
    st.characters(exclude_categories=()),                 # any code point, lone surrogates included
    st.sampled_from(list("中文國家的。，、?!()（）<>&;#pbr/ \n\r\ufffd\u200b\x85\xad\x81\xa0锟斤拷烫屯ÖÐÎÄ€鍥藉栋lhāfxù")
                    + ["&amp;", "<br>", "(fā)", "??h", "?!栋l", "缁忔祹澧為暱", "\ufffd鍥h", "いゅ", "½ÌÓý¾Ö"]),
)


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(_pieces, max_size=40).map("".join))
@example(text="Â\x800½ÌÓý¾Ö")                        # fix_whole_text_mojibake was not idempotent
def test_each_step_never_raises_and_is_idempotent(step, text):
    once, _ = step(text)
    assert step(once)[0] == once
