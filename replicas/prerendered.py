"""A cheap HTTP/1.1 server for the crawl benchmark: the replicas' pages, rendered before the clock starts.

The threaded stdlib server (server.py) spends ~0.7 ms of CPU per request (a thread
per connection, header parsing through `email`, generating the page), which on a
2-core machine is CPU taken from the crawler being measured.  This server answers
the same bytes from one asyncio event loop: every page in `paths` is rendered once
by the replica's own handlers at start-up, then each request costs a dict lookup
and one write.  Anything not pre-rendered is rendered on demand by the same
handlers, so it still behaves as the replica (404s, robots.txt, other hosts).

Only what the benchmark needs: GET/HEAD, keep-alive, Host dispatch.  The hit log,
block-after-N and 429 behaviours of server.py are not recorded here.
"""
from __future__ import annotations

import asyncio
from collections.abc import Iterable
from http import HTTPStatus

from .base import Request, State, parse_query, text_response
from .registry import host_map
from .server import PREFIX, dispatch

HEADER_END = b"\r\n\r\n"


def http_bytes(status: int, headers: list[tuple[str, str]], body: bytes, send_body: bool = True) -> bytes:
    """A complete HTTP/1.1 response, as the threaded server would send it."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    lines = [f"HTTP/1.1 {status} {reason}", "Server: nginx",
             *(f"{name}: {value}" for name, value in headers), f"Content-Length: {len(body)}"]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head + body if send_body else head


class Pages:
    """Rendered responses keyed by (host, path); misses are rendered by the replica handlers."""

    def __init__(self, config: dict | None = None):
        self.sites = host_map()
        self.state = State(config)
        self.rendered: dict[tuple[str, str], bytes] = {}

    def render(self, host: str, path: str, send_body: bool = True) -> bytes:
        target, _, query = path.partition("?")
        req = Request(host=host, path=target or "/", query=parse_query(query), headers={})
        try:
            resp = dispatch(self.sites, self.state, req)
        except Exception as exc:  # a replica bug: answer 500 and say where, like server.py
            resp = text_response(f"replica error for {host}{path}: {exc!r}", status=500)
        return http_bytes(resp.status, resp.headers, resp.body, send_body)

    def prerender(self, urls: Iterable[tuple[str, str]]) -> None:
        for host, path in urls:
            self.rendered[(host, path)] = self.render(host, path)

    def get(self, method: bytes, host: str, path: str) -> bytes:
        if method == b"HEAD":
            return self.render(host, path, send_body=False)
        found = self.rendered.get((host, path))
        return found if found is not None else self.render(host, path)


class PageProtocol(asyncio.Protocol):
    """One keep-alive connection: answer each complete request head in order."""

    def __init__(self, pages: Pages):
        self.pages = pages
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(HEADER_END)
            if end < 0:
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4:]
            self.transport.write(self.answer(head))

    def answer(self, head: bytes) -> bytes:
        lines = head.split(b"\r\n")
        method, target, _ = (lines[0].split(b" ") + [b"", b""])[:3]
        host = ""
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"host":
                host = value.strip().decode("latin-1").split(":")[0].lower()
                break
        path = target.decode("latin-1") or "/"
        if path.startswith(PREFIX):     # /_h/<host>/<path>, as server.py accepts
            host, _, rest = path[len(PREFIX):].partition("/")
            path = "/" + rest
        return self.pages.get(method, host, path)


async def serve_forever(port: int, pages: Pages, host: str = "127.0.0.1", ready=None) -> None:
    """Serve `pages` on host:port (0: a free port) until cancelled; `ready(port)` once listening."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: PageProtocol(pages), host, port, reuse_address=True)
    if ready is not None:
        ready(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()
