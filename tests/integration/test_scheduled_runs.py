"""Scheduled runs end to end: job files, health verdicts and exit codes, reports, overlapping runs."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from tests.support.crawl_support import PYTHON, ROOT, catalog_documents, crawl_env, jsonl, key_for_url, replica

GOV_START = "https://jyj.demoxian.gov.cn/zwgk/gzzj/index.html"
EXAMPLE_JOB = ROOT / "jobs" / "replica-gov.toml"


def run_job(job: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "crawler", "run", str(job)], cwd=ROOT, env=crawl_env(),
                          capture_output=True, text=True, timeout=timeout)


def example_job(tmp_path: Path, out: Path, extra_settings: str = "") -> Path:
    """The bundled example job (replica = true), writing into `out`."""
    text = EXAMPLE_JOB.read_text(encoding="utf-8")
    lines = [f'out = "{out}"' if line.startswith("out =") else line for line in text.splitlines()]
    if extra_settings:
        lines = [f"settings = {{ {extra_settings} }}" if line.startswith("settings =") else line for line in lines]
    path = tmp_path / f"job-{len(list(tmp_path.glob('job-*.toml')))}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def verdict(proc: subprocess.CompletedProcess) -> str:
    """The one line a run ends with (stdout)."""
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout + proc.stderr[-3000:]
    return lines[0]


def reports(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "runs").glob("*/report.json"))]


def gov_keys() -> set[tuple[str, str]]:
    return {key_for_url(d["url"]) for d in catalog_documents() if "demoxian" in d["url"]}


def held_keys(out: Path) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """(every stored record's key, in manifest order; stored keys plus their duplicates' aliases)."""
    records = jsonl(out / "manifest.jsonl")
    stored = [(r["site"], str(r["id"])) for r in records]
    covered = set(stored) | {(a["site"], str(a["id"])) for r in records for a in r.get("aliases", [])}
    return stored, covered


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """The example job's first run into a fresh folder: (folder, job file, process)."""
    tmp = tmp_path_factory.mktemp("scheduled")
    out = tmp / "out"
    job = example_job(tmp, out)
    return out, job, run_job(job)


def test_a_job_run_is_healthy_its_rerun_adds_nothing_and_a_thin_run_is_unhealthy(first_run, tmp_path):
    out, job, first = first_run
    assert first.returncode == 0, first.stdout + first.stderr[-3000:]
    line = verdict(first)
    (report,) = reports(out)
    assert line == (f"healthy: run {report['run_id']} of replica-gov, 1 crawl(s), 26 documents found, "
                    f"{report['totals']['documents']['new']} new; report: {out / 'runs' / report['run_id'] / 'report.html'}")
    assert report["status"] == "healthy" and report["reasons"] == []
    (site,) = report["sites"]
    assert site["site"] == "jyj.demoxian.gov.cn" and site["documents"]["found"] == 26
    assert site["documents"]["new"] == len(held_keys(out)[0])     # an update replaces a stored copy
    assert gov_keys() <= held_keys(out)[1]

    again = run_job(job)
    assert again.returncode == 0 and verdict(again).startswith("healthy: ")
    rerun = reports(out)[-1]["sites"][0]
    assert rerun["documents"]["new"] == 0 and rerun["documents"]["known"] == 26

    thin = run_job(example_job(tmp_path, out, "CLOSESPIDER_PAGECOUNT = 3, WENKU_REFRESH = true"))
    assert thin.returncode == 1
    assert verdict(thin).startswith("unhealthy: jyj.demoxian.gov.cn: ")
    assert f"documents found, 26 in the previous run {reports(out)[1]['run_id']}" in verdict(thin)
    index = (out / "runs" / "index.html").read_text(encoding="utf-8")
    assert all(f'{r["run_id"]}/report.html' in index for r in reports(out)) and index.count("<svg") >= 5


def test_an_unhealthy_job_says_why_in_one_line_and_exits_1(tmp_path):
    with replica({"block_after": {"www.doc88.com": 1}}) as (_, address):
        job = tmp_path / "bad.toml"
        job.write_text(f"""
[job]
name = "bad"
out = "out"
settings = {{ REPLICA_ADDRESS = "{address}", WENKU_POLITE = false, WENKU_BLOCK_BACKOFF = 0.2 }}
[[crawl]]
spider = "doc88"
[[crawl]]
spider = "generic"
args = {{ start = "{GOV_START}", follow = 1, doc_pattern = "/no-such-page/" }}
""", encoding="utf-8")
        proc = run_job(job)
    assert proc.returncode == 1
    line = verdict(proc)
    assert line.startswith("unhealthy: doc88: gave doc88.com up after 2 block pages")
    assert "; jyj.demoxian.gov.cn: " in line and "pages fetched, no document parsed" in line
    (report,) = reports(tmp_path / "out")
    assert [s["spider"] for s in report["sites"]] == ["doc88", "generic"]
    assert report["sites"][0]["blocks"]["given_up"] == ["doc88.com"]
    assert report["sites"][1]["errors"]["top"][0]["urls"]       # the failed pages' URLs


