"""`scrapy crawl`, exiting 1 when the run-health extension judged the run unhealthy.

Scrapy's own command exits 1 only when the crawl could not start; a project may
replace a command through COMMANDS_MODULE, which is what this is: Scrapy's `run`
with the crawler kept, so its `wenku/health` stat can be read at the end.  The
report (OUT/runs/<run-id>/report.html) is written either way.
"""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError
from twisted.internet.defer import Deferred

from crawler.cluster.keys import RedisUnreachable
from crawler.runlock import OutputFolderError
from crawler.spiders.arguments import SpiderArgumentError

# Errors of a crawl that could not start whose message says all there is to say (what is wrong,
# what to do): one line on stderr, not a traceback.
USAGE_ERRORS = (SpiderArgumentError, OutputFolderError)      # ... of the command line: exit 2
EXPLAINED = (RedisUnreachable, *USAGE_ERRORS)


def explain_start_failure(outcome, explained: list | None = None) -> None:
    """Print the EXPLAINED error a crawl could not start with (`outcome`: what CrawlerProcess.crawl
    returned, a Deferred or an asyncio Task), appended to `explained`; the run still fails
    (Scrapy's `bootstrap_failed`)."""
    def explain(error):
        if isinstance(error, EXPLAINED):
            print(f"error: {error}", file=sys.stderr, flush=True)
            if explained is not None:
                explained.append(error)
            return None
        return error                  # anything else: as Scrapy reports it

    if isinstance(outcome, Deferred):
        # (an errback's return value is the Deferred's new result: the failure itself, so that
        # Scrapy still reports what is not explained, instead of an exception object as a value)
        outcome.addErrback(lambda failure: None if explain(failure.value) is None else failure)
    elif outcome is not None:
        def done(task):
            error = None if task.cancelled() else task.exception()
            if error is not None and explain(error) is not None:
                task.get_loop().call_exception_handler({"message": "Crawl failed to start", "exception": error,
                                                        "future": task})
        outcome.add_done_callback(done)


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("give one spider name" if not args else
                             "running 'scrapy crawl' with more than one spider is not supported")
        crawler = self._create_crawler(args[0])
        explained: list[BaseException] = []
        explain_start_failure(self.crawler_process.crawl(crawler, **opts.spargs), explained)
        self.crawler_process.start()
        if any(isinstance(error, USAGE_ERRORS) for error in explained):
            self.exitcode = 2         # a usage error, as Scrapy's own
        elif self.crawler_process.bootstrap_failed or crawler.stats.get_value("wenku/health") == "unhealthy":
            self.exitcode = 1
