"""The literal index's findings remembered by line give what a scan of the whole text gives,
and a text's lines seen before are not scanned again."""
from unittest import mock

from cleaners.profiles import all_profiles, generic
from cleaners.steps.boilerplate import line_hits as line_hits_module, rules_for
from cleaners.steps.boilerplate.line_hits import line_hits

TEXT = "\n".join([
    "首页 > 范文 > 工作总结", "", "  上传人：张三  ", "\u3000\u3000过去一年，全县教育系统较好地完成了各项任务。",
    "第1页 共3页", "下一篇：学校德育工作总结", "温馨提示：本站文档均来自网络", "相关推荐", " ",
    "第1页 共3页", "本文由用户上传，仅供参考。"])


def _same(a, b) -> bool:
    found = lambda hits: {line: [id(rules) for rules in found] for line, found in hits.found.items()}   # noqa: E731
    return (found(a) == found(b) and a.lines == b.lines and a.tails == b.tails and a.truncation == b.truncation
            and a.spans == b.spans and a.rest_lines == b.rest_lines and a.rest_tails == b.rest_tails)


def test_remembered_findings_are_those_of_a_scan_of_the_whole_text_for_every_profile():
    for profile in all_profiles().values():
        index = rules_for(profile).literal_index
        if index is None:
            continue
        for text in (TEXT, "\n".join(reversed(TEXT.split("\n"))), "", "\n\n", TEXT.replace("\n", " \n\t")):
            stripped = [line.strip() for line in text.split("\n")]
            assert _same(line_hits(index, stripped), index.lines(text, stripped)), (profile.name, text)


def test_only_lines_not_seen_before_are_scanned():
    index = rules_for(generic()).literal_index
    stripped = [line.strip() for line in TEXT.split("\n")]
    line_hits(index, stripped)
    with mock.patch.object(line_hits_module, "_learn", wraps=line_hits_module._learn) as learn:
        line_hits(index, stripped + ["下一篇：学校安全工作总结"])
    assert learn.call_args.args[1] == ["下一篇：学校安全工作总结"]


def test_a_long_line_is_scanned_each_time_and_not_kept():
    index = rules_for(generic()).literal_index
    long_line = "温馨提示：" + "过去一年，全县教育系统较好地完成了各项任务。" * 30
    stripped = ["相关推荐", long_line]
    assert _same(line_hits(index, stripped), index.lines("\n".join(stripped), stripped))
    assert long_line not in line_hits_module._known(index)
    assert _same(line_hits(index, stripped), index.lines("\n".join(stripped), stripped))
