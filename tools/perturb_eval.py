"""Robustness of HTML extraction: the dev set's TUNE and TUNE2 pages, perturbed the way other
sites differ, through the whole pipeline, scored against their gold.

    .venv/bin/python tools/perturb_eval.py                         # every perturbation, summary
    .venv/bin/python tools/perturb_eval.py --only id,strip_attrs   # some of them
    .venv/bin/python tools/perturb_eval.py --show d048:end_related # one page's output

The dev set measures pages from 62 sites; a rule that holds only for their markup fails on the
next site.  Here each page is changed as another site would write it: class and id attributes
stripped or hashed, every p and div wrapped in one more div, paragraphs as text + <br><br>, the
article in a table cell, no h1; chrome set inside, before or after the article's container
(breadcrumb, credit line, share bar, dated related list, comments, 上一篇/下一篇, footer, a
信息公开 table), with no class names; and (stop 13) a long dated comment thread, a sidebar of
prose beside the article's column, the article split over three sibling containers, the
信息公开 metadata as a definition list.  A perturbation that makes pages worse than `id` (the page
as it is) shows a dependence that does not carry over.  HOLDOUT pages are never read.  The
article's container is found from the gold (the smallest element holding 80% of its lines);
`reparse` is the page after an lxml round trip, the base of every other row.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import dev_eval  # noqa: E402
from cleaners.html_text import parseable  # noqa: E402
import perturb_chrome  # noqa: E402

HTML = dev_eval.SETS["html"]


def parse(html):
    """The page as the pipeline's parser sees it (`parseable`): a stray </body> or </html> would
    make lxml drop everything after it, and every rewrite would start from a page cut short."""
    return lxml.html.document_fromstring(parseable(html))


def dump(root):
    return etree.tostring(root, encoding="unicode", method="html")


def strip_attrs(root):
    for el in root.iter():
        if isinstance(el.tag, str):
            for a in ("class", "id"):
                if a in el.attrib:
                    del el.attrib[a]
    return root


def hash_attrs(root):
    for el in root.iter():
        if isinstance(el.tag, str):
            for a in ("class", "id"):
                if a in el.attrib:
                    el.attrib[a] = " ".join("c" + hashlib.md5(w.encode()).hexdigest()[:6] for w in el.attrib[a].split())
    return root


def wrap_divs(root):
    """Every p / div wrapped in an extra div, body wrapped in 3 divs."""
    for el in list(root.iter("p", "div")):
        parent = el.getparent()
        if parent is None:
            continue
        w = etree.Element("div")
        idx = parent.index(el)
        parent.insert(idx, w)
        w.tail, el.tail = el.tail, None
        w.append(el)
    body = root.find("body")
    if body is not None:
        kids = list(body)
        outer = etree.SubElement(body, "div")
        inner = outer
        for _ in range(2):
            inner = etree.SubElement(inner, "div")
        outer.text, body.text = body.text, None
        for k in kids:
            inner.append(k)
    return root


def p_to_div(root):
    for el in root.iter("p"):
        el.tag = "div"
    return root


def p_to_br(root):
    """Paragraphs become text + <br><br> inside their parent (old CMS / forum style)."""
    for el in list(root.iter("p")):
        parent = el.getparent()
        if parent is None:
            continue
        idx = parent.index(el)
        prev = el.getprevious()
        # move the p's content into the parent
        span = etree.Element("span")
        span.text = el.text
        for c in list(el):
            span.append(c)
        br1 = etree.Element("br")
        br2 = etree.Element("br")
        br2.tail = el.tail
        parent.remove(el)
        parent.insert(idx, span)
        parent.insert(idx + 1, br1)
        parent.insert(idx + 2, br2)
    return root


def table_layout(root):
    """Article container's content moved into a <table><tr><td> (old layouts)."""
    cont = container(root)
    if cont is None:
        return root
    table = etree.Element("table")
    tr = etree.SubElement(table, "tr")
    td = etree.SubElement(tr, "td")
    td.text, cont.text = cont.text, None
    for k in list(cont):
        td.append(k)
    cont.append(table)
    return root


GOLD_LINES: dict = {}
SCORER = dev_eval.load_scorer("html")


def gold_lines(pid):
    text = (HTML / "gold" / f"{pid}.txt").read_text(encoding="utf-8")
    return [l.strip() for l in text.split("\n") if len(l.strip()) >= 8][1:]  # not the title


def fold(s):
    return "".join(s.split())


