"""Recall: parts of an article whose class names hold a chrome word by accident, as editors and
CMS templates name them: a subheading in `section-header`, a pull quote in `share-quote`, a
summary in `article-meta-summary`, a caption in `img-footer`, a note in `foot-note`, a commentary
column's body in `commentary`, a paragraph styled `hot-text`, a box of key figures in `data-banner`."""
import sys

from harness import check
from news1 import TITLE, PS
from news2 import frame, URL

HEAD = "一、抓好校园安全"
QUOTE = "“安全工作没有终点，只有起点。”王建国说。"
cases = {
    "section_header": (f"<p>{PS[0]}</p><div class='section-header'><h3>{HEAD}</h3></div><p>{PS[2]}</p><p>{PS[5]}</p>",
                       [TITLE, PS[0], HEAD, PS[2], PS[5]]),
    "header_class_p": (f"<p>{PS[0]}</p><p class='sub-header'><strong>{HEAD}</strong></p><p>{PS[2]}</p><p>{PS[5]}</p>",
                       [TITLE, PS[0], HEAD, PS[2], PS[5]]),
    "share_quote": (f"<p>{PS[0]}</p><p>{PS[2]}</p><blockquote class='share-quote'>{QUOTE}</blockquote><p>{PS[3]}</p>",
                    [TITLE, PS[0], PS[2], QUOTE, PS[3]]),
    "img_footer": (f"<p>{PS[0]}</p><figure><img src='/a.jpg'><figcaption class='img-footer'>会议现场</figcaption></figure><p>{PS[1]}</p><p>{PS[2]}</p>",
                   [TITLE, PS[0], "会议现场", PS[1], PS[2]]),
    "foot_note": (f"<p>{PS[0]}</p><p>{PS[1]}</p><p class='foot-note'>注：文中数据截至2024年8月25日</p>",
                  [TITLE, PS[0], PS[1], "注：文中数据截至2024年8月25日"]),
    "commentary": (f"<div class='commentary'>{''.join(f'<p>{p}</p>' for p in PS)}</div>", [TITLE] + PS),
    "hot_text": (f"<p>{PS[0]}</p><p class='hot-text'>{PS[1]}</p><p>{PS[2]}</p>", [TITLE, PS[0], PS[1], PS[2]]),
    "data_banner": (f"<p>{PS[0]}</p><div class='data-banner'><span>投入资金</span><b>2860万元</b><span>维修学校</span><b>23所</b></div><p>{PS[2]}</p>",
                    [TITLE, PS[0], "投入资金", "2860万元", "维修学校", "23所", PS[2]]),
    "nav_word_h4": (f"<p>{PS[0]}</p><h4 class='navy-title'>二、提升教学质量</h4><p>{PS[3]}</p>", [TITLE, PS[0], "二、提升教学质量", PS[3]]),
}

cases = {name: (frame(body), exp) for name, (body, exp) in cases.items()}

if __name__ == "__main__":
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
