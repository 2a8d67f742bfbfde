"""The title re-read after the line model, as a second run over the output reads it
(cleaners/steps/boilerplate/title_reread.py, cleaners/pipeline_head.py)."""
from cleaners import Document, clean
from cleaners.document import Change
from cleaners.steps import line_model
from cleaners.steps.boilerplate import reread_title

TITLE = "社区志愿服务队年度工作总结"
BODY = [
    "一年来，社区志愿服务队在街道党工委的领导下，围绕居民所需开展了各项服务活动，取得了一定的成效。现将全年工作总结如下。",
    "一、完善队伍建设。我们按照自愿参加、就近就便的原则，吸收了党员、退休教师和在校大学生加入服务队，队员人数由年初的四十人增加到九十人。",
    "二、开展常态服务。服务队每周二、周五上门看望辖区空巢老人，为他们测量血压、打扫卫生、代购生活用品，全年累计服务一千二百余人次。",
]
# a page opening with two short account links above a crumb, the title and a metadata line
PAGE = "\n".join(["注册", "登录", "首页 > 工作总结 > 年度总结", TITLE, "发布者：小编 浏览：326次", *BODY])


def _model_dropping(lines: set[str]):
    """A stand-in line model that drops exactly `lines` (the shipped model's verdicts change
    with every retrain; the head's handling of them must not)."""
    def drop_lines(text, title="", host_repeats=frozenset(), article=False):
        kept = text.split("\n")
        gone = [line for line in kept if line.strip() in lines]
        text = "\n".join(line for line in kept if line.strip() not in lines)
        return text, [Change("line_model", "removed", line, "stand-in") for line in gone]
    return drop_lines


def test_a_first_line_left_above_the_real_title_once_the_model_drops_its_neighbour_gives_way(monkeypatch):
    monkeypatch.setattr(line_model, "drop_lines", _model_dropping({"登录", "发布者：小编 浏览：326次"}))
    once = clean(Document(text=PAGE))
    assert once.title == TITLE and "注册" not in once.rendered()
    assert clean(Document(text=once.rendered())).rendered() == once.rendered()


def test_a_short_title_above_a_longer_unrelated_title_line_reads_as_chrome():
    title, text, changes = reread_title("注册", "\n".join([TITLE, *BODY]))
    assert title == TITLE and text == "\n".join(BODY)
    assert [c.after for c in changes] == ["page chrome above the title", "title line"]


def test_a_title_the_first_line_would_read_again_only_loses_its_repetitions():
    assert reread_title(TITLE, "\n".join([TITLE, *BODY]))[:2] == (TITLE, "\n".join(BODY))


def test_a_title_that_reads_as_a_sentence_stays_the_title():
    asked = "志愿服务怎么做才能让居民满意？"      # rendered, it is the same first line either way
    assert reread_title(asked, "\n".join(BODY))[:2] == (asked, "\n".join(BODY))


def test_without_a_title_the_first_line_is_read_as_the_first_run_reads_it():
    assert reread_title("", "\n".join([TITLE, *BODY]))[:2] == (TITLE, "\n".join(BODY))


def test_the_model_judges_the_head_again_once_the_bodys_own_heading_takes_the_title():
    # a page caption (`…_第1页`) gives a title; the document's own heading at the top then takes
    # it, after the model had judged the head with the caption's title: a second run, reading the
    # heading as the title, dropped the download line the first run kept
    body = ("建立培训学分登记制度，将培训学分作为教师职称评聘、评优评先的重要依据。"
            "局党组全年开展理论学习中心组学习12次，组织专题读书班2期。")
    page = "\n".join(["××中学2023—2024学年第一学期工作总结", "中文下载本文档", "1.加强组织领导。",
                      "开展“青蓝工程”师徒结对活动，结对19对。", "一、主要工作", body,
                      "县教育局2024年工作总结_第1页", "全面落实“双减”政策，优化作业设计，建立作业公示制度。"])
    once = clean(Document(text=page)).rendered()
    assert clean(Document(text=once)).rendered() == once
    assert "下载本文档" not in once


def test_the_model_reads_the_lines_as_the_output_holds_them(monkeypatch):
    # an indented line's space share is a feature: judged with the spaces the output strips, a
    # line scored under the cutoff on the first run and over it on the second
    seen = []

    def drop_lines(text, title="", host_repeats=frozenset(), article=False):
        seen.append(text)
        return text, []
    monkeypatch.setattr(line_model, "drop_lines", drop_lines)
    page = "\n".join([TITLE, *(f"\u3000\u3000{line}  " for line in BODY), "\u3000 附 \u3000", "", "", "", BODY[0]])
    clean(Document(text=page))
    lines = seen[0].split("\n")
    assert all(line == line.strip() for line in lines) and "\n\n\n" not in seen[0]


def test_a_title_read_off_a_line_is_read_again_as_the_output_holds_it():
    # `篇1 - 众资料网` is no chrome above `教育工作要点`; the `篇1` it cleans down to, the output's
    # first line, is: a second run took that one, so the re-read does too
    head = ["篇1 - 众资料网", "教育工作要点", "4", "教育工作要点篇1"]
    title, text, _ = reread_title("", "\n".join([*head, *BODY]))
    assert title == "教育工作要点" and not text.startswith("篇1")
    assert reread_title(title, text)[:2] == (title, text)


def test_a_lede_under_a_title_re_read_after_the_model_goes_as_a_second_run_drops_it(monkeypatch):
    # the model drops the chrome title and the line under it: the real title, read off the body
    # then, had the editor's lede under it, which the head's lede step only saw once it was first
    chrome = ["Hi，下午好！登录 • 免费注册领会员", "政府信息公开年报 ◇ 政府信息公开制度 ◇ 法定主动公开内容"]
    title = "关于公布2012年度教育工作先进县名单的通知"
    lede = ("在日常工作和学习中，大家都不可避免地要接触到关于公布的通知吧。那么一篇好的通知应该怎么写呢？"
            "这里为您带来编辑部挑选的几篇范例，或许能给你一些思路。")
    body_lines = _model_dropping(set(chrome))

    def drop_lines(text, title="", host_repeats=frozenset(), article=False):
        text, changes = body_lines(text)
        if title.strip() in chrome:
            changes.append(Change("title", "removed", title.strip(), "stand-in"))
        return text, changes
    monkeypatch.setattr(line_model, "drop_lines", drop_lines)
    once = clean(Document(text="\n".join([*chrome, title, lede, "各设区市、有关县(市、区)人民政府:", *BODY])))
    assert once.title == title and "编辑部挑选" not in once.rendered()
    assert clean(Document(text=once.rendered())).rendered() == once.rendered()


def test_credits_the_model_left_alone_above_the_documents_heading_go_as_a_second_run_reads_them(monkeypatch):
    # an uploader's line between the title and a `贡献于` date kept the credits from being read as
    # such; once the model dropped it, a second run found them (the title, a 公文 number alone, is the
    # document's own line and stays over its heading)
    heading = "关于贯彻落实国务院进一步加强"
    monkeypatch.setattr(line_model, "drop_lines", _model_dropping({"文档贡献者 • 学无止境"}))
    page = "\n".join(["粤府〔2004〕4号", "文档贡献者 • 学无止境", "贡献于2015.02.15", heading, "农村教育工作决定的意见",
                      "各地级以上市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:", *BODY])
    once = clean(Document(text=page))
    assert once.title == "粤府〔2004〕4号" and once.text.startswith(heading) and "贡献于" not in once.rendered()
    assert clean(Document(text=once.rendered())).rendered() == once.rendered()
