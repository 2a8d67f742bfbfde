"""冰点文库 (m./www.bingdoc.com) and 冰豆网 (m./www.bdocx.com): one CMS, two brands.

Layout after m.bingdoc.com/p-<id>.html: h1 "{title}.docx", the upload-metadata
header "上传人:b****3 文档编号:… 上传时间:… 格式:DOCX 页数:34 大小:…", "下载 相关 举报",
image captions "{title}.docx_第N页" + "第N页 / 共M页" (at most 20 shown), then
either "亲,该文档总共6页,全部预览完了,如果喜欢就下载吧!" or, when pages are held
back, "亲,该文档总共34页,到这儿已超出免费预览范围,如果喜欢就下载吧!".  Then 资源描述
with the trailer "《X》由会员分享,可在线阅读,更多相关《X(N页珍藏版)》请在冰点文库上搜索。",
the title twice and the text as <p> paragraphs; 展开阅读全文, related lists and
the ICP footer.  Partial documents carry the text of the shown pages only.

www.<brand>/p-<id>.html answers 301 -> m.<brand> (the canonical host).  The
download pages (bingdoc /d-<id>.html, bdocx /down/<id>.html) exist but robots.txt
disallows them.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from ..base import Doc, Request, Response, Site, State, esc, html_response, redirect
from ..docdef import DocDef, size_label
from ..listing import int_param, page_of, pager_html

MAX_PREVIEW_PAGES = 20


class BingdocSite(Site):
    name = "bingdoc"
    brand = "冰点文库"
    mobile = "m.bingdoc.com"
    www = "www.bingdoc.com"
    hosts = (mobile, www, "bingdoc.com")
    icp = "鄂ICP备19020893号-2"
    doc_path = "/p-{id}.html"
    down_path = "/d-{id}.html"
    robots = "User-agent: *\nDisallow: /d-\nDisallow: /user/\nDisallow: /admin/\n"
    per_page = 2
    categories = {"00015": "工作总结", "00016": "计划方案"}
    docs: tuple[DocDef, ...] = (
        DocDef("13580242", "seed002", 6, date="2023-06-15"),
        DocDef("7071303", "seed000", 34, served=20, date="2024-12-31"),
        DocDef("7071388", "seed001", 4, date="2022-03-01"),
        DocDef("8120455", "r01", 3, date="2024-01-22"),
        DocDef("8120590", "r04", 34, served=20, date="2024-10-09"),
    )
    uploaders = ("b****3", "b****1", "b****6", "b****9")

    def setup(self) -> None:
        self.by_id = {d.id: d for d in self.docs}
        doc_re = re.escape(self.doc_path).replace(r"\{id\}", r"(\d+)")
        down_re = re.escape(self.down_path).replace(r"\{id\}", r"(\d+)")
        self.route(doc_re, self.doc_page, hosts=(self.mobile,))
        self.route(doc_re, self.to_mobile, hosts=(self.www, self.hosts[2]))
        self.route(down_re, self.download)
        self.route(r"/c-(\d+)-(\d+)\.html", self.category, hosts=(self.mobile,))
        self.route(r"/search\.html", self.search, hosts=(self.mobile,))
        self.route(r"/", self.home)

    def url(self, path: str, host: str | None = None) -> str:
        return f"https://{host or self.mobile}{path}"

    def doc_url(self, doc_id: str) -> str:
        return self.url(self.doc_path.format(id=doc_id))

    # ------------------------------------------------------------------ chrome
    def head(self, title: str, description: str = "") -> str:
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1,user-scalable=no\">\n"
            f"<title>{esc(title)}-{self.brand}</title>\n"
            f"<meta name=\"description\" content=\"{esc(description)}\">\n"
            "<link href=\"/css/mobile.css\" rel=\"stylesheet\" type=\"text/css\">\n"
            "<style>.docinfo span{margin-right:6px}.pagebox img{width:100%}</style>\n"
            "</head>\n<body>\n"
            f"<header class=\"top\"><a class=\"logo\" href=\"{self.url('/')}\">{self.brand}</a>"
            f"<form action=\"{self.url('/search.html')}\"><input name=\"keyword\" placeholder=\"搜索文档\"></form>"
            "<a class=\"login\" href=\"/user/login.html\">登录</a> <a href=\"/user/reg.html\">注册</a></header>\n"
        )

    def foot(self) -> str:
        return (
            "<footer><p><a href=\"/about.html\">关于我们</a> | <a href=\"/help.html\">帮助中心</a> | "
            "<a href=\"/contact.html\">联系我们</a></p>"
            f"<p>copyright@ 2008-2023 {self.brand} 网站版权所有</p>"
            f"<p>经营许可证编号:<a href=\"https://beian.miit.gov.cn\" rel=\"nofollow\">{self.icp}</a></p></footer>\n"
            "<script src=\"/js/jquery-1.8.3.min.js\"></script>\n"
            "<script>$(function(){$('.fold-btn').click(function(){$('.detail').removeClass('fold')})});</script>\n"
            "</body></html>\n"
        )

    # ------------------------------------------------------------------- pages
    def to_mobile(self, req: Request, state: State, m) -> Response:
        return redirect(self.url(req.path), 301)

    def doc_page(self, req: Request, state: State, m) -> Response:
        d = self.by_id.get(m.group(1))
        if d is None:
            return self.not_found(req)
        return html_response(self.render(d))

    def render(self, d: DocDef) -> str:
        fname = f"{d.title}.docx"
        up = self.uploaders[int(d.id) % len(self.uploaders)]
        shown = min(d.pages_served, MAX_PREVIEW_PAGES)
        pages = "".join(
            f"<div class=\"pagebox\"><img src=\"https://img.{self.mobile.removeprefix('m.')}/{d.id}/{i}.png\" "
            f"alt=\"{esc(fname)}_第{i}页\"><p class=\"pic-title\">{esc(fname)}_第{i}页</p>"
            f"<div class=\"page-num\">第{i}页 / 共{d.page_count}页</div></div>\n"
            for i in range(1, shown + 1))
        if shown < d.page_count:
            tail = f"亲,该文档总共{d.page_count}页,到这儿已超出免费预览范围,如果喜欢就下载吧!"
        else:
            tail = f"亲,该文档总共{d.page_count}页,全部预览完了,如果喜欢就下载吧!"
        paragraphs = "".join(f"<p>{esc(p.strip())}</p>\n" for p in d.served_body().split("\n") if p.strip())
        related = "".join(f"<li><a href=\"{self.doc_url(o.id)}\">{esc(o.title)}.docx</a></li>"
                          for o in self.docs if o.id != d.id)
        down = self.url(self.down_path.format(id=d.id), host=self.www)
        return (
            self.head(fname, d.served_body()[:80])
            + "<div class=\"docview\">\n"
            f"<h1 class=\"doc-title\">{esc(fname)}</h1>\n"
            f"<div class=\"docinfo\"><span>上传人:{up}</span><span>文档编号:{d.id}</span>"
            f"<span>上传时间:{d.date}</span><span>格式:DOCX</span><span>页数:{d.page_count}</span>"
            f"<span>大小:{size_label(d.content.body)}</span></div>\n"
            f"<div class=\"tools\"><a href=\"{down}\" rel=\"nofollow\">下载</a> <a href=\"#related\">相关</a> "
            "<a href=\"/user/report.html\">举报</a></div>\n"
            f"<div class=\"preview\">\n{pages}</div>\n"
            f"<div class=\"more-tip\">{tail}</div>\n"
            f"<a class=\"down-btn\" href=\"{down}\" rel=\"nofollow\">下载资源</a>\n"
            "<div class=\"describe\"><h2>资源描述</h2>\n"
            f"<p class=\"fname\">{esc(fname)}</p>\n"
            f"<p class=\"share\">《{esc(fname)}》由会员分享,可在线阅读,更多相关《{esc(fname)}({d.page_count}页珍藏版)》"
            f"请在{self.brand}上搜索。</p>\n"
            f"<p class=\"fname\">{esc(fname)}</p>\n"
            f"<div class=\"detail fold\">\n<p>{esc(d.title)}</p>\n{paragraphs}</div>\n"
            "<a class=\"fold-btn\" href=\"javascript:;\">展开阅读全文</a></div>\n"
            f"<div class=\"related\" id=\"related\"><h3>相关资源</h3><ul>{related}</ul></div>\n"
            "<div class=\"guess\"><h3>猜你喜欢</h3><ul><li><a href=\"/search.html?keyword=%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93\">工作总结</a></li></ul></div>\n"
            "<div class=\"hot-search\"><h3>相关搜索</h3><a>教育局</a> <a>工作汇报</a></div>\n"
            "<div class=\"tags\"><h3>资源标签</h3><span>教育</span></div>\n"
            "<div class=\"position\">当前位置:<a href=\"/\">首页</a> &gt; <a href=\"/c-00015-1.html\">临时分类</a> &gt; 批量上传</div>\n"
            "</div>\n" + self.foot()
        )

    def download(self, req: Request, state: State, m) -> Response:
        """Disallowed by robots.txt; carries the text with "1、" page markers like the real one."""
        d = self.by_id.get(m.group(1))
        if d is None:
            return self.not_found(req)
        marked = "".join(f"<p>{i}、{esc(p.strip())}</p>" for i, p in enumerate(d.pages()[: d.pages_served], 1))
        markup = (self.head(f"{d.title}.docx下载") + "<div class=\"down-info\">"
                  f"<h1>{esc(d.title)}.docx</h1><ul><li>资源ID:{d.id}</li><li>资源大小:{size_label(d.content.body)}</li>"
                  f"<li>全文页数:{d.page_count}页</li><li>下载积分:8金币</li></ul>"
                  "<a class=\"fast\">快捷下载 游客一键下载</a><a class=\"vip\">加入VIP,免费下载</a>"
                  "<div class=\"tips\"><h3>友情提示</h3><ol><li>2、PDF文件下载后,可能会被浏览器默认打开,此种情况可以点击浏览器菜单,保存网页到桌面,就可以正常下载了。</li>"
                  "<li>5、试题试卷类文档,如果标题没有明确说明有答案则都视为没有答案,请知晓。</li></ol></div>"
                  f"<div class=\"content\">{marked}</div>"
                  "<form><img src=\"/ImageVerifierCode.aspx\" alt=\"验证码\"><input name=\"code\"></form></div>"
                  + self.foot())
        return html_response(markup)

    def result_items(self, items: list[DocDef]) -> str:
        return "<ul class=\"doclist\">" + "".join(
            f"<li><a href=\"{self.doc_url(d.id)}\">{esc(d.title)}.docx</a><span>{d.page_count}页</span></li>"
            for d in items) + "</ul>"

    def category(self, req: Request, state: State, m) -> Response:
        cat, page = m.group(1), int(m.group(2))
        if cat not in self.categories:
            return self.not_found(req)
        items = list(self.docs) if cat == "00015" else [self.docs[-1]]
        lp = page_of(items, page, self.per_page)
        if lp is None:
            return self.not_found(req)
        markup = (self.head(self.categories[cat])
                  + f"<div class=\"position\">当前位置:<a href=\"/\">首页</a> &gt; {self.categories[cat]}</div>"
                  + self.result_items(lp.items)
                  + pager_html(lp, lambda n: self.url(f"/c-{cat}-{n}.html")) + self.foot())
        return html_response(markup)

    def search(self, req: Request, state: State, m) -> Response:
        keyword = req.query.get("keyword", "")
        page = int_param(req.query.get("page"))
        hits = [d for d in self.docs if keyword in d.title]
        lp = page_of(hits, page, self.per_page) if page else None
        if lp is None:
            return self.not_found(req)
        markup = (self.head(f"{keyword}_搜索结果") + f"<p class=\"count\">共找到{len(hits)}条结果</p>"
                  + self.result_items(lp.items)
                  + pager_html(lp, lambda n: self.url(f"/search.html?keyword={quote(keyword)}&page={n}"))
                  + self.foot())
        return html_response(markup)

    def home(self, req: Request, state: State, m) -> Response:
        cats = "".join(f"<li><a href=\"{self.url(f'/c-{c}-1.html')}\">{n}</a></li>" for c, n in self.categories.items())
        markup = self.head(f"{self.brand}-文档分享") + f"<ul class=\"category-tree\">{cats}</ul>" + self.foot()
        return html_response(markup)

    # ----------------------------------------------------------------- catalog
    def documents(self) -> list[Doc]:
        return [Doc(site=self.name, id=d.id, url=self.doc_url(d.id), title=d.title,
                    kind="partial" if d.partial else "text", page_count=d.page_count,
                    pages_served=d.pages_served, encoding="utf-8",
                    expected=[f"expected/{self.name}/{d.id}.txt"], content=d.slug,
                    other_urls=[self.url(self.doc_path.format(id=d.id), host=self.www)],
                    notes="www host answers 301 to the m. host")
                for d in self.docs]

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{d.id}.txt": d.expected() for d in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.url("/c-00015-1.html")],
                "search": [self.url("/search.html?keyword=" + quote("教育局"))]}


class BdocxSite(BingdocSite):
    name = "bdocx"
    brand = "冰豆网"
    mobile = "m.bdocx.com"
    www = "www.bdocx.com"
    hosts = (mobile, www, "bdocx.com")
    icp = "鄂ICP备2023009981号-1"
    doc_path = "/doc/{id}.html"
    down_path = "/down/{id}.html"
    robots = "User-agent: *\nDisallow: /down/\nDisallow: /user/\n"
    docs = (
        DocDef("4130582", "seed003", 5, date="2024-04-12"),
        DocDef("4130611", "r06", 3, date="2023-07-18"),
        DocDef("4130702", "r10", 3, date="2024-02-26"),
    )
