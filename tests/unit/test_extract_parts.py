"""extract_parts: an article split over a few sibling containers beats one box scoring more
than any single part (a question's text under the headline); a comment thread does not."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_parts import PARTS_MAX

TITLE = "台湾花莲海域发生地震，多地有震感，这次地震波及范围为何如此之广？"
QUESTION = ("中国地震台网正式测定：4月3日7时58分在台湾花莲县海域发生7.3级地震，震源深度12千米。此次震中位于…"
            "网友纷纷表示，福建、广东、浙江、江苏、上海等地都有明显震感，有的地方持续了十几秒。"
            "还有网友说，家里的吊灯晃了好几下，桌上的水杯也在动，楼下的邻居都跑出来了。")
S = ["震感范围广，其中一个原因当然是震级较大，这次地震是今年以来我国最大地震，也是近年来最大的一次。",
     "一次七级左右的地震，震感范围通常可以达到半径一千公里以上，所以震感范围广并不奇怪。",
     "另一个原因是震源较浅，地震波传到地面时衰减较少，远处的人也能感觉到明显的晃动。",
     "此外，台湾海峡两岸的地质条件有利于地震波的传播，沿海城市的高楼也更容易感到摇晃。"]
AD = "<div><a href='/ad/1'><img src='/ad.jpg'></a></div>"
SIDE = "<div>" + "".join(f"<a href='/n{i}'>相关问题{i}</a>" for i in range(8)) + "</div>"


def page(answer: str) -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><div><h1>{TITLE}</h1><div>{QUESTION}</div></div>"
            f"{SIDE}<div><div><span>{answer}</span></div></div></body></html>")


def part(sentences) -> str:
    return "<div>" + "".join(f"<p>{s}</p>" for s in sentences) + "</div>"


def extracted(html: str) -> str:
    return extract_main(Selector(text=html).root, BLOCK_TAGS, TITLE)[0]


def test_an_answer_split_in_three_parts_around_an_ad_is_read_whole():
    text = extracted(page(part(S[:2]) + AD + part(S[1:4]) + part(S[2:4])))
    assert all(s in text for s in S)
    assert text.index(S[0]) > text.index("还有网友说")     # the question above it stays, first


def test_the_same_answer_in_one_container_is_read_as_before():
    text = extracted(page(part(S + S[1:3])))
    assert all(s in text for s in S)


def test_a_thread_of_more_short_items_than_an_article_has_parts_does_not_win():
    comment = "我也感觉到了，楼房晃得很厉害，吓得我赶紧跑到楼下，邻居们也都出来了，大家议论纷纷。"
    thread = "".join(f"<div><p>{comment}{i}</p></div>" for i in range(PARTS_MAX + 4))
    html = (f"<html><head><title>{TITLE}</title></head><body><div><h1>{TITLE}</h1>{part(S + S)}</div>"
            f"{SIDE}<div>{thread}</div></body></html>")
    text = extracted(html)
    assert all(s in text for s in S) and comment not in text
