"""Scrapy settings for the wenku-corpus crawler: polite by default.

Everything here can be overridden per run with `-s NAME=VALUE`.  Tests and the
benchmark turn the delays off (`WENKU_POLITE=False`); a real crawl should not.
"""

BOT_NAME = "wenku_corpus"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Who we are -----------------------------------------------------------
# Site operators should be able to see who is crawling and how to reach us.
# `-s WENKU_CONTACT_URL=...` goes into the User-Agent (crawler/middlewares/identity.py).
WENKU_CONTACT_URL = "https://github.com/wenku-corpus/wenku-corpus"
USER_AGENT = f"wenku-corpus/0.1 (research corpus crawler; +{WENKU_CONTACT_URL})"

# --- Politeness -----------------------------------------------------------
ROBOTSTXT_OBEY = True
# Master switch: False drops every delay (profile delays, floor, AutoThrottle) for
# loopback tests and benchmarks against the replica server. Never for real sites.
WENKU_POLITE = True
# No host is ever hit faster than this, whatever a profile says.
WENKU_DELAY_FLOOR = 1.0
DOWNLOAD_DELAY = 2.0
DOWNLOAD_DELAY_JITTER = 0.5
CONCURRENT_REQUESTS = 16            # across all hosts
CONCURRENT_REQUESTS_PER_DOMAIN = 1  # per host; profiles may raise it to 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# 429/503: our RetryAfterMiddleware waits `Retry-After` (capped) and retries a few
# times; Scrapy's own RetryMiddleware keeps handling 5xx/timeouts without waiting.
WENKU_RETRY_AFTER_DEFAULT = 10.0    # seconds, when a 429/503 has no Retry-After
WENKU_RETRY_AFTER_MAX = 120.0       # never wait longer than this for one response
WENKU_RETRY_AFTER_TIMES = 4         # then give up on the request
RETRY_HTTP_CODES = [500, 502, 504, 522, 524, 408]
RETRY_TIMES = 2
# A block page (WAF/captcha) is never retried: it pauses its host for this long, and
# after WENKU_BLOCK_MAX block pages the host is given up for the rest of the run.
WENKU_BLOCK_BACKOFF = 600.0        # the spider stays open meanwhile if that host has work left
WENKU_BLOCK_MAX = 2
DOWNLOAD_TIMEOUT = 30

# --- Discovery limits ---------------------------------------------------------
# Scrapy's DEPTH_LIMIT would also count listing pages (page 8 of a listing is depth 8),
# so it is off; related-document chains have their own limit, listings theirs.
DEPTH_LIMIT = 0
WENKU_MAX_RELATED_HOPS = 2          # document -> related -> related, no further
WENKU_MAX_DOC_PAGES = 50            # preview pages followed per document
WENKU_MAX_LISTING_PAGES = 200       # search/listing result pages per start URL
# Government columns (`scrapy crawl generic -a start=COLUMN_URL`, crawler/spiders/columns.py):
# a rerun stops reading a listing's pages after this many already-held rows in a row.
WENKU_LISTING_MARGIN = 5
# A rerun asks the server about the held articles it lists (If-None-Match / If-Modified-Since,
# one request each, 304 = unchanged) instead of trusting their listed dates alone.
WENKU_REVALIDATE = False
# Files linked from articles (pdf doc docx wps ofd xls xlsx et) are fetched as documents of
# their own, up to this size (a larger one is recorded in rejects.jsonl as "too large").
WENKU_ATTACHMENTS = True
WENKU_ATTACHMENT_MAX_BYTES = 30 * 1024 * 1024
# CLOSESPIDER_ITEMCOUNT / CLOSESPIDER_PAGECOUNT / CLOSESPIDER_TIMEOUT work as usual;
# `-a max_docs=N` stops after N document items.

