"""The literal shortcuts of boilerplate.remove change its speed, never its result.

Every rule gets the strings one of which each of its matches must contain; `remove` only
tries the rules on lines holding one.  Checked two ways: strings generated from each rule
contain one of its literals, and `remove` gives exactly what the plain per-line rules give.
"""
import dataclasses
import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from corpus_score import samples
from test_properties import documents
from cleaners import sources
from cleaners.steps import boilerplate
from cleaners.steps.boilerplate import removal
from cleaners.steps.boilerplate.rules import crumb_patterns
from cleaners.steps.boilerplate.first_chars import EdgeGate, anchored_edge, first_ranges, table
from cleaners.steps.boilerplate.literals import alternation, shortest_prefixes
from cleaners.steps.decode import decode_bytes
from cleaners.steps.normalize import to_simplified
from cleaners.profiles import all_profiles, generic

GENERIC = generic()
RULES_FOR = boilerplate.rules_for
CRUMB_PATTERNS = tuple(crumb_patterns())      # (line rules of their own, from `[head_crumb]`)
RULE_PATTERNS = sorted({p for prof in all_profiles().values()
                        for p in (*prof.boilerplate_lines, *prof.boilerplate_tails,
                                  *prof.truncation_markers, *prof.boilerplate_spans)} | set(CRUMB_PATTERNS))


@pytest.mark.parametrize("pattern", RULE_PATTERNS)
def test_every_match_of_a_rule_holds_one_of_its_literals(pattern):
    literals = boilerplate.pattern_literals(pattern)
    if literals is None:
        pytest.skip("no required literal: the rule is tried on every line")

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True))
    def holds_a_literal(text):
        assert any(lit in text for lit in literals), (text, literals)

    holds_a_literal()


def test_literal_extraction_multiplies_small_alternations_and_ignores_optional_parts():
    assert sorted(boilerplate.pattern_literals("(?:字号|字体)[:：]?")) == ["字体", "字号"]
    assert boilerplate.pattern_literals("(?:继续)?免费阅读$") == ("免费阅读",)
    assert sorted(boilerplate.pattern_literals("上传人[:：].*")) == ["上传人:", "上传人："]
    assert boilerplate.pattern_literals("(?i)vip") is None
    assert boilerplate.pattern_literals(".{2,120}") is None


def test_an_atomic_group_is_read_for_literals_as_a_plain_group_is():
    assert sorted(boilerplate.pattern_literals(r"\s*(?>(?:阅读|评论)\s*\d+|\d+次(?:阅读|评论))\s*")) == ["次评论", "次阅读", "评论", "阅读"]
    assert boilerplate.pattern_literals(r"(?>\d+)\s*") is None


WHOLE_LINE_PATTERNS = sorted({p for prof in all_profiles().values()
                               for p in (*prof.boilerplate_lines, *prof.boilerplate_tails)} | set(CRUMB_PATTERNS))


@pytest.mark.parametrize("pattern", WHOLE_LINE_PATTERNS)
def test_every_line_a_whole_line_rule_matches_starts_with_one_of_its_first_characters(pattern):
    starts = table(first_ranges(pattern))

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True))
    def starts_with_a_first_character(text):
        if text:
            assert starts[min(ord(text[0]), 0xFFFF)], (text, first_ranges(pattern))

    starts_with_a_first_character()


def test_first_characters_follow_optional_parts_and_give_up_on_what_may_start_anything():
    assert first_ranges("(?:继续)?免费阅读") == ((ord("免"), ord("免")), (ord("继"), ord("继")))
    assert first_ranges(r"第\s*\d+页") == ((ord("第"), ord("第")),)
    assert first_ranges(r"\s*[*＊]{5,}") is not None and table(first_ranges(r"\s*[*＊]{5,}"))[ord(" ")]
    assert table(first_ranges(r"\d{4}-"))[ord("٣")]              # any Unicode digit, as the engine's \d
    assert not table(first_ranges(r"\d{4}-"))[ord("a")]
    for anything in (r".{0,40}政府", r"[^a]b", r"(?i:vip)", r"(?i)vip", r"\S{2,12}时间", r"(a)?\1"):
        assert first_ranges(anything) is None
    assert table(first_ranges("(?=x)x"))[ord("x")] and table(first_ranges("^关闭"))[ord("关")]


