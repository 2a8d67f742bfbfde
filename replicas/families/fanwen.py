"""范文 aggregators: 无忧文档 www.51jzrc.cn and www.35331.cn.

51jzrc: `/show-<cat>-<id>-1.html`, breadcrumb "首页 > 实用范文 > 工作总结", site credit
line "无忧文档网 时间:… 阅读:…", and "【篇一】…【篇二】…" compilations that the
crawler/cleaner splits into one document per 篇 (expected `<id>-1.txt`, `<id>-2.txt`).
Bytes are GBK, `<meta charset="gb2312">`, but the **HTTP header lies**:
`Content-Type: text/html; charset=utf-8`.  The compilation contains 喆 (GBK, not
GB2312), so gb2312 must be decoded as gb18030.

35331: one URL per page, `/lhs_<hash>_<N>.html` (N = 1..M); page N >= 2 has the
title "… 第N页"; 上一页/下一页 and a page list link them.  Bytes are UTF-8 with
`<meta charset="utf-8">`, while the **header says gbk**.
"""
from __future__ import annotations

import hashlib

from ..base import Doc, Request, Response, Site, State, esc, html_response
from ..docdef import DocDef
from ..listing import page_of, pager_html
from ..textlib import expected_text, load_content

CHINESE_ORDINALS = "一二三四五六七八九十"


