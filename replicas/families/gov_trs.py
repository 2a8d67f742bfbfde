"""A city 教育局 on TRS WCM (拓尔思): jyj.demoshi.gov.cn (gov-sites.md §2.1, §7.1).

Column `/xxgk/gzzj/index.html`, `index_1.html`, `index_2.html`: 10 rows a page, the page
links written by `createPageHTML(3, i, "index", "html")` at run time (no 下一页 in the HTML),
rows `li > a[href="./YYYYMM/tYYYYMMDD_N.html"][title] + span`, one pinned (置顶) report on
every page.  Articles carry the TRS meta set (ArticleTitle, PubDate, ContentSource ...), a
"发布时间：… 来源：…" line and the text in `div.TRS_Editor` (one `div.view.TRS_UEDITOR`), with
attachments `./P0YYYYMMDD….pdf|ofd|doc` sent as application/octet-stream.

Every page is **GBK** declared only in a `<meta>` as gb2312 (the header has no charset), and
one article holds the GBK-only character 喆.
"""
from __future__ import annotations

from dataclasses import replace

from ..base import Request, Response, State, esc, html_response
from ..govsite import chrome
from ..govsite.site import Article, Attachment, GovFamily
from ..govsite.texts import GovText, news, notice, report
from ..listing import page_of

