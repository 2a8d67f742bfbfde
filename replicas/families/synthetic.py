"""A large generated family for the crawl benchmark: www.synthdoc.com.

`start(config={"synthetic_docs": N})` (default 5000) makes it serve N documents
`/doc/<n>.html` (n = 1..N), each generated on the fly and deterministically
from n (renrendoc-like layout, 文档简介 text of ~600-1500 characters), and the
listing `/list/<p>.html` with 50 links per page plus a pager.  Nothing is
stored, so any N costs no memory; `expected(n)` gives the clean text.
"""
from __future__ import annotations

import random

from ..base import Request, Response, Site, State, esc, html_response
from ..listing import page_of
from ..textlib import expected_text

HOST = "www.synthdoc.com"
PER_PAGE = 50
DEFAULT_DOCS = 5000

COUNTIES = ["青山", "临河", "白水", "东岭", "南溪", "桐城", "柳江", "石泉", "云阳", "松林", "安平", "西湖", "长岭",
            "凤台", "龙门", "清远", "平川", "金沙", "宁海", "双河"]
KINDS = ["工作总结", "工作计划", "工作要点", "自查报告", "述职报告", "情况汇报", "半年工作总结", "专项工作总结"]
TOPICS = ["学前教育", "义务教育", "教师队伍建设", "校园安全", "教育信息化", "双减", "控辍保学", "学生资助",
          "职业教育", "教育督导", "课后服务", "党建", "劳动教育", "体育美育", "特殊教育"]
SUBJECTS = ["全县教育系统", "局党委", "各中小学校", "县教师发展中心", "各乡镇中心学校", "县教育督导室", "各幼儿园"]
VERBS = ["扎实推进", "全面落实", "持续深化", "稳步实施", "统筹推进", "认真开展", "大力加强", "不断完善"]
OBJECTS = ["学校标准化建设", "教育教学常规管理", "教师培训体系", "安全隐患排查整治", "课后服务供给",
           "家校社协同育人机制", "集团化办学改革", "教育质量监测", "营养改善计划", "作业管理制度"]
RESULTS = ["取得了明显成效", "得到了群众的普遍认可", "各项指标均达到年度目标", "工作质量进一步提升",
           "形成了一批可复制的经验", "实现了预期目标"]
NUMBERS = ["新增学位{a}个", "培训教师{a}人次", "投入资金{b}万元", "整改问题{c}项", "覆盖学生{a}人", "开展活动{c}场次"]
HEADINGS = ["一、", "二、", "三、", "四、", "五、", "六、"]


def doc_title(n: int) -> str:
    rnd = random.Random(n)
    year = 2015 + rnd.randrange(11)
    return f"{rnd.choice(COUNTIES)}县教育局{year}年{rnd.choice(TOPICS)}{rnd.choice(KINDS)}"


def doc_body(n: int) -> str:
    """3-6 sections of 2-4 generated sentences; deterministic in n."""
    rnd = random.Random(n * 7919)
    sections = []
    for h in HEADINGS[: rnd.randint(3, 6)]:
        heading = f"{h}{rnd.choice(VERBS)}{rnd.choice(OBJECTS)}"
        sentences = []
        for _ in range(rnd.randint(2, 4)):
            number = rnd.choice(NUMBERS).format(a=rnd.randint(20, 9000), b=rnd.randint(10, 9000),
                                                c=rnd.randint(3, 300))
            sentences.append(f"{rnd.choice(SUBJECTS)}{rnd.choice(VERBS)}{rnd.choice(OBJECTS)},{number},"
                             f"{rnd.choice(RESULTS)}。")
        sections.append(heading + "\n" + "".join(sentences))
    return "\n".join(sections)