class Jzrc51Site(Site):
    name = "51jzrc"
    hosts = ("www.51jzrc.cn", "51jzrc.cn")
    encoding = "gbk"
    robots = "User-agent: *\nDisallow: /e/\nDisallow: /admin/\n"
    cat = "12"
    # id -> (page title, content slugs, date, views); one slug = a plain article
    articles = {
        "20231": ("2023年县教育局工作总结范文（精选2篇）", ("r01", "r05"), "2024-01-05", 1234),
        "20288": ("东平区教育局2021年上半年工作总结", ("r03",), "2021-07-02", 877),
        "20342": ("教育局工作总结报告范文（通用2篇）", ("r09", "seed001"), "2023-03-18", 2410),
    }

    def setup(self) -> None:
        self.route(r"/show-(\d+)-(\d+)-1\.html", self.show)
        self.route(r"/list-(\d+)-(\d+)\.html", self.listing)
        self.route(r"/", self.home)

    def url(self, path: str) -> str:
        return f"https://{self.hosts[0]}{path}"

    def article_url(self, art_id: str) -> str:
        return self.url(f"/show-{self.cat}-{art_id}-1.html")

    def page(self, title: str, body: str) -> Response:
        markup = (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"gb2312\">\n"
            f"<title>{esc(title)}_无忧文档网</title>\n"
            "<meta name=\"keywords\" content=\"工作总结,范文\">\n"
            "<link href=\"/skin/css/style.css\" rel=\"stylesheet\">\n</head>\n<body>\n"
            f"<div class=\"top\"><a href=\"{self.url('/')}\" class=\"logo\">无忧文档网</a>"
            "<ul class=\"nav\"><li><a href=\"/\">首页</a></li>"
            f"<li><a href=\"{self.url(f'/list-{self.cat}-1.html')}\">工作总结</a></li>"
            "<li><a href=\"/e/member/login/\">会员登录</a></li></ul></div>\n"
            f"{body}\n"
            "<div class=\"footer\">无忧文档网 www.51jzrc.cn 版权所有 <a href=\"https://beian.miit.gov.cn\">粤ICP备2021052841号</a></div>\n"
            "<script src=\"/e/public/onclick/?enews=donews&amp;classid=12\"></script>\n</body>\n</html>\n")
        return html_response(markup, encoding="gbk", header_charset="utf-8")

    def show(self, req: Request, state: State, m) -> Response:
        art = self.articles.get(m.group(2)) if m.group(1) == self.cat else None
        if art is None:
            return self.not_found(req)
        title, slugs, date, views = art
        parts = []
        if len(slugs) == 1:
            parts.append("".join(f"<p>{esc(p)}</p>" for p in load_content(slugs[0]).paragraphs))
        else:
            for i, slug in enumerate(slugs):
                c = load_content(slug)
                parts.append(f"<p><strong>【篇{CHINESE_ORDINALS[i]}】{esc(c.title)}</strong></p>"
                             + "".join(f"<p>{esc(p)}</p>" for p in c.paragraphs))
        others = [k for k in self.articles if k != m.group(2)]
        body = (
            f"<div class=\"crumb\"><a href=\"{self.url('/')}\">首页</a> &gt; <a href=\"{self.url('/')}\">实用范文</a> &gt; "
            f"<a href=\"{self.url(f'/list-{self.cat}-1.html')}\">工作总结</a></div>\n"
            f"<div class=\"article\"><h1>{esc(title)}</h1>\n"
            f"<div class=\"info\">无忧文档网 时间:{date} 阅读:{views}</div>\n"
            f"<div class=\"content\">{''.join(parts)}</div>\n"
            f"<div class=\"pages\">上一篇:<a href=\"{self.article_url(others[0])}\">{esc(self.articles[others[0]][0])}</a> "
            f"下一篇:<a href=\"{self.article_url(others[-1])}\">{esc(self.articles[others[-1]][0])}</a></div>\n"
            "<div class=\"xg\"><h3>相关文章</h3><ul>"
            + "".join(f"<li><a href=\"{self.article_url(k)}\">{esc(self.articles[k][0])}</a></li>" for k in others)
            + "</ul></div></div>")
        return self.page(title, body)

    def listing(self, req: Request, state: State, m) -> Response:
        lp = page_of(list(self.articles), int(m.group(2)), 2) if m.group(1) == self.cat else None
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.article_url(k)}\">{esc(self.articles[k][0])}</a><span>{self.articles[k][2]}</span></li>"
                        for k in lp.items)
        body = (f"<div class=\"crumb\"><a href=\"{self.url('/')}\">首页</a> &gt; 实用范文 &gt; 工作总结</div>"
                f"<ul class=\"list\">{items}</ul>" + pager_html(lp, lambda n: self.url(f"/list-{self.cat}-{n}.html")))
        return self.page("工作总结", body)

    def home(self, req: Request, state: State, m) -> Response:
        return self.page("无忧文档网", f"<a href=\"{self.url(f'/list-{self.cat}-1.html')}\">工作总结</a>")

    def documents(self) -> list[Doc]:
        out = []
        for art_id, (title, slugs, date, _) in self.articles.items():
            compilation = len(slugs) > 1
            out.append(Doc(
                site=self.name, id=art_id, url=self.article_url(art_id),
                title=title if compilation else load_content(slugs[0]).title,
                kind="split-compilation" if compilation else "text", page_count=None, pages_served=None,
                encoding="gbk",
                expected=[f"expected/{self.name}/{art_id}-{i}.txt" for i in range(1, len(slugs) + 1)]
                if compilation else [f"expected/{self.name}/{art_id}.txt"],
                content=",".join(slugs),
                notes="GBK bytes, meta gb2312, HTTP header claims utf-8" + ("; holds 喆 (GBK-only)" if "r05" in slugs else "")))
        return out

    def expected_files(self) -> dict[str, str]:
        files = {}
        for art_id, (_, slugs, _, _) in self.articles.items():
            for i, slug in enumerate(slugs, 1):
                c = load_content(slug)
                name = f"{art_id}-{i}" if len(slugs) > 1 else art_id
                files[f"expected/{self.name}/{name}.txt"] = expected_text(c.title, c.body)
        return files

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.url(f"/list-{self.cat}-1.html")]}


def lhs_hash(slug: str) -> str:
    return hashlib.md5(f"35331-{slug}".encode()).hexdigest()[:16]


