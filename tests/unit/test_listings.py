"""The listing readers: generic dated-link groups, JS pagers, Hanweb datastore, JSON APIs, directories."""
from __future__ import annotations

import json

from crawler import listings
from crawler.listings import datastore, dates, directory
from crawler.listings.incremental import CHANGED, KNOWN, NEW, REVALIDATE, ListedLog, conditional_headers, verdict

BASE = "https://jyj.example.gov.cn/xxgk/tzgg/index.html"


def page(rows: str, extra: str = "") -> str:
    nav = "".join(f'<li><a href="/c{i}/">栏目{i}名称</a></li>' for i in range(8))
    return f"<html><body><ul class='nav'>{nav}</ul><div class='list'><ul>{rows}</ul></div>{extra}</body></html>"


def rows(n: int, start: int = 1) -> str:
    return "".join(f'<li><a href="./2024{i:02d}/t2024{i:02d}15_{i}.html">关于第{i}项工作的通知公告</a>'
                   f"<span>2024-{i:02d}-15</span></li>" for i in range(start, start + n))


def test_plain_list_of_dated_links_is_a_listing_and_navigation_is_not_part_of_it():
    found = listings.read(BASE, page(rows(5)))
    assert [e.date for e in found.entries] == [f"2024-{i:02d}-15" for i in range(1, 6)]
    assert found.entries[0].url == "https://jyj.example.gov.cn/xxgk/tzgg/202401/t20240115_1.html"
    assert found.next is None


def test_links_without_dates_are_no_listing():
    nav_only = page("".join(f'<li><a href="/x{i}.html">没有日期的链接{i}</a></li>' for i in range(10)))
    assert listings.read(BASE, nav_only) is None


def test_article_page_is_no_listing():
    article = ("<html><head><meta name='ArticleTitle' content='标题'></head><body><h1>标题</h1>"
               "<div class='TRS_Editor'><p>正文第一段，2024年3月5日召开会议。</p></div>"
               "<a href='/'>首页</a><a href='./index.html'>返回列表</a></body></html>")
    assert listings.read(BASE, article) is None


def test_date_in_the_url_counts_when_the_row_shows_none():
    bare = "".join(f'<li><a href="/art/2024/{i}/{i + 2}/art_12_{i}.html">第{i}条动态信息标题</a></li>' for i in range(1, 5))
    found = listings.read(BASE, page(bare))
    assert [e.date for e in found.entries] == ["2024-01-03", "2024-02-04", "2024-03-05", "2024-04-06"]


def test_pinned_row_with_its_own_class_joins_the_list_and_appears_once():
    pinned = '<li class="top"><a href="./202401/t20240115_1.html">[置顶] 关于第1项工作的通知公告</a><span>2024-01-15</span></li>'
    found = listings.read(BASE, page(pinned + rows(4)))
    assert [e.url.rsplit("_", 1)[1] for e in found.entries] == ["1.html", "2.html", "3.html", "4.html"]


def test_trs_script_pager_gives_the_next_page_file_in_each_variant():
    cases = [('createPageHTML(3, 0, "index", "html");', BASE, "index_1.html"),
             ("createPageHTML(3,1,'index','shtml','black2',42);", BASE, "index_2.shtml"),
             ("createPageHTML('page_div',5, 1,'fg','shtml',89);", BASE, "fg_2.shtml")]
    for script, url, wanted in cases:
        found = listings.read(url, page(rows(3), f"<script>{script}</script>"))
        assert found.next.url == "https://jyj.example.gov.cn/xxgk/tzgg/" + wanted
    last = listings.read(BASE, page(rows(3), '<script>createPageHTML(3, 2, "index", "html");</script>'))
    assert last.next is None


def test_next_page_link_is_followed_when_no_script_pager_exists():
    pager = '<div class="page"><a href="?page=1">上一页</a><a href="list_3.html">下一页</a></div>'
    assert listings.read(BASE, page(rows(3), pager)).next.url == "https://jyj.example.gov.cn/xxgk/tzgg/list_3.html"


HANWEB = ('<div id="5678"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?'
          'page=1&appid=1&webid=3&path=/&columnid=1234&unitid=5678&webname=X&permissiontype=0"></a>]]></nextgroup>'
          '<totalrecord>50</totalrecord><recordset>{records}</recordset></datastore></script></div>'
          "<script>$('#5678').jpage({{perPage: 15, totalRecord: 50}});</script>")


def record(i: int) -> str:
    return f'<record><![CDATA[<li><a href="/art/2024/5/{i}/art_1234_{i}.html">第{i}条</a><span>2024-05-{i:02d}</span></li>]]></record>'


