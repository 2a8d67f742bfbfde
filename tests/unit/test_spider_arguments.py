"""Spider arguments (`-a key=value`) checked when the spider is made: one clear error each."""
import subprocess
import sys

import pytest

from crawler.spiders.arguments import SpiderArgumentError, reject_unknown, whole_number
from crawler.spiders.generic import GenericSpider
from tests.support.crawl_support import NO_NETWORK, ROOT, crawl_env


def test_a_whole_number_argument_is_read_or_named_with_what_to_give():
    assert whole_number("max_docs", "50") == 50
    assert whole_number("max_docs", None) is None and whole_number("follow", "", default=0) == 0
    with pytest.raises(SpiderArgumentError, match=r"-a max_docs=abc: not a whole number; give e.g. -a max_docs=50"):
        whole_number("max_docs", "abc")
    with pytest.raises(SpiderArgumentError, match=r"-a follow=-1: give a number of 0 or more"):
        whole_number("follow", "-1")


def test_an_unknown_argument_is_refused_but_scrapyd_own_pass():
    class Spider:
        name = "generic"

        def __init__(self, start=None, urls=None, **kwargs):
            pass

    reject_unknown(Spider(), ["_job", "_version"])
    with pytest.raises(SpiderArgumentError, match=r"takes no argument max_doc; it takes -a start=…, -a urls=…"):
        reject_unknown(Spider(), ["max_doc"])


def test_the_generic_spider_refuses_a_typo_a_bad_number_and_a_bad_pattern():
    for kwargs, said in (({"start": "https://jyj.example.gov.cn/", "folow": "2"}, "takes no argument folow"),
                         ({"start": "https://jyj.example.gov.cn/", "follow": "two"}, "-a follow=two: not a whole number"),
                         ({"start": "https://jyj.example.gov.cn/", "doc_pattern": "(x"}, "-a doc_pattern=(x: not a regular expression"),
                         ({"urls": "/no/such/list.txt"}, "cannot read the URL list /no/such/list.txt")):
        with pytest.raises(SpiderArgumentError, match=said.replace("(", r"\(")):
            GenericSpider(**kwargs)
    spider = GenericSpider(start="https://jyj.example.gov.cn/", follow="2", max_docs="5")
    assert spider.follow == 2 and spider.max_docs == 5


def test_scrapy_crawl_with_a_bad_argument_exits_2_with_one_error_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "renrendoc", "-a", "max_doc=5",
                           "-s", f"WENKU_OUT={tmp_path / 'out'}", "-s", "LOG_LEVEL=WARNING", "-s", NO_NETWORK],
                          cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("error: the renrendoc spider takes no argument max_doc")
    assert not (tmp_path / "out").exists()