def container(root):
    """Smallest element whose text holds >= 80% of the gold's lines."""
    lines = [fold(l)[:30] for l in GOLD_LINES["cur"]]
    if not lines:
        return None
    best = None
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head"):
            continue
        t = fold("".join(el.itertext()))
        have = sum(1 for l in lines if l in t)
        if have >= 0.8 * len(lines):
            if best is None or len(t) <= best[1]:
                best = (el, len(t))
    return best[0] if best else None


def frag(html):
    return lxml.html.fragment_fromstring(html, create_parent="div")

CHROME = {
    "crumb": '<div>您当前的位置：<a href="/">首页</a> &gt; <a href="/n/">新闻中心</a> &gt; <a href="/n/gn/">国内新闻</a> &gt; 正文</div>',
    "share": '<div>分享到：<a href="#">微信</a> <a href="#">新浪微博</a> <a href="#">QQ空间</a> <a href="#">豆瓣</a></div>',
    "related": ('<div><h3>相关阅读</h3><ul>' + "".join(
        f'<li><a href="/a/{i}.html">{t}</a> <span>2023-0{i}-1{i}</span></li>' for i, t in enumerate([
            "国家统计局发布最新数据显示经济运行总体平稳", "多地出台政策支持民营企业高质量发展",
            "教育部：今年高校毕业生规模预计达一千一百万人", "央行宣布下调存款准备金率零点二五个百分点",
            "专家解读：如何看待当前就业形势的新变化"], 1)) + '</ul></div>'),
    "footer": ('<div><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/ad">广告服务</a> | '
               '<a href="/map">网站地图</a></p><p>版权所有 © 2003-2023 某某网 All Rights Reserved</p>'
               '<p>京ICP备12345678号-1 京公网安备11010502030143号</p></div>'),
    "meta_table": ('<table><tr><td>索引号：</td><td>11360922MB1530/2023-01234</td><td>发布机构：</td><td>某某县统计局</td></tr>'
                   '<tr><td>生成日期：</td><td>2023-05-10</td><td>主题分类：</td><td>统计信息</td></tr>'
                   '<tr><td>文号：</td><td>无</td><td>关键词：</td><td>统计</td></tr></table>'),
    "prevnext": ('<div><p>上一篇：<a href="/a/1.html">关于开展二〇二三年度统计执法检查工作的通知</a></p>'
                 '<p>下一篇：<a href="/a/3.html">某某县召开经济形势分析会议</a></p></div>'),
    "comments": ('<div><h3>网友评论</h3>'
                 '<div><span>用户8866</span> 2023-05-12 10:21<p>写得很好，希望有关部门能够认真落实，真正把好事办好，让老百姓得到实惠。</p></div>'
                 '<div><span>清风徐来</span> 2023-05-12 11:02<p>支持！这样的政策早就应该出台了，不过执行起来还要看各地的情况，不能一刀切。</p></div>'
                 '<div><span>路人甲</span> 2023-05-12 12:40<p>说得轻巧，实际操作中困难很多，基层工作人员压力也很大，希望多听听一线的声音。</p></div>'
                 '</div>'),
    "source_line": '<div>来源：某某日报 | 作者：张三 | 责任编辑：李四 | 2023-05-12 10:21 | 阅读 1234</div>',
    **perturb_chrome.GOV_CHROME, **perturb_chrome.INLINE,
}


def inject(where, names):
    def perturb(root):
        cont = container(root)
        if cont is None:
            return root
        for name in names:
            el = frag(CHROME[name])
            if where == "inside_end":
                cont.append(el)
            elif where == "inside_start":
                cont.insert(0, el)
                el.tail, cont.text = cont.text, None
            elif where == "after":
                parent = cont.getparent()
                parent.insert(parent.index(cont) + 1, el)
            elif where == "before":
                parent = cont.getparent()
                parent.insert(parent.index(cont), el)
        return root
    return perturb


def chain(*fs):
    def perturb(root):
        for f in fs:
            root = f(root)
        return root
    return perturb


def drop_h1(root):
    for el in list(root.iter("h1")):
        el.tag = "div"
    return root


COMMENT_LINES = ["这篇文章说得很有道理，我们单位也遇到过类似的情况，希望能够引起更多人的重视。",
                 "作者写得很详细，不过有几个地方我有不同的看法，比如第二部分提到的数据，是不是有点过时了？",
                 "转发了，让更多的人看到。", "支持一下！期待后续的报道，也希望相关部门能尽快给出答复。",
                 "我觉得问题没有那么简单，背后涉及的利益关系很复杂，不是一两篇文章能说清楚的，还要多方面了解。"]


