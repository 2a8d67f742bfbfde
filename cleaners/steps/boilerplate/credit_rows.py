"""A page's credit row as one line rule: `来源：某某日报 | 作者：张三 | 2023-05-12 10:21 | 阅读 1234`.

News and government pages set their credits on one line at the top or the bottom of the
body, each site in its own order, with its own labels and separators: a rule per layout
misses the next site's.  What the rows share is their make-up: two items or more, at least
one of them a `label：value` field of the credit vocabulary (来源, 作者, 责任编辑, 发布时间,
浏览次数 …), the others such fields, bare timestamps, counters (`阅读 1234`) and reader
widgets (`【字体：大 中 小】`, 打印, 关闭), separated by spaces or bars (or by nothing, when
a field's value ends where the next label starts) — and nothing else.  A value is short and
holds no sentence punctuation, so a sentence that mentions 来源 is never such a row.  Blogs
and 文库 pages also print rows of counters alone (`阅读量 45464 ● 收藏 431｜评分 4.4`): two
counters or more, with timestamps and widgets beside them, make a row without a field.

The vocabulary is `[credit_rows]` in `_generic.toml`; `patterns()` composes it into two regexes
that `rules_for` adds to the whole-line rules, so the row's source and date reach metadata
the way every dropped line's do (`metadata_patterns`).
"""
from __future__ import annotations

from functools import lru_cache

from cleaners.profiles import generic

COUNT = r"\d+(?:\.\d+)?\s*[万wW]?"      # a counter's figure (`1234`, `4.4`, `1.2万`)
VALUE_MAX = 30           # characters of a field's value: a longer one is prose
# Characters a value never holds: separators, brackets, colons and sentence punctuation.
VALUE_STOPS = r"\s|｜丨┃︱【】\[\]:：，。；！？,;!?"
TIMESTAMP = (r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
             r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")


@lru_cache(maxsize=1)
def pattern() -> str | None:
    """The credit-row rule as a regex over a whole stripped line (None without a vocabulary)."""
    vocab = generic().extra.get("credit_rows") or {}
    return compose(vocab.get("labels", ()), vocab.get("counters", ()), vocab.get("widgets", ()),
                   vocab.get("separators", "|｜丨/"), vocab.get("unlabelled", ()))


@lru_cache(maxsize=1)
def counts_pattern() -> str | None:
    """The rule for a row of counters with no field, over a whole stripped line (None without counters)."""
    vocab = generic().extra.get("credit_rows") or {}
    return compose_counts(vocab.get("counters", ()), vocab.get("widgets", ()), vocab.get("separators", "|｜丨/"),
                          vocab.get("unlabelled", ()))


def patterns() -> list[str]:
    """The credit rows' line rules: rows with a field, rows of counters."""
    return [found for found in (pattern(), counts_pattern()) if found]


def compose(labels, counters, widgets, separators: str, unlabelled=()) -> str | None:
    """One regex: `labels` (regex fragments) name fields, `counters` the counters that stand
    without a colon (`阅读 1234`, `1234次浏览`), `widgets` the reader buttons a row may hold,
    `unlabelled` the items set without a colon (`记者 张华`, `发布于2022.01.24`)."""
    if not labels:
        return None
    label = _any(labels)
    # (possessive, as every item but the one field the literal shortcuts find a row by is atomic:
    # a row is read one way only, in one pass, whatever a line holds)
    sep = _separator(separators)
    # A value runs to a separator or to where the next field's label starts (`…时报网作者：…`),
    # possessively: a value never gives back what it took, so a line is read in one pass.
    value = rf"(?:(?!{label}\s*[:：])[^{VALUE_STOPS}]){{1,{VALUE_MAX}}}+"
    field = rf"{label}\s*[:：]\s*(?:{TIMESTAMP}|{value})?"
    others = [TIMESTAMP, *([_counted(counters)] if counters else []), *widgets, *unlabelled]
    item = "(?>" + "|".join([field, *others]) + ")"
    other = "(?>" + "|".join(others) + ")"
    # Items, one of them a field at least, and more than a field alone (a line that reads as one
    # field, `时间：2023-05-01 10:00`, is one: the rules for single fields judge it).
    return rf"(?!{sep}{field}{sep}$){sep}(?:{other}{sep})*{field}(?:{sep}{item})*{sep}"


def compose_counts(counters, widgets, separators: str, unlabelled=()) -> str | None:
    """A row of two counters or more and no field (`阅读量 45464 ● 收藏 431｜评分 4.4`, `2016年12月20日
    星期六  阅读 93902 评论 30`), with timestamps, widgets and unlabelled items beside them: a
    reader's count of the page, which no sentence of a document is (`本次活动阅读 200 人次，…` has
    its punctuation, `一年级 45 二年级 43` no counter)."""
    if not counters:
        return None
    sep = _separator(separators)
    counted = _counted(counters)
    # (each item read one way, possessively: the items before each of the two counters are no
    # counter, not even a widget's word that opens one, `收藏` of `收藏 431`)
    other = rf"(?!{counted})(?>" + "|".join([TIMESTAMP, *widgets, *unlabelled]) + ")"
    item = f"(?>{counted}|{other})"
    return rf"{sep}(?:{other}{sep})*+{counted}{sep}(?:{other}{sep})*+{counted}(?:{sep}{item})*+{sep}"


def _counted(counters) -> str:
    """A counter with its figure, either way round (`阅读 1234`, `1234次浏览`, `评分 4.4`)."""
    counter = _any(counters)
    return rf"(?>{counter}\s*{COUNT}\s*次?|{COUNT}\s*(?:次|人次|人)?\s*{counter})"


def _separator(separators: str) -> str:
    return "[\\s" + "".join("\\" + ch if ch in "\\]^-[" else ch for ch in separators) + "【】\\[\\]]*+"


def _any(fragments) -> str:
    return "(?:" + "|".join(fragments) + ")"
