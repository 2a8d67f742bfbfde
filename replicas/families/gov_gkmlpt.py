"""A Guangdong district 教育局 on the 政府信息公开目录平台 (gkmlpt): www.demobin.gov.cn/jyj/ (§2.4, §7.4).

`/jyj/gkmlpt/index` is an SPA shell: `SID` and the column tree `CONFIG.TREE` in inline JS,
and a server-rendered 最新信息 box.  Each column's list is JSON from
`/jyj/gkmlpt/api/all/<column>?page=N&sid=<SID>` (`classify.post_count`, `articles[{id, title,
identifier, publisher, created_at, date, url}]`, PER_PAGE rows a page; the real platform serves
100).  Articles `/jyj/gkmlpt/content/<id/1e6>/<id/1e3>/post_<id>.html` hold the 信息公开 table
(索引号/分类/发布机构/成文日期/名称/文号/发布日期) and `.article-content`; files sit under
`/jyj/attachment/…`.  UTF-8 throughout.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from ..base import Request, Response, State, esc, html_response
from ..govsite import chrome, files
from ..govsite.site import Article, Attachment, GovFamily
from ..govsite.texts import news, notice, report

HOST = "www.demobin.gov.cn"
ORG = "示范滨海区教育局"
SITE_CODE = "4403060012"
ROOT = "/jyj/gkmlpt/"
SID = "200016"
PER_PAGE = 10
COLUMNS = {101: "工作总结", 102: "工作动态", 103: "通知公告"}
TREE = [{"id": 2, "name": "业务工作", "parent": 0, "children": [
            {"id": 101, "name": "工作总结", "parent": 2, "children": []},
            {"id": 102, "name": "工作动态", "parent": 2, "children": []}]},
        {"id": 3, "name": "通知公告", "parent": 0, "children": [{"id": 103, "name": "通知公告", "parent": 3, "children": []}]}]
CST = dt.timezone(dt.timedelta(hours=8))


def dated(i: int) -> str:
    year, month = 2024 - (i // 30), 12 - (i // 3) % 12
    return f"{year}-{month:02d}-{22 - (i % 3) * 7:02d} {9 + i % 7:02d}:{(i * 29) % 60:02d}"


class GovGkmlptSite(GovFamily):
    name = "gov_gkmlpt"
    hosts = (HOST,)
    org = ORG
    home_path = "/jyj/"
    robots = "User-agent: *\nDisallow: /jyj/gkmlpt/search\nDisallow: /admin/\n"

    def setup(self) -> None:
        super().setup()
        self.route(rf"{ROOT}index", self.index)
        self.route(rf"{ROOT}api/all/(\d+)", self.api)
        self.route(rf"{ROOT}content/\d+/\d+/post_\d+\.html", self.serve_article)
        self.route(r"/jyj/attachment/\d+/\d+/\d+/\d+\.\w+", self.serve_attachment)

    def base_articles(self) -> list[Article]:
        out = []
        for i in range(35):
            date = dated(i)
            year = int(date[:4])
            column = 101 if i % 3 == 0 else 102 if i % 3 == 1 else 103
            text = report(f"gkmlpt-{i}", ORG, year, ("工作总结", "工作要点")[i % 2]) if column == 101 \
                else news(f"gkmlpt-{i}", ORG, f"{year}年{int(date[5:7])}月{int(date[8:10])}日")
            out.append(Article(4942400 + i * 7, date, text, index_no=f"11440306MB2D34567Y/{year}-{i + 300:05d}",
                               doc_no=f"深示教〔{year}〕{i + 2}号" if column != 102 else None))
        rows = files.sheet_rows("示范滨海区教育局2024年重点工作任务分解表", "gkmlpt-xlsx")
        out[2] = replace(out[2], text=notice("gkmlpt-notice", ORG, 2024, "示范滨海区教育局2024年重点工作任务分解表"),
                         attachment_only=True, doc_no="深示教〔2024〕9号",
                         attachments=(Attachment("8977329.xlsx", "示范滨海区教育局2024年重点工作任务分解表.xlsx", "xlsx",
                                                 rows=rows),))
        out[3] = replace(out[3], attachments=(
            Attachment("8977412.et", "学位建设项目进度表.et", "et",
                       rows=files.sheet_rows("示范滨海区学位建设项目进度表", "gkmlpt-et")),
            Attachment("8977413.docx", "年度工作总结全文.docx", "docx", report("gkmlpt-att-docx", ORG, 2024, "工作总结"))))
        out[7] = replace(out[7], attachments=(
            Attachment("8977501.xls", "教师培训计划安排表.xls", "xls",
                       rows=files.sheet_rows("示范滨海区教师培训计划安排表", "gkmlpt-xls")),))
        return out

    def column_of(self, article: Article) -> int:
        if article.n > 4943000:     # published at run time: 工作动态
            return 102
        return (101, 102, 103)[((article.n - 4942400) // 7) % 3]

    def published_article(self, k: int) -> Article:
        return Article(4943000 + k, f"2025-01-{k:02d} 11:{k % 60:02d}", news(f"gkmlpt-published-{k}", ORG, f"2025年1月{k}日"),
                       index_no=f"11440306MB2D34567Y/2025-{k:05d}")

    def article_path(self, article: Article) -> str:
        n = article.n
        return f"{ROOT}content/{n // 1_000_000}/{n // 1000}/post_{n}.html"

    def attachment_url(self, article: Article, attachment: Attachment) -> str:
        n = int(attachment.stem)
        return self.url(f"/jyj/attachment/0/{n // 1_000_000}/{n // 1000}/{attachment.name}")

    # ------------------------------------------------------------------ pages
    def frame(self, title: str, inner: str, meta: str = "") -> Response:
        markup = (chrome.head(f"{title}-{ORG}", '<meta charset="utf-8">', ORG, SITE_CODE, meta)
                  + chrome.top(ORG, self.url("/jyj/"), [("政务公开", self.url(f"{ROOT}index")), ("教育资讯", self.url("/jyj/jyzx/"))])
                  + inner + chrome.footer(ORG, SITE_CODE, "粤ICP备05012345号", "粤公网安备44030602000456号", "示范滨海区海滨大道1号"))
        return html_response(markup)

    def index(self, req: Request, state: State, m) -> Response:
        latest = "".join(f'<li><a href="{self.url(self.article_path(a))}">{esc(a.text.title)}</a></li>'
                         for a in self.articles(state)[:5])
        config = json.dumps({"SID": SID, "ROOT": ROOT, "TREE": TREE}, ensure_ascii=False)
        inner = (f'<div id="app" class="gkmlpt"><div class="latest"><h3>最新信息</h3><ul>{latest}</ul></div></div>\n'
                 f'<script>var CONFIG = {config};</script>\n'
                 f'<script src="{ROOT}static/js/app.js"></script>\n')
        return self.frame("政府信息公开", inner)

    def api(self, req: Request, state: State, m) -> Response:
        column = int(m.group(1))
        if column not in COLUMNS or req.query.get("sid") != SID:
            return Response(200, b'{"code":404,"msg":"classify not found"}', [("Content-Type", "application/json")])
        listed = [a for a in self.articles(state) if self.column_of(a) == column]
        page = int(req.query.get("page") or 1)
        rows = listed[(page - 1) * PER_PAGE: page * PER_PAGE]
        payload = {"classify": {"id": column, "name": COLUMNS[column], "parent": 2 if column < 103 else 3,
                                "post_count": len(listed), "theme_count": 0},
                   "articles": [self.row(a, column) for a in rows]}
        return Response(200, json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                        [("Content-Type", "application/json; charset=utf-8")])

    def row(self, article: Article, column: int) -> dict:
        published = dt.datetime.strptime(article.date, "%Y-%m-%d %H:%M").replace(tzinfo=CST)
        return {"id": article.n, "title": article.text.title, "identifier": article.index_no, "publisher": ORG,
                "document_number": article.doc_no or "", "created_at": f"{article.date}:00",
                "date": int(published.timestamp()), "classify": column, "url": self.url(self.article_path(article))}

    def article_page(self, article: Article) -> Response:
        column = COLUMNS[self.column_of(article)]
        written = f"{article.day[:8]}{max(1, int(article.day[8:]) - 2):02d}"
        paragraphs = "".join(f"<p>{esc(p)}</p>" for p in article.text.paragraphs)
        for attachment in article.attachments:
            paragraphs += (f'<p>附件：<a href="{esc(self.attachment_url(article, attachment))}">'
                           f"{esc(attachment.label)}</a></p>")
        inner = (f'<div class="classify">{chrome.breadcrumbs([("首页", self.url("/jyj/")), ("政府信息公开", None), (column, None)])}'
                 '<div class="introduce"><table><tbody>'
                 f"<tr><td><label>索引号：</label><span>{article.index_no}</span></td><td><label>分类：</label><span>{column}</span></td></tr>"
                 f"<tr><td><label>发布机构：</label><span>{ORG}</span></td><td><label>成文日期：</label><span>{written}</span></td></tr>"
                 f'<tr><td colspan="2"><label>名称：</label><span>{esc(article.text.title)}</span></td></tr>'
                 f"<tr><td><label>文号：</label><span>{article.doc_no or ''}</span></td>"
                 f"<td><label>发布日期：</label><span>{article.day}</span></td></tr></tbody></table></div>\n"
                 f'<div class="article"><h1 class="title">{esc(article.text.title)}</h1>\n'
                 f'<div class="date-row">{chrome.tools()}</div>\n'
                 f'<div class="article-content">{paragraphs}</div></div>\n{chrome.share()}</div>\n')
        return self.frame(article.text.title, inner)

    def start_urls(self) -> dict[str, list[str]]:
        return {"column": [self.url(f"{ROOT}index")]}