# --- Output -------------------------------------------------------------------
WENKU_OUT = "output"                # same layout as `python -m cleaners clean --out`
WENKU_DEDUP = True
WENKU_REFRESH = False               # True: fetch documents even if already held
WENKU_WARC = ""                     # path of a .warc.gz to archive raw responses into
WENKU_SCRIPT = "simplified"         # simplified | keep | traditional
# Limits (cleaners.pipeline.Options): a document over one is rejected with the limit as reason.
DOWNLOAD_MAXSIZE = 64 * 2**20       # bytes of one response (Scrapy drops larger ones)
WENKU_MAX_DOC_BYTES = 64 * 2**20    # bytes of one document, all its pages
WENKU_MAX_CHARS = 5_000_000         # characters of one document's text
WENKU_MAX_ELEMENTS = 200_000        # elements of one HTML page
WENKU_MAX_DEPTH = 1_500             # element nesting of one HTML page
# Site-level repetition: count, per host, the short lines of every kept document (OUT/.host_lines.sqlite,
# kept across runs) and remove those a host repeats on WENKU_HOST_MIN_DOCS of its documents (and a
# fifth of them): its navigation, footers and notices (cleaners/steps/host_repeats.py).
WENKU_HOST_LINES = True
WENKU_HOST_MIN_DOCS = 5
# Where documents are cleaned and stored: "process" = one writer process per output folder
# (crawler/handoff/writer.py), so fetching and cleaning use two cores; "inline" = in the crawler
# process (one process; enough for a polite crawl of one page per host every few seconds).
WENKU_WRITER = "process"
# Documents handed to the writer and not yet stored before the pipeline waits for it.
WENKU_WRITER_BACKLOG = 500
# Cleaning processes under the writer (WENKU_WRITER="process"): 0 = the writer cleans, then
# stores, one document after the other; N = N processes clean while the writer only stores.
# Cleaning costs about as much CPU as fetching, so on a fast (loopback) crawl one writer is
# the bottleneck; a polite crawl of real sites needs none.
WENKU_CLEAN_WORKERS = 0
# --- Run reports and health (crawler/extensions/health.py, crawler/reports/) -------
WENKU_REPORT = True                 # OUT/runs/<run-id>/report.json + report.html, OUT/runs/index.html
WENKU_JOB = ""                      # runs of one job are compared; default: the spider's name
WENKU_HEALTH_MAX_BLOCK_RATE = 0.2   # unhealthy above: block pages / pages fetched, per site
WENKU_HEALTH_MAX_ERROR_RATE = 0.2   # unhealthy above: (HTTP errors + download errors) / attempts, per site
WENKU_HEALTH_MIN_FOUND_RATIO = 0.5  # unhealthy below: documents found / the job's previous healthy run's
WENKU_HEALTH_MIN_PAGES = 10         # rates are judged over at least this many pages (fewer say nothing)
WENKU_RUN_LOCK_TIMEOUT = 0          # seconds to wait for another run in the same folder; 0: as long as it takes
COMMANDS_MODULE = "crawler.commands"   # `scrapy crawl` exits 1 on an unhealthy run
# Distributed crawl (crawler/cluster/): many workers, one writer (`python -m cleaners ingest`).
# Set WENKU_REDIS_URL (redis://HOST:PORT/DB) on every worker: the request queue and dupefilter
# move to Redis, documents go to the stream WENKU_REDIS_STREAM instead of the local store.
WENKU_REDIS_URL = ""
WENKU_REDIS_PREFIX = "wenku"        # key prefix: one per crawl (or a fresh DB), the queue persists
WENKU_REDIS_STREAM = "wenku:documents"
WENKU_REDIS_IDLE = 60.0             # a worker stops when no worker handled a response for this long
WENKU_REDIS_BACKLOG = 20000         # stream entries waiting for the writer before workers wait
# Redis that stops answering mid-run is waited for this long (a restart, a failover), then the
# crawl closes with the finish reason `redis_lost` and exits 1 (unreachable at the start: at once).
WENKU_REDIS_LOST_AFTER = 60.0
ADDONS = {"crawler.cluster.addon.ClusterAddon": 0}
# Replica mode: "127.0.0.1:PORT" sends every request to the local replica server,
# keeping the original Host header (tests, benchmark, `python -m crawler demo`).
REPLICA_ADDRESS = ""

