"""A distributed crawl keys its Redis queue by the spider and its start arguments: the same
command on every worker gives the same keys; another site through the same spider, or another
query, is another crawl with keys of its own."""
from types import SimpleNamespace

from crawler.cluster.keys import CrawlKeys, crawl_name
from crawler.spiders.base import crawl_key


def test_a_spider_given_no_arguments_is_keyed_by_its_name():
    assert crawl_key("renrendoc", {"query": None, "start": ""}) == "renrendoc"
    assert CrawlKeys("wenku", crawl_name(SimpleNamespace(name="renrendoc"))).requests == "wenku:renrendoc:requests"


def test_the_same_arguments_give_the_same_key_and_other_arguments_another():
    one = crawl_key("generic", {"start": "https://jyj.demoxian.gov.cn/zwgk/", "follow": "1"})
    assert one == crawl_key("generic", {"follow": "1", "start": "https://jyj.demoxian.gov.cn/zwgk/"})
    assert one.startswith("generic:") and one != crawl_key("generic", {"start": "https://www.demoqu.gov.cn/", "follow": "1"})


def test_the_spiders_carry_their_crawl_key():
    from crawler.spiders.generic import GenericSpider
    spider = GenericSpider(start="https://jyj.demoxian.gov.cn/zwgk/")
    other = GenericSpider(start="https://www.demoqu.gov.cn/")
    assert crawl_name(spider) != crawl_name(other) and crawl_name(spider).startswith("generic:")
