"""Crawler building blocks without the engine: URLs, ids, middlewares, spiders from profiles."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import Settings

from cleaners import profiles
from crawler.endpoints import endpoint_text
from crawler.middlewares import BLOCKED
from crawler.middlewares.blocks import BlockPageMiddleware, sniff_text
from crawler.middlewares.dupefilter import CanonicalDupeFilter
from crawler.middlewares.politeness import RetryAfterMiddleware
from crawler.middlewares.replica import ReplicaAddressMiddleware
from crawler.spiders.base import page_selector, select_all
from crawler.spiders.profiled import politeness_settings
from crawler.urls import doc_id_for, doc_url_for, strip_tracking
from tests.support.crawl_support import ROOT


class FakeCrawler:
    """Just enough of a Crawler for middlewares that read settings and stats."""

    def __init__(self, **settings):
        from scrapy.statscollectors import MemoryStatsCollector
        self.settings = Settings({"WENKU_BLOCK_BACKOFF": 60, "WENKU_BLOCK_MAX": 2, **settings})
        self.stats = MemoryStatsCollector(self)
        self.engine = None
        self.spider = None


def test_tracking_parameters_and_fragments_are_dropped_but_real_parameters_stay():
    url = "https://www.renrendoc.com/search.html?utm_source=x&keyword=%E6%95%99&fr=bd&page=2#top"
    assert strip_tracking(url) == "https://www.renrendoc.com/search.html?keyword=%E6%95%99&page=2"


def test_p_and_paper_urls_on_m_and_www_hosts_are_one_document_with_one_url():
    renrendoc = profiles.get("renrendoc")
    urls = ["https://www.renrendoc.com/p-511241566.html?fr=search", "https://m.renrendoc.com/paper/511241566.html",
            "https://renrendoc.com/paper/511241566.html#comments"]
    assert {doc_id_for(renrendoc, u) for u in urls} == {"511241566"}
    assert {doc_url_for(renrendoc, "511241566", u) for u in urls} == {"https://www.renrendoc.com/paper/511241566.html"}


def test_clone_sites_of_one_family_keep_their_ids_apart():
    renrendoc = profiles.get("renrendoc")
    assert doc_id_for(renrendoc, "https://www.boteman.cn/paper/90031245.html") == "boteman.cn-90031245"
    assert doc_id_for(renrendoc, "https://www.renrendoc.com/list-gongzuozongjie-1.html") is None


def test_replica_mapping_sends_to_loopback_with_the_real_host_and_gives_the_url_back():
    mw = ReplicaAddressMiddleware("127.0.0.1:8800")
    request = Request("https://m.bingdoc.com/p-1.html?x=1")
    mw.process_request(request)
    assert request.url == "http://127.0.0.1:8800/p-1.html?x=1"
    assert request.headers["Host"] == b"m.bingdoc.com"
    assert request.meta["download_slot"] == "m.bingdoc.com"      # the exact host, as Scrapy keys slots
    response = mw.process_response(request, Response(request.url, status=301,
                                                     headers={"Location": "https://www.x.com/"}))
    assert response.url == request.url == "https://m.bingdoc.com/p-1.html?x=1"
    assert b"Host" not in request.headers


def test_retry_after_accepts_seconds_and_http_dates_and_is_capped():
    mw = RetryAfterMiddleware(FakeCrawler(WENKU_RETRY_AFTER_MAX=30, WENKU_RETRY_AFTER_DEFAULT=7))
    seconds = Response("http://a/", status=429, headers={"Retry-After": "3"})
    later = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 12))
    date = Response("http://a/", status=503, headers={"Retry-After": later})
    assert mw.wait_for(seconds) == 3
    assert 9 <= mw.wait_for(date) <= 12
    assert mw.wait_for(Response("http://a/", status=429, headers={"Retry-After": "9999"})) == 30
    assert mw.wait_for(Response("http://a/", status=429)) == 7


def test_429_is_retried_a_bounded_number_of_times_then_handed_on():
    mw = RetryAfterMiddleware(FakeCrawler(WENKU_RETRY_AFTER_TIMES=2, WENKU_RETRY_AFTER_DEFAULT=0))
    request = Request("http://a/doc.html")
    for times in (1, 2):
        request = mw.process_response(request, Response(request.url, status=429))
        assert isinstance(request, Request) and request.meta["retry_after_times"] == times
    final = mw.process_response(request, Response(request.url, status=429))
    assert isinstance(final, Response) and final.status == 429


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_block_page_is_recognised_in_utf8_and_gbk_and_its_host_given_up_after_the_limit(encoding):
    mw = BlockPageMiddleware(FakeCrawler())
    body = "<html><body><h2>网络环境安全验证</h2></body></html>".encode(encoding)
    for n in (1, 2):
        request = Request("https://www.doc88.com/p-1.html")
        mw.process_response(request, HtmlResponse(request.url, body=body))
        assert request.meta[BLOCKED].startswith("block page")
    with pytest.raises(Exception) as raised:
        mw.process_request(Request("https://www.doc88.com/p-2.html"))
    assert "given up" in str(raised.value)
    ordinary = Request("https://www.renrendoc.com/paper/1.html")
    assert mw.process_response(ordinary, HtmlResponse(ordinary.url, body="<p>工作总结</p>".encode())) is not None
    assert BLOCKED not in ordinary.meta


def test_generic_block_markers_hold_on_every_host_before_a_profile_adds_its_own():
    mw = BlockPageMiddleware(FakeCrawler())
    verify = '<form><input id="verifyCode" name="code"></form>'.encode()
    assert mw.block_reason("example.org", verify) == mw.block_reason("wenku.baidu.com", verify) == 'id="verifyCode"'
    # the generic list's order decides the reason: the exact marker, not the broader 'id="captcha'
    assert mw.block_reason("example.org", b'<div id="captcha_reading"></div>') == 'id="captcha_reading"'
    baidu_only = "<p>请先完成安全验证</p>".encode()     # baidu.toml's own marker, not a generic one
    assert mw.block_reason("wenku.baidu.com", baidu_only) == "安全验证"
    assert mw.block_reason("example.org", baidu_only) is None


def test_sniff_text_never_raises_on_a_character_cut_at_the_scan_boundary():
    data = "安全验证".encode("utf-8")
    assert sniff_text(data[:-1]).startswith("安全验")


def test_dupefilter_lets_one_request_per_document_through_but_every_preview_page():
    dupes = CanonicalDupeFilter()
    first = Request("https://www.renrendoc.com/paper/1.html", meta={"doc_id": "1", "site": "renrendoc"})
    alias = Request("https://www.renrendoc.com/p-1.html", meta={"doc_id": "1", "site": "renrendoc"})
    page2 = Request("https://www.35331.cn/lhs_ab_2.html", meta={"doc_id": "1", "site": "renrendoc", "doc_page": 2})
    assert [dupes.request_seen(r) for r in (first, alias, page2)] == [False, True, False]
    tracked = Request("https://www.renrendoc.com/list-1.html?utm_source=x")
    assert not dupes.request_seen(Request("https://www.renrendoc.com/list-1.html"))
    assert dupes.request_seen(tracked)


def test_navigation_reads_a_gbk_page_without_declared_charset_correctly():
    body = '<html><body><div class="page"><a class="next" href="/2.html">下一页</a></div></body></html>'.encode("gbk")
    response = HtmlResponse("https://www.x.cn/1.html", body=body, headers={"Content-Type": "text/html"})
    sel = page_selector(response)
    assert sel.css("a.next::text").get() == "下一页"
    assert select_all(sel, ["//a[contains(., '下一页')]/@href", "div.page a.next"]) == ["/2.html", "/2.html"]


def test_endpoint_text_reads_jsonp_pages_and_treats_refusals_as_no_text():
    ok = 'jsonpReturn({"status":200,"page":3,"text":"第三页正文"})'.encode()
    refused = 'jsonpReturn({"status":0,"msg":"试读结束只能查看 5 页"})'.encode()
    assert endpoint_text(ok) == "第三页正文"
    assert endpoint_text(refused) is None
    assert endpoint_text(b"<html>not json</html>") is None


def test_politeness_comes_from_the_profile_with_a_floor_and_can_only_be_switched_off_explicitly():
    settings = Settings({"WENKU_POLITE": True, "WENKU_DELAY_FLOOR": 1.0})
    fast_profile = profiles.Profile(name="x", hosts=("x.com",), download_delay=0.1, concurrency=8)
    polite = politeness_settings(fast_profile, settings)
    assert polite["DOWNLOAD_DELAY"] == 1.0 and polite["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2
    assert polite["DOWNLOAD_SLOTS"]["x.com"] == {"delay": 1.0, "concurrency": 2}
    off = politeness_settings(fast_profile, Settings({"WENKU_POLITE": False}))
    assert off["DOWNLOAD_DELAY"] == 0 and off["AUTOTHROTTLE_ENABLED"] is False


def test_default_settings_obey_robots_and_name_the_project():
    from crawler import settings
    assert settings.ROBOTSTXT_OBEY and settings.AUTOTHROTTLE_ENABLED and settings.WENKU_POLITE
    assert settings.WENKU_CONTACT_URL in settings.USER_AGENT and "wenku-corpus" in settings.USER_AGENT


def test_a_new_profile_file_gives_a_new_spider(tmp_path):
    (tmp_path / "newsite.toml").write_text(
        'name = "newsite"\nhosts = ["newsite.cn"]\ndoc_url = [\'/d/(?P<id>\\d+)\']\n', encoding="utf-8")
    env = {"WENKU_PROFILES": str(tmp_path), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    names = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=60).stdout.split()
    assert "newsite" in names and "renrendoc" in names and "generic" in names
    assert "_generic" not in names


def test_retry_after_pauses_only_that_hosts_download_slot_and_the_next_success_resumes_it():
    from types import SimpleNamespace

    from scrapy.core.downloader import Slot
    slots = {"renrendoc.com": Slot(1, 0.0), "bingdoc.com": Slot(1, 0.0)}
    crawler = FakeCrawler(WENKU_RETRY_AFTER_DEFAULT=0)
    crawler.engine = SimpleNamespace(downloader=SimpleNamespace(slots=slots))
    mw = RetryAfterMiddleware(crawler)
    request = Request("https://www.renrendoc.com/paper/1.html", meta={"download_slot": "renrendoc.com"})
    retry = mw.process_response(request, Response(request.url, status=429, headers={"Retry-After": "5"}))
    assert isinstance(retry, Request) and retry.dont_filter
    assert slots["renrendoc.com"].delay == 5 and slots["bingdoc.com"].delay == 0
    assert time.monotonic() - slots["renrendoc.com"].lastseen < 1      # the wait starts now
    mw.process_response(retry, Response(request.url, status=200))
    assert slots["renrendoc.com"].delay == 0


def test_the_installed_scrapy_gets_the_concurrency_holding_downloader():
    # if a Scrapy upgrade renames the helpers it relies on, this says so (it then falls back
    # to Scrapy's own downloader, which lets a host's whole queue go at DOWNLOAD_DELAY = 0)
    from crawler import settings
    from crawler.downloader import FIXABLE, ConcurrentSlotDownloader
    assert FIXABLE and "_process_queue" in ConcurrentSlotDownloader.__dict__
    assert settings.DOWNLOADER == "crawler.downloader.ConcurrentSlotDownloader"


def test_the_crawler_process_does_not_import_the_cleaning_pipeline():
    """The cleaners' pipeline (tables, OpenCC, trafilatura) is the writer's business: importing it
    in the crawler process would only lengthen the crawl's start-up."""
    crawler_side = ("crawler.pipelines", "crawler.middlewares.known", "crawler.middlewares.blocks",
                    "crawler.middlewares.politeness", "crawler.middlewares.replica", "crawler.middlewares.dupefilter",
                    "crawler.spiders.profiled", "crawler.handoff.launch", "crawler.handoff.writer_state")
    code = f"import sys, {', '.join(crawler_side)}; print('cleaners.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_early_writer_no_crawl_takes_over_exits_without_opening_the_store(tmp_path):
    from crawler.handoff import launch
    out = tmp_path / "out"
    launch.start_early(out, True, 0)
    launch.discard_early()
    assert not out.exists()     # the store is opened at the first document only