def test_scrapy_crawl_exits_1_on_an_unhealthy_run_and_writes_the_report(tmp_path):
    out = tmp_path / "out"
    with replica() as (_, address):
        proc = subprocess.run(
            [str(Path(PYTHON).parent / "scrapy"), "crawl", "generic", "-a", f"start={GOV_START}",
             "-a", "doc_pattern=/no-such-page/", "-s", f"REPLICA_ADDRESS={address}", "-s", "WENKU_POLITE=False",
             "-s", f"WENKU_OUT={out}", "-s", "LOG_LEVEL=WARNING"],
            cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-3000:]
    (report,) = reports(out)
    assert report["status"] == "unhealthy" and report["job"] == "generic"
    assert "Run " in proc.stderr and "unhealthy: jyj.demoxian.gov.cn: 1 pages fetched, no document parsed" in proc.stderr


def test_two_runs_into_one_folder_at_once_take_turns_and_store_each_document_once(tmp_path):
    """A job run and a `scrapy crawl` started while it runs: the second waits, then finds everything held."""
    out = tmp_path / "out"
    with replica() as (server, address):
        answer = server.dispatch

        def slowly(req):                # ~5 s of crawling: the second run starts well inside it
            time.sleep(0.15)
            return answer(req)

        server.dispatch = slowly
        job = tmp_path / "job.toml"
        job.write_text(f"""
[job]
name = "overlap"
out = "out"
settings = {{ REPLICA_ADDRESS = "{address}", WENKU_POLITE = false }}
[[crawl]]
spider = "generic"
args = {{ start = "{GOV_START}", follow = 2, doc_pattern = '/t\\d{{8}}_\\d+\\.html$' }}
""", encoding="utf-8")
        first = subprocess.Popen([PYTHON, "-m", "crawler", "run", str(job)], cwd=ROOT, env=crawl_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lock = out / ".run.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run(
            [str(Path(PYTHON).parent / "scrapy"), "crawl", "generic", "-a", f"start={GOV_START}", "-a", "follow=2",
             "-a", r"doc_pattern=/t\d{8}_\d+\.html$", "-s", f"REPLICA_ADDRESS={address}", "-s", "WENKU_POLITE=False",
             "-s", f"WENKU_OUT={out}", "-s", "LOG_LEVEL=WARNING"],
            cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=180)
        first_out, first_err = first.communicate(timeout=180)
    assert first.returncode == 0, first_out + first_err[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    assert "is in use by run " in second.stderr and "of job overlap" in second.stderr and "waiting" in second.stderr
    one, two = reports(out)
    assert one["job"] == "overlap" and two["job"] == "generic" and two["started"] >= one["finished"]
    assert two["sites"][0]["documents"]["new"] == 0 and two["sites"][0]["documents"]["known"] == 26
    stored, covered = held_keys(out)
    assert len(stored) == len(set(stored)) == len(list(out.glob("*/*.txt")))
    assert gov_keys() <= covered
    ledger = [(r["site"], r["id"]) for r in jsonl(out / ".crawl-ledger.jsonl")]
    assert len(ledger) == len(set(ledger)) == 26


# ---------------------------------------------------------------- the report in a browser

def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120)


def png_colours(data: bytes) -> int:
    """Distinct byte values in a PNG's decompressed image data: a page of one colour has a handful
    (filter bytes and one pixel value); text and charts have far more."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            compressed += data[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(compressed)))


def test_the_report_page_shows_its_figures_in_a_browser(first_run, tmp_path):
    browser = chromium()
    if browser is None:
        assert not os.environ.get("CI"), "CI must have chromium (.ci/run installs the Debian package)"
        pytest.skip("chromium is not installed (Debian: apt-get install chromium); CI installs it")
    out = first_run[0]
    report = reports(out)[0]
    page = out / "runs" / report["run_id"] / "report.html"
    dom = headless(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    totals = report["totals"]
    for name, value in (("pages", totals["pages"]), ("documents-found", 26),
                        ("documents-new", totals["documents"]["new"]), ("requests", totals["requests"])):
        assert f'data-figure="{name}"><span class="value">{value:,}</span>' in dom.stdout
    assert '<span class="status healthy">healthy</span>' in dom.stdout
    assert dom.stdout.count("<svg") == 4 and ">jyj.demoxian.gov.cn<" in dom.stdout
    shot = tmp_path / "report.png"
    done = headless(browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert png_colours(shot.read_bytes()) > 20