ANCHORED_SPANS = sorted({p for prof in all_profiles().values() for p in prof.boilerplate_spans
                         if anchored_edge(p) is not None})


@pytest.mark.parametrize("pattern", ANCHORED_SPANS)
def test_a_line_an_anchored_span_rule_cuts_passes_its_edge_gate(pattern):
    gate = EdgeGate.of([pattern])

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True), st.text(max_size=3))
    def passes(match, other):
        line = (match + other) if anchored_edge(pattern)[0] == "first" else (other + match)
        if match and re.search(pattern, line):
            assert gate.admits(line), (line, anchored_edge(pattern))

    passes()


def test_edge_gate_reads_the_anchored_end_and_gives_up_on_unanchored_rules():
    gate = EdgeGate.of(["^摘要[:：]", "(?:继续)?免费阅读$"])
    assert gate.admits("摘要：本文") and gate.admits("点此继续免费阅读")
    assert not gate.admits("本文摘要：") and not gate.admits("免费阅读全文") and not gate.admits("")
    assert EdgeGate.of(["^摘要", "免费阅读"]) is None



TITLE_CLEANUPS = sorted({p for prof in all_profiles().values() for p in prof.title_cleanup})


@pytest.mark.parametrize("pattern", TITLE_CLEANUPS)
def test_a_title_a_cleanup_rule_changes_passes_the_title_edge_gate(pattern):
    """The gate `clean_title` asks before the cleanup subn never turns away a title that a rule
    would change: a match of the rule, with anything before or after it."""
    gate = RULES_FOR(GENERIC).title_edges
    # (hypothesis makes no look-around: 标题文字 around the match fits the rules' ones)
    generated = re.sub(r"\(\?=[^)]*\)$", "", re.sub(r"^\(\?<[=!]\[?[^)]*\)", "", pattern))

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(generated, fullmatch=True), st.text(alphabet="篇第网文库 -_|(（）)1二精选a", max_size=6),
           st.text(alphabet="篇第网文库 -_|(（）)1二精选a", max_size=6))
    def passes(match, before, after):
        for title in ("标题文字" + match, match + "标题文字", before + "标题文字" + match, match + "标题文字" + after):
            title = " ".join(title.split())
            if re.sub(pattern, "", title) != title:
                assert gate.admits(title), (title, pattern)

    passes()


@settings(deadline=None)      # (the first call builds every profile's rules)
@given(st.text(alphabet="篇第网文库范本精选大全标题原 -_|｜(（）)【】[]12三字页VIPvip.docx:：", max_size=14))
def test_cleanup_title_is_the_cleanup_subn(title):
    for profile in all_profiles().values():
        rules = RULES_FOR(profile)
        if rules.title_cleanup is not None:
            assert rules.cleanup_title(title) == rules.title_cleanup.subn("", title)


def test_the_generic_title_cleanups_are_gated_by_a_titles_ends():
    gate = RULES_FOR(GENERIC).title_edges
    assert gate is not None
    assert gate.admits("工作总结范文(精选9篇)") and gate.admits("VIP工作总结") and gate.admits("总结.docx")
    assert not gate.admits("学校德育工作总结") and not gate.admits("")