HOST = "jyj.demoshi.gov.cn"
ORG = "示范市教育局"
SITE_CODE = "4301000012"
COLUMN = "/xxgk/gzzj/"
PER_PAGE = 10
FOREIGN_ROW = "https://www.demoqu.gov.cn/art/2024/12/17/art_1234_567001.html"
CHARSET_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def dated(i: int) -> str:
    """Base articles from 2024-12 back, about two weeks apart."""
    year, month = 2024 - (i // 24), 12 - (i // 2) % 12
    return f"{year}-{month:02d}-{26 - (i % 2) * 12:02d} {9 + i % 8:02d}:{(i * 17) % 60:02d}"


class GovTrsSite(GovFamily):
    name = "gov_trs"
    hosts = (HOST,)
    org = ORG
    encoding = "gbk"
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /was5/\n"

    def setup(self) -> None:
        super().setup()
        self.pinned = next(a for a in self.base if a.n == 5001004)
        self.route(rf"{COLUMN}index(?:_(\d+))?\.html", self.column)
        self.route(rf"{COLUMN}\d{{6}}/t\d{{8}}_\d+\.html", self.serve_article)
        self.route(rf"{COLUMN}\d{{6}}/P0\d+\.(?:pdf|ofd|doc)", self.serve_attachment)

    def base_articles(self) -> list[Article]:
        out = []
        for i in range(25):
            n, date = 5001000 + i, dated(i)
            year = int(date[:4])
            text = report(f"trs-{i}", ORG, year, ("工作总结", "工作要点", "工作计划")[i % 3]) if i % 4 == 0 \
                else news(f"trs-{i}", ORG, f"{year}年{int(date[5:7])}月{int(date[8:10])}日")
            if i == 3:      # 喆 is in GBK but not in GB2312: the page's gb2312 label undersells its bytes
                text = GovText(text.title, (*text.paragraphs[:-1], "会议由副局长李喆主持，各股室负责人作了表态发言。",
                                            text.paragraphs[-1]))
            out.append(Article(n, date, text, index_no=f"11430100MB1C23456X/{year}-{i + 101:05d}",
                               doc_no=f"示教发〔{year}〕{i + 3}号" if i % 4 == 0 else None))
        stamp = lambda a: a.date[:10].replace("-", "")  # noqa: E731 - P0 names carry the article's date
        notice_text = notice("trs-notice", ORG, 2024, "示范市教育局2024年工作要点")
        out[1] = Article(out[1].n, out[1].date, notice_text, out[1].index_no, "示教发〔2024〕12号",
                         (Attachment(f"P0{stamp(out[1])}512345678901.pdf", "示范市教育局2024年工作要点.pdf", "pdf",
                                     report("trs-att-pdf", ORG, 2024, "工作要点")),), attachment_only=True)
        out[4] = replace(out[4], attachments=(
            Attachment(f"P0{stamp(out[4])}387654321098.ofd", "全市教育系统年度工作情况统计说明.ofd", "ofd",
                       report("trs-att-ofd", ORG, 2024, "工作总结")),))
        out[6] = replace(out[6], attachments=(
            Attachment(f"P0{stamp(out[6])}311122233344.doc", "学校安全工作实施方案.doc", "doc",
                       report("trs-att-doc", ORG, 2024, "工作计划")),))
        out[9] = replace(out[9], attachments=(Attachment(f"P0{stamp(out[9])}399988877766.pdf", "会议交流材料.pdf", "corrupt"),))
        return out

    def published_article(self, k: int) -> Article:
        text = news(f"trs-published-{k}", ORG, f"2025年1月{k}日")
        return Article(5002000 + k, f"2025-01-{k:02d} 10:{k % 60:02d}", text, index_no=f"11430100MB1C23456X/2025-{k:05d}")

    def article_path(self, article: Article) -> str:
        ymd = article.url_day.replace("-", "")
        return f"{COLUMN}{ymd[:6]}/t{ymd}_{article.n}.html"

    def attachment_url(self, article: Article, attachment: Attachment) -> str:
        return self.url(f"{COLUMN}{article.url_day.replace('-', '')[:6]}/{attachment.name}")

    def list_url(self, page: int) -> str:
        return self.url(f"{COLUMN}index.html" if page == 1 else f"{COLUMN}index_{page - 1}.html")

    # ------------------------------------------------------------------ pages
    def frame(self, title: str, crumbs: list, inner: str, meta: str = "") -> Response:
        markup = (chrome.head(f"{title}_{ORG}", CHARSET_META, ORG, SITE_CODE, meta)
                  + chrome.top(ORG, self.url("/"), [("机构概况", self.url("/jggk/")), ("政务公开", self.list_url(1)),
                                                    ("教育新闻", self.url("/jyxw/")), ("办事服务", self.url("/bsfw/"))])
                  + chrome.breadcrumbs([("首页", self.url("/")), *crumbs]) + inner
                  + chrome.footer(ORG, SITE_CODE, "湘ICP备12012345号-1", "湘公网安备43010202000321号", "示范市人民中路88号"))
        return html_response(markup, encoding="gbk", header_charset=None)

    def column(self, req: Request, state: State, m) -> Response:
        if m.group(1) == "0":       # TRS numbers the second page index_1; index_0 does not exist
            return self.not_found(req)
        page = int(m.group(1)) + 1 if m.group(1) else 1
        articles = self.articles(state)
        listed = page_of(articles, page, PER_PAGE)
        if listed is None:
            return self.not_found(req)
        rows = [f'<li class="top"><a href="{self.url(self.article_path(self.pinned))}" title="{esc(self.pinned.text.title)}" '
                f'target="_blank">[置顶] {esc(self.pinned.text.title)}</a><span>{self.pinned.day}</span></li>']
        rows += [f'<li><a href="./{self.relative(a)}" title="{esc(a.text.title)}" target="_blank">{esc(a.text.title)}</a>'
                 f"<span>{a.day}</span></li>" for a in listed.items]
        if page == 1:       # a 转载 row: another government site's article, off this host
            rows.insert(3, f'<li><a href="{FOREIGN_ROW}" target="_blank">[转载] 示范区教育局组织学前教育宣传月现场观摩活动</a>'
                           "<span>2024-12-17</span></li>")
        inner = (f'<div class="main"><div class="left"><h3>政务公开</h3><ul><li><a href="{self.list_url(1)}">工作总结</a></li>'
                 f'<li><a href="{self.url("/xxgk/tzgg/")}">通知公告</a></li></ul></div>'
                 f'<div class="right"><h2>工作总结</h2><ul class="list">{"".join(rows)}</ul>'
                 f'<div class="page"><script type="text/javascript">createPageHTML({listed.pages}, {page - 1}, "index", "html");'
                 "</script></div></div></div>\n")
        return self.frame("工作总结", [("政务公开", None), ("工作总结", None)], inner,
                          '<meta name="ColumnName" content="工作总结">\n<meta name="ColumnType" content="信息公开">\n')

    def expected_metadata(self, article: Article) -> dict:
        """Only 公文 (with a 文号) get the 信息公开 block; news items have date and source alone."""
        if article.doc_no:
            return super().expected_metadata(article)
        return {"date": article.day, "source": ORG}

    def info_block(self, article: Article) -> str:
        """gov.cn style: labels with spaces inside (索 引 号, 标　　题)."""
        if not article.doc_no:
            return ""
        rows = [("索 引 号", article.index_no, "主题分类", "教育"), ("发文机关", ORG, "成文日期", article.day),
                ("标　　题", esc(article.text.title), "", ""), ("发文字号", article.doc_no, "发布日期", article.day)]
        cells = "".join(f"<tr><td><b>{a}：</b></td><td>{b}</td>" + (f"<td><b>{c}：</b></td><td>{d}</td>" if c else "<td></td><td></td>")
                        + "</tr>" for a, b, c, d in rows)
        return f'<div class="xxgk-info"><table class="bd1" cellpadding="0" cellspacing="0">{cells}</table></div>\n'

    def relative(self, article: Article) -> str:
        return self.article_path(article)[len(COLUMN):]

    def article_page(self, article: Article) -> Response:
        url = self.url(self.article_path(article))
        paragraphs = "".join(f'<p style="text-indent:2em">{esc(p)}</p>' for p in article.text.paragraphs)
        for attachment in article.attachments:
            paragraphs += (f'<p>附件：<a href="./{attachment.name}" OLDSRC="/protect/{attachment.name}" '
                           f'target="_blank">{esc(attachment.label)}</a></p>')
        editor = "view TRS_UEDITOR trs_paper_default" if article.n % 5 == 2 else "TRS_Editor"
        meta = (f'<meta name="ColumnName" content="工作总结">\n<meta name="ArticleTitle" content="{esc(article.text.title)}">\n'
                f'<meta name="PubDate" content="{article.date}">\n<meta name="ContentSource" content="{ORG}">\n'
                f'<meta name="Url" content="{url}">\n<meta name="contentid" content="{article.n}">\n')
        inner = (f'{self.info_block(article)}<div class="article"><div class="title"><h1>{esc(article.text.title)}</h1></div>\n'
                 f'<div class="info">发布时间：{article.date}　　来源：{ORG}　　{chrome.tools()}</div>\n'
                 f'<div class="{editor}">{paragraphs}</div>\n'
                 f'<div class="pager"><p>上一篇：<a href="{self.list_url(1)}">返回列表</a></p></div>\n'
                 f"{chrome.share()}</div>\n")
        return self.frame(article.text.title, [("政务公开", None), ("工作总结", self.list_url(1)), ("正文", None)],
                          inner, meta)

    def start_urls(self) -> dict[str, list[str]]:
        return {"column": [self.list_url(1)]}

    def catalog_extra(self) -> dict:
        return {**super().catalog_extra(), "foreign_row": FOREIGN_ROW}
