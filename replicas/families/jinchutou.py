"""金锄头文库 www.jinchutou.com: `/p-<id>.html` 302 -> `/shtml/<hash>.html`, 文本预览 text.

The shtml page carries og:title / og:document:type, a hidden `#dp` input (image
prefix; page i = {dp}{i}.gif), `Viewer._pageCount = M` in inline JS and a
「文本预览」 block.  A partial document's preview stops early and ends with
"还剩N页未读，继续阅读".  Search lives on so.jinchutou.com:
`/search.html?keyword=` works, `?q=` answers 404 (as observed on the real site).
The crawler should key documents on the final /shtml/ URL.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote

from ..base import Doc, Request, Response, Site, State, esc, html_response, redirect
from ..docdef import DocDef
from ..listing import int_param, page_of, pager_html

WWW = "www.jinchutou.com"
SO = "so.jinchutou.com"


def shtml_hash(doc_id: str) -> str:
    return hashlib.md5(f"jct-{doc_id}".encode()).hexdigest()[:24]


class JinchutouSite(Site):
    name = "jinchutou"
    hosts = (WWW, SO, "jinchutou.com")
    robots = "User-agent: *\nDisallow: /d-\nDisallow: /user/\n"
    docs = (
        DocDef("243518870", "r10", 3, date="2024-02-27"),
        DocDef("243519021", "seed002", 6, served=4, date="2023-06-20"),
        DocDef("243519140", "r08", 2, date="2025-01-08"),
    )

    def setup(self) -> None:
        self.by_id = {d.id: d for d in self.docs}
        self.by_hash = {shtml_hash(d.id): d for d in self.docs}
        self.route(r"/p-(\d+)\.html", self.short, hosts=(WWW,))
        self.route(r"/shtml/([0-9a-f]+)\.html", self.doc_page, hosts=(WWW,))
        self.route(r"/search\.html", self.search, hosts=(SO,))

    def url(self, path: str, host: str = WWW) -> str:
        return f"https://{host}{path}"

    def short(self, req: Request, state: State, m) -> Response:
        if m.group(1) not in self.by_id:
            return self.not_found(req)
        return redirect(self.url(f"/shtml/{shtml_hash(m.group(1))}.html"), 302)

    def doc_page(self, req: Request, state: State, m) -> Response:
        d = self.by_hash.get(m.group(1))
        if d is None:
            return self.not_found(req)
        h = shtml_hash(d.id)
        text = "".join(f"<p>{esc(line.strip())}</p>" for line in d.served_body().split("\n") if line.strip())
        more = (f"<div class=\"more\">还剩{d.page_count - d.pages_served}页未读，继续阅读</div>" if d.partial else "")
        markup = (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(d.title)}-金锄头文库</title>\n"
            f"<meta property=\"og:title\" content=\"{esc(d.title)}\">\n"
            "<meta property=\"og:document:type\" content=\"docx\">\n"
            f"<meta property=\"og:url\" content=\"{self.url(f'/shtml/{h}.html')}\">\n"
            "<link rel=\"stylesheet\" href=\"/css/view.css\">\n</head>\n<body>\n"
            f"<div class=\"top\"><a href=\"{self.url('/')}\">金锄头文库</a> "
            f"<form action=\"{self.url('/search.html', SO)}\"><input name=\"keyword\"></form></div>\n"
            f"<div class=\"path\"><a href=\"{self.url('/')}\">首页</a> &gt; 行业资料 &gt; 教育/培训</div>\n"
            f"<h1>{esc(d.title)}</h1>\n<div class=\"attr\">{d.page_count}页 {d.date} 下载需要20金贝</div>\n"
            f"<input type=\"hidden\" id=\"dp\" value=\"https://img.jinchutou.com/2024-2/{h}/\">\n"
            "<div id=\"viewer\"></div>\n"
            f"<div class=\"textpreview\"><h2>文本预览</h2>{text}{more}</div>\n"
            f"<a class=\"down\" href=\"{self.url(f'/d-{d.id}.html')}\" rel=\"nofollow\">下载文档</a>\n"
            "<div class=\"footer\">金锄头文库 版权所有 苏ICP备12045163号-4</div>\n"
            f"<script>var Viewer = Viewer || {{}}; Viewer._pageCount = {d.page_count}; Viewer._docId = '{d.id}';</script>\n"
            "</body>\n</html>\n")
        return html_response(markup)

    def search(self, req: Request, state: State, m) -> Response:
        if "keyword" not in req.query:
            return self.not_found(req)
        keyword = req.query["keyword"]
        page = int_param(req.query.get("page"))
        lp = page_of([d for d in self.docs if keyword in d.title], page, 2) if page else None
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.url(f'/p-{d.id}.html')}\">{esc(d.title)}</a></li>" for d in lp.items)
        markup = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>搜索-金锄头文库</title></head><body>"
                  f"<ul class=\"list\">{items}</ul>"
                  + pager_html(lp, lambda n: self.url(f"/search.html?keyword={quote(keyword)}&page={n}", SO))
                  + "</body></html>")
        return html_response(markup)

    def documents(self) -> list[Doc]:
        return [Doc(site=self.name, id=d.id, url=self.url(f"/shtml/{shtml_hash(d.id)}.html"), title=d.title,
                    kind="partial" if d.partial else "text", page_count=d.page_count,
                    pages_served=d.pages_served, encoding="utf-8",
                    expected=[f"expected/{self.name}/{d.id}.txt"], content=d.slug,
                    other_urls=[self.url(f"/p-{d.id}.html")], notes="/p-<id>.html answers 302 to this URL")
                for d in self.docs]

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{d.id}.txt": d.expected() for d in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        return {"search": [self.url("/search.html?keyword=" + quote("教育局"), SO)]}
