"""The replica server itself: statuses, encodings, redirects, 429s, blocks, robots, text.

These tests talk to the replicas with a raw http.client (replicas/client.py),
sending the real host name in the Host header, exactly as the crawler does.
"""
from __future__ import annotations

import html
import json
import re
import urllib.robotparser
from collections import defaultdict
from urllib.parse import urlsplit

import pytest

from replicas import build
from replicas.client import fetch
from replicas.families import synthetic
from replicas.server import start
from tests.support.crawl_support import serving_replicas
from replicas.textlib import load_content, paginate, to_simplified

CATALOG = json.loads(build.CATALOG.read_text(encoding="utf-8"))
FAMILIES = CATALOG["families"]
DOCS = [d for fam in FAMILIES.values() for d in fam["documents"]]
BLOCK_MARKERS = ("网络环境安全验证", "预览过于频繁，请输入验证码")
PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def server():
    yield from serving_replicas()


def get(server, url, **kw):
    return fetch(url, server.test_port, **kw)


def visible_text(body: bytes, encoding: str) -> str:
    """Decoded page text without scripts, styles, tags or whitespace."""
    text = body.decode("gb18030" if encoding == "gbk" else encoding)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_body(path: str) -> str:
    title, _, body = (build.HERE / path).read_text(encoding="utf-8").partition("\n\n")
    return squeeze(body)


def served_texts(server, doc) -> list[str]:
    """What a crawler gets for `doc`, one text per response (page + `fetch` URLs), Simplified, no pinyin."""
    parts = []
    for url in [doc["url"]] + doc["fetch"]:
        resp = get(server, url)
        assert resp.status == 200, url
        if resp.headers["content-type"].startswith("application/javascript"):
            payload = json.loads(resp.body.decode("utf-8").partition("(")[2].rpartition(")")[0])
            parts.append(squeeze(payload.get("text", "")))
        else:
            parts.append(visible_text(resp.body, doc["encoding"]))
    if doc["script"] != "simplified":
        parts = [to_simplified(PINYIN_NOTE.sub("", p)) for p in parts]
    return parts


def unconsumed(expected: str, responses: list[str]) -> str:
    """What is left of `expected` after taking, response by response, its longest prefix found there.

    Empty when the responses, read in order, serve the whole expected text.
    """
    for text in responses:
        lo, hi = 0, len(expected)
        while lo < hi:  # longest prefix contained in text (containment is monotone in length)
            mid = (lo + hi + 1) // 2
            if expected[:mid] in text:
                lo = mid
            else:
                hi = mid - 1
        expected = expected[lo:]
    return expected


# --------------------------------------------------------------- generated files
def test_catalog_and_expected_texts_match_the_family_definitions():
    assert build.stale_files() == []


def test_every_expected_file_has_title_blank_line_body():
    for doc in DOCS:
        for rel in doc["expected"]:
            title, sep, body = (build.HERE / rel).read_text(encoding="utf-8").partition("\n\n")
            assert sep and title.strip() and "\n" not in title and len(body) > 150, rel


def test_reader_pages_concatenate_back_to_the_body():
    body = load_content("seed002").body
    pages = paginate(body, 34)
    assert "".join(pages) == body and len(pages) == 34 and all(pages)


# ------------------------------------------------------------------ statuses
def test_every_catalog_url_answers_with_the_status_its_kind_implies(server):
    server.reset()
    for doc in DOCS:
        first = get(server, doc["url"])
        if first.status == 429:  # the 429-burst document: answers after the burst
            first = get(server, doc["url"])
            first = get(server, doc["url"]) if first.status == 429 else first
        if doc["kind"] == "gone":
            assert first.status == 404, doc["url"]
            continue
        assert first.status == 200, doc["url"]
        if doc["kind"] == "blocked":
            assert any(m in first.body.decode("utf-8") for m in BLOCK_MARKERS), doc["url"]
        for url in doc["fetch"]:
            assert get(server, url).status == 200, url
        for alias in doc["other_urls"]:
            resp = get(server, alias)
            assert resp.status == 200 or (resp.status in (301, 302) and resp.location == doc["url"]), alias


