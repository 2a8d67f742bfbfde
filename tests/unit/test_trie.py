import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.chars.trie import trie_pattern

WORDS = st.lists(st.text(alphabet="来源于本站aé.*", min_size=1, max_size=4), min_size=1, max_size=12)


def test_the_longest_word_at_a_position_wins():
    rx = re.compile(trie_pattern(["来源", "来源于", "本站"]))
    assert [m.group() for m in rx.finditer("来源于本站来源")] == ["来源于", "本站", "来源"]


@settings(max_examples=200, deadline=None)
@given(WORDS, st.text(alphabet="来源于本站aé.*x", max_size=40))
def test_matches_what_an_alternation_from_the_longest_word_down_matches(words, text):
    alternation = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    trie = re.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]