ITEM_PIPELINES = {
    "crawler.pipelines.CleanAndStorePipeline": 300,
}
DOWNLOADER_MIDDLEWARES = {
    # low numbers run first on requests, last on responses
    "crawler.middlewares.known.KnownDocumentMiddleware": 50,
    "crawler.middlewares.blocks.BlockPageMiddleware": 60,
    "crawler.middlewares.politeness.RetryAfterMiddleware": 560,   # before RetryMiddleware (550) sees 503
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.middlewares.identity.ContactUserAgentMiddleware": 500,
    # the same meta-refresh redirects, without decoding every page that has no refresh tag
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.politeness.QuickMetaRefreshMiddleware": 580,
    "crawler.middlewares.replica.ReplicaAddressMiddleware": 990,
    # Every middleware is a layer each request and response passes through (~1/20 of a
    # page's CPU on a loopback crawl each); these do nothing for an anonymous crawler:
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,   # no HTTP auth anywhere
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.known.MaxDocsMiddleware": 40,
    # DEPTH_LIMIT is off (see above): related hops and listing pages have their own limits
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    # our requests are canonical listing/document URLs, never multi-kilobyte ones
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    # a debugging aid for spiders that copy response.meta; ours copy chosen keys only
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
# Anonymous visitors: no session is ever reused, so cookies are neither stored nor sent.
# (`-s COOKIES_ENABLED=True` for a site whose public preview needs a session cookie.)
COOKIES_ENABLED = False
EXTENSIONS = {
    "crawler.extensions.summary.CrawlSummary": 500,
    "crawler.extensions.health.RunHealth": 505,      # run lock, health checks, OUT/runs/<run-id>/report
    "crawler.extensions.warc.WarcArchive": 510,
    "crawler.extensions.heap.FrozenStartupHeap": 900,
    # disabled below (REMOTE_CONTROL_ENABLED); not even imported: its module loads aiohttp (~0.2 s of start-up)
    "scrapy.extensions.remote_control.RemoteControl": None,
}
# The dupefilter is in-memory on purpose, even with JOBDIR: after a `kill -9` the
# in-flight requests are re-discovered instead of being remembered as seen and lost.
DUPEFILTER_CLASS = "crawler.middlewares.dupefilter.CanonicalDupeFilter"

# First in, first out within a priority: listing pages (15) run ahead, documents (10)
# are fetched in the order the listings show them, a document's further preview pages
# (20) go before new documents so few documents are half-read at any time.
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# A JOBDIR queue left open by a killed crawl is recovered, not half-read (crawler/scheduler.py).
SCHEDULER = "crawler.scheduler.CrashSafeScheduler"
# Per-host concurrency held with no download delay too (crawler/downloader.py).
DOWNLOADER = "crawler.downloader.ConcurrentSlotDownloader"
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"

# --- Engine ---
# A page yields one item and a few requests, and the item pipeline only hands the item
# to the writer: Scrapy's default of 100 parallel item slots per response costs 100
# asyncio tasks per page (4 slots: 4 tasks), for no overlap worth having.
CONCURRENT_ITEMS = 1
STATS_CLASS = "crawler.extensions.summary.PlainStatsCollector"
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
# "Crawled (200) <GET ...>" / "Scraped from ..." are DEBUG lines; built and thrown away
# twice per page at INFO unless the formatter skips them.
LOG_FORMATTER = "crawler.extensions.summary.QuietLogFormatter"
# Scrapy's check for `return value` in generator callbacks re-reads and parses the callback's
# source whenever its small weak cache misses (hundreds of times a crawl); ours return nothing.
WARN_ON_GENERATOR_RETURN_VALUE = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False      # no listening ports: a crawl is driven from the command line