def test_start_urls_answer_200_and_list_catalog_documents(server):
    for name, fam in FAMILIES.items():
        for urls in fam["start_urls"].values():
            for url in urls:
                resp = get(server, url)
                assert resp.status == 200, url
                if fam["documents"] and "sitemap" not in url:
                    page = resp.body.decode("utf-8" if fam["documents"][0]["encoding"] == "utf-8" else "gb18030")
                    linked = [d for d in fam["documents"] if d["url"] in page or any(u in page for u in d["other_urls"])]
                    assert linked, f"{url} links no catalog document of {name}"


def test_unknown_document_is_404(server):
    assert get(server, "https://m.bingdoc.com/p-1.html").status == 404
    assert get(server, "https://www.renrendoc.com/paper/500000000.html").status == 404
    assert get(server, "https://www.35331.cn/lhs_0000_1.html").status == 404


# --------------------------------------------------------------------- text
@pytest.mark.parametrize("doc", [d for d in DOCS if d["kind"] in ("text", "partial")], ids=lambda d: f"{d['site']}-{d['id']}")
def test_page_serves_exactly_the_expected_body(server, doc):
    server.reset()
    if get(server, doc["url"]).status == 429:
        server.state.counters[("429", urlsplit(doc["url"]).hostname, urlsplit(doc["url"]).path)] = 99
    assert unconsumed(expected_body(doc["expected"][0]), served_texts(server, doc)) == ""


@pytest.mark.parametrize("doc", [d for d in DOCS if d["kind"] == "partial"], ids=lambda d: f"{d['site']}-{d['id']}")
def test_partial_document_withholds_the_pages_after_the_served_ones(server, doc):
    next_page = paginate(load_content(doc["content"]).body, doc["page_count"])[doc["pages_served"]]
    longest_sentence = max(re.split(r"[。；]", next_page), key=len)
    assert len(longest_sentence) > 8
    assert all(squeeze(longest_sentence) not in text for text in served_texts(server, doc))


def test_compilation_page_holds_every_part_under_its_own_pian_heading(server):
    for doc in (d for d in DOCS if d["kind"] == "split-compilation"):
        page = visible_text(get(server, doc["url"]).body, "gbk")
        positions = []
        for n, rel in zip("一二三四", doc["expected"]):
            title = (build.HERE / rel).read_text(encoding="utf-8").split("\n", 1)[0]
            assert f"【篇{n}】{title}" in page
            assert expected_body(rel) in page
            positions.append(page.index(f"【篇{n}】"))
        assert positions == sorted(positions)


def test_traditional_clone_serves_traditional_script_with_pinyin_notes(server):
    doc = next(d for d in DOCS if d["site"] == "boteman")
    page = get(server, doc["url"]).body.decode("utf-8")
    assert "縣(xiàn)" in page or "數(shù)" in page
    assert "文檔簡介" in page and "文档简介" not in page


def test_same_report_is_published_on_several_families():
    families_per_content = defaultdict(set)
    for doc in DOCS:
        for slug in (doc.get("content") or "").split(","):
            if slug:
                families_per_content[slug].add(doc["site"])
    assert max(len(f) for f in families_per_content.values()) >= 3
    assert {"renrendoc", "bingdoc", "51jzrc"} <= families_per_content["r01"]


# ----------------------------------------------------------------- encodings
def test_gbk_documents_are_really_gbk_bytes(server):
    gbk_docs = [d for d in DOCS if d["encoding"] == "gbk"]
    assert len(gbk_docs) >= 5
    for doc in gbk_docs:
        body = get(server, doc["url"]).body
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert "教育" in body.decode("gb18030")


def test_httpequiv_typo_is_the_only_charset_declaration(server):
    resp = get(server, "https://www.360docs.net/doc/6a9896566.html")
    assert resp.headers["content-type"] == "text/html"
    assert b'<meta httpequiv="Content-Type" content="text/html; charset=gbk">' in resp.body
    assert b"http-equiv" not in resp.body


