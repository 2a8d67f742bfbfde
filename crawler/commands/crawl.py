"""`scrapy crawl`, exiting 1 when the run-health extension judged the run unhealthy.

Scrapy's own command exits 1 only when the crawl could not start; a project may
replace a command through COMMANDS_MODULE, which is what this is: Scrapy's `run`
with the crawler kept, so its `wenku/health` stat can be read at the end.  The
report (OUT/runs/<run-id>/report.html) is written either way.
"""
from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name" if not args else
                             "running 'scrapy crawl' with more than one spider is not supported")
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed or crawler.stats.get_value("wenku/health") == "unhealthy":
            self.exitcode = 1
