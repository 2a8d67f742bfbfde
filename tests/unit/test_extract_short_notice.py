"""A short notice right under the page's headline is the page's text, not the longer prose of a
sidebar that the fallback extractor (trafilatura) would take; a short line under the headline
that ends no sentence (a credit row) still hands the page to the fallback."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_choice import main_text

TITLE = "关于举行2024年秋季开学典礼的通知"
PROFILE = ("城关区第一小学始建于1952年，是一所历史悠久、文化底蕴深厚的公办小学。学校现有教学班42个，在校学生1800余人，"
           "教职工126人，其中高级教师38人，市区级骨干教师25人。")


def page(under: str, side: bool = True) -> str:
    box = f"<div class='side'><div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div></div>" if side else ""
    return (f"<html><head><title>{TITLE}_城关区第一小学</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<div class='main'><h1>{TITLE}</h1><div class='text'><p>{under}</p></div></div>{box}</body></html>")


def extracted(html: str) -> tuple[str, str]:
    sel = Selector(text=html)
    return main_text(sel.root, html, None, BLOCK_TAGS, lambda html, url: "FALLBACK", TITLE)


def test_a_short_notice_under_the_headline_is_taken_not_the_sidebar():
    text, extractor = extracted(page("定于9月2日上午8时举行开学典礼，请全体师生准时参加。"))
    assert extractor == "main" and "开学典礼" in text and "始建于" not in text


def test_a_short_line_under_the_headline_that_ends_no_sentence_goes_to_the_fallback():
    assert extracted(page("发布时间：2024-08-30 来源：城关区第一小学校长办公室", side=False))[1] == "trafilatura"
