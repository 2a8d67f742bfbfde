"""repost_headline: a repost's `原标题：…` line goes to the manifest, not the text; the label
inside a sentence, and `原题：` before an exam question, stay."""
from cleaners import pipeline
from cleaners.document import Document
from cleaners.steps import repost_headline

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")
MORE = ("今年，全县教育系统将继续深化综合改革，推动教育事业高质量发展，"
        "让每一个孩子都能享有公平而有质量的教育，为全县经济社会发展提供有力支撑。")


def test_an_original_headline_line_goes_to_metadata():
    text, changes = repost_headline.step(f"{BODY}\n{BODY}\n原标题：全县教育工作会议召开")
    assert text.split("\n") == [BODY, BODY, ""]
    assert ("metadata", "original_title", "全县教育工作会议召开") in [(c.action, c.before, c.after) for c in changes]


def test_bracketed_and_spaced_labels_are_the_same_line():
    for line in ("（原标题：全县教育工作会议召开）", "原文标题: 全县教育工作会议召开", "【原标题：全县教育工作会议召开】"):
        text, changes = repost_headline.step(f"{BODY}\n{line}\n{MORE}")
        assert text.split("\n") == [BODY, "", MORE], line


def test_such_a_line_above_the_first_paragraph_is_left_to_the_title_steps():
    for text in (f"原标题：全县教育工作会议召开\n{BODY}", f"首页 ◇ 政策文件 ◇ 政务公开\n原标题：全县教育工作会议召开\n{BODY}"):
        assert repost_headline.step(text) == (text, [])


def test_the_label_inside_a_sentence_stays():
    text = f"{BODY}\n该文在本报刊发时，原标题为《全县教育工作会议召开》，现略有删改。"
    assert repost_headline.step(text) == (text, [])


def test_an_exam_question_after_yuanti_stays():
    text = f"{BODY}\n原题：已知三角形的两边长分别为3和5，求第三边的取值范围。"
    assert repost_headline.step(text) == (text, [])


def test_a_page_headed_by_the_original_headline_keeps_it_as_its_title():
    result = pipeline.clean(Document(id="a", url="https://news.example/a.html",
                                     text=f"原标题：全县教育工作会议召开\n{BODY}\n{MORE}"))
    assert result.title == "全县教育工作会议召开"
    assert "原标题" not in result.text and BODY in result.text and MORE in result.text


def test_the_line_below_a_short_article_is_out_of_its_text_and_in_its_metadata_and_takes_no_paragraph():
    result = pipeline.clean(Document(id="a", url="https://news.example/a.html",
                                     text=f"全县教育工作会议召开\n{BODY}\n{MORE}\n原标题：我县召开教育工作会议"))
    assert result.title == "全县教育工作会议召开" and "原标题" not in result.text
    assert BODY in result.text and MORE in result.text
    assert result.metadata.get("original_title") == "我县召开教育工作会议"


def test_under_a_title_rewording_it_the_line_is_the_story_earlier_name_and_the_title_stays():
    headline = "原标题：新学期安全放首位 全县部署秋季开学工作"
    for text, title in ((f"全县教育局召开秋季开学工作部署会\n{headline}\n{BODY}", ""),
                        (f"{headline}\n{BODY}", "全县教育局召开秋季开学工作部署会")):
        out, changes = repost_headline.step(text, title)
        assert "原标题" not in out and BODY in out, (text, title)
        assert ("metadata", "original_title", "新学期安全放首位 全县部署秋季开学工作") in [
            (c.action, c.before, c.after) for c in changes]


def test_under_a_line_not_rewording_it_or_under_two_lines_it_is_left_to_the_title_steps():
    headline = "原标题：全县教育工作会议召开"
    for text, title in ((f"URL: https://news.example/a.html\n{headline}\n{BODY}", ""),
                        (f"{headline}\n{BODY}", "某某网首页"),
                        (f"某某网\n全县教育工作会议召开\n{headline}\n{BODY}", "")):
        assert repost_headline.step(text, title) == (text, []), (text, title)


def test_an_html_page_keeps_its_headline_when_the_story_s_original_one_sits_under_it():
    body = "".join(f"<p>{p}</p>" for p in ("原标题：新学期安全放首位 全县部署秋季开学工作", BODY, MORE))
    html = (f"<html><head><title>全县教育局召开秋季开学工作部署会_某某网</title></head><body>"
            f"<h1>全县教育局召开秋季开学工作部署会</h1><div class='article'>{body}</div></body></html>")
    result = pipeline.clean(Document(id="a", url="https://news.example/a.html", html=html))
    assert result.title == "全县教育局召开秋季开学工作部署会"
    assert "原标题" not in result.text and "新学期安全放首位" not in result.text and BODY in result.text
    assert result.metadata.get("original_title") == "新学期安全放首位 全县部署秋季开学工作"
