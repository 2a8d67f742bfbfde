"""Downloader/spider middlewares: replica routing, politeness, block pages, incremental skip.

Request order (low numbers first): KnownDocument (50) -> BlockPage (60) -> robots.txt (100)
-> ... -> RetryAfter (560) -> QuickMetaRefresh (580) -> ReplicaAddress (990) -> network.  Responses travel back in the opposite order, so the replica mapping is undone
before anything else looks at a URL.

    replica.py      ReplicaAddressMiddleware (REPLICA_ADDRESS: every request to the local replica)
    politeness.py   RetryAfterMiddleware (429/503 back-off), QuickMetaRefreshMiddleware
    slots.py        pausing, resuming and emptying a host's download slot
    blocks.py       BlockPageMiddleware (WAF/captcha pages: pause the host, then give it up)
    known.py        KnownDocumentMiddleware (incremental skip), MaxDocsMiddleware (-a max_docs)
    dupefilter.py   CanonicalDupeFilter (one request per document or canonical URL)

The request meta keys below are shared by several of them and by the spiders.
"""

ORIGINAL_URL = "wenku_original_url"     # the request's real URL while it is sent to the replica
BLOCKED = "wenku_blocked"               # why a request or its response counts as blocked
