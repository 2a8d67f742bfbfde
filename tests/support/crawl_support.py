"""Helpers for the crawler's end-to-end tests: replica server, crawl subprocess, outputs.

The crawl always runs in a subprocess (`python -m crawler demo --replica ...`):
Twisted's reactor cannot be restarted inside the pytest process.  The replica
server runs in a thread of the test process so tests can read what it served.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from replicas.server import start

ROOT = Path(__file__).resolve().parent.parent.parent
SITES = ROOT / "replicas"
PYTHON = sys.executable


@contextmanager
def replica(config: dict | None = None):
    """The replica server on a free loopback port: yields (server, 'host:port')."""
    server, port = start(config=config)
    # Without TCP_NODELAY the server's header and body writes meet delayed ACKs: 40 ms per response.
    server.RequestHandlerClass.disable_nagle_algorithm = True
    try:
        yield server, f"127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


def crawl_command(address: str, out: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "crawler", "demo", "--replica", address, "--out", str(out), *extra]


# A crawl that must not get as far as fetching: every request would go to a closed local port.
NO_NETWORK = "REPLICA_ADDRESS=127.0.0.1:9"


def crawl_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_crawl(address: str, out: Path, *extra: str, timeout: float = 120, expect: int = 0) -> subprocess.CompletedProcess:
    """One full crawl through the real Scrapy engine; fails the test with its output unless the
    exit code is `expect` (1: a run the health checks judge unhealthy, e.g. a host given up)."""
    proc = subprocess.run(crawl_command(address, out, *extra), cwd=ROOT, env=crawl_env(),
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == expect, f"crawl exit {proc.returncode}:\n{proc.stdout}\n{proc.stderr[-4000:]}"
    return proc


def catalog() -> dict:
    return json.loads((SITES / "catalog.json").read_text(encoding="utf-8"))


def catalog_documents(*kinds: str) -> list[dict]:
    docs = [d for fam in catalog()["families"].values() for d in fam["documents"]]
    return [d for d in docs if not kinds or d["kind"] in kinds]


def key_for_url(url: str) -> tuple[str, str]:
    """(site, id) under which the crawler stores the document at `url`."""
    from urllib.parse import urlsplit

    from cleaners import profiles
    from cleaners.profiles import fold_host
    from crawler.spiders.generic import url_id
    from crawler.urls import doc_id_for
    profile = profiles.for_url(url)
    if profile.name == profiles.GENERIC:
        return fold_host(urlsplit(url).hostname), url_id(url)
    return profile.name, doc_id_for(profile, url)


def our_keys(doc: dict) -> list[tuple[str, str]]:
    """Every (site, id) a catalog document may be stored under (its URL and its aliases)."""
    return list(dict.fromkeys(key_for_url(u) for u in [doc["url"], *doc.get("other_urls", [])]))


def find(records: dict, doc: dict):
    """The record of a catalog document in {(site, id): record}, or None."""
    return next((records[k] for k in our_keys(doc) if k in records), None)


def jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def manifest(out: Path) -> dict[tuple[str, str], dict]:
    return {(r["site"], str(r["id"])): r for r in jsonl(out / "manifest.jsonl")}


def squeeze(text: str) -> str:
    """Whitespace-insensitive form (renrendoc flattens newlines; paragraphing is free)."""
    return re.sub(r"\s+", "", text)


def output_tree(out: Path) -> dict[str, bytes]:
    """Every file under `out` (relative path -> bytes), for run-to-run comparisons."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def document_urls() -> set[tuple[str, str]]:
    """(host, path) of every document URL of the catalog, aliases included."""
    from urllib.parse import urlsplit
    found = set()
    for doc in catalog_documents():
        for url in [doc["url"], *doc.get("other_urls", [])]:
            parts = urlsplit(url)
            found.add((parts.hostname, parts.path + (f"?{parts.query}" if parts.query else "")))
    return found


def summary_rows(stdout: str) -> dict[str, dict[str, int]]:
    """The per-site table `python -m crawler demo` prints: {site: {column: n}} (sites summed)."""
    lines = stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("site "))
    columns = lines[head].split()[1:]
    rows: dict[str, dict[str, int]] = {}
    for line in lines[head + 2:]:
        if line.startswith("-"):
            break
        site, *values = line.split()
        row = rows.setdefault(site, dict.fromkeys(columns, 0))
        for column, value in zip(columns, values):
            row[column] += int(value)
    return rows


def stable_output(out: Path, ordered: bool = True) -> dict[str, bytes]:
    """The output a user sees (texts, manifest, metadata, rejects), minus hidden state files (the
    store's index, the crawl ledger), run reports and the timestamps in metadata.jsonl and rejects.jsonl.

    ordered=False compares the manifest as a set of records: with several requests in
    flight, documents reach the store (and get manifest line and cluster numbers) in
    arrival order, which differs between any two runs."""
    # hidden state files, and the run reports (OUT/runs/: one more, dated, per run)
    tree = {k: v for k, v in output_tree(out).items() if not k.startswith((".", "runs/"))}
    if "manifest.jsonl" in tree and not ordered:
        records = []
        for record in jsonl(out / "manifest.jsonl"):
            record.pop("cluster", None)     # numbered in arrival order
            record["aliases"] = sorted(record.get("aliases", []), key=lambda a: (a["site"], a["id"]))
            records.append(record)
        tree["manifest.jsonl"] = json.dumps(sorted(records, key=lambda r: (r["site"], r["id"])),
                                            ensure_ascii=False).encode("utf-8")
    if "rejects.jsonl" in tree:         # a reject's time differs; a resumed crawl may record one twice
        records = {json.dumps({k: v for k, v in r.items() if k != "time"}, ensure_ascii=False, sort_keys=True)
                   for r in jsonl(out / "rejects.jsonl")}
        tree["rejects.jsonl"] = "\n".join(sorted(records)).encode("utf-8")
    if "metadata.jsonl" in tree:
        records = [{k: v for k, v in r.items() if k != "fetched"} for r in jsonl(out / "metadata.jsonl")]
        tree["metadata.jsonl"] = json.dumps(sorted(records, key=lambda r: (r["site"], r["id"])),
                                            ensure_ascii=False).encode("utf-8")
    return tree


def serving_replicas():
    """The replica server for a pytest fixture: yields it with its port as `test_port`."""
    server, port = start()
    server.test_port = port
    yield server
    server.shutdown()
    server.server_close()
