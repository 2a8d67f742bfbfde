"""How containers score (extract_scores) and what reads as a list of posts (extract_posts), on
documents made of short lines: a list of names and duties, a 考试安排 of times."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_posts import post_list
from cleaners.steps.extract_scores import candidates
from cleaners.steps.extract_sizes import measure

DUTIES = ["张建国 局党组书记、局长 主持局全面工作", "李华 副局长 分管基础教育、学前教育",
          "王明 副局长 分管安全稳定、后勤保障", "赵强 纪检组长 负责纪检监察工作"]
FOOTER = ("<table><tr><td>主办单位：城关区教育局 地址：城关区人民路1号 电话：0791-87650001</td></tr>"
          "<tr><td>赣ICP备12345678号-1</td></tr></table>")


def _page(lines: list[str]) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><body><h1>领导班子分工</h1><div class='TRS_Editor'>{paragraphs}</div>{FOOTER}</body></html>"


def test_a_run_of_short_lines_scores_for_its_container():
    root = Selector(text=_page(DUTIES)).root
    scores = candidates(root, measure(root))
    best = max(scores, key=scores.get)
    assert best.get("class") == "TRS_Editor"


def test_two_short_lines_are_no_run_and_score_nothing():
    root = Selector(text=_page(DUTIES[:2])).root
    assert not any(el.get("class") == "TRS_Editor" for el in candidates(root, measure(root)))


def test_a_document_of_short_lines_is_chosen_over_the_footers_contact_line():
    text = extract_main(Selector(text=_page(DUTIES)).root, BLOCK_TAGS)[0]
    assert text.split("\n") == DUTIES


def test_a_schedules_time_ranges_are_not_the_stamps_of_posts():
    schedule = ["6月20日", "上午 语文 9:00-11:30", "下午 物理 15:00-16:30", "6月21日", "上午 数学 9:00-11:00"]
    el = Selector(text="<div>" + "".join(f"<p>{line}</p>" for line in schedule) + "</div>").root.find(".//div")
    assert not post_list(el, measure(el)[el])


def test_comments_with_their_times_are_still_a_list_of_posts():
    comments = ["2024-03-01 10:20 这篇总结写得很好", "2024-03-02 08:15 学习了，谢谢分享"]
    el = Selector(text="<div>" + "".join(f"<p>{line}</p>" for line in comments) + "</div>").root.find(".//div")
    assert post_list(el, measure(el)[el])


def test_a_contact_box_of_label_lines_beside_a_short_article_does_not_win():
    contact = ("<div class='contact'><p>地址：城关区人民路8号</p><p>电话：0791-8888888</p><p>邮编：330000</p>"
               "<p>邮箱：cgyx@163.com</p><p>传真：0791-8888889</p></div>")
    lede = "3月8日，城关一小召开新学期家长会，校长介绍了本学期工作安排。"
    html = (f"<html><body>{contact}<div class='news'><h1>城关一小召开家长会</h1><p>{lede}</p>"
            f"<p>家长们表示将积极配合学校工作。</p></div></body></html>")
    text = extract_main(Selector(text=html).root, BLOCK_TAGS)[0]
    assert lede in text and "地址" not in text
