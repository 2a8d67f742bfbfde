"""What the fuzz suite (tests/fuzz/) shares: its hypothesis profiles, its inputs, a hard time bound.

Profiles (FUZZ_PROFILE=ci|long, default ci): `ci` keeps the whole suite to about two minutes on
a two-core machine; `long` runs twenty times the examples for a session of hunting.  Every
example has a deadline (hypothesis fails an example slower than it), and `hard_limit` turns a
hang, which a deadline never sees end, into a failure.

Inputs: random bytes; the seeds (real scraped text) and the replica sites' pages (HTML in
UTF-8, GBK, GB18030 and Big5) mutated byte-wise (flips, inserts, deletes, repeats, cuts,
splices) and with hostile fragments (NUL, BOMs, lone surrogate bytes, unclosed and deeply
nested tags, comments and CDATA, wrong charset declarations); generated HTML trees.
"""
from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"

settings.register_profile("ci", max_examples=200, deadline=5000, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=1200)
FUZZ = settings.get_profile(os.environ.get("FUZZ_PROFILE", "ci"))
HANG_SECONDS = 30       # one example running this long is a hang, whatever the deadline said


@contextmanager
def hard_limit(seconds: float = HANG_SECONDS):
    """Raise TimeoutError in the main thread when the block runs longer than `seconds`."""
    def expire(signum, frame):
        raise TimeoutError(f"no result after {seconds} s: a hang")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@lru_cache(maxsize=1)
def seed_texts() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted(SEEDS.glob("*.txt")))


@lru_cache(maxsize=1)
def replica_pages() -> tuple[tuple[bytes, str], ...]:
    """(body, Content-Type) of the first page of every replica document, rendered in process."""
    from replicas.base import Request, State
    from replicas.registry import host_map
    from replicas.server import dispatch
    catalog = json.loads((ROOT / "replicas" / "catalog.json").read_text(encoding="utf-8"))
    sites, state, pages = host_map(), State(), []
    for family, entries in catalog["families"].items():
        if family == "synthetic":
            continue
        for doc in entries["documents"]:
            url = urlsplit(doc["url"])
            response = dispatch(sites, state, Request(url.hostname, url.path, dict(parse_qsl(url.query)), {}))
            if response.status == 200 and response.body:
                content_type = dict((k.lower(), v) for k, v in response.headers).get("content-type", "text/html")
                pages.append((response.body, content_type))
    return tuple(pages)


def replica_bodies() -> tuple[bytes, ...]:
    return tuple(body for body, _ in replica_pages())


def corpus() -> tuple[bytes, ...]:
    return seed_texts() + replica_bodies()


HOSTILE = (b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xed\xa0\x80", b"\xc0\xaf", b"\x1b$B", b"\xa1", b"\x81\x30",
           b"<", b">", b"&", b"&#0;", b"&#xD800;", b"&#1114112;", b"&amp", b"<!--", b"-->", b"<![CDATA[",
           b"<script>", b"</script>", b"<style>", b"<p>", b"</p>", b"<div>" * 40, b"</div>" * 40, b"<br/>",
           b"<table><tr><td>", b"<meta charset=big5>", b'<meta http-equiv="Content-Type" content="text/html; '
           b'charset=utf-7">', b"<html>", b"</html>", b"<title>", b"\r", b"\n" * 50, b"\t", b"\xe3\x80\x80",
           "【篇一】".encode(), "第1页".encode(), "继续阅读".encode(), "繼續(xù)".encode(), b"\xe2\x80\x8b",
           "\ufffd".encode(), b"%PDF-", b"PK\x03\x04", b"\x89PNG")
CONTENT_TYPES = (None, "text/html", "text/html; charset=utf-8", "text/html; charset=gbk", "text/html; charset=big5",
                 "text/plain; charset=gb2312", "text/html; charset=utf-7", "text/html; charset=x-nonsense",
                 "text/html; charset=", "application/json", "text/html; charset=\x00")


@st.composite
def mutated(draw, sources=corpus) -> bytes:
    """A corpus document (or two spliced) with a few byte-level mutations."""
    pool = sources()
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            data += draw(st.binary(min_size=1, max_size=64))
        op = draw(st.sampled_from(("flip", "insert", "hostile", "delete", "repeat", "cut", "splice")))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "hostile":
            data[at:at] = draw(st.sampled_from(HOSTILE)) * draw(st.integers(1, 4))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 2000))]
        elif op == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 300))] * draw(st.integers(2, 20))
        elif op == "cut":
            del data[at:]
        elif op == "splice":
            other = draw(st.sampled_from(pool))
            data[at:] = other[draw(st.integers(0, len(other))):]
    return bytes(data)


URLS = st.one_of(st.none(), st.sampled_from((
    "http://[::1", "http://[::1]:99999/", "file:///etc/passwd", "javascript:alert(1)", "http://../../x", "//host",
    "https://m.bingdoc.com/p-1.html", "https://www.renrendoc.com/paper/1.html?x=%zz", "http://例子.中国/a/../../b",
    "http://a\x00b/", "https://max.book118.com/html/2024/0101/8017040000.shtm#frag", "")),
    st.text(max_size=60), st.text(max_size=30).map(lambda host: f"http://{host}/a.html"))
SITES = st.one_of(st.none(), st.sampled_from(("bingdoc", "book118", "fanwen", "renrendoc", "_generic", "../../x",
                                              "", "local")), st.text(max_size=12))


TAGS = ("div", "p", "span", "font", "b", "table", "tr", "td", "li", "ul", "br", "h1", "title", "script", "style",
        "a", "form", "iframe", "svg", "pre", "textarea", "noscript", "template", "select", "body", "head", "html")
TEXT = st.text(alphabet=st.sampled_from("教育局工作总结第一二三页下载本文档版權說明 \n\t<>&;#\x00\ufffd\u200bab1。，"),
               max_size=40)


def _element(children):
    return st.builds(lambda tag, attrs, kids, tail: f"<{tag}{attrs}>{''.join(kids)}</{tag}>{tail}",
                     st.sampled_from(TAGS),
                     st.sampled_from(("", ' class="content"', ' id="text"', ' style="display:none"',
                                      ' class="doc-text"', " x=", ' a="<b>"')),
                     st.lists(children, max_size=6), TEXT)


HTML_TREES = st.recursive(TEXT, _element, max_leaves=60)
HTML_PAGES = st.builds(lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
                       st.sampled_from(("", "<title>县教育局工作总结</title>", "<meta charset='gbk'>", "<title>")),
                       HTML_TREES)


def files_in(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder` (symlinks not followed): relative path -> (kind, size, bytes' hash)."""
    import hashlib
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = ("link", os.readlink(path))
        elif path.is_file():
            found[rel] = ("file", path.stat().st_size, hashlib.sha1(path.read_bytes()).hexdigest())
        else:
            found[rel] = ("dir",)
    return found
