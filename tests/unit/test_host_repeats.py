"""The host_repeat step: lines a host repeats across its documents go, within the guards that
keep a document's own recurring lines (prose, headings, closing formulas, signatures)."""
from cleaners import Document, clean
from cleaners.pipeline import Options
from cleaners.steps import host_repeats

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")
NAV, BRAND, FOOTER = "网站首页|关于我们", "清风教育云 智慧校园平台", "版权所有：某某县教育体育局 网站维护：青禾网络"


def repeated(*lines: str, docs: int = 9) -> dict[int, int]:
    return {host_repeats.line_key(line): docs for line in lines}


def test_lines_the_host_repeats_go_with_a_change_naming_the_count():
    text = "\n".join([NAV, BRAND, BODY, BODY[::-1], FOOTER])
    new, changes = host_repeats.drop_repeated(text, repeated(NAV, BRAND, FOOTER))
    assert [line for line in new.split("\n") if line] == [BODY, BODY[::-1]]
    assert [(c.step, c.action, c.before) for c in changes] == [
        ("host_repeat", "removed", NAV), ("host_repeat", "removed", BRAND), ("host_repeat", "removed", FOOTER)]
    assert changes[0].after == "on 9 documents of this host"


def test_nothing_repeated_changes_nothing():
    text = "\n".join([NAV, BODY])
    assert host_repeats.drop_repeated(text, {}) == (text, [])
    assert host_repeats.drop_repeated(text, repeated("别的网站的导航")) == (text, [])


def test_prose_and_outline_headings_are_never_counted():
    assert host_repeats.line_key(BODY) == 0                 # long, ends a sentence
    assert host_repeats.line_key("第一章 总则") == 0
    assert host_repeats.line_key("一、总体要求") == 0
    assert host_repeats.line_key("（二）工作措施") == 0
    assert host_repeats.line_key("（此件公开发布）") == 0
    assert host_repeats.line_key("   ") == 0
    assert host_repeats.line_key(NAV) != 0
    assert host_repeats.line_key("网站 首页|关于 我们") == host_repeats.line_key(NAV)   # whitespace folded


def test_closing_formula_inside_the_body_and_a_signature_over_its_date_stay():
    text = "\n".join([NAV, BODY, "特此通知。", "某某县教育体育局", "2023年5月6日", FOOTER])
    new, changes = host_repeats.drop_repeated(text, repeated(NAV, "特此通知。", "某某县教育体育局", FOOTER))
    kept = [line for line in new.split("\n") if line]
    assert kept == [BODY, "特此通知。", "某某县教育体育局", "2023年5月6日"]
    assert {c.before for c in changes} == {NAV, FOOTER}


def test_a_sentence_in_the_tail_run_goes_and_a_colon_line_stays():
    notice = "转载请注明出处。"
    address = "各乡镇人民政府，县直各单位："
    text = "\n".join([address, BODY, BODY[::-1], notice])
    new, changes = host_repeats.drop_repeated(text, repeated(address, notice))
    assert [c.before for c in changes] == [notice]
    assert address in new


def test_a_text_mostly_made_of_repeated_lines_is_left_alone():
    lines = [f"栏目{n}：学校新闻 教育动态 通知公告" for n in range(8)]
    text = "\n".join(lines + ["简短的正文一句。"])
    assert host_repeats.drop_repeated(text, repeated(*lines)) == (text, [])


def test_keys_are_capped_at_the_head_and_tail_of_a_long_list():
    lines = [f"短行{n}" for n in range(host_repeats.MAX_KEYS + 20)]
    keys = host_repeats.line_keys("\n".join(lines))
    assert sum(1 for key in keys if key) == host_repeats.MAX_KEYS
    assert keys[0] and keys[-1] and not keys[len(keys) // 2]


def test_keys_are_of_the_simplified_line_whatever_script_is_kept():
    text = "\n".join(["網站首頁|關於我們", BODY, BODY[::-1]])
    new, changes = host_repeats.drop_repeated(text, repeated(NAV), probe="\n".join([NAV, BODY, BODY[::-1]]))
    assert [c.before for c in changes] == ["網站首頁|關於我們"]


def test_the_keys_a_caller_has_are_used_as_they_are():
    probe = "\n".join([NAV, BODY, BODY[::-1]])
    text = "\n".join(["網站首頁|關於我們", BODY, BODY[::-1]])
    keys = host_repeats.line_keys(probe)
    assert host_repeats.drop_repeated(text, repeated(NAV), probe, keys) == \
        host_repeats.drop_repeated(text, repeated(NAV), probe)
    assert host_repeats.drop_repeated(text, repeated(NAV), probe, [0, *keys[1:]]) == (text, [])   # not computed again
    assert host_repeats.counted_keys([0, 5, 3, 0, 5]) == (3, 5)


class Table:
    """A stand-in for the store's HostLineReader: the keys it was given, as repeated on `docs`."""

    def __init__(self, lines, docs=9):
        self.known = repeated(*lines, docs=docs)
        self.asked = []

    def repeated(self, host, keys):
        self.asked.append(host)
        return {k: n for k, n in self.known.items() if k in keys}


def test_pipeline_drops_the_hosts_lines_before_the_line_model_and_hands_back_the_keys():
    raw = "\n".join([BRAND, BODY, BODY[::-1], FOOTER])
    table = Table([BRAND, FOOTER])
    result = clean(Document(text=raw, title="学校工作总结", url="https://www.jyj.example.gov.cn/a/1.html"),
                   Options(host_lines=table))
    assert BRAND not in result.text and "青禾网络" not in result.text and BODY in result.text
    assert table.asked == ["jyj.example.gov.cn"]                    # www. folded: one host
    assert "host_repeat" in result.change_counts()
    host, keys = result.line_keys
    assert host == "jyj.example.gov.cn" and host_repeats.line_key(BRAND) in keys    # counted as before removal
    assert host_repeats.line_key("学校工作总结") in keys


def test_a_title_the_host_gives_many_pages_is_not_the_documents():
    raw = "\n".join([BODY, BODY[::-1]])
    result = clean(Document(text=raw, title="某某县教育体育局门户网站", url="https://jyj.example.gov.cn/1"),
                   Options(host_lines=Table(["某某县教育体育局门户网站"])))
    assert result.title == "" and BODY in result.text
    assert [c.after for c in result.changes if c.step == "title"] == ["host_repeat: on 9 documents"]


def test_pipeline_without_a_table_or_a_url_asks_nothing():
    raw = "\n".join([BRAND, BODY])
    assert clean(Document(text=raw, title="学校工作总结", url="https://jyj.example.gov.cn/1")).line_keys is None
    table = Table([BRAND])
    result = clean(Document(text=raw, title="学校工作总结"), Options(host_lines=table))
    assert table.asked == [] and result.line_keys is None and BRAND in result.text