def test_hanweb_datastore_rows_and_the_dataproxy_post_for_the_next_range():
    url = "https://www.example.gov.cn/col/col1234/index.html"
    found = listings.read(url, f"<html><body>{HANWEB.format(records=''.join(record(i) for i in range(1, 16)))}</body></html>")
    assert len(found.entries) == 15 and found.entries[0].date == "2024-05-01"
    nxt = found.next
    assert nxt.method == "POST" and nxt.url.endswith("/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=60&perpage=15")
    assert "columnid=1234" in nxt.body and "unitid=5678" in nxt.body and "webid=3" in nxt.body
    answer = listings.read(nxt.url, f"<datastore><recordset>{''.join(record(i) for i in range(16, 28))}</recordset></datastore>",
                           "text/xml", nxt.state)
    assert len(answer.entries) == 12 and answer.next is None          # 61 > totalrecord 50
    empty = datastore.read_proxy(nxt.url, "<datastore><recordset></recordset></datastore>", {**nxt.state, "total": None})
    assert empty.entries == [] and empty.next is None


def test_json_listing_pages_until_the_total_and_reads_timestamps_as_china_dates():
    url = "https://www.example.gov.cn/jyj/gkmlpt/api/all/101?page=1&sid=2"
    payload = {"classify": {"post_count": 25}, "articles": [
        {"id": i, "title": f"标题{i}", "date": 1704038400 + i, "url": f"https://www.example.gov.cn/post_{i}.html"}
        for i in range(10)]}
    found = listings.read(url, json.dumps(payload), "application/json")
    assert [e.date for e in found.entries][:1] == ["2024-01-01"]            # 2023-12-31T16:00Z = 2024-01-01 in China
    assert found.next.url.endswith("page=2&sid=2")
    third = listings.read(found.next.url.replace("page=2", "page=3"), json.dumps(payload), None, {"kind": "json", "per_page": 10})
    assert third.next is None


def test_directory_lists_every_leaf_column_or_the_one_its_fragment_names():
    text = ('<script>var CONFIG = {SID: "200016", TREE: [{"id": 2, "children": [{"id": 101, "children": []},'
            '{"id": 102, "children": []}]}, {"id": 103, "children": []}]};</script>')
    url = "https://www.example.gov.cn/jyj/gkmlpt/index"
    found = directory.read(url, text)
    assert [c.url for c in found.columns] == [f"https://www.example.gov.cn/jyj/gkmlpt/api/all/{c}?page=1&sid=200016"
                                              for c in (101, 102, 103)]
    assert [c.url.split("/")[-1] for c in directory.read(url, text, "102").columns] == ["102?page=1&sid=200016"]
    assert directory.read("https://www.example.gov.cn/jyj/other", text) is None


def test_dates_in_the_forms_gov_lists_use():
    assert dates.in_text("发布：2026.09.19") == "2026-09-19"
    assert dates.in_text("2023年1月5日") == "2023-01-05"
    assert dates.in_text("[2024/3/7]") == "2024-03-07"
    assert dates.in_text("2024-13-40") is None
    assert dates.in_url("https://x.gov.cn/a/202401/t20240116_1.html") == "2024-01-16"


def test_rerun_verdicts():
    record = {"date": "2024-01-05", "etag": '"abc"', "last_modified": "Fri, 05 Jan 2024 01:00:00 GMT"}
    assert verdict(False, "2024-01-05", record, False) == NEW
    assert verdict(True, "2024-01-06", record, False) == CHANGED
    assert verdict(True, "2024-01-05", record, False) == KNOWN
    assert verdict(True, "2024-01-05", record, True) == REVALIDATE
    assert verdict(True, "2024-01-06", None, True) == KNOWN           # held from elsewhere: nothing to compare
    assert conditional_headers(record) == {"If-None-Match": '"abc"', "If-Modified-Since": record["last_modified"]}


def test_listed_log_keeps_the_last_record_and_skips_a_torn_line(tmp_path):
    log = ListedLog(tmp_path)
    log.record("s", "1", "u1", "2024-01-01", '"a"', None)
    log.record("s", "1", "u1", "2024-01-02", '"b"', None)
    log.record("s", "1", "u1", "2024-01-02", '"b"', None)        # unchanged: no new line
    with (tmp_path / ".listed.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"site": "s", "id": "2", "da')
    assert len((tmp_path / ".listed.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    again = ListedLog(tmp_path)
    assert again.get("s", "1")["date"] == "2024-01-02" and again.get("s", "2") is None
