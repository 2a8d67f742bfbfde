"""Helpers for the government-column tests: the user's command, the catalog's gov families.

A gov crawl here is exactly what a user runs: `scrapy crawl generic -a start=COLUMN_URL` with
no other argument, in a subprocess, the replica server answering on 127.0.0.1.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.crawl_support import PYTHON, ROOT, catalog, crawl_env, jsonl

GOV_FAMILIES = ("gov_trs", "gov_hanweb", "gov_gkmlpt")


def crawl_column(address: str, out: Path, start: str, *settings: str, args: tuple[str, ...] = (),
                 timeout: float = 180) -> subprocess.CompletedProcess:
    """`scrapy crawl generic -a start=URL` into `out` against the replica at `address`
    (`settings`: NAME=VALUE pairs for -s; `args`: more -a NAME=VALUE)."""
    command = [PYTHON, "-m", "scrapy", "crawl", "generic", "-a", f"start={start}", *[x for a in args for x in ("-a", a)],
               "-s", f"REPLICA_ADDRESS={address}", "-s", f"WENKU_OUT={out}", "-s", "WENKU_POLITE=False",
               "-s", "LOG_LEVEL=INFO", *[x for pair in settings for x in ("-s", pair)]]
    proc = subprocess.run(command, cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, \
        f"crawl failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-6000:]}"
    return proc


def family(name: str) -> dict:
    return catalog()["families"][name]


def column_url(name: str) -> str:
    return family(name)["start_urls"]["column"][0]


def documents(name: str, *kinds: str) -> list[dict]:
    return [d for d in family(name)["documents"] if not kinds or d["kind"] in kinds]


def path_of(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.hostname, parts.path + (f"?{parts.query}" if parts.query else "")


def article_and_file_paths(name: str) -> set[tuple[str, str]]:
    """(host, path) of every article page and attachment of a family, aliases included."""
    found = set()
    for doc in documents(name):
        for url in [doc["url"], *doc.get("other_urls", [])]:
            found.add(path_of(url))
    return found


def fetched(server, host: str) -> list[str]:
    """Paths the server answered for `host`, robots.txt aside, in order."""
    return [p for h, _, p, _ in server.log if h == host and p != "/robots.txt"]


def rejects(out: Path) -> list[dict]:
    return jsonl(out / "rejects.jsonl")


def stats(proc: subprocess.CompletedProcess, prefix: str = "wenku/") -> dict:
    """Scrapy's closing stats dump, as {name: value} for the counters whose names start with
    `prefix` ("" for all)."""
    found = {}
    for line in proc.stderr.splitlines():
        line = line.strip().strip(",{}")
        if line.startswith("'" + prefix):
            key, _, value = line.partition(":")
            try:
                found[key.strip("' ")] = json.loads(value.strip())
            except ValueError:
                pass
    return found