def long_comments(root):
    """A thread of twelve dated comments, as long as a short article, after its container."""
    cont = container(root)
    if cont is None:
        return root
    items = "".join(f"<div><span>网友{i:04d}</span> <span>2023-05-{10 + i % 9} 1{i % 10}:2{i % 6}</span><p>"
                    f"{COMMENT_LINES[i % 5]}</p><a href='#r{i}'>回复</a> <a href='#z{i}'>赞({i * 3})</a></div>" for i in range(12))
    parent = cont.getparent()
    parent.insert(parent.index(cont) + 1, frag(f"<div><h3>网友评论（12条）</h3>{items}</div>"))
    return root


def sidebar_prose(root):
    """A sidebar of prose without links (a site's introduction) beside the article's column."""
    cont = container(root)
    # the article's column: a div-like ancestor (a div set inside a table row is no real page's)
    column = next((el for el in (cont.iterancestors() if cont is not None else ())
                   if el.tag in ("div", "section", "article", "main") and el.getparent() is not None), None)
    if column is None:
        return root
    text = ("本站是由某某市人民政府主办的综合性门户网站，致力于为广大市民提供权威、及时、全面的政务信息服务。"
            "网站开设了政务公开、办事服务、互动交流等栏目，欢迎社会各界人士提出宝贵意见和建议。"
            "我们将不断改进工作，提高服务水平，努力建设人民满意的服务型政府网站。")
    column.getparent().insert(column.getparent().index(column) + 1,
                              frag(f"<div><h3>网站简介</h3><p>{text}</p><p>{text[:60]}</p></div>"))
    return root


