"""人人文库 www.renrendoc.com and its Traditional-script clone www.boteman.cn.

Layout after the real `/paper/<id>.html` pages: header/nav/search, breadcrumb,
h1 + info line (页数/格式/大小), an image reader showing `{title}_第1页 … _第5页`,
"已阅读5页,还剩N页未读, 继续免费阅读", 下载本文档/付费下载, the 版权说明 line, then
「文档简介」 holding the whole text flattened into one paragraph (newlines lost),
温馨提示 list, related documents, comment box and an ICP footer.  A partial
document's 文档简介 stops early and is followed by "本资源只提供5页预览…".
`/p-<id>.html` serves the same document (canonical link points at /paper/).
"""
from __future__ import annotations

from ..base import Doc, Request, Response, Site, State, esc, html_response, redirect
from ..docdef import DocDef, size_label
from ..listing import int_param, page_of, pager_html
from ..textlib import annotate_pinyin, flatten, to_traditional

PREVIEW_IMAGES = 5

TIPS = [
    "本站所有资源如无特殊说明,都需要本地电脑安装OFFICE2007和PDF阅读器。图纸软件为CAD,CAXA,PROE,UG,SolidWorks等.压缩文件请下载最新的WinRAR软件解压。",
    "本站的文档不包含任何第三方提供的附件图纸等,如果需要附件,请联系上传者。文件的所有权益归上传用户所有。",
    "本站RAR压缩包中若带图纸,网页内容里面会有图纸预览,若没有图纸预览就没有图纸。",
    "未经权益所有人同意不得将文件中的内容挪作商业或盈利用途。",
    "{brand}网仅提供信息存储空间,仅对用户上传内容的表现方式做保护处理,对用户上传分享的文档内容本身不做任何修改或编辑,并不能对任何下载内容负责。",
    "下载文件中如有侵权或不适当内容,请与我们联系,我们立即纠正。",
    "本站不保证下载资源的准确性、安全性和完整性, 同时也不承担用户因使用这些下载资源对自己和他人造成任何形式的傷害或损失。",
]


