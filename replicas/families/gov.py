"""A county 教育局 website (jyj.demoxian.gov.cn) for the generic spider.

TRS-style CMS: column list `/zwgk/gzzj/index.html`, `index_1.html`, `index_2.html`
(10 items per page), articles `/zwgk/gzzj/<yyyymm>/t<yyyymmdd>_<n>.html` with
"发布时间:… 信息来源:…" under the h1, 【打印本页】【关闭窗口】 and a government
footer (主办单位, ICP, 政府网站标识码, 公安备案).  `/sitemap.xml` lists every page.
robots.txt disallows `/admin/`, and every footer links `/admin/login.html`.

Encodings: one article is served in Traditional script (like seed 004), and one
old article (2019) is **GBK bytes with no declared charset at all** (header
`text/html`, no meta) — only sniffing decodes it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from ..base import Doc, Request, Response, Site, State, esc, html_response, text_response
from ..listing import page_of, pager_html
from ..textlib import expected_text, load_content, to_traditional, traditional_roundtrip

HOST = "jyj.demoxian.gov.cn"
SOURCE = "示范县教育局"
PER_PAGE = 10


@dataclass(frozen=True)
class Article:
    n: int
    date: str          # yyyy-mm-dd hh:mm
    title: str
    body: str
    traditional: bool = False
    gbk_undeclared: bool = False
    slug: str | None = None   # content/<slug>.txt for reports; None for generated news

    @property
    def path(self) -> str:
        ymd = self.date[:10].replace("-", "")
        return f"/zwgk/gzzj/{ymd[:6]}/t{ymd}_{self.n}.html"

    def expected(self) -> str:
        if self.traditional:
            return expected_text(traditional_roundtrip(self.title), traditional_roundtrip(self.body))
        return expected_text(self.title, self.body)


NEWS_TOPICS = ["教育工作会议", "教师节表彰大会", "校园安全工作部署会", "高考考务工作培训会", "学前教育宣传月启动仪式",
               "中小学校长培训班", "义务教育招生工作会", "教育督导工作推进会", "课后服务工作现场会", "教研工作年会",
               "防溺水安全教育专题会", "食品安全专项检查", "教育系统党风廉政建设会议", "职业教育活动周",
               "家庭教育宣传周", "乡村学校少年宫建设推进会", "青年教师教学比武", "中考备考研讨会",
               "学生资助政策宣传活动", "特殊教育送教上门工作会", "智慧教育平台应用培训", "劳动教育实践基地揭牌仪式"]
OPENINGS = ["{date},{src}召开{topic},局领导班子成员、各中小学校长参加会议。",
            "{date}上午,{topic}在县教师发展中心举行,全县各学校分管负责人共计120余人参加。",
            "为进一步推动相关工作落实,{date},{src}组织召开{topic}。"]
MIDDLES = ["会议传达学习了上级有关文件精神,通报了前一阶段工作情况,部署了下一步重点任务。",
           "会上,相关股室负责人就具体工作要求作了详细说明,并对存在的问题提出整改意见。",
           "会议指出,各学校要提高思想认识,压实工作责任,细化工作举措,确保各项任务落地见效。",
           "会议要求,要坚持问题导向,强化过程管理,建立工作台账,实行销号管理。",
           "与会人员围绕工作中的难点问题进行了交流发言,分享了好的经验和做法。",
           "活动现场还为获奖单位和个人颁发了证书,并邀请优秀代表作了经验介绍。"]
CLOSINGS = ["会议强调,全县教育系统要以更加务实的作风抓好落实,为办好人民满意的教育作出新的更大贡献。",
            "下一步,{src}将加强督促检查,推动各项工作取得实效。",
            "此次活动的开展,为全面提升全县教育质量奠定了坚实基础。"]


def news_article(n: int, index: int) -> Article:
    """A short, deterministic news item (the bulk of a real column list)."""
    rnd = random.Random(1000 + index)
    year = 2020 + index % 5
    month, day = 1 + (index * 5) % 12, 1 + (index * 7) % 27
    topic = NEWS_TOPICS[index % len(NEWS_TOPICS)]
    date_cn = f"{year}年{month}月{day}日"
    paras = [rnd.choice(OPENINGS).format(date=date_cn, src=SOURCE, topic=topic)]
    paras += rnd.sample(MIDDLES, 4)
    paras.append(rnd.choice(CLOSINGS).format(src=SOURCE))
    return Article(n, f"{year}-{month:02d}-{day:02d} {9 + index % 8:02d}:{(index * 13) % 60:02d}",
                   f"{SOURCE}召开{year}年{topic}" if "会" in topic[-3:] else f"我县开展{year}年{topic}",
                   "\n".join(paras))


def report_article(n: int, slug: str, date: str, **flags) -> Article:
    c = load_content(slug)
    return Article(n, date, c.title, c.body, slug=slug, **flags)


def build_articles() -> list[Article]:
    reports = [
        report_article(3001, "seed004", "2023-01-19 10:50", traditional=True),
        report_article(3002, "seed003", "2023-02-08 16:30"),
        report_article(3003, "r10", "2024-02-22 09:15"),
        report_article(2901, "r09", "2019-01-10 08:40", gbk_undeclared=True),
    ]
    news = [news_article(4000 + i, i) for i in range(22)]
    return sorted(reports + news, key=lambda a: a.date, reverse=True)


class GovSite(Site):
    name = "gov"
    hosts = (HOST,)
    robots = f"User-agent: *\nDisallow: /admin/\nDisallow: /search/\n\nSitemap: https://{HOST}/sitemap.xml\n"

    def setup(self) -> None:
        self.articles = build_articles()
        self.by_path = {a.path: a for a in self.articles}
        self.route(r"/zwgk/gzzj/index(?:_(\d+))?\.html", self.column)
        self.route(r"/zwgk/gzzj/\d{6}/t\d{8}_\d+\.html", self.article)
        self.route(r"/sitemap\.xml", self.sitemap)
        self.route(r"/admin/.*", self.admin)
        self.route(r"/(?:index\.html)?", self.home)

    def url(self, path: str) -> str:
        return f"https://{HOST}{path}"

    def list_url(self, page: int) -> str:
        return self.url("/zwgk/gzzj/index.html" if page == 1 else f"/zwgk/gzzj/index_{page - 1}.html")

    def shell(self, title: str, body: str, meta: str = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">") -> str:
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n"
            f"{meta}\n<title>{esc(title)}_{SOURCE}</title>\n"
            "<meta name=\"SiteName\" content=\"示范县教育局\">\n<meta name=\"ColumnName\" content=\"工作总结\">\n"
            "<link rel=\"stylesheet\" href=\"/images/style.css\">\n</head>\n<body>\n"
            f"<div class=\"head\"><div class=\"banner\">{SOURCE}</div><ul class=\"menu\">"
            f"<li><a href=\"{self.url('/')}\">网站首页</a></li><li><a href=\"{self.list_url(1)}\">政务公开</a></li>"
            "<li><a href=\"/jyxw/\">教育新闻</a></li><li><a href=\"/bsfw/\">办事服务</a></li></ul></div>\n"
            f"{body}\n"
            f"<div class=\"foot\"><p>主办单位:{SOURCE} 地址:示范县城关镇人民路18号 电话:0745-1234567</p>"
            "<p>湘ICP备05012345号 政府网站标识码:4312230001 湘公网安备 43122302000123号</p>"
            "<p><a href=\"/admin/login.html\">后台管理</a></p></div>\n"
            "<script src=\"/images/jquery.js\"></script>\n</body>\n</html>\n")

    def home(self, req: Request, state: State, m) -> Response:
        items = "".join(f"<li><a href=\"{self.url(a.path)}\">{esc(a.title)}</a><span>{a.date[:10]}</span></li>"
                        for a in self.articles[:6])
        return html_response(self.shell("首页", f"<div class=\"news\"><h3>工作总结</h3><ul>{items}</ul>"
                                        f"<a href=\"{self.list_url(1)}\">更多&gt;&gt;</a></div>"))

    def column(self, req: Request, state: State, m) -> Response:
        page = int(m.group(1)) + 1 if m.group(1) else 1
        if m.group(1) == "0":  # TRS numbers the second page index_1; index_0 does not exist
            return self.not_found(req)
        lp = page_of(self.articles, page, PER_PAGE)
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.url(a.path)}\" target=\"_blank\">{esc(a.title)}</a>"
                        f"<span class=\"date\">{a.date[:10]}</span></li>" for a in lp.items)
        body = (f"<div class=\"position\">当前位置:<a href=\"{self.url('/')}\">首页</a> &gt; 政务公开 &gt; 工作总结</div>"
                f"<ul class=\"list\">{items}</ul>" + pager_html(lp, self.list_url))
        return html_response(self.shell("工作总结", body))

    def article(self, req: Request, state: State, m) -> Response:
        a = self.by_path.get(req.path)
        if a is None:
            return self.not_found(req)
        conv = to_traditional if a.traditional else (lambda s: s)
        paras = "".join(f"<p style=\"text-indent:2em\">{esc(conv(p))}</p>" for p in a.body.split("\n") if p.strip())
        labels = ("發布時間", "信息來源", "瀏覽次數") if a.traditional else ("发布时间", "信息来源", "浏览次数")
        body = (
            f"<div class=\"position\">当前位置:<a href=\"{self.url('/')}\">首页</a> &gt; "
            f"<a href=\"{self.list_url(1)}\">工作总结</a> &gt; 正文</div>\n"
            f"<div class=\"article\"><h1>{esc(conv(a.title))}</h1>\n"
            f"<div class=\"info\">{labels[0]}:{a.date} {labels[1]}:{conv(SOURCE)} {labels[2]}:"
            "<span id=\"hits\"></span></div>\n"
            f"<div class=\"TRS_Editor\">{paras}</div>\n"
            "<div class=\"tools\">【<a href=\"javascript:window.print()\">打印本页</a>】"
            "【<a href=\"javascript:window.close()\">关闭窗口</a>】</div></div>")
        if a.gbk_undeclared:
            markup = self.shell(a.title, body, meta="<meta name=\"author\" content=\"jyj\">")
            return html_response(markup, encoding="gbk", header_charset=None)
        return html_response(self.shell(conv(a.title), body))

    def sitemap(self, req: Request, state: State, m) -> Response:
        pages = [self.url("/")] + [self.list_url(p) for p in range(1, -(-len(self.articles) // PER_PAGE) + 1)]
        pages += [self.url(a.path) for a in self.articles]
        xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
               + "".join(f"<url><loc>{esc(u)}</loc></url>\n" for u in pages) + "</urlset>\n")
        return text_response(xml, ctype="application/xml; charset=utf-8")

    def admin(self, req: Request, state: State, m) -> Response:
        """Disallowed by robots.txt; a polite crawler never sees this page."""
        return html_response(self.shell("后台登录", "<form method=\"post\"><input name=\"user\"><input name=\"pwd\" type=\"password\"></form>"))

    def documents(self) -> list[Doc]:
        out = []
        for a in self.articles:
            enc = "gbk" if a.gbk_undeclared else "utf-8"
            note = ("GBK bytes, no charset in header or meta" if a.gbk_undeclared
                    else "served in Traditional script" if a.traditional else "")
            out.append(Doc(site=self.name, id=str(a.n), url=self.url(a.path), title=a.title, kind="text",
                           page_count=None, pages_served=None, encoding=enc,
                           expected=[f"expected/{self.name}/{a.n}.txt"], content=a.slug,
                           script="traditional" if a.traditional else "simplified", notes=note))
        return out

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{a.n}.txt": a.expected() for a in self.articles}

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.list_url(1)], "sitemap": [self.url("/sitemap.xml")], "home": [self.url("/")]}
