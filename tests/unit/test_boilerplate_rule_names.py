"""`--explain` names the rule and the profile behind each line, tail or span `remove` dropped."""
from cleaners.document import Change
from cleaners.profiles import generic
from cleaners.steps.boilerplate import named_rules, remove

REPORT = "过去一年，全县教育系统以办好人民满意教育为目标，较好地完成了年初确定的各项工作任务。" * 6


def reasons(text: str) -> list[str]:
    _, changes = remove(text, generic())
    return [c.after for c in named_rules(changes, generic()) if c.action == "removed"]


def test_a_dropped_line_names_its_rule_and_profile():
    (why,) = reasons(f"县教育局工作总结\nURL: http://jyj.demoxian.gov.cn/art/1.html\n{REPORT}")
    assert why.startswith("boilerplate_lines of profile _generic: `") and "URL" in why


def test_a_dropped_breadcrumb_names_the_head_crumb_pattern():
    (why,) = reasons(f"县教育局工作总结\n当前位置：首页 > 通知公告\n{REPORT}")
    assert why.startswith("line rule: a breadcrumb (`[head_crumb] patterns` of _generic: `(?:当前位置")


def test_a_tail_cut_names_the_tail_rule_of_its_first_line():
    (why,) = reasons(f"县教育局工作总结\n{REPORT}\n{REPORT}\n相关推荐\n另一篇工作总结\n又一篇工作计划")
    assert why.startswith("boilerplate_tails of profile _generic: `相关")


def test_a_span_names_the_span_rule():
    (why,) = reasons(f"县教育局工作总结\n摘要：{REPORT}")
    assert why == "boilerplate_spans of profile _generic: `^摘要[:：]\\s*`"


def test_changes_of_other_steps_and_kinds_pass_unchanged():
    others = [Change("title", "removed", "x", "line"), Change("boilerplate", "metadata", "date", "2024-01-01")]
    assert named_rules(others, generic()) == others