def split_article(root):
    """The article's blocks in three sibling containers, an image ad between the first two (in
    the container when it is a table cell: a div beside a cell is no real page's)."""
    cont = container(root)
    kids = [k for k in cont] if cont is not None else []
    if len(kids) < 6 or cont.tag in ("body", "html") or cont.getparent() is None:
        return root
    if cont.tag in ("td", "th", "tr", "tbody", "table"):
        cont = etree.SubElement(cont, "div")
        cont.text, cont.getparent().text = cont.getparent().text, None
        for k in kids:
            cont.append(k)
    parent = cont.getparent()
    at = parent.index(cont)
    third = len(kids) // 3
    pieces = [etree.Element("div") for _ in range(3)]
    pieces[0].text = cont.text
    for i, k in enumerate(kids):
        pieces[min(2, i // third)].append(k)
    ad = frag('<div><a href="/ad/1"><img src="/ad/banner.jpg"></a></div>')
    cont.text = parent.remove(cont)
    for el in reversed([pieces[0], ad, pieces[1], pieces[2]]):
        parent.insert(at, el)
    pieces[2].tail = cont.tail
    return root


META_DL = ('<dl><dt>索引号：</dt><dd>11360922MB1530/2023-01234</dd><dt>发布机构：</dt><dd>某某县统计局</dd>'
           '<dt>生成日期：</dt><dd>2023-05-10</dd><dt>主题分类：</dt><dd>统计信息</dd><dt>文号：</dt><dd>无</dd></dl>')


def meta_list(root):
    """The 信息公开 metadata as a definition list before the article's container."""
    cont = container(root)
    if cont is None or cont.getparent() is None:
        return root
    parent = cont.getparent()
    parent.insert(parent.index(cont), frag(META_DL))
    return root


PERTURB = {
    "id": lambda r: r,
    "reparse": lambda r: r,
    "strip_attrs": strip_attrs,
    "hash_attrs": hash_attrs,
    "wrap_divs": wrap_divs,
    "p_to_div": p_to_div,
    "p_to_br": p_to_br,
    "table": table_layout,
    "h1_to_div": drop_h1,
    "end_related": inject("inside_end", ["share", "related"]),
    "end_footer": inject("inside_end", ["prevnext", "footer"]),
    "end_comments": inject("inside_end", ["comments"]),
    "after_all": inject("after", ["share", "related", "comments", "prevnext", "footer"]),
    "start_crumb": inject("inside_start", ["crumb", "source_line"]),
    "before_meta": inject("before", ["crumb", "meta_table"]),
    "start_meta": inject("inside_start", ["meta_table"]),
    "strip+related": chain(strip_attrs, inject("inside_end", ["share", "related", "comments"])),
    "strip+after": chain(strip_attrs, inject("after", ["share", "related", "comments", "prevnext", "footer"])),
    "strip+br": chain(strip_attrs, p_to_br),
    "strip+wrap": chain(strip_attrs, wrap_divs),   # rows below: added at stop 13
    "long_comments": long_comments,
    "sidebar_prose": sidebar_prose,
    "split": split_article,
    "meta_dl": meta_list,
    "strip+comments": chain(strip_attrs, long_comments),
    "strip+sidebar": chain(strip_attrs, sidebar_prose),
    "strip+split": chain(strip_attrs, split_article),
}
PERTURB.update(perturb_chrome.rows(inject, container, frag))    # stop 17: tools/perturb_chrome.py
NEW_URL = "https://www.example-news.cn/a/20230512/123456.html"


def run(rec, html, url):
    return dev_eval.cleaners_extract(dict(rec, html=html, url=url))


def explain_page(rec, html, url):
    """What `clean --explain` prints for the perturbed page."""
    from cleaners import cli, pipeline
    from cleaners.sources import record_to_document
    for result in pipeline.clean_all(record_to_document(dict(rec, html=html, url=url), rec["id"]),
                                     pipeline.Options(explain=True)):
        cli.explain(result)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="comma-separated perturbations (default: all)")
    ap.add_argument("--pages", help="comma-separated TUNE/TUNE2 page ids")
    ap.add_argument("--save", metavar="JSON", help="per-perturbation, per-page (P, R, F1)")
    ap.add_argument("--newurl", action="store_true", help="give every page an unknown URL (no site knowledge)")
    ap.add_argument("--show", metavar="ID:PERTURBATION", help="print that output and its score")
    ap.add_argument("--explain", action="store_true", help="with --show: also what was left out or dropped, and why")
    args = ap.parse_args()
    recs = [json.loads(line) for line in open(HTML / "pages.jsonl", encoding="utf-8") if line.strip()]
    split = dev_eval.halves(recs)
    recs = [r for r in recs if split[r["id"]] in ("TUNE", "TUNE2")]      # never a HOLDOUT page
    if args.pages:
        keep = set(args.pages.split(","))
        recs = [r for r in recs if r["id"] in keep]
    names = args.only.split(",") if args.only else list(PERTURB)
    if args.show:
        pid, name = args.show.split(":")
        rec = next(r for r in recs if r["id"] == pid)
        GOLD_LINES["cur"] = gold_lines(pid)
        html = rec["html"] if name == "id" else dump(PERTURB[name](parse(rec["html"])))
        out = run(rec, html, NEW_URL if args.newurl else rec["url"])
        print(out)
        if args.explain:
            explain_page(rec, html, NEW_URL if args.newurl else rec["url"])
        print(SCORER.score(out, (HTML / "gold" / f"{pid}.txt").read_text(encoding="utf-8")), file=sys.stderr)
        return
    table = {}
    for name in names:
        started = time.time()
        rows = {}
        for rec in recs:
            GOLD_LINES["cur"] = gold_lines(rec["id"])
            gold = (HTML / "gold" / f"{rec['id']}.txt").read_text(encoding="utf-8")
            try:
                html = rec["html"] if name == "id" else dump(PERTURB[name](parse(rec["html"])))
            except Exception as exc:
                print("perturb fail", name, rec["id"], exc, file=sys.stderr)
                continue
            out = run(rec, html, NEW_URL if args.newurl else rec["url"])
            rows[rec["id"]] = SCORER.score(out, gold) if out.strip() else (0.0, 0.0, 0.0)
        table[name] = rows
        clean = sum(1 for p, r, f in rows.values() if p >= dev_eval.CLEAN_AT and r >= dev_eval.CLEAN_AT)
        f1 = sum(f for _, _, f in rows.values()) / max(1, len(rows))
        print(f"{name:16s} F1 {f1:.4f} clean {clean}/{len(rows)}  ({time.time() - started:.0f}s)", flush=True)
    if "id" in table:
        base = table["id"]
        for name, rows in table.items():
            if name == "id":
                continue
            worse = [f"{pid}({base[pid][0]:.2f}/{base[pid][1]:.2f}->{p:.2f}/{r:.2f})" for pid, (p, r, f) in rows.items()
                     if pid in base and f < base[pid][2] - 0.01]
            print(f"  {name}: {len(worse)} worse: " + " ".join(worse))
    if args.save:
        json.dump(table, open(args.save, "w"))


if __name__ == "__main__":
    main()