def test_gb2312_label_hides_a_gbk_only_character(server):
    body = get(server, "https://www.360docs.net/doc/7b2200118.html").body
    assert b"charset=gb2312" in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    assert "李喆" in body.decode("gb18030")


def test_51jzrc_header_claims_utf8_for_gbk_bytes(server):
    resp = get(server, "https://www.51jzrc.cn/show-12-20231-1.html")
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert b'<meta charset="gb2312">' in resp.body
    with pytest.raises(UnicodeDecodeError):
        resp.body.decode("utf-8")


def test_35331_header_claims_gbk_for_utf8_bytes(server):
    doc = next(d for d in DOCS if d["site"] == "35331")
    resp = get(server, doc["url"])
    assert resp.headers["content-type"] == "text/html; charset=gbk"
    assert "工作" in resp.body.decode("utf-8")


def test_old_government_article_is_gbk_without_any_charset_declaration(server):
    doc = next(d for d in DOCS if d["site"] == "gov" and d["encoding"] == "gbk")
    resp = get(server, doc["url"])
    assert resp.headers["content-type"] == "text/html"
    assert b"charset" not in resp.body.lower()
    assert doc["title"] in resp.body.decode("gbk")


# ------------------------------------------------------------ HTTP behaviours
def test_www_bingdoc_redirects_permanently_to_the_mobile_host(server):
    resp = get(server, "https://www.bingdoc.com/p-13580242.html")
    assert (resp.status, resp.location) == (301, "https://m.bingdoc.com/p-13580242.html")


def test_jinchutou_short_url_redirects_to_its_shtml_page(server):
    doc = next(d for d in DOCS if d["site"] == "jinchutou")
    resp = get(server, doc["other_urls"][0])
    assert resp.status == 302 and resp.location == doc["url"]
    assert get(server, resp.location).status == 200


def test_429_burst_answers_twice_with_retry_after_then_succeeds(server):
    url = "https://www.renrendoc.com/paper/402518877.html"
    server.reset()
    first, second, third = (get(server, url) for _ in range(3))
    assert [first.status, second.status, third.status] == [429, 429, 200]
    assert first.headers["retry-after"] == "1"
    assert server.hit_count(url) == 3
    server.reset()
    assert get(server, url).status == 429


def test_block_pages_on_their_fixed_paths(server):
    waf = get(server, "https://www.doc88.com/p-2998877665544.html")
    assert waf.status == 200 and "网络环境安全验证" in waf.body.decode("utf-8")
    captcha = get(server, "https://max.book118.com/html/2024/0101/8017040000.shtm").body.decode("utf-8")
    assert "预览过于频繁，请输入验证码" in captcha and 'id="verifyCode"' in captcha


def test_block_after_n_requests_blocks_the_host_until_reset():
    srv, port = start(config={"block_after": {"www.doc88.com": 2, "max.book118.com": 1}})
    try:
        doc88 = "https://www.doc88.com/p-7734512638421.html"
        statuses = ["网络环境安全验证" in fetch(doc88, port).body.decode("utf-8") for _ in range(3)]
        assert statuses == [False, False, True]
        book = "https://max.book118.com/html/2024/0312/8017042101.shtm"
        assert ["预览过于频繁" in fetch(book, port).body.decode("utf-8") for _ in range(2)] == [False, True]
        srv.reset()
        assert "网络环境安全验证" not in fetch(doc88, port).body.decode("utf-8")
    finally:
        srv.shutdown()
        srv.server_close()


def test_book118_text_endpoint_refuses_a_wrong_token_and_pages_past_the_limit(server):
    doc = next(d for d in DOCS if d["site"] == "book118" and d["kind"] == "partial")
    last = doc["fetch"][-1]
    assert "试读结束只能查看" in get(server, last).body.decode("utf-8")
    forged = re.sub(r"view_token=\w+", "view_token=0000", doc["fetch"][0])
    assert '"status": 403' in get(server, forged).body.decode("utf-8")


