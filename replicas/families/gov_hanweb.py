"""A district portal on 大汉 Hanweb JCMS: www.demoqu.gov.cn (gov-sites.md §2.2, §7.2).

Column `/col/col1234/index.html`: the first 15 rows sit in `<div id="5678"><script
type="text/xml"><datastore>` (totalrecord, totalpage, nextgroup, CDATA records); further rows
come from `/module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=15` (POST with the
column in the form body, or GET), any range, a records-free datastore past the end; `?uid=5678&
pageNum=N` renders page N.  Articles `/art/YYYY/M/D/art_1234_N.html` (M/D not zero-padded) carry
the meta set, `#hiddenLocation`, `table.xxgk_article` (索引号 … 公开方式), `.xl_doc` (发布时间/信息来源)
and `div#zoom`, some the old ContentStart/ContentEnd comments; header and footer come from
`<script src="/script/0/….js">`.  Files: `/module/download/downfile.jsp?…&filename=<hex>.ext`
answers 302 -> `/attach/0/<hex>.ext`.  UTF-8 throughout.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from urllib.parse import quote

from ..base import Request, Response, State, esc, html_response, redirect
from ..govsite import chrome
from ..govsite.site import Article, Attachment, GovFamily
from ..govsite.texts import news, notice, report

HOST = "www.demoqu.gov.cn"
ORG = "示范区教育局"
SITE_NAME = "示范区人民政府"
SITE_CODE = "3301020003"
COLUMN_ID, UNIT_ID, WEB_ID = 1234, 5678, 3
COLUMN = f"/col/col{COLUMN_ID}/index.html"
PER_PAGE = 15
PROXY = "/module/web/jpage/dataproxy.jsp"


def dated(i: int) -> str:
    year, month = 2024 - (i // 36), 12 - (i // 3) % 12
    return f"{year}-{month:02d}-{25 - (i % 3) * 8:02d} {8 + i % 9:02d}:{(i * 23) % 60:02d}"


def hex_name(seed: str, ext: str) -> str:
    return f"{hashlib.md5(seed.encode()).hexdigest()}.{ext}"


class GovHanwebSite(GovFamily):
    name = "gov_hanweb"
    hosts = (HOST,)
    org = ORG
    attachment_type = None
    robots = "User-agent: *\nDisallow: /module/xxgk/search.jsp\nDisallow: /module/visitcount/\n"

    def setup(self) -> None:
        super().setup()
        self.route(rf"/col/col{COLUMN_ID}/index\.html", self.column)
        self.route(PROXY.replace(".", r"\."), self.dataproxy)
        self.route(rf"/art/\d{{4}}/\d{{1,2}}/\d{{1,2}}/art_{COLUMN_ID}_\d+\.html", self.serve_article)
        self.route(r"/module/download/downfile\.jsp", self.downfile)
        self.route(r"/attach/0/[0-9a-f]{32}\.\w+", self.serve_attachment)

    def base_articles(self) -> list[Article]:
        out = []
        for i in range(66):
            date = dated(i)
            year = int(date[:4])
            text = report(f"hanweb-{i}", ORG, year, ("工作总结", "工作计划")[i % 2]) if i % 5 == 0 \
                else news(f"hanweb-{i}", ORG, f"{year}年{int(date[5:7])}月{int(date[8:10])}日")
            out.append(Article(567000 + i, date, text, index_no=f"113301020025123456/{year}-{i + 40:05d}",
                               doc_no=f"示区教〔{year}〕{i + 7}号" if i % 5 == 0 else None))
        out[0] = replace(out[0], attachments=(Attachment(hex_name("hanweb-pdf", "pdf"), "示范区教育局2024年教育工作总结.pdf",
                                                         "pdf", report("hanweb-att-pdf", ORG, 2024, "工作总结")),))
        out[2] = replace(out[2], text=notice("hanweb-notice", ORG, 2024, "示范区2024年秋季学期开学工作方案"),
                         doc_no="示区教〔2024〕31号", attachment_only=True, attachments=(
                             Attachment(hex_name("hanweb-docx", "docx"), "示范区2024年秋季学期开学工作方案.docx", "docx",
                                        report("hanweb-att-docx", ORG, 2024, "工作计划")),))
        out[7] = replace(out[7], attachments=(Attachment(hex_name("hanweb-wps", "wps"), "教师队伍建设情况报告.wps", "wps",
                                                         report("hanweb-att-wps", ORG, 2024, "工作总结")),))
        out[20] = replace(out[20], attachments=(Attachment(hex_name("hanweb-scan", "pdf"), "签批件扫描件.pdf", "scanned"),))
        return out

    def published_article(self, k: int) -> Article:
        return Article(569000 + k, f"2025-01-{k:02d} 15:{k % 60:02d}", news(f"hanweb-published-{k}", ORG, f"2025年1月{k}日"),
                       index_no=f"113301020025123456/2025-{k:05d}")

    def article_path(self, article: Article) -> str:
        y, m, d = (int(x) for x in article.url_day.split("-"))
        return f"/art/{y}/{m}/{d}/art_{COLUMN_ID}_{article.n}.html"

    def attachment_url(self, article: Article, attachment: Attachment) -> str:
        return self.url(f"/attach/0/{attachment.name}")

    def attachment_link(self, article: Article, attachment: Attachment) -> str:
        return self.url(f"/module/download/downfile.jsp?classid=0&filename={attachment.name}"
                        f"&showname={quote(attachment.label)}")

    # ------------------------------------------------------------------ listings
    def record(self, article: Article) -> str:
        return (f'<record><![CDATA[\n<li><a href="{self.url(self.article_path(article))}" title="{esc(article.text.title)}" '
                f'target="_blank">{esc(article.text.title)}</a><span class="bt-data-time">{article.day}</span></li>\n]]></record>\n')

    def datastore(self, articles: list[Article], records: list[Article], nextgroup: bool) -> str:
        pages = -(-len(articles) // PER_PAGE)
        group = (f'<nextgroup><![CDATA[<a href="{PROXY}?page=1&appid=1&webid={WEB_ID}&path=/&columnid={COLUMN_ID}'
                 f'&unitid={UNIT_ID}&webname={quote(SITE_NAME)}&permissiontype=0"></a>]]></nextgroup>\n' if nextgroup else "")
        return (f"<datastore>\n{group}<totalrecord>{len(articles)}</totalrecord>\n<totalpage>{pages}</totalpage>\n"
                f"<recordset>\n{''.join(self.record(a) for a in records)}</recordset>\n</datastore>")

    def column(self, req: Request, state: State, m) -> Response:
        articles = self.articles(state)
        page = req.query.get("pageNum", "1")
        if not page.isdigit() or not 1 <= int(page) <= max(1, -(-len(articles) // PER_PAGE)):
            return self.not_found(req)
        start = (int(page) - 1) * PER_PAGE
        body = (f'<div id="{UNIT_ID}"><script type="text/xml">{self.datastore(articles, articles[start:start + PER_PAGE], True)}'
                "</script></div>\n"
                '<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script>\n'
                f"<script>$('#{UNIT_ID}').jpage({{dataStore: dataStore, perPage: {PER_PAGE}, totalRecord: {len(articles)}, "
                f"proxyUrl: '{PROXY}', groupSize: 3, barPosition: 'bottom', ajaxParam: {{col: 1, appid: 1, webid: {WEB_ID}, "
                f"path: '/', columnid: {COLUMN_ID}, sourceContentType: 1, unitid: {UNIT_ID}, webname: '{SITE_NAME}', "
                "permissiontype: 0}});</script>\n")
        return self.frame("工作动态", '<meta name="ColumnName" content="工作动态">\n<meta name="ColumnType" content="信息公开">\n',
                          f'<div class="bt-column"><h2>工作动态</h2>{body}</div>')

    def dataproxy(self, req: Request, state: State, m) -> Response:
        """Records startrecord..endrecord (1-based, inclusive) of the column named in the form."""
        form = req.form
        if form.get("columnid") != str(COLUMN_ID):
            return Response(200, b'<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>0</totalrecord></datastore>',
                            [("Content-Type", "text/xml; charset=utf-8")])
        articles = self.articles(state)
        per_page = int(form.get("perpage") or PER_PAGE)
        if "startrecord" in form:
            start, end = int(form["startrecord"]), int(form.get("endrecord") or form["startrecord"])
        else:                   # the nextgroup form: page=N of groups of three screen pages
            group = int(form.get("page") or 1)
            start, end = (group - 1) * 3 * per_page + 1, group * 3 * per_page
        xml = '<?xml version="1.0" encoding="utf-8"?>\n' + self.datastore(articles, articles[max(start, 1) - 1:end], False)
        return Response(200, xml.encode("utf-8"), [("Content-Type", "text/xml; charset=utf-8")])

    def downfile(self, req: Request, state: State, m) -> Response:
        name = req.query.get("filename", "")
        if not name:
            return self.not_found(req)
        return redirect(self.url(f"/attach/0/{name}"))

    # ------------------------------------------------------------------ articles
    def frame(self, title: str, meta: str, inner: str) -> Response:
        markup = (chrome.head(f"{title} {SITE_NAME}", '<meta charset="utf-8">', SITE_NAME, SITE_CODE, meta)
                  + '<script type="text/javascript" src="/script/0/2404101723.js"></script>\n'
                  + f'<div class="main-container">{inner}</div>\n'
                  + '<script type="text/javascript" src="/script/0/2404101724.js"></script>\n</body>\n</html>\n')
        return html_response(markup)

    def article_page(self, article: Article) -> Response:
        written = f"{article.day[:8]}{max(1, int(article.day[8:]) - 1):02d}"
        old_style = article.n % 4 == 1
        paragraphs = "".join(f"<p>{esc(p)}</p>" for p in article.text.paragraphs)
        for attachment in article.attachments:
            paragraphs += (f'<p>附件：<a href="{esc(self.attachment_link(article, attachment))}" '
                           f'target="_blank">{esc(attachment.label)}</a></p>')
        if old_style:
            paragraphs = (f"<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name=\"ContentStart\">{paragraphs}"
                          "<meta name=\"ContentEnd\"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end-->")
        meta = (f'<meta name="ColumnName" content="工作动态">\n<meta name="ArticleTitle" content="{esc(article.text.title)}">\n'
                f'<meta name="PubDate" content="{article.date}">\n<meta name="ContentSource" content="{ORG}">\n'
                f'<meta name="Maketime" content="{article.date}:00">\n')
        inner = (f'<div id="hiddenLocation" style="display:none"><span ss_webid="{WEB_ID}"></span>'
                 f'<span class="col1_name">政务公开</span><span class="col2_name">工作动态</span>'
                 f'<span class="col2_url">{COLUMN}</span></div>\n'
                 '<table class="xxgk_article" width="100%"><tbody>'
                 f"<tr><td>索引号：</td><td>{article.index_no}</td><td>文号：</td><td>{article.doc_no or ''}</td></tr>"
                 f"<tr><td>发布机构：</td><td>{ORG}</td><td>成文日期：</td><td>{written}</td></tr>"
                 "<tr><td>组配分类：</td><td>工作动态</td><td>公开方式：</td><td>主动公开</td></tr></tbody></table>\n"
                 f'<div class="xl_title">{esc(article.text.title)}</div>\n'
                 f'<div class="xl_doc">发布时间：{article.date} 浏览次数：<script src="/module/visitcount/articlehits.jsp?'
                 f'colid={COLUMN_ID}&artid={article.n}"></script> 信息来源：{ORG}</div>\n'
                 f'<div class="zoom" id="zoom">{paragraphs}</div>\n'
                 '<div class="xl_tools"><a href="javascript:window.print()">打印</a> / '
                 '<a href="javascript:window.close()">关闭</a></div>\n')
        return self.frame(article.text.title, meta, inner)

    def start_urls(self) -> dict[str, list[str]]:
        return {"column": [self.url(COLUMN)]}