def test_rules_without_a_literal_are_tried_only_on_lines_starting_as_they_may():
    """Those rules are gated by first characters alone: theirs keep a bit of their own even
    when the rules hold more distinct first-character sets than there are bits (the generic
    rules do), so a prose line is not tried against them."""
    index = RULES_FOR(GENERIC).literal_index
    assert index.rest_masks["lines"] & 1 == 0
    hits = index.lines("过去一年，全县教育系统较好地完成了任务。\nnǐ hǎo\n＊＊＊＊＊", ["过去一年，全县教育系统较好地完成了任务。", "nǐ hǎo", "＊＊＊＊＊"])
    assert hits.rest_lines == {1}        # (`[*＊=~#]{5,}` has literals now: a class of up to 8 characters)
    assert 2 in hits.lines

def plain_rules(profile):
    """The same rules with every shortcut off: each rule tried on each line, each metadata and
    caption pattern on each dropped line, and nothing remembered from the fast rules' verdicts
    (they are remembered per Rules object, and this is a new one)."""
    rules = RULES_FOR(profile)
    return dataclasses.replace(rules, hint=None, truncation_hint=None, spans_hint=None, spans_edges=None,
                               metadata=tuple((pattern, ()) for pattern, _ in rules.metadata),
                               captions=tuple((pattern, ()) for pattern, _ in rules.captions),
                               lines_hint=None, lines_rest=rules.lines, tails_hint=None, tails_rest=rules.tails)


def remove_both_ways(text, monkeypatch, profile=GENERIC):
    probe = to_simplified(text)
    fast = boilerplate.remove(text, profile, probe=probe)
    with monkeypatch.context() as m:
        m.setattr(removal, "rules_for", plain_rules)
        slow = boilerplate.remove(text, profile, probe=probe)
    return fast, slow


def raw_texts():
    for _, raw in samples():
        yield decode_bytes(raw.read_bytes())[0]
    for seed in sorted((DATA / "seeds").glob("*.txt")):
        yield seed.read_text(encoding="utf-8")


def test_remove_matches_the_plain_per_line_rules_on_the_corpus_and_seeds(monkeypatch):
    for text in raw_texts():
        for profile in (GENERIC, *all_profiles().values()):
            fast, slow = remove_both_ways(text, monkeypatch, profile)
            assert fast == slow, (profile.name, text[:80])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_remove_matches_the_plain_per_line_rules_on_generated_documents(monkeypatch, text):
    fast, slow = remove_both_ways(text, monkeypatch)
    assert fast == slow


@given(st.lists(st.text(alphabet=" \u3000\t\r\x0b\x85\u2028第下a一©\ud800\U00020000", max_size=6), min_size=1, max_size=8))
def test_a_lines_first_character_is_read_off_the_texts_code_points_as_its_stripped_form_starts(lines):
    """Read at the line starts of the text, with only the lines starting with whitespace looked
    up again: the same as the stripped lines' own first characters ("\\n" for an empty one)."""
    from cleaners.chars.codepoints import codepoints
    from cleaners.steps.boilerplate.rules import _first_characters
    text = "\n".join(lines)
    points = codepoints(text)
    stripped = [line.strip() for line in text.split("\n")]
    found = _first_characters(points, (points == 10).nonzero()[0], stripped).tolist()
    assert found == [ord(s[0]) if s else 10 for s in stripped]



def test_a_rule_alternation_is_compiled_on_its_first_use_and_then_matches_as_the_regex():
    """A profile's few hundred alternations are compiled only as pages need them (start-up)."""
    rules = alternation(["上传人[:：].*", "下载本文档"])
    assert "fullmatch" not in vars(rules)
    assert rules.fullmatch("下载本文档") and not rules.fullmatch("下载本文档吧")
    assert "fullmatch" in vars(rules) and rules.search("请 下载本文档").start() == 2
    assert pickle.loads(pickle.dumps(rules)).fullmatch("上传人:某某")
    assert alternation([]) is None


def test_each_literal_maps_to_the_shortest_literal_it_starts_with():
    assert shortest_prefixes(["下载本文档", "下", "关于印发", "关于", "关注", "第"]) == {
        "下": "下", "第": "第", "关于": "关于", "关注": "关注", "下载本文档": "下", "关于印发": "关于"}
