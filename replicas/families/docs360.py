"""360docs.net: static full text, served as **GBK bytes** with the charset only in a meta tag.

The HTTP header says just `text/html` (no charset), so the meta tag decides:
  0019689063  `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`
  6a9896566   `<meta httpequiv="Content-Type" …charset=gbk>`  (w3lib#155 typo: a strict
              http-equiv parser misses it and falls back to sniffing)
  7b2200118   declares `gb2312` but contains a GBK-only character (喆): decode
              gb2312/gbk as gb18030 or that character is lost
Layout: breadcrumb, h1, "合集下载" button, text as <p>, the three numbered notices
("下载文档前请自行甄别…", "仅部分预览…", "如文档侵犯您的权益…"), related docs, footer.
"""
from __future__ import annotations

from ..base import Doc, Request, Response, Site, State, esc, html_response
from ..docdef import DocDef
from ..listing import page_of, pager_html

META = {
    "gbk": '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    "typo": '<meta httpequiv="Content-Type" content="text/html; charset=gbk">',
    "gb2312": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
}

NOTICES = [
    "下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。",
    "\"仅部分预览\"的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款(可完整预览的文档不适用该条件!)。",
    "如文档侵犯您的权益,请联系客服反馈,我们会尽快为您处理(人工客服工作时间:9:00-18:30)。",
]


class Docs360Site(Site):
    name = "360docs"
    hosts = ("www.360docs.net", "360docs.net")
    encoding = "gbk"
    robots = "User-agent: *\nDisallow: /download/\nDisallow: /admin/\n"
    docs = (
        (DocDef("0019689063", "seed003", 5, date="2024-04-20"), "gbk"),
        (DocDef("6a9896566", "r07", 3, date="2021-01-15"), "typo"),
        (DocDef("7b2200118", "r05", 3, date="2024-01-30"), "gb2312"),
    )

    def setup(self) -> None:
        self.by_id = {d.id: (d, meta) for d, meta in self.docs}
        self.route(r"/doc/([0-9a-z]+)\.html", self.doc_page)
        self.route(r"/zongjie/list_(\d+)\.html", self.listing)
        self.route(r"/download/([0-9a-z]+)\.html", self.doc_page)

    def url(self, path: str) -> str:
        return f"https://{self.hosts[0]}{path}"

    def page(self, meta: str, title: str, body: str) -> str:
        return (
            f"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html>\n<head>\n{meta}\n"
            f"<title>{esc(title)} - 360文档中心</title>\n"
            "<link rel=\"stylesheet\" href=\"/static/css/style.css\">\n"
            "<script type=\"text/javascript\">var cpro_id = \"u2861712\";</script>\n</head>\n<body>\n"
            f"<div class=\"header\"><a class=\"logo\" href=\"{self.url('/')}\">360文档中心</a>"
            f"<ul class=\"nav\"><li><a href=\"{self.url('/')}\">首页</a></li>"
            f"<li><a href=\"{self.url('/zongjie/list_1.html')}\">工作总结</a></li></ul></div>\n"
            f"{body}\n"
            "<div class=\"footer\"><p>360文档中心,免费下载,海量文档</p><p>Copyright &copy; 2019-2024 360docs.net All Rights Reserved</p>"
            "<p>闽ICP备18022250号-1</p></div>\n"
            "<script src=\"/static/js/common.js\"></script>\n</body>\n</html>\n"
        )

    def doc_page(self, req: Request, state: State, m) -> Response:
        entry = self.by_id.get(m.group(1))
        if entry is None:
            return self.not_found(req)
        d, meta = entry
        paragraphs = "".join(f"<p>{esc(p.strip())}</p>\n" for p in d.served_body().split("\n") if p.strip())
        notices = "".join(f"<li>{i}. {esc(n)}</li>" for i, n in enumerate(NOTICES, 1))
        related = "".join(f"<li><a href=\"{self.url(f'/doc/{o.id}.html')}\">{esc(o.title)}</a></li>"
                          for o, _ in self.docs if o.id != d.id)
        body = (
            f"<div class=\"crumb\">当前位置:<a href=\"{self.url('/')}\">首页</a> &gt; "
            f"<a href=\"{self.url('/zongjie/list_1.html')}\">工作总结</a> &gt; 正文</div>\n"
            f"<div class=\"doc\"><h1>{esc(d.title)}</h1>\n"
            f"<div class=\"attr\">时间:{d.date} 页数:{d.page_count} 格式:DOC</div>\n"
            f"<a class=\"btn-down\" href=\"{self.url(f'/download/{d.id}.html')}\" rel=\"nofollow\">合集下载</a>\n"
            f"<div class=\"doc-content\">\n{paragraphs}</div>\n"
            f"<div class=\"notice\"><h4>下载提示</h4><ol>{notices}</ol></div>\n"
            f"<div class=\"related-doc-list\"><h3>相关文档</h3><ul>{related}</ul></div></div>"
        )
        return html_response(self.page(META[meta], d.title, body), encoding="gbk", header_charset=None)

    def listing(self, req: Request, state: State, m) -> Response:
        lp = page_of([d for d, _ in self.docs], int(m.group(1)), 2)
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.url(f'/doc/{d.id}.html')}\">{esc(d.title)}</a> <span>{d.date}</span></li>"
                        for d in lp.items)
        body = (f"<div class=\"list\"><h2>工作总结</h2><ul>{items}</ul>"
                + pager_html(lp, lambda n: self.url(f"/zongjie/list_{n}.html")) + "</div>")
        return html_response(self.page(META["gbk"], "工作总结", body), encoding="gbk", header_charset=None)

    def documents(self) -> list[Doc]:
        return [Doc(site=self.name, id=d.id, url=self.url(f"/doc/{d.id}.html"), title=d.title, kind="text",
                    page_count=d.page_count, pages_served=d.pages_served, encoding="gbk",
                    expected=[f"expected/{self.name}/{d.id}.txt"], content=d.slug,
                    notes={"gbk": "meta http-equiv charset=gbk, header without charset",
                           "typo": "meta httpequiv (typo) charset=gbk, header without charset",
                           "gb2312": "declares gb2312 but holds GBK-only 喆: decode as gb18030"}[meta])
                for d, meta in self.docs]

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{d.id}.txt": d.expected() for d, _ in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.url("/zongjie/list_1.html")]}
