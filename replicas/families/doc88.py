"""道客巴巴 www.doc88.com: Tier B, metadata only.

`/p-<digits>.html` holds og:title, og:document:page (page count), a canvas
reader, `#continueButton` ("继续阅读"), `#box1 .attribute` "格式：DOCX" and an
opaque `m_main.init("…")` blob, but no document text.  The crawler records
title + page count and produces no text.

WAF: `/p-2998877665544.html` always answers the "网络环境安全验证" interstitial
(HTTP 200), and so does every request once `block_after[www.doc88.com]` is hit.
"""
from __future__ import annotations

import base64
import hashlib
from urllib.parse import quote

from ..base import Doc, Request, Response, Site, State, esc, html_response
from ..listing import int_param, page_of, pager_html
from ..textlib import load_content

HOST = "www.doc88.com"
WAF_ID = "2998877665544"


class Doc88Site(Site):
    name = "doc88"
    hosts = (HOST, "doc88.com", "m.doc88.com")
    robots = "User-agent: *\nDisallow: /doc.php\nDisallow: /member/\n"
    docs = (("7734512638421", "seed000", 8), ("3146226705912", "r04", 34), ("9052217730418", "r10", 3))

    def setup(self) -> None:
        self.by_id = {i: (slug, pages) for i, slug, pages in self.docs}
        self.route(r"/p-(\d+)\.html", self.doc_page)
        self.route(r"/search", self.search)

    def url(self, path: str) -> str:
        return f"https://{HOST}{path}"

    def waf(self) -> Response:
        markup = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>网络环境安全验证</title>"
                  "<script>var _waf_token='';function verify(){document.forms[0].submit()}</script></head><body>"
                  "<div class=\"waf\"><h2>网络环境安全验证</h2><p>检测到您的网络环境存在异常，请完成验证后继续访问。</p>"
                  "<div id=\"captcha_reading\"></div><form method=\"post\"><button onclick=\"verify()\">开始验证</button></form>"
                  "</div></body></html>")
        return html_response(markup)

    def doc_page(self, req: Request, state: State, m) -> Response:
        limit = state.config.get("block_after", {}).get(HOST)
        if m.group(1) == WAF_ID or (limit is not None and state.bump(("block", HOST)) > limit):
            return self.waf()
        entry = self.by_id.get(m.group(1))
        if entry is None:
            return self.not_found(req)
        slug, pages = entry
        title = load_content(slug).title
        blob = base64.b64encode(hashlib.sha256(m.group(1).encode()).digest() * 3).decode()
        canvases = "".join(f"<div class=\"outer_page\" id=\"outer_page_{i}\"><canvas id=\"page_{i}\" width=\"892\" height=\"1262\"></canvas></div>"
                           for i in range(1, min(pages, 3) + 1))
        markup = (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)} - 道客巴巴</title>\n"
            f"<meta property=\"og:title\" content=\"{esc(title)}\">\n"
            "<meta property=\"og:type\" content=\"document\">\n"
            f"<meta property=\"og:document:page\" content=\"{pages}\">\n"
            "<meta property=\"og:document:type\" content=\"docx\">\n"
            f"<meta name=\"description\" content=\"{esc(title)}\">\n"
            "<link rel=\"stylesheet\" href=\"//static.doc88.com/css/view.css\">\n</head>\n<body>\n"
            f"<div class=\"header\"><a href=\"{self.url('/')}\">道客巴巴</a> "
            f"<form action=\"{self.url('/search')}\"><input name=\"q\"></form></div>\n"
            f"<div id=\"box1\"><h1 class=\"doctitle\">{esc(title)}</h1>"
            f"<div class=\"attribute\">格式：DOCX 页数：{pages} 上传日期：2024-01-12</div></div>\n"
            f"<div id=\"pageContainer\">{canvases}</div>\n"
            f"<input id=\"pageNumInput\" value=\"1\"><span class=\"page_num\">1/{pages}</span>\n"
            "<div id=\"continueButton\" class=\"continue\">继续阅读</div>\n"
            "<div id=\"readshop\" class=\"edit-tips\">本文档需要积分才能预览全部</div>\n"
            "<div class=\"footer\">Copyright &copy; 2008-2024 doc88.com 沪ICP备10013848号-3</div>\n"
            f"<script>m_main.init(\"{blob}\");</script>\n</body>\n</html>\n")
        return html_response(markup)

    def search(self, req: Request, state: State, m) -> Response:
        keyword = req.query.get("q", "")
        page = int_param(req.query.get("page"))
        hits = [(i, load_content(s).title) for i, s, _ in self.docs if keyword in load_content(s).title]
        hits.append((WAF_ID, "县教育局年度工作总结汇编"))  # the WAF path is reachable from results
        lp = page_of(hits, page, 2) if page else None
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.url(f'/p-{i}.html')}\">{esc(t)}</a></li>" for i, t in lp.items)
        markup = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>搜索 - 道客巴巴</title></head><body>"
                  f"<ul class=\"sd-list\">{items}</ul>"
                  + pager_html(lp, lambda n: self.url(f"/search?q={quote(keyword)}&page={n}")) + "</body></html>")
        return html_response(markup)

    def documents(self) -> list[Doc]:
        out = [Doc(site=self.name, id=i, url=self.url(f"/p-{i}.html"), title=load_content(slug).title,
                   kind="metadata-only", page_count=pages, pages_served=0, encoding="utf-8", expected=[],
                   content=slug, notes="og:title + og:document:page only; canvas reader, no text")
               for i, slug, pages in self.docs]
        out.append(Doc(site=self.name, id=WAF_ID, url=self.url(f"/p-{WAF_ID}.html"), title="", kind="blocked",
                       page_count=None, pages_served=None, encoding="utf-8", expected=[],
                       notes="always the 网络环境安全验证 WAF page (HTTP 200)"))
        return out

    def start_urls(self) -> dict[str, list[str]]:
        return {"search": [self.url("/search?q=" + quote("教育局"))]}
