"""The next page of an HTML listing: a JS pager's page files (TRS createPageHTML), or a 下一页 link."""
from __future__ import annotations

from urllib.parse import urljoin

from crawler.listings import rules
from crawler.listings.shapes import PageRequest
from crawler.urls import absolute


def next_page(root, text: str, url: str) -> PageRequest | None:
    for pager in rules.section("script_pagers") or []:
        m = rules.compiled(pager["pattern"]).search(text)
        if m:
            pages, current = int(m.group("pages")), int(m.group("current"))
            if current + 1 >= pages:
                return None
            name = pager["page"].format(prefix=m.group("prefix"), ext=m.group("ext"), n=current + 1)
            return PageRequest(urljoin(url, name))
    wanted = set(rules.section("listing").get("next_page_texts", []))
    for link in root.iter("a"):
        label = " ".join((link.text_content() or "").split())
        if label in wanted or (link.get("title") or "").strip() in wanted:
            target = absolute(url, link.get("href"))
            if target and target.split("#", 1)[0] != url.split("#", 1)[0]:
                return PageRequest(target)
    return None
