"""Government-column benchmark: pages/s of a gov replica crawl, PDF pages/s of the attachment reader.

    python benchmarks/bench_gov.py [--family gov_hanweb] [--pdf-pages 40] [--rounds 5]

1. Crawl: serves the replicas from a thread on 127.0.0.1 and runs, as a process, exactly what a
   user runs, `scrapy crawl generic -a start=<column URL>` (politeness delays off, robots.txt
   obeyed, the writer process cleaning and storing), then reruns it into the same folder.
   Prints wall time (Scrapy start-up and the wait for the writer included) and pages/s, the
   fetch span (first to last response, from Scrapy's per-response log lines) and its pages/s,
   the writer's CPU, documents kept, and for the rerun the pages it fetched (listing pages only).
2. PDF reader: a generated PDF of --pdf-pages pages of Chinese text (reportlab, STSong-Light)
   read --rounds times by cleaners/sources/attachments/pdf.py (PDFium's line rectangles,
   paragraphs rebuilt, page numbers dropped), against the same-run baseline of pypdfium2's raw
   `get_text_range()` per page (no layout).  Prints pages/s of both and the ratio.

Figures on the 2-core machine (December 2026), other sessions' jobs running beside it:
  see the report of the branch that added this file; rerun to get today's.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402  (after the path: the benchmark runs from a checkout)

from cleaners.sources.attachments import pdf as pdf_reader  # noqa: E402
from replicas.govsite import files  # noqa: E402
from replicas.govsite.texts import GovText, report  # noqa: E402
from replicas.server import start  # noqa: E402
from tests.support.gov_support import stats as scrapy_stats  # noqa: E402


def crawl(address: str, out: Path, start: str) -> tuple[float, dict]:
    """One `scrapy crawl generic -a start=URL`: (wall seconds, Scrapy's closing stats)."""
    command = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"start={start}", "-s", f"REPLICA_ADDRESS={address}",
               "-s", f"WENKU_OUT={out}", "-s", "WENKU_POLITE=False", "-s", "LOG_LEVEL=DEBUG",
               # Scrapy's own formatter logs a "Crawled" line per response: their times give the fetch span
               "-s", "LOG_FORMATTER=scrapy.logformatter.LogFormatter", "-s", "LOG_FORMAT=%(created).3f %(message)s"]
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed:\n{proc.stderr[-3000:]}")
    stats = scrapy_stats(proc, prefix="")
    crawled = [float(line.split(" ", 1)[0]) for line in proc.stderr.splitlines() if " Crawled (" in line]
    stats["fetch_span"] = (crawled[-1] - crawled[0]) if len(crawled) > 1 else 0.0
    return wall, stats


def bench_crawl(family: str) -> None:
    catalog = json.loads((ROOT / "replicas" / "catalog.json").read_text(encoding="utf-8"))
    column = catalog["families"][family]["start_urls"]["column"][0]
    server, port = start()              # a thread of this process; the crawl is a process of its own
    server.RequestHandlerClass.disable_nagle_algorithm = True      # else 40 ms of delayed ACK a response
    try:
        with tempfile.TemporaryDirectory(prefix="bench-gov-") as folder:
            out = Path(folder) / "out"
            for label in ("first run", "rerun"):
                wall, stats = crawl(f"127.0.0.1:{port}", out, column)
                pages = stats.get("response_received_count", 0)
                kept = stats.get("wenku/docs/kept", 0)
                span = stats["fetch_span"]
                print(f"crawl {family} {label}: {wall:.2f} s wall (start-up and the writer's last documents included), "
                      f"{pages} pages = {pages / wall:.1f} pages/s; fetching: first to last response {span:.2f} s = "
                      f"{(pages - 1) / span if span else 0:.0f} pages/s; writer CPU {stats.get('wenku/writer/cpu_seconds', 0)} s; "
                      f"{kept} documents kept, {stats.get('wenku/listing/pages', 0)} listing pages read, "
                      f"{stats.get('wenku/listing/known', 0)} listed articles already held")
    finally:
        server.shutdown()
        server.server_close()


def long_text(pages: int) -> GovText:
    """About `pages` PDF pages of report text."""
    paragraphs: list[str] = []
    seed = 0
    while len("".join(paragraphs)) < pages * 38 * 28:
        paragraphs += report(f"bench-{seed}", "示范县教育局", 2024).paragraphs
        seed += 1
    return GovText("示范县教育局2024年工作总结汇编", tuple(paragraphs))


def bench_pdf(pages: int, rounds: int) -> None:
    data = files.pdf(long_text(pages))
    count = len(pypdfium2.PdfDocument(data))

    def raw() -> int:
        document = pypdfium2.PdfDocument(data)
        chars = sum(len(document[i].get_textpage().get_text_range()) for i in range(len(document)))
        document.close()
        return chars

    timings = {}
    for name, run in (("pypdfium2 get_text_range (baseline)", raw), ("attachment reader (pdf.py)", lambda: pdf_reader.read(data))):
        run()       # warm-up
        started = time.perf_counter()
        for _ in range(rounds):
            run()
        timings[name] = (time.perf_counter() - started) / rounds
        print(f"pdf {name}: {count} pages in {timings[name] * 1000:.1f} ms = {count / timings[name]:.0f} pages/s")
    baseline, ours = timings.values()
    print(f"pdf reader costs {ours / baseline:.2f}x the baseline's time (layout: line rectangles, paragraphs, page numbers)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", default="gov_hanweb", choices=["gov_trs", "gov_hanweb", "gov_gkmlpt"])
    parser.add_argument("--pdf-pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-crawl", action="store_true", help="the PDF reader only")
    args = parser.parse_args(argv)
    if not args.no_crawl:
        bench_crawl(args.family)
    bench_pdf(args.pdf_pages, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