class RenrendocSite(Site):
    name = "renrendoc"
    hosts = ("www.renrendoc.com", "renrendoc.com")
    brand = "人人文库"
    icp = "浙ICP备19046587号-3"
    robots = ("User-agent: *\nDisallow: /down/\nDisallow: /member/\nDisallow: /admin/\n\n"
              "Sitemap: https://www.renrendoc.com/sitemap.xml\n")
    traditional = False
    per_page = 3
    category = ("gongzuozongjie", "工作总结")
    docs: tuple[DocDef, ...] = (
        DocDef("511241566", "seed000", 8, date="2024-12-30 16:21"),
        DocDef("402518877", "seed002", 6, date="2023-06-17 08:40"),
        DocDef("398812345", "seed003", 12, served=5, date="2024-03-02 10:05"),
        DocDef("415500321", "r01", 4, date="2024-01-20 14:33"),
        DocDef("415500388", "r05", 5, date="2024-02-11 09:02"),
        DocDef("420017766", "r09", 3, date="2023-11-08 19:45"),
    )
    gone_ids = ("500000000",)
    # The first N requests to this path answer 429 with Retry-After: 1.
    burst_path = "/paper/402518877.html"
    burst_count = 2

    # ------------------------------------------------------------------ setup
    def setup(self) -> None:
        self.by_id = {d.id: d for d in self.docs}
        self.route(r"/paper/(\d+)\.html", self.paper)
        self.route(r"/p-(\d+)\.html", self.paper)
        self.route(r"/down/(\d+)\.html", self.download)
        self.route(r"/search\.html", self.search)
        self.route(r"/list-(\w+)-(\d+)\.html", self.listing)
        self.route(r"/", self.home)
        self.route(r"/index\.html", lambda req, st, m: redirect(self.url("/"), 301))

    def url(self, path: str) -> str:
        return f"https://{self.hosts[0]}{path}"

    def doc_url(self, doc_id: str) -> str:
        return self.url(f"/paper/{doc_id}.html")

    # ----------------------------------------------------------- text variants
    def t(self, text: str) -> str:
        """Chrome text in the site's script."""
        return to_traditional(text) if self.traditional else text

    def body_text(self, d: DocDef) -> str:
        """The 文档简介 text: served pages, flattened, in the site's script."""
        body = flatten(d.served_body())
        return annotate_pinyin(body) if self.traditional else body

    def title_text(self, d: DocDef) -> str:
        return to_traditional(d.title) if self.traditional else d.title

    # ------------------------------------------------------------------ pages
    def chrome_head(self, title: str, description: str, canonical: str) -> str:
        return (
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n"
            f"<title>{esc(title)} - {esc(self.t(self.brand))}</title>\n"
            f"<meta name=\"keywords\" content=\"{esc(title)},{esc(self.t('工作总结,教育局'))}\">\n"
            f"<meta name=\"description\" content=\"{esc(description)}\">\n"
            f"<link rel=\"canonical\" href=\"{esc(canonical)}\">\n"
            "<link rel=\"stylesheet\" href=\"/static/css/common.css?v=20240611\">\n"
            "<style>.reader .page-item img{width:100%}.hide{display:none}#ntip2{color:#f60}</style>\n"
            "<script>var _hmt=_hmt||[];(function(){var hm=document.createElement(\"script\");"
            "hm.src=\"https://hm.baidu.com/hm.js?5b7ff5d1c4a1\";var s=document.getElementsByTagName(\"script\")[0];"
            "s.parentNode.insertBefore(hm,s);})();</script>\n</head>\n<body>\n"
        )

    def chrome_header(self) -> str:
        t = self.t
        return (
            "<div class=\"header\"><div class=\"top-bar\">"
            f"<a href=\"{self.url('/member/login.html')}\">{t('登录')}</a> | "
            f"<a href=\"{self.url('/member/register.html')}\">{t('注册')}</a> | "
            f"<a href=\"{self.url('/member/upload.html')}\">{t('上传文档')}</a> | {t('会员中心')}</div>\n"
            f"<div class=\"logo\"><a href=\"{self.url('/')}\">{t(self.brand)}</a></div>\n"
            f"<form class=\"search\" action=\"{self.url('/search.html')}\" method=\"get\">"
            f"<input type=\"text\" name=\"keyword\" placeholder=\"{t('搜索文档')}\"><button>{t('搜索')}</button></form>\n"
            "<ul class=\"nav\">"
            f"<li><a href=\"{self.url('/')}\">{t('首页')}</a></li>"
            f"<li><a href=\"{self.url('/list-' + self.category[0] + '-1.html')}\">{t('工作总结')}</a></li>"
            f"<li><a href=\"{self.url('/list-jiaoan-1.html')}\">{t('教案')}</a></li>"
            f"<li><a href=\"{self.url('/list-shijuan-1.html')}\">{t('试卷')}</a></li>"
            "</ul></div>\n"
        )

    def chrome_footer(self) -> str:
        t = self.t
        return (
            "<div class=\"footer\"><p>"
            f"<a href=\"{self.url('/about.html')}\">{t('关于我们')}</a> - "
            f"<a href=\"{self.url('/help.html')}\">{t('网站声明')}</a> - "
            f"<a href=\"{self.url('/contact.html')}\">{t('联系我们')}</a></p>"
            f"<p>{t('copyright@ 2015-2025 ' + self.brand + '网 版权所有')}</p>"
            f"<p><a href=\"https://beian.miit.gov.cn/\" rel=\"nofollow\">{self.icp}</a></p></div>\n"
            "<script src=\"/static/js/jquery.min.js\"></script>\n"
        )

    def paper(self, req: Request, state: State, m) -> Response:
        doc_id = m.group(1)
        if req.path == self.burst_path and state.bump(("429", req.host, req.path)) <= self.burst_count:
            return html_response("<html><body><h1>429 Too Many Requests</h1></body></html>",
                                 status=429, extra_headers=[("Retry-After", "1")])
        d = self.by_id.get(doc_id)
        if d is None:
            return self.gone(req)
        return html_response(self.render_paper(d))

    def gone(self, req: Request) -> Response:
        t = self.t
        markup = (self.chrome_head(t("文档不存在"), "", self.url(req.path)) + self.chrome_header()
                  + f"<div class=\"main\"><div class=\"error\">{t('抱歉，您访问的文档不存在或已被删除！')}</div>"
                  f"<a href=\"{self.url('/')}\">{t('返回首页')}</a></div>" + self.chrome_footer()
                  + "</body></html>")
        return html_response(markup, status=404)

    def render_paper(self, d: DocDef) -> str:
        t = self.t
        title = self.title_text(d)
        text = self.body_text(d)
        shown = min(PREVIEW_IMAGES, d.page_count)
        images = "".join(
            f"<div class=\"page-item\" data-page=\"{i}\"><img src=\"https://file.{self.hosts[0].removeprefix('www.')}"
            f"/fileroot/2024-1/{d.id}/{i}.gif\" alt=\"{esc(title)}_{t('第')}{i}{t('页')}\">"
            f"<p class=\"caption\">{esc(title)}_{t('第')}{i}{t('页')}</p></div>\n"
            for i in range(1, shown + 1))
        remaining = d.page_count - shown
        more = (f"<div id=\"ntip2\" class=\"more\">{t(f'已阅读{shown}页,还剩{remaining}页未读')}, "
                f"<a id=\"load_preview_btn\" href=\"javascript:;\">{t('继续免费阅读')}</a></div>\n"
                if remaining > 0 else "")
        limit = (f"<p class=\"preview-limit\">{t(f'本资源只提供{d.pages_served}页预览，全部文档请下载后查看!')}</p>"
                 if d.partial else "")
        tips = "".join(f"<li>{i}. {esc(t(tip.format(brand=self.brand)))}</li>" for i, tip in enumerate(TIPS, 1))
        related = self.related_html(d)
        return (
            self.chrome_head(title, text[:90], self.doc_url(d.id)) + self.chrome_header()
            + f"<div class=\"crumb\"><a href=\"{self.url('/')}\">{t(self.brand)}</a> &gt; "
            f"<a href=\"{self.url('/list-' + self.category[0] + '-1.html')}\">{t(self.category[1])}</a> &gt; "
            f"<span>{esc(title)}</span></div>\n"
            "<div class=\"main\">\n<div class=\"doc-head\">"
            f"<h1 class=\"doc-title\">{esc(title)}</h1>\n<div class=\"info\">"
            f"<span>{t('页数')}:{d.page_count}</span> <span>{t('大小')}:{size_label(d.content.body)}</span> "
            f"<span>{t('格式')}:DOCX</span> <span>{t('上传时间')}:{d.date[:10]}</span> "
            f"<span>{t('浏览')}:{int(d.id) % 977}</span> <a class=\"report\">{t('举报')}</a> "
            f"<a class=\"appeal\">{t('版权申诉')}</a></div></div>\n"
            f"<div id=\"page\" class=\"reader\">\n{images}</div>\n{more}"
            f"<div class=\"down-btns\"><a class=\"down\" rel=\"nofollow\" href=\"{self.url('/down/' + d.id + '.html')}\">"
            f"{t('下载本文档')}</a> <span class=\"price\">{t('付费下载')}</span></div>\n"
            f"<div class=\"copyright\">{t('版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领')}</div>\n"
            f"<div class=\"intro\"><h2>{t('文档简介')}</h2>\n<div class=\"intro-text\">{esc(text)}</div>{limit}</div>\n"
            f"<div class=\"tips\"><h3>{t('温馨提示')}</h3><ul>{tips}</ul></div>\n"
            f"{related}"
            f"<div class=\"comment\"><h3>{t('评论')}</h3><textarea maxlength=\"150\"></textarea>"
            f"<span class=\"count\">0/150</span><button>{t('提交评论')}</button></div>\n"
            "</div>\n" + self.chrome_footer()
            + f"<script>var docId='{d.id}';var pageCount={d.page_count};var previewPages={shown};</script>\n"
            "</body></html>\n"
        )

    def related_html(self, d: DocDef) -> str:
        others = [o for o in self.docs if o.id != d.id][:4]
        items = "".join(f"<li><a href=\"{self.doc_url(o.id)}\">{esc(self.title_text(o))}</a></li>" for o in others)
        items += "".join(f"<li><a href=\"{self.doc_url(g)}\">{self.t('某县教育局工作总结(已删除)')}</a></li>"
                         for g in self.gone_ids)
        return f"<div class=\"related-doc-list\"><h3>{self.t('相关资源')}</h3><ul>{items}</ul></div>\n"

    def download(self, req: Request, state: State, m) -> Response:
        """Disallowed by robots.txt: a crawler must never fetch this."""
        d = self.by_id.get(m.group(1))
        if d is None:
            return self.gone(req)
        markup = (self.chrome_head(self.t("下载") + self.title_text(d), "", self.url(req.path))
                  + self.chrome_header()
                  + f"<div class=\"main\"><h1>{esc(self.title_text(d))}</h1>"
                  f"<p>{self.t('下载本文档需要20积分')}</p><p class=\"login\">{self.t('请先登录')}</p></div>"
                  + self.chrome_footer() + "</body></html>")
        return html_response(markup)

    def result_list(self, items: list[DocDef]) -> str:
        rows = []
        for d in items:
            snippet = esc(self.body_text(d)[:60])
            rows.append(f"<li class=\"item\"><a class=\"title\" href=\"{self.doc_url(d.id)}\">"
                        f"{esc(self.title_text(d))}</a><p class=\"summary\">{snippet}…</p>"
                        f"<span class=\"meta\">{d.page_count}{self.t('页')} | {d.date[:10]}</span></li>")
        return "<ul class=\"result-list\">" + "".join(rows) + "</ul>"

    def search(self, req: Request, state: State, m) -> Response:
        keyword = req.query.get("keyword", "")
        page = int_param(req.query.get("page"))
        hits = [d for d in self.docs if keyword in d.title or keyword in self.title_text(d)]
        lp = page_of(hits, page, self.per_page) if page else None
        if lp is None:
            return self.not_found(req)
        from urllib.parse import quote

        body = (self.chrome_head(self.t("搜索") + " " + keyword, "", self.url(req.path)) + self.chrome_header()
                + f"<div class=\"main\"><div class=\"search-info\">{self.t('找到相关文档')}{len(hits)}{self.t('篇')}</div>"
                + self.result_list(lp.items)
                + pager_html(lp, lambda n: self.url(f"/search.html?keyword={quote(keyword)}&page={n}"))
                + "</div>" + self.chrome_footer() + "</body></html>")
        return html_response(body)

    def listing(self, req: Request, state: State, m) -> Response:
        cat, page = m.group(1), int(m.group(2))
        items = list(self.docs) if cat == self.category[0] else []
        lp = page_of(items, page, self.per_page)
        if lp is None or not items:
            return self.not_found(req)
        body = (self.chrome_head(self.t(self.category[1]), "", self.url(req.path)) + self.chrome_header()
                + f"<div class=\"crumb\"><a href=\"{self.url('/')}\">{self.t(self.brand)}</a> &gt; "
                f"<span>{self.t(self.category[1])}</span></div><div class=\"main\">"
                + self.result_list(lp.items)
                + pager_html(lp, lambda n: self.url(f"/list-{cat}-{n}.html"))
                + "</div>" + self.chrome_footer() + "</body></html>")
        return html_response(body)

    def home(self, req: Request, state: State, m) -> Response:
        body = (self.chrome_head(self.t(self.brand + " - 文档分享平台"), "", self.url("/")) + self.chrome_header()
                + "<div class=\"main\"><h2>" + self.t("最新上传") + "</h2>" + self.result_list(list(self.docs)[:3])
                + "</div>" + self.chrome_footer() + "</body></html>")
        return html_response(body)

    # ---------------------------------------------------------------- catalog
    def documents(self) -> list[Doc]:
        out = []
        for d in self.docs:
            out.append(Doc(
                site=self.name, id=d.id, url=self.doc_url(d.id), title=d.title,
                kind="partial" if d.partial else "text", page_count=d.page_count,
                pages_served=d.pages_served, encoding="utf-8",
                expected=[f"expected/{self.name}/{d.id}.txt"], content=d.slug,
                script="traditional+pinyin" if self.traditional else "simplified",
                other_urls=[self.url(f"/p-{d.id}.html")],
                notes=("first 2 requests answer 429 Retry-After: 1" if self.url(self.burst_path) == self.doc_url(d.id)
                       else "")))
        for g in self.gone_ids:
            out.append(Doc(site=self.name, id=g, url=self.doc_url(g), title="", kind="gone", page_count=None,
                           pages_served=None, encoding="utf-8", expected=[], notes="404, linked from related lists"))
        return out

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{d.id}.txt": d.expected() for d in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        from urllib.parse import quote

        return {"search": [self.url("/search.html?keyword=" + quote(self.t("教育局")))],
                "listing": [self.url(f"/list-{self.category[0]}-1.html")]}


class BotemanSite(RenrendocSite):
    """boteman.cn: the renrendoc template, Traditional script, pinyin after some characters."""

    name = "boteman"
    hosts = ("www.boteman.cn", "boteman.cn")
    brand = "博特曼文库"
    icp = "粵ICP備18123456號-1"
    robots = "User-agent: *\nDisallow: /down/\nDisallow: /admin/\n"
    traditional = True
    docs = (
        DocDef("90031245", "seed000", 8, date="2025-01-03 11:20", traditional=True),
        DocDef("90031377", "r02", 4, date="2024-05-19 08:15", traditional=True),
        DocDef("90031502", "r07", 3, date="2023-03-30 15:47", traditional=True),
    )
    gone_ids = ()
    burst_path = "/-none-"
