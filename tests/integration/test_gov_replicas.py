"""The government replicas themselves: CMS behaviours, encodings, files, publishing, validators."""
from __future__ import annotations

import http.client
import json
import shutil
import subprocess
from urllib.parse import urlencode

import pypdfium2
import pytest

from replicas.client import fetch, local_target
from tests.support.crawl_support import serving_replicas
from tests.support.gov_support import column_url, documents, family

TRS, HANWEB, GKMLPT = "jyj.demoshi.gov.cn", "www.demoqu.gov.cn", "www.demobin.gov.cn"
PROXY = f"https://{HANWEB}/module/web/jpage/dataproxy.jsp"


@pytest.fixture()
def server():
    yield from serving_replicas()


def get(server, url, **kw):
    return fetch(url, server.test_port, **kw)


def post(server, url: str, form: dict):
    host, path = local_target(url)
    conn = http.client.HTTPConnection("127.0.0.1", server.test_port, timeout=10)
    try:
        conn.request("POST", path, body=urlencode(form), headers={"Host": host, "Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        conn.close()


def test_trs_pages_are_gbk_declared_only_in_a_meta_tag_with_a_gbk_only_character(server):
    page = get(server, column_url("gov_trs"))
    assert page.headers["content-type"] == "text/html"
    assert b"charset=gb2312" in page.body and 'createPageHTML(3, 0, "index", "html")' in page.body.decode("gbk")
    bodies = [get(server, d["url"]).body for d in documents("gov_trs", "text")]
    with_zhe = [b for b in bodies if "喆".encode("gbk") in b]
    assert len(with_zhe) == 1
    with pytest.raises(UnicodeDecodeError):
        with_zhe[0].decode("gb2312")


def test_hanweb_dataproxy_serves_any_range_by_post_and_nothing_past_the_end(server):
    form = {"col": 1, "appid": 1, "webid": 3, "columnid": 1234, "unitid": 5678}
    status, xml = post(server, f"{PROXY}?startrecord=16&endrecord=60&perpage=15", form)
    assert status == 200 and xml.count("<record>") == 45 and "<totalrecord>66</totalrecord>" in xml
    assert post(server, f"{PROXY}?startrecord=61&endrecord=105&perpage=15", form)[1].count("<record>") == 6
    assert "<record>" not in post(server, f"{PROXY}?startrecord=200&endrecord=245&perpage=15", form)[1]
    assert "<record>" not in post(server, f"{PROXY}?startrecord=1&endrecord=45&perpage=15", {**form, "columnid": 9})[1]
    assert get(server, f"{PROXY}?startrecord=1&endrecord=3&columnid=1234").body.decode().count("<record>") == 3


def test_hanweb_column_pages_by_uid_and_page_num_and_files_by_a_redirect(server):
    page3 = get(server, column_url("gov_hanweb") + "?uid=5678&pageNum=3").body.decode("utf-8")
    assert page3.count("<record>") == 15 and "art_1234_567030" in page3
    doc = documents("gov_hanweb", "attachment")[0]
    moved = get(server, doc["other_urls"][0])
    assert moved.status == 302 and moved.location == doc["url"]
    assert get(server, doc["url"]).headers["content-type"] == "application/pdf"


def test_gkmlpt_api_pages_a_column_and_wants_the_site_id(server):
    first = json.loads(get(server, f"https://{GKMLPT}/jyj/gkmlpt/api/all/101?page=1&sid=200016").body)
    assert first["classify"]["post_count"] == 12 and len(first["articles"]) == 10
    assert {"id", "title", "identifier", "publisher", "created_at", "date", "url"} <= set(first["articles"][0])
    assert json.loads(get(server, f"https://{GKMLPT}/jyj/gkmlpt/api/all/101?page=1&sid=1").body)["code"] == 404
    shell = get(server, column_url("gov_gkmlpt")).body.decode("utf-8")
    assert '"SID": "200016"' in shell and '"TREE": [' in shell


def test_files_are_real_documents_of_their_format(server):
    attachments = family("gov_trs")["attachments"]
    pdf_url = next(u for u, a in attachments.items() if a["format"] == "pdf" and not a["reject"])
    pdf = get(server, pdf_url)
    assert pdf.headers["content-type"] == "application/octet-stream" and pdf.body.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(pdf.body)
    assert "教育局" in document[0].get_textpage().get_text_range()
    scan = next(u for u, a in family("gov_hanweb")["attachments"].items() if a["reject"] == "no text layer")
    assert pypdfium2.PdfDocument(get(server, scan).body)[0].get_textpage().get_text_range().strip() == ""


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed (apt-get install antiword catdoc)")
def test_doc_and_wps_files_are_read_by_antiword(server, tmp_path):
    for name in ("gov_trs", "gov_hanweb"):
        url = next(u for u, a in family(name)["attachments"].items() if a["format"] in ("doc", "wps"))
        path = tmp_path / url.rsplit("/", 1)[1]
        path.write_bytes(get(server, url).body)
        out = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True, check=True)
        assert "教育局" in out.stdout.decode("utf-8")


def test_articles_answer_conditional_requests(server):
    url = documents("gov_trs", "text")[0]["url"]
    first = get(server, url)
    assert get(server, url, headers={"If-None-Match": first.headers["etag"]}).status == 304
    assert get(server, url, headers={"If-Modified-Since": first.headers["last-modified"]}).status == 304
    server.revise("gov_trs", url)
    assert get(server, url, headers={"If-None-Match": first.headers["etag"]}).status == 200


def test_publishing_puts_new_articles_at_the_top_and_survives_a_reset(server):
    urls = get(server, "http://127.0.0.1/_admin/publish?site=gov_hanweb&count=2").body.decode().split()
    server.reset()
    column = get(server, column_url("gov_hanweb")).body.decode("utf-8")
    assert len(urls) == 2 and all(u in column for u in urls)
    assert column.index(urls[1]) < column.index(urls[0])          # newest first
    assert "<totalrecord>68</totalrecord>" in column
    assert all(get(server, u).status == 200 for u in urls)


def test_missing_pages_answer_404_with_a_script_back_home(server):
    gone = get(server, f"https://{TRS}/xxgk/gzzj/202401/t20240101_1.html")
    assert gone.status == 404 and "location.href" in gone.body.decode("utf-8")
    assert get(server, f"https://{TRS}/xxgk/gzzj/index_0.html").status == 404