def test_jinchutou_search_takes_keyword_not_q(server):
    assert get(server, "https://so.jinchutou.com/search.html?keyword=%E6%95%99%E8%82%B2").status == 200
    assert get(server, "https://so.jinchutou.com/search.html?q=%E6%95%99%E8%82%B2").status == 404


def test_search_pages_chain_by_next_links_until_the_last_page(server):
    url, seen = FAMILIES["renrendoc"]["start_urls"]["search"][0], []
    while url:
        page = get(server, url).body.decode("utf-8")
        seen += re.findall(r'class="title" href="([^"]+)"', page)
        nxt = re.search(r'<a href="([^"]+)" class="next">', page)
        url = html.unescape(nxt.group(1)) if nxt else None
    assert len(seen) == len(set(seen)) == len([d for d in DOCS if d["site"] == "renrendoc" and d["kind"] != "gone"])
    assert get(server, FAMILIES["renrendoc"]["start_urls"]["search"][0] + "&page=99").status == 404


def test_robots_txt_disallows_pages_that_pages_link_to_but_no_catalog_url(server):
    for name, fam in FAMILIES.items():
        for host in fam["hosts"][:1]:
            robots_txt = get(server, f"https://{host}/robots.txt")
            assert robots_txt.status == 200 and fam["robots_disallow"], name
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(robots_txt.body.decode("utf-8").splitlines())
            for doc in fam["documents"]:
                for url in [doc["url"]] + doc["fetch"]:
                    assert parser.can_fetch("*", url), url
    page = get(server, "https://m.bingdoc.com/p-13580242.html").body.decode("utf-8")
    assert "https://www.bingdoc.com/d-13580242.html" in page      # linked, but Disallow: /d-
    gov_page = get(server, FAMILIES["gov"]["documents"][0]["url"]).body.decode("utf-8")
    assert "/admin/login.html" in gov_page                        # linked, but Disallow: /admin/


def test_government_sitemap_lists_every_article(server):
    xml = get(server, FAMILIES["gov"]["start_urls"]["sitemap"][0]).body.decode("utf-8")
    for doc in FAMILIES["gov"]["documents"]:
        assert f"<loc>{doc['url']}</loc>" in xml


# -------------------------------------------------------------- server plumbing
def test_path_prefix_access_serves_the_same_bytes_as_host_dispatch(server):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.test_port, timeout=5)
    conn.request("GET", "/_h/m.bingdoc.com/p-13580242.html")
    prefixed = conn.getresponse().read()
    conn.close()
    assert prefixed == get(server, "https://m.bingdoc.com/p-13580242.html").body


def test_hits_are_counted_per_host_and_path(server):
    server.reset()
    get(server, "https://m.bdocx.com/doc/4130582.html")
    get(server, "https://m.bdocx.com/doc/4130582.html")
    get(server, "https://www.bdocx.com/doc/4130582.html")
    assert server.hits[("m.bdocx.com", "/doc/4130582.html")] == 2
    assert server.hit_count("https://www.bdocx.com/doc/4130582.html") == 1
    assert [entry[3] for entry in server.log] == [200, 200, 301]


def test_synthetic_family_serves_the_configured_number_of_documents():
    srv, port = start(config={"synthetic_docs": 120})
    try:
        assert fetch("https://www.synthdoc.com/doc/120.html", port).status == 200
        assert fetch("https://www.synthdoc.com/doc/121.html", port).status == 404
        last = fetch("https://www.synthdoc.com/list/3.html", port).body.decode("utf-8")
        assert "共3页" in last and 'class="next"' not in last
        page = visible_text(fetch("https://www.synthdoc.com/doc/57.html", port).body, "utf-8")
        title, _, body = synthetic.expected(57).partition("\n\n")
        assert title in page and squeeze(body) in page
        assert synthetic.expected(57) == synthetic.expected(57) != synthetic.expected(58)
    finally:
        srv.shutdown()
        srv.server_close()
