"""Recall: a county statistical bulletin (统计公报) whose tables are rows of numbers, digit-heavy
short lines the line model reads as chrome, in a gov page, as HTML and as page text."""
import sys

from harness import check, check_text
from lookalike1 import gov_page
from as_text import visible

TITLE = "城关区2024年国民经济和社会发展统计公报"
ROWS = [("指标", "单位", "绝对数", "比上年增长%"), ("普通高中在校生", "人", "12563", "3.2"), ("初中在校生", "人", "28941", "1.8"),
        ("小学在校生", "人", "56320", "-0.6"), ("幼儿园在园幼儿", "人", "21045", "-4.1"), ("专任教师", "人", "8912", "2.4"),
        ("学校数", "所", "186", "0.0")]
BEFORE = ["城关区统计局", "2025年3月15日", "2024年，面对复杂严峻的外部环境，全区上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。",
          "一、教育", "全区共有各级各类学校186所，在校学生11.89万人，专任教师8912人。", "表1 2024年各级各类学校在校学生情况"]
AFTER = ["注：本公报中部分数据为初步统计数，各项统计数据均未包括驻区单位。", "资料来源：区教育局。"]


def body_html():
    table = "<table border='1'>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS) + "</table>"
    return "".join(f"<p>{b}</p>" for b in BEFORE) + table + "".join(f"<p>{a}</p>" for a in AFTER)


EXP = [TITLE] + BEFORE + [" ".join(r) for r in ROWS] + AFTER

if __name__ == "__main__":
    html = gov_page(TITLE, []).replace('<div class="content" id="zoom"></div>', f'<div class="content" id="zoom">{body_html()}</div>')
    url = "https://tjj.example.gov.cn/art/2025/3/15/art_77_8899.html"
    n = check("bulletin_html", html, url, "\n".join(EXP), "-v" in sys.argv)
    good = check_text("bulletin", visible(html), url, EXP, "-v" in sys.argv)
    print(f"{int(n) + good}/2 ok")