def test_contact_url_setting_goes_into_the_user_agent():
    from scrapy import Request
    from scrapy.utils.test import get_crawler

    from crawler.middlewares.identity import ContactUserAgentMiddleware
    crawler = get_crawler(settings_dict={"WENKU_CONTACT_URL": "https://my.lab.example/crawler"})
    middleware = ContactUserAgentMiddleware.from_crawler(crawler)
    request = Request("https://example.com/")
    middleware.process_request(request)
    agent = request.headers["User-Agent"].decode()
    assert "+https://my.lab.example/crawler" in agent and agent.startswith("wenku-corpus/")


def test_a_user_agent_set_outright_wins_over_the_contact_template():
    from scrapy.settings import Settings

    from crawler.middlewares.identity import user_agent
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("USER_AGENT", "my-bot/1.0", priority="cmdline")
    assert user_agent(settings) == "my-bot/1.0"


def test_replica_routing_keys_download_slots_by_the_exact_host():
    from scrapy import Request

    from crawler.middlewares.replica import ReplicaAddressMiddleware
    middleware = ReplicaAddressMiddleware("127.0.0.1:9")
    slots = set()
    for url in ("https://www.renrendoc.com/p-1.html", "https://m.renrendoc.com/p-2.html"):
        request = Request(url)
        middleware.process_request(request)
        slots.add(request.meta["download_slot"])
    assert slots == {"www.renrendoc.com", "m.renrendoc.com"}


