"""Threaded stdlib HTTP server serving every replica site on 127.0.0.1.

A request reaches site X in one of two ways (see README.md):

1. Host dispatch (what the crawler uses): connect to 127.0.0.1:PORT and send
   the real host name, e.g. `Host: www.renrendoc.com`; the path is the real path.
2. Path prefix (for browsers/curl without Host games):
   `http://127.0.0.1:PORT/_h/www.renrendoc.com/paper/511241566.html`.
   Links inside pages are still absolute real-host URLs.

Usage in tests:

    server, port = start()          # background thread, free port
    ...                             # server.hits[("www.renrendoc.com", "/paper/1.html")]
    server.reset()                  # clear hits and stateful behaviours
    server.shutdown(); server.server_close()

Manual: `python -m replicas.server --port 8800`.
"""
from __future__ import annotations

import argparse
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .base import Request, Response, State, esc, html_response, parse_query, text_response
from .registry import all_sites, host_map, site_named

PREFIX = "/_h/"
ADMIN = "/_admin/"


class ReplicaServer(ThreadingHTTPServer):
    """HTTP server that records every request it answers.

    hits: Counter keyed by (host, path_with_query) -> times requested
    log:  list of (host, method, path_with_query, status) in arrival order
    """

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, config: dict | None = None):
        super().__init__(address, ReplicaHandler)
        self.state = State(config)
        self.hits: Counter = Counter()
        self.log: list[tuple[str, str, str, int]] = []
        self._log_lock = threading.Lock()
        self.sites = host_map()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def record(self, host: str, method: str, path_qs: str, status: int) -> None:
        with self._log_lock:
            self.hits[(host, path_qs)] += 1
            self.log.append((host, method, path_qs, status))

    def hit_count(self, url: str) -> int:
        """Times `url` (absolute real-host URL, e.g. https://m.bingdoc.com/p-1.html) was requested."""
        parts = urlsplit(url)
        path_qs = parts.path + (f"?{parts.query}" if parts.query else "")
        with self._log_lock:
            return self.hits[(parts.hostname or "", path_qs)]

    def fetched_paths(self, host: str) -> list[str]:
        with self._log_lock:
            return [p for h, _, p, _ in self.log if h == host]

    def publish(self, family: str, count: int = 1) -> list[str]:
        """Publish `count` new articles at the top of a government family's column (as its editors
        would); returns their URLs.  Also `http://127.0.0.1:PORT/_admin/publish?site=NAME&count=N`."""
        return publish(self.state, family, count)

    def revise(self, family: str, url: str, redate: bool = False) -> None:
        """Edit an article of a government family: new text, ETag and Last-Modified; `redate` also
        moves its listed date a day on.  Also `/_admin/revise?site=NAME&url=URL[&redate=1]`."""
        revise(self.state, family, url, redate)

    def reset(self) -> None:
        """Forget hits and stateful counters (429 bursts, block-after-N); publications stay."""
        with self._log_lock:
            self.hits.clear()
            self.log.clear()
        self.state.reset()

    def dispatch(self, req: Request) -> Response:
        return dispatch(self.sites, self.state, req)


def dispatch(sites: dict, state: State, req: Request) -> Response:
    """The response of the replica family that owns `req.host` (the host list for unknown hosts)."""
    site = sites.get(req.host)
    if site is None:
        return admin_page(state, req) if req.path.startswith(ADMIN) else index_page(req)
    return site.handle(req, state)


def index_page(req: Request) -> Response:
    """What an unknown Host (e.g. 127.0.0.1) sees: the list of replica hosts."""
    if req.path == "/robots.txt":
        return text_response("User-agent: *\nDisallow:\n")
    rows = "".join(f'<li><a href="{PREFIX}{esc(h)}/">{esc(h)}</a> ({esc(s.name)})</li>'
                   for h, s in sorted(host_map().items()))
    markup = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>wenku replicas</title></head>"
              f"<body><h1>Replica hosts</h1><p>unknown host {esc(req.host)!s}</p><ul>{rows}</ul></body></html>")
    return html_response(markup, status=404 if req.path != "/" else 200)


def publish(state: State, family: str, count: int) -> list[str]:
    return site_named(family).publish(state, count)


def revise(state: State, family: str, url: str, redate: bool = False) -> None:
    site_named(family).revise(state, url, redate)


def admin_page(state: State, req: Request) -> Response:
    """`/_admin/publish?site=&count=` and `/_admin/revise?site=&url=&redate=` on 127.0.0.1."""
    form = req.form
    try:
        if req.path == ADMIN + "publish":
            urls = publish(state, form.get("site", ""), int(form.get("count") or 1))
            return text_response("\n".join(urls) + "\n")
        if req.path == ADMIN + "revise":
            revise(state, form.get("site", ""), form.get("url", ""), form.get("redate") in ("1", "true"))
            return text_response("revised\n")
    except (KeyError, ValueError, AttributeError) as exc:
        return text_response(f"{exc}\n", status=400)
    return text_response("use /_admin/publish?site=NAME&count=N or /_admin/revise?site=NAME&url=URL\n", status=404)


class ReplicaHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ReplicaServer
    server_version = "nginx"
    sys_version = ""

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _request(self) -> Request:
        parts = urlsplit(self.path)
        path = parts.path or "/"
        host = (self.headers.get("Host") or "").split(":")[0].strip().lower()
        if path.startswith(PREFIX):
            rest = path[len(PREFIX):]
            host, _, tail = rest.partition("/")
            path = "/" + tail
        headers = {k.lower(): v for k, v in self.headers.items()}
        return Request(host=host.lower(), path=path, query=parse_query(parts.query),
                       headers=headers, method=self.command)

    def _serve(self, send_body: bool, body: bytes = b"") -> None:
        req = self._request()
        req.body = body
        try:
            resp = self.server.dispatch(req)
        except Exception as exc:  # a replica bug: answer 500 and say where
            resp = text_response(f"replica error for {req.host}{req.path}: {exc!r}", status=500)
        parts = urlsplit(self.path)
        path_qs = req.path + (f"?{parts.query}" if parts.query else "")
        self.server.record(req.host, self.command, path_qs, resp.status)
        self.send_response(resp.status)
        for name, value in resp.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(resp.body)

    def do_GET(self):
        self._serve(True)

    def do_HEAD(self):
        self._serve(False)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(True, self.rfile.read(length) if length else b"")


def start(port: int = 0, host: str = "127.0.0.1", config: dict | None = None) -> tuple[ReplicaServer, int]:
    """Serve all replicas in a daemon thread; returns (server, bound port).

    config keys (all optional):
      synthetic_docs  number of documents of the synthetic benchmark family (default 5000)
      block_after     {host: N}: requests after the N-th to that host get its block page
    """
    all_sites()  # build (and validate) the families before accepting connections
    server = ReplicaServer((host, port), config)
    thread = threading.Thread(target=server.serve_forever, name="replica-server", daemon=True)
    thread.start()
    return server, server.port


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the wenku site replicas on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--synthetic-docs", type=int, default=5000)
    args = parser.parse_args(argv)
    server = ReplicaServer(("127.0.0.1", args.port), {"synthetic_docs": args.synthetic_docs})
    print(f"replicas on http://127.0.0.1:{server.port}/  (send Host: <real host>, or use /_h/<host>/<path>)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
