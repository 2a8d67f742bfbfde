"""Building blocks shared by every replica family: requests, responses, routing, state.

A family is a `Site` subclass: it owns some host names, a robots.txt, a route
table (regex on the path -> handler) and the list of documents it serves (for
the catalog).  Handlers are pure functions of the request plus the server's
`State` (hit counters used by the 429-burst and block-after-N behaviours).
"""
from __future__ import annotations

import html
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs


@dataclass
class Request:
    host: str          # real site host name, lower case, no port
    path: str          # path only, no query
    query: dict[str, str]
    headers: dict[str, str]
    method: str = "GET"
    body: bytes = b""      # a POST's form body (Hanweb's dataproxy.jsp reads its column from it)

    @property
    def form(self) -> dict[str, str]:
        """The POST body's form fields, else the query's."""
        return {**self.query, **parse_query(self.body.decode("utf-8", "replace"))} if self.body else self.query

    @property
    def path_qs(self) -> str:
        if not self.query:
            return self.path
        return self.path + "?" + "&".join(f"{k}={v}" for k, v in self.query.items())


@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Doc:
    """One catalog entry: what a crawler should find at `url` and what it should make of it.

    kind: text | partial | metadata-only | blocked | split-compilation | gone
    expected: path(s) of expected clean text relative to replicas/ ([] when none)
    """

    site: str
    id: str
    url: str
    title: str
    kind: str
    page_count: int | None
    pages_served: int | None
    encoding: str
    expected: list[str]
    content: str | None = None
    script: str = "simplified"
    other_urls: list[str] = field(default_factory=list)
    fetch: list[str] = field(default_factory=list)
    notes: str = ""

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


class State:
    """Mutable server state, shared by all handler threads (guarded by a lock).

    counters: hit counters of the 429-burst and block-after-N behaviours (cleared by `reset`).
    published: family name -> articles published at run time (`ReplicaServer.publish`);
    revised: (family name, article number) -> (revision, redated) (`ReplicaServer.revise`).
    Both change what the sites serve, like an editor would, and survive `reset`.
    """

    def __init__(self, config: dict | None = None):
        self.lock = threading.Lock()
        self.config = dict(config or {})
        self.counters: Counter = Counter()
        self.published: Counter = Counter()
        self.revised: dict[tuple[str, int], tuple[int, bool]] = {}

    def bump(self, key) -> int:
        """Increment a named counter and return its new value."""
        with self.lock:
            self.counters[key] += 1
            return self.counters[key]

    def reset(self) -> None:
        with self.lock:
            self.counters.clear()


Handler = Callable[["Site", Request, State, re.Match], Response]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def encode_html(markup: str, encoding: str) -> bytes:
    """Encode a page strictly: a character the codec cannot hold is a replica bug."""
    return markup.encode(encoding, errors="strict")


def html_response(markup: str, *, encoding: str = "utf-8", header_charset: str | None = "same",
                  status: int = 200, extra_headers: list[tuple[str, str]] | None = None) -> Response:
    """An HTML response whose bytes are in `encoding`.

    header_charset: "same" = declare `encoding` in Content-Type; None = no charset
    parameter at all; any other string = declare that (a lying header).
    """
    declared = encoding if header_charset == "same" else header_charset
    ctype = "text/html" if declared is None else f"text/html; charset={declared}"
    headers = [("Content-Type", ctype)] + list(extra_headers or [])
    return Response(status, encode_html(markup, encoding), headers)


def text_response(text: str, ctype: str = "text/plain; charset=utf-8", status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"), [("Content-Type", ctype)])


def redirect(location: str, status: int = 302) -> Response:
    body = f'<html><body>Moved to <a href="{esc(location)}">{esc(location)}</a></body></html>'
    return Response(status, body.encode("utf-8"),
                    [("Location", location), ("Content-Type", "text/html; charset=utf-8")])


def parse_query(qs: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(qs, keep_blank_values=True).items()}


class Site:
    """A replica family.  Subclasses set name/hosts/robots and fill `routes`."""

    name = ""
    hosts: tuple[str, ...] = ()
    robots = "User-agent: *\nDisallow:\n"
    encoding = "utf-8"
    not_found_text = "404 Not Found - 您访问的页面不存在"

    def __init__(self) -> None:
        self.routes: list[tuple[re.Pattern, Handler, tuple[str, ...] | None]] = []
        self.setup()

    def setup(self) -> None:
        """Register routes; override."""

    def route(self, pattern: str, handler: Handler, hosts: tuple[str, ...] | None = None) -> None:
        self.routes.append((re.compile(pattern + r"\Z"), handler, hosts))

    def handle(self, req: Request, state: State) -> Response:
        if req.path == "/robots.txt":
            return text_response(self.robots)
        for pattern, handler, hosts in self.routes:
            if hosts is not None and req.host not in hosts:
                continue
            m = pattern.match(req.path)
            if m:
                return handler(req, state, m)
        return self.not_found(req)

    def not_found(self, req: Request) -> Response:
        markup = (f"<!DOCTYPE html><html><head><meta charset=\"{self.encoding}\"><title>404</title></head>"
                  f"<body><h1>{esc(self.not_found_text)}</h1><p>{esc(req.host + req.path)}</p></body></html>")
        return html_response(markup, encoding=self.encoding, status=404)

    def documents(self) -> list[Doc]:
        """Catalog entries of every document this family serves; override."""
        return []

    def start_urls(self) -> dict[str, list[str]]:
        """Discovery entry points: {"search": [...], "listing": [...], ...}; override."""
        return {}