def test_query_parameters_that_select_a_document_are_kept():
    assert strip_tracking("http://jyj.x.gov.cn/view.jsp?sid=123&utm_source=a") == "http://jyj.x.gov.cn/view.jsp?sid=123"
    assert strip_tracking("http://jyj.x.gov.cn/a.aspx?id=7&from=timeline") == "http://jyj.x.gov.cn/a.aspx?id=7"


def test_generic_spider_does_not_follow_a_redirect_to_another_host():
    from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
    from scrapy.exceptions import IgnoreRequest
    from scrapy.utils.test import get_crawler

    from crawler.spiders.generic import GenericSpider
    crawler = get_crawler(GenericSpider, {"WENKU_POLITE": False})
    spider = GenericSpider.from_crawler(crawler, start="http://jyj.demoxian.gov.cn/col/index.html")
    crawler.spider = spider
    offsite = OffsiteMiddleware.from_crawler(crawler)
    offsite.spider_opened(spider)
    redirected = Request("http://ads.elsewhere.example/landing", meta={"redirect_times": 1})
    with pytest.raises(IgnoreRequest):
        offsite.process_request(redirected)
    assert offsite.process_request(Request("http://jyj.demoxian.gov.cn/art/1.html")) is None


def test_summary_counts_superseded_copies_as_duplicates_and_lost_ones_as_failed(tmp_path):
    import json

    from crawler.extensions.summary import reconcile_with_manifest
    rows = [{"site": "bingdoc", "kept": 5, "partial": 2, "duplicate": 1, "failed": 0},
            {"site": "generic", "kept": 4, "partial": 0, "duplicate": 0, "failed": 0}]
    ledger = [{"site": "bingdoc", "outcomes": ["kept"], "results": [str(n)]} for n in range(5)]
    ledger += [{"site": "jyj.x.gov.cn", "outcomes": ["kept"], "results": [f"g{n}"]} for n in range(4)]
    old = b'{"site": "bingdoc", "outcomes": ["kept"], "results": ["old"]}\n'
    (tmp_path / ".crawl-ledger.jsonl").write_bytes(old + "".join(json.dumps(r) + "\n" for r in ledger).encode())
    superseded = [{"site": "bingdoc", "id": "3", "status": "superseded"},
                  {"site": "bingdoc", "id": "4", "status": "superseded"},
                  {"site": "bingdoc", "id": "old", "status": "superseded"}]       # an earlier run's
    records = [{"site": "bingdoc", "id": "0", "aliases": superseded}, {"site": "bingdoc", "id": "1"},
               {"site": "bingdoc", "id": "2"}] + [{"site": "jyj.x.gov.cn", "id": f"g{n}"} for n in range(3)]
    (tmp_path / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    bingdoc, generic = reconcile_with_manifest(rows, tmp_path, ledger_offset=len(old))
    assert (bingdoc["kept"], bingdoc["partial"], bingdoc["duplicate"], bingdoc["failed"]) == (3, 0, 3, 0)
    assert (generic["kept"], generic["duplicate"], generic["failed"]) == (3, 0, 1)     # g3: lost with its batch



def test_crawl_cleaning_options_carry_the_limits_settings():
    from crawler.handoff.documents import cleaning_options, pipeline_options
    settings = Settings()
    settings.setmodule("crawler.settings")
    settings.set("WENKU_MAX_CHARS", 1234)
    options = pipeline_options(cleaning_options(settings))
    assert options.max_chars == 1234 and options.max_elements == settings.getint("WENKU_MAX_ELEMENTS")


def test_crawl_cleaning_options_read_the_folders_host_lines_unless_switched_off(tmp_path):
    from crawler.handoff.documents import cleaning_options, pipeline_options
    settings = Settings()
    settings.setmodule("crawler.settings")
    settings.set("WENKU_HOST_MIN_DOCS", 7)
    on = pipeline_options(cleaning_options(settings), tmp_path)
    assert on.host_lines.min_docs == 7 and on.host_lines.path.startswith(str(tmp_path.resolve()))
    settings.set("WENKU_HOST_LINES", False)
    assert pipeline_options(cleaning_options(settings), tmp_path).host_lines is None


RUISHU_412 = ("<html><head><meta id=\"9DhefwqGPrzGxEp9hPaoag\" content=\"x8f\" r='m'>"
              "<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84209;"
              "</script></head><body></body></html>")
WZWS_200 = ("<html><body><noscript>Please enable JavaScript and refresh the page.</noscript>"
            "<script>var c='/WZWSREL2luZm8vMjAyNC5odG1s';</script></body></html>")
JIASULE_521 = "<script>document.cookie='__jsl_clearance_s=1701;max-age=3600;path=/';location.href=location.pathname+location.search</script>"


@pytest.mark.parametrize("status, body, headers, reason", [
    (412, RUISHU_412, {}, "HTTP 412 WAF challenge"),
    (202, RUISHU_412, {}, "$_ts=window["),
    (200, WZWS_200, {}, "WZWSREL"),
    (521, JIASULE_521, {}, "HTTP 521 WAF challenge"),
    (200, "<html><body>请稍候</body></html>", {"Set-Cookie": "yunsuo_session_verify=abc; path=/"},
     "WAF cookie yunsuo_session_verify"),
    (200, "<html><head><title>访问异常页面</title></head><body>您的访问存在异常</body></html>", {},
     "<title>访问异常页面</title>"),
])
def test_government_waf_challenges_are_blocks_and_the_host_is_given_up_not_polled(status, body, headers, reason):
    mw = BlockPageMiddleware(FakeCrawler())
    for n in (1, 2):
        request = Request(f"http://jyj.demoxian.gov.cn/art/2024/{n}.html")
        mw.process_response(request, HtmlResponse(request.url, status=status, body=body.encode(), headers=headers))
        assert request.meta[BLOCKED] == f"block page: {reason}"
    with pytest.raises(Exception) as raised:
        mw.process_request(Request("http://jyj.demoxian.gov.cn/art/2024/3.html"))
    assert "given up" in str(raised.value)


def test_an_ordinary_government_article_is_not_a_waf_challenge():
    mw = BlockPageMiddleware(FakeCrawler())
    request = Request("http://jyj.demoxian.gov.cn/art/2024/1.html")
    page = "<html><head><meta name='ArticleTitle' content='工作总结'></head><body><p>全面推进义务教育</p></body></html>"
    mw.process_response(request, HtmlResponse(request.url, status=200, body=page.encode(),
                                              headers={"Set-Cookie": "JSESSIONID=abc; path=/"}))
    assert BLOCKED not in request.meta


def test_summary_adjusts_several_crawls_of_one_spider_once(tmp_path):
    import json

    from crawler.extensions.summary import reconcile_with_manifest
    rows = [{"site": "generic", "kept": 2, "partial": 0, "duplicate": 0, "failed": 0},
            {"site": "generic", "kept": 3, "partial": 0, "duplicate": 0, "failed": 0}]
    ledger = [{"site": "a.gov.cn", "outcomes": ["kept"], "results": [f"a{n}"]} for n in range(2)]
    ledger += [{"site": "b.gov.cn", "outcomes": ["kept"], "results": [f"b{n}"]} for n in range(3)]
    (tmp_path / ".crawl-ledger.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ledger), encoding="utf-8")
    records = [{"site": "a.gov.cn", "id": "a0"}, {"site": "b.gov.cn", "id": "b0"}, {"site": "b.gov.cn", "id": "b1"},
               {"site": "b.gov.cn", "id": "b2", "aliases": [{"site": "a.gov.cn", "id": "a1", "status": "superseded"}]}]
    (tmp_path / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    rows = reconcile_with_manifest(rows, tmp_path)
    assert sum(r["kept"] for r in rows) == len(records)
