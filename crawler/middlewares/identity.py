"""Who we are, on every request: the User-Agent names the project and its contact URL.

`-s WENKU_CONTACT_URL=https://my.lab/crawler` puts the operator's own page into the
User-Agent (site operators should be able to reach whoever runs the crawl), unless the user
set `USER_AGENT` outright, which then wins as in any Scrapy project.
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware

USER_AGENT_TEMPLATE = "wenku-corpus/0.1 (research corpus crawler; +{contact})"


def user_agent(settings) -> str:
    """The User-Agent a crawl with these settings sends."""
    if settings.getpriority("USER_AGENT") > settings.getpriority("WENKU_CONTACT_URL"):
        return settings.get("USER_AGENT")
    return USER_AGENT_TEMPLATE.format(contact=settings.get("WENKU_CONTACT_URL"))


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """Scrapy's User-Agent middleware, with the contact URL taken from the settings."""

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(user_agent(crawler.settings))
        crawler.signals.connect(middleware.spider_opened, signal="spider_opened")
        return middleware
