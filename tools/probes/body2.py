"""Recall: parts of a story's body that are not plain paragraphs in its main box: a lead set in
its own box above the body, a block quote, a bulleted list without links, headings inside the
body, a long list item, a numbered ordered list, a definition list; in a news page's chrome."""
import sys

from harness import check
from lookalike1 import news_page
from lookalike2 import PS, TITLE

ITEMS = ["网上报名平台7月1日开通，家长可通过手机完成报名和资料上传；", "7月15日前完成入学资格审核，审核结果通过短信告知家长；",
         "7月31日前公布录取结果，家长可登录平台查询。"]
QUOTE = "“今年的招生工作实现了‘零跑腿’，家长满意度达到99%以上。”市教育局有关负责人说。"
V = {
    "lead_box": (f"<div class='lead'><p>{PS[0]}</p></div><div class='article-body'>" + "".join(f"<p>{p}</p>" for p in PS[1:]) + "</div>",
                 [TITLE] + PS, True),
    "blockquote": ("".join(f"<p>{p}</p>" for p in PS[:2]) + f"<blockquote><p>{QUOTE}</p></blockquote>" + "".join(f"<p>{p}</p>" for p in PS[2:]),
                   [TITLE] + PS[:2] + [QUOTE] + PS[2:], False),
    "bullets": ("".join(f"<p>{p}</p>" for p in PS[:2]) + "<p>今年招生工作的时间安排如下：</p><ul>" + "".join(f"<li>{i}</li>" for i in ITEMS) + "</ul>" + "".join(f"<p>{p}</p>" for p in PS[2:]),
                [TITLE] + PS[:2] + ["今年招生工作的时间安排如下："] + ITEMS + PS[2:], False),
    "ordered": ("".join(f"<p>{p}</p>" for p in PS[:2]) + "<ol>" + "".join(f"<li>{i}</li>" for i in ITEMS) + "</ol>" + "".join(f"<p>{p}</p>" for p in PS[2:]),
                [TITLE] + PS[:2] + ITEMS + PS[2:], False),
    "h2_heads": (f"<p>{PS[0]}</p><h2>一、网上报名全覆盖</h2><p>{PS[1]}</p><h2>二、随迁子女应入尽入</h2><p>{PS[2]}</p><h2>三、新增学位1.3万个</h2>" + "".join(f"<p>{p}</p>" for p in PS[3:]),
                 [TITLE, PS[0], "一、网上报名全覆盖", PS[1], "二、随迁子女应入尽入", PS[2], "三、新增学位1.3万个"] + PS[3:], False),
    "dl": ("".join(f"<p>{p}</p>" for p in PS[:3]) + "<dl><dt>报名时间</dt><dd>7月1日至7月10日</dd><dt>报名方式</dt><dd>网上报名</dd></dl>" + "".join(f"<p>{p}</p>" for p in PS[3:]),
           [TITLE] + PS[:3] + ["报名时间", "7月1日至7月10日", "报名方式", "网上报名"] + PS[3:], False),
}

if __name__ == "__main__":
    n = 0
    for name, (body, exp, whole) in V.items():
        page = news_page(TITLE, [])
        page = page.replace('<div class="article-body"></div>', body if whole else f'<div class="article-body">{body}</div>')
        n += check(name, page, f"https://www.example-news.cn/edu/{name}.htm", "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(V)} ok")