class Site35331(Site):
    name = "35331"
    hosts = ("www.35331.cn", "35331.cn")
    robots = "User-agent: *\nDisallow: /plus/\nDisallow: /admin/\n"
    docs = (
        DocDef("r02", "r02", 3, date="2023-01-09"),
        DocDef("r06", "r06", 2, date="2023-08-30"),
        DocDef("seed004", "seed004", 4, date="2023-02-01"),
    )

    def setup(self) -> None:
        self.by_hash = {lhs_hash(d.id): d for d in self.docs}
        self.route(r"/lhs_([0-9a-f]+)_(\d+)\.html", self.doc_page)
        self.route(r"/fanwen/zongjie/index_(\d+)\.html", self.listing)

    def url(self, path: str) -> str:
        return f"https://{self.hosts[0]}{path}"

    def page_url(self, d: DocDef, n: int) -> str:
        return self.url(f"/lhs_{lhs_hash(d.id)}_{n}.html")

    def shell(self, title: str, body: str) -> Response:
        markup = (
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{esc(title)} - 三五三三一文库</title>\n"
            "<link rel=\"stylesheet\" href=\"/static/css/main.css\">\n</head>\n<body>\n"
            f"<div class=\"header\"><a href=\"{self.url('/')}\">三五三三一文库</a> "
            f"<a href=\"{self.url('/fanwen/zongjie/index_1.html')}\">工作总结</a></div>\n{body}\n"
            "<div class=\"footer\">Copyright &copy; 35331.cn 版权所有 豫ICP备17032217号-2</div>\n"
            "<script>(function(){var s=document.createElement('script');s.src='/static/js/tj.js';document.body.appendChild(s)})();</script>\n"
            "</body>\n</html>\n")
        return html_response(markup, encoding="utf-8", header_charset="gbk")

    def doc_page(self, req: Request, state: State, m) -> Response:
        d = self.by_hash.get(m.group(1))
        n = int(m.group(2))
        if d is None or not 1 <= n <= d.page_count:
            return self.not_found(req)
        title = d.title if n == 1 else f"{d.title} 第{n}页"
        text = "".join(f"<p>{esc(line.strip())}</p>" for line in d.pages()[n - 1].split("\n") if line.strip())
        nav = [f"<a href=\"{self.page_url(d, n - 1)}\">上一页</a>"] if n > 1 else []
        nav += [f"<a href=\"{self.page_url(d, k)}\">{k}</a>" if k != n else f"<span>{k}</span>"
                for k in range(1, d.page_count + 1)]
        if n < d.page_count:
            nav.append(f"<a href=\"{self.page_url(d, n + 1)}\">下一页</a>")
        body = (f"<div class=\"crumb\"><a href=\"{self.url('/')}\">首页</a> &gt; 范文 &gt; 工作总结</div>\n"
                f"<div class=\"art\"><h1>{esc(title)}</h1><div class=\"meta\">发布时间:{d.date} 来源:网友投稿</div>\n"
                f"<div class=\"text\">{text}</div>\n<div class=\"pagelist\">{' '.join(nav)}</div>\n"
                "<div class=\"tip\">文章来源:三五三三一文库 转载请注明出处</div></div>")
        return self.shell(title, body)

    def listing(self, req: Request, state: State, m) -> Response:
        lp = page_of(list(self.docs), int(m.group(1)), 2)
        if lp is None:
            return self.not_found(req)
        items = "".join(f"<li><a href=\"{self.page_url(d, 1)}\">{esc(d.title)}</a></li>" for d in lp.items)
        return self.shell("工作总结", f"<ul class=\"list\">{items}</ul>"
                          + pager_html(lp, lambda n: self.url(f"/fanwen/zongjie/index_{n}.html")))

    def documents(self) -> list[Doc]:
        return [Doc(site=self.name, id=lhs_hash(d.id), url=self.page_url(d, 1), title=d.title, kind="text",
                    page_count=d.page_count, pages_served=d.page_count, encoding="utf-8",
                    expected=[f"expected/{self.name}/{lhs_hash(d.id)}.txt"], content=d.slug,
                    fetch=[self.page_url(d, n) for n in range(2, d.page_count + 1)],
                    notes="one URL per page (_N); UTF-8 bytes + meta utf-8, HTTP header claims gbk")
                for d in self.docs]

    def expected_files(self) -> dict[str, str]:
        return {f"expected/{self.name}/{lhs_hash(d.id)}.txt": d.expected() for d in self.docs}

    def start_urls(self) -> dict[str, list[str]]:
        return {"listing": [self.url("/fanwen/zongjie/index_1.html")]}
