"""A tiny urllib client that talks to the replica server as if it were the real site.

`fetch("https://m.bingdoc.com/p-1.html", port)` connects to 127.0.0.1:port,
sends `Host: m.bingdoc.com`, and never follows redirects (a 3xx comes back as
a `Fetched` with its Location), so no request can leave the machine.  This is
the same rewrite the crawler's replica middleware performs.
"""
from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Fetched:
    url: str
    status: int
    headers: dict[str, str]   # lower-case names
    body: bytes

    @property
    def location(self) -> str | None:
        return self.headers.get("location")


def local_target(url: str) -> tuple[str, str]:
    """(Host header, path-with-query) for a real-site URL."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"{url!r} is not an absolute URL; replica URLs need the real host name")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.hostname, path


def fetch(url: str, port: int, method: str = "GET", timeout: float = 10.0,
          headers: dict[str, str] | None = None) -> Fetched:
    host, path = local_target(url)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, headers={"Host": host, "User-Agent": "replica-client", **(headers or {})})
        resp = conn.getresponse()
        body = resp.read()
        return Fetched(url, resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
    finally:
        conn.close()
