"""原创力文档 max.book118.com: 文本预览 block + a public "继续阅读" text endpoint.

Document page `/html/2024/0312/<aid>.shtm`: title (some prefixed "VIP"), meta
description = first paragraph, image reader (`.webpreview-item img`), hidden
`<input id="pagenumber" value="M">`, inline JS `var aid = …; var view_token = '…';
var actual_page = A;` and a 「文本预览」 block with the text of the first pages.
Button `#btn_preview_remain` ("继续阅读") loads further pages, one per request:

    GET /index.php?g=Home&m=NewView&a=previewText&aid=<aid>&view_token=<tok>&page=<n>&callback=jsonpReturn
    -> jsonpReturn({"status":200,"page":n,"pages":A,"text":"…"})           for n <= actual_page
    -> jsonpReturn({"status":0,"msg":"试读结束只能查看 A 页"})            for n >  actual_page
    -> jsonpReturn({"status":403,"msg":"view_token 无效"})                 wrong token

So a complete document = 文本预览 pages + endpoint pages up to actual_page; when
actual_page < pagenumber the document is partial.  Block page: "预览过于频繁，
请输入验证码" with a captcha form, always on /html/2024/0101/8017040000.shtm
and on every request once `block_after[max.book118.com]` is exceeded.
"""
from __future__ import annotations

import hashlib
import json
from urllib.parse import quote

from ..base import Doc, Request, Response, Site, State, esc, html_response
from ..docdef import DocDef
from ..listing import int_param, page_of, pager_html

HOST = "max.book118.com"
BLOCKED_AID = "8017040000"
TEXT_ENDPOINT = "/index.php?g=Home&m=NewView&a=previewText&aid={aid}&view_token={tok}&page={page}&callback=jsonpReturn"


def view_token(aid: str) -> str:
    return hashlib.sha1(f"book118:{aid}".encode()).hexdigest()[:20]