def paths(docs: int = DEFAULT_DOCS) -> list[tuple[str, str]]:
    """(host, path) of every page a crawl of `docs` documents fetches: robots.txt, listings, documents."""
    listings = range(1, (docs + PER_PAGE - 1) // PER_PAGE + 1)
    return [(HOST, "/robots.txt"), *((HOST, f"/list/{p}.html") for p in listings),
            *((HOST, f"/doc/{n}.html") for n in range(1, docs + 1))]


def expected(n: int) -> str:
    return expected_text(doc_title(n), doc_body(n))


class SyntheticSite(Site):
    name = "synthetic"
    hosts = (HOST,)
    robots = "User-agent: *\nDisallow: /down/\n"

    def setup(self) -> None:
        self.route(r"/doc/(\d+)\.html", self.doc_page)
        self.route(r"/list/(\d+)\.html", self.listing)

    def url(self, path: str) -> str:
        return f"https://{HOST}{path}"

    @staticmethod
    def count(state: State) -> int:
        return int(state.config.get("synthetic_docs", DEFAULT_DOCS))

    def head(self, title: str) -> str:
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>{esc(title)} - 合成文库</title>\n<style>.reader img{{width:100%}}</style>\n</head>\n<body>\n"
                f"<div class=\"header\"><a href=\"{self.url('/list/1.html')}\">合成文库</a></div>\n")

    foot = ("<div class=\"footer\">copyright@ 2024 合成文库 版权所有 京ICP备00000000号</div>\n"
            "<script src=\"/static/js/app.js\"></script>\n</body>\n</html>\n")

    def doc_page(self, req: Request, state: State, m) -> Response:
        n = int(m.group(1))
        if not 1 <= n <= self.count(state):
            return self.not_found(req)
        title = doc_title(n)
        text = doc_body(n).replace("\n", "")
        neighbours = [k for k in (n - 1, n + 1, n + 97) if 1 <= k <= self.count(state)]
        related = "".join(f"<li><a href=\"{self.url(f'/doc/{k}.html')}\">{esc(doc_title(k))}</a></li>" for k in neighbours)
        markup = (self.head(title)
                  + f"<h1 class=\"doc-title\">{esc(title)}</h1>\n<div class=\"info\">页数:3 格式:DOCX</div>\n"
                  + "".join(f"<div class=\"page-item\"><img alt=\"{esc(title)}_第{i}页\"><p>{esc(title)}_第{i}页</p></div>"
                            for i in (1, 2, 3))
                  + "\n<div class=\"copyright\">版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领</div>\n"
                  + f"<div class=\"intro\"><h2>文档简介</h2><div class=\"intro-text\">{esc(text)}</div></div>\n"
                  + f"<div class=\"related-doc-list\"><h3>相关资源</h3><ul>{related}</ul></div>\n" + self.foot)
        return html_response(markup)

    def listing(self, req: Request, state: State, m) -> Response:
        lp = page_of(range(1, self.count(state) + 1), int(m.group(1)), PER_PAGE)
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.url(f'/doc/{k}.html')}\">{esc(doc_title(k))}</a></li>" for k in lp.items)
        pager = (f"<div class=\"page\">" + (f"<a class=\"prev\" href=\"{self.url(f'/list/{lp.page - 1}.html')}\">上一页</a>" if lp.has_prev else "")
                 + f"<span class=\"current\">{lp.page}</span>"
                 + (f"<a class=\"next\" href=\"{self.url(f'/list/{lp.page + 1}.html')}\">下一页</a>" if lp.has_next else "")
                 + f"<span class=\"total\">共{lp.pages}页</span></div>")
        return html_response(self.head("文档列表") + f"<ul class=\"list\">{items}</ul>{pager}" + self.foot)

    def catalog_extra(self) -> dict:
        return {"synthetic": {
            "config_key": "synthetic_docs", "default_docs": DEFAULT_DOCS, "per_page": PER_PAGE,
            "doc_url": self.url("/doc/{n}.html"), "listing_url": self.url("/list/{page}.html"),
            "expected": "replicas.families.synthetic.expected(n)",
            "notes": "documents are generated, so they are not listed; every doc is kind text, 3 pages"}}

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.url("/list/1.html")]}