class Book118Site(Site):
    name = "book118"
    hosts = (HOST, "book118.com")
    robots = "User-agent: *\nDisallow: /user/\nDisallow: /upload/\nDisallow: /admin/\n"
    # (DocDef, pages in the 文本预览 block)
    docs = (
        (DocDef("8017042101", "r09", 6, date="2024-03-12", title_prefix="VIP"), 2),
        (DocDef("8017042270", "seed001", 8, served=5, date="2024-03-12"), 3),
        (DocDef("8017042333", "r04", 4, date="2024-03-12", title_prefix="VIP"), 4),
    )

    def setup(self) -> None:
        self.by_id = {d.id: (d, n) for d, n in self.docs}
        self.route(r"/html/(\d{4})/(\d{4})/(\d+)\.shtm", self.doc_page)
        self.route(r"/index\.php", self.api)
        self.route(r"/search\.html", self.search)

    def url(self, path: str) -> str:
        return f"https://{HOST}{path}"

    def doc_url(self, d: DocDef) -> str:
        return self.url(f"/html/2024/0312/{d.id}.shtm")

    def blocked(self, req: Request, state: State) -> bool:
        limit = state.config.get("block_after", {}).get(HOST)
        return limit is not None and state.bump(("block", HOST)) > limit

    def captcha_page(self) -> Response:
        markup = (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>提示信息 - 原创力文档</title></head><body>"
            "<div class=\"view-dialog\"><div class=\"view-dialog-contentBody\">"
            "<p>预览过于频繁，请输入验证码</p>"
            "<form method=\"post\" action=\"/index.php?g=Home&amp;m=Verify&amp;a=check\">"
            "<img id=\"verifyCode\" src=\"/index.php?g=Home&amp;m=Verify&amp;a=img\" alt=\"验证码\">"
            "<input type=\"text\" name=\"verify\"><button type=\"submit\">提交</button></form></div></div>"
            "</body></html>")
        return html_response(markup)

    def doc_page(self, req: Request, state: State, m) -> Response:
        if self.blocked(req, state) or m.group(3) == BLOCKED_AID:
            return self.captcha_page()
        entry = self.by_id.get(m.group(3))
        if entry is None:
            return self.not_found(req)
        d, inline = entry
        return html_response(self.render(d, inline))

    def render(self, d: DocDef, inline: int) -> str:
        pages = d.pages()
        title = d.title_prefix + d.title
        first_para = d.content.paragraphs[0]
        preview = "".join(f"<p>{esc(line.strip())}</p>" for line in "".join(pages[:inline]).split("\n")
                          if line.strip())
        images = "".join(f"<div class=\"webpreview-item\" data-id=\"{i}\"><img data-src=\"//view-cache.book118.com/view/{d.id}/{i}.png\"></div>"
                         for i in range(1, min(inline, d.page_count) + 1))
        tok = view_token(d.id)
        remain = d.page_count - inline
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)} - 原创力文档</title>\n"
            f"<meta name=\"description\" content=\"{esc(first_para[:120])}\">\n"
            f"<meta name=\"keywords\" content=\"{esc(d.title)}\">\n"
            "<link rel=\"stylesheet\" href=\"//static.book118.com/max/css/view.css\">\n</head>\n<body>\n"
            f"<div class=\"header\"><a class=\"logo\" href=\"{self.url('/')}\">原创力文档</a>"
            f"<form action=\"{self.url('/search.html')}\"><input name=\"q\"></form>"
            "<a href=\"/user/login.html\">登录</a> <a href=\"/upload/\">上传</a></div>\n"
            f"<div class=\"crumb\"><a href=\"{self.url('/')}\">原创力文档</a> &gt; 办公文档 &gt; 工作总结</div>\n"
            f"<div class=\"title\"><h1 id=\"title\">{esc(title)}</h1>"
            f"<span class=\"info\">{d.page_count}页 | 发布于{d.date} | 约{len(d.content.body)}字</span></div>\n"
            f"<input type=\"hidden\" id=\"pagenumber\" value=\"{d.page_count}\">\n"
            f"<div class=\"webpreview\">{images}</div>\n"
            + (f"<div class=\"preview-more\"><button id=\"btn_preview_remain\" data-page=\"{inline + 1}\">"
               f"还剩{remain}页未读，继续阅读</button></div>\n" if remain > 0 else "")
            + f"<div class=\"textpreview\"><h3>文本预览</h3><div class=\"txt\">{preview}</div></div>\n"
            "<div class=\"webpreview-recommend\"><h3>相关文档</h3><ul>"
            + "".join(f"<li><a href=\"{self.doc_url(o)}\">{esc(o.title_prefix + o.title)}</a></li>"
                      for o, _ in self.docs if o.id != d.id)
            + "</ul></div>\n<div id=\"alert\" style=\"display:none\">该文档为VIP文档，开通VIP可免费下载</div>\n"
            "<div class=\"footer\"><p>原创力文档 book118.com 版权所有</p><p>皖ICP备19004505号-1</p></div>\n"
            "<script type=\"text/javascript\">\n"
            f"var aid = {d.id};\nvar view_token = '{tok}';\nvar actual_page = {d.pages_served};\n"
            f"var title = \"{esc(d.title)}\";\nvar format = 'docx';\n"
            "var preview_url = '/index.php?g=Home&m=NewView&a=previewText';\n</script>\n"
            "<script src=\"//static.book118.com/max/js/view.js\"></script>\n</body>\n</html>\n"
        )

    def api(self, req: Request, state: State, m) -> Response:
        q = req.query
        if (q.get("g"), q.get("m"), q.get("a")) != ("Home", "NewView", "previewText"):
            return self.not_found(req)
        if self.blocked(req, state):
            return self.captcha_page()
        callback = q.get("callback") or "jsonpReturn"
        entry = self.by_id.get(q.get("aid", ""))
        page = int_param(q.get("page"), default=0)
        if entry is None or not page:
            payload = {"status": 404, "msg": "文档不存在"}
        elif q.get("view_token") != view_token(entry[0].id):
            payload = {"status": 403, "msg": "view_token 无效"}
        else:
            d = entry[0]
            if page > d.pages_served:
                payload = {"status": 0, "msg": f"试读结束只能查看 {d.pages_served} 页"}
            else:
                payload = {"status": 200, "page": page, "pages": d.pages_served, "text": d.pages()[page - 1]}
        body = f"{callback}({json.dumps(payload, ensure_ascii=False)})"
        return Response(200, body.encode("utf-8"), [("Content-Type", "application/javascript; charset=utf-8")])

    def search(self, req: Request, state: State, m) -> Response:
        keyword = req.query.get("q", "")
        page = int_param(req.query.get("page"))
        hits = [d for d, _ in self.docs if keyword in d.title]
        lp = page_of(hits, page, 2) if page else None
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.doc_url(d)}\">{esc(d.title_prefix + d.title)}</a></li>" for d in lp.items)
        if page == 1:  # the blocked document shows up in results like any other
            items += (f"<li><a href=\"{self.url(f'/html/2024/0101/{BLOCKED_AID}.shtm')}\">"
                      "县教育局工作总结汇编</a></li>")
        markup = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>搜索结果 - 原创力文档</title></head><body>"
                  f"<ul class=\"search-list\">{items}</ul>"
                  + pager_html(lp, lambda n: self.url(f"/search.html?q={quote(keyword)}&page={n}"))
                  + "</body></html>")
        return html_response(markup)

    def text_urls(self, d: DocDef, inline: int) -> list[str]:
        """Endpoint URLs a crawler fetches after the page (up to the first refusal)."""
        tok = view_token(d.id)
        last = min(d.pages_served + 1, d.page_count)
        return [self.url(TEXT_ENDPOINT.format(aid=d.id, tok=tok, page=n)) for n in range(inline + 1, last + 1)]

    def documents(self) -> list[Doc]:
        out = [Doc(site=self.name, id=d.id, url=self.doc_url(d), title=d.title,
                   kind="partial" if d.partial else "text", page_count=d.page_count,
                   pages_served=d.pages_served, encoding="utf-8",
                   expected=[f"expected/{self.name}/{d.id}.txt"], content=d.slug, fetch=self.text_urls(d, inline),
                   notes=(f"文本预览 holds pages 1-{inline}; "
                          + ("title has 'VIP' prefix; " if d.title_prefix else "")
                          + (f"actual_page {d.pages_served} < pagenumber {d.page_count}" if d.partial else "")))
               for d, inline in self.docs]
        out.append(Doc(site=self.name, id=BLOCKED_AID, url=self.url(f"/html/2024/0101/{BLOCKED_AID}.shtm"),
                       title="", kind="blocked", page_count=None, pages_served=None, encoding="utf-8",
                       expected=[], notes="always the 预览过于频繁，请输入验证码 captcha page (HTTP 200)"))
        return out

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{d.id}.txt": d.expected() for d, _ in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        return {"search": [self.url("/search.html?q=" + quote("教育局"))]}
