"""Mistakes on the command line of the crawler and the writer: one `error:` line naming what is
wrong and what to give, a non-zero exit, nothing crawled or written."""
import subprocess
import sys
from pathlib import Path

import pytest
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from crawler.commands.crawl import explain_start_failure
from crawler.spiders.arguments import SpiderArgumentError
from tests.support.crawl_support import NO_NETWORK, ROOT, crawl_env


def run(*args: str) -> subprocess.CompletedProcess:
    if args[:3] == ("-m", "scrapy", "crawl"):
        args = (*args, "-s", NO_NETWORK)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=crawl_env(), capture_output=True, text=True,
                          timeout=120)


def last_line(done: subprocess.CompletedProcess) -> str:
    return done.stderr.strip().splitlines()[-1]


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "output"
    path.write_text("not a folder", encoding="utf-8")
    return path


def test_the_demo_into_a_file_says_so_once_and_exits_2(a_file):
    done = run("-m", "crawler", "demo", "--out", str(a_file))
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("error:") == 1 and "Traceback" not in done.stderr
    assert last_line(done) == (f"error: cannot use {a_file} as the output folder (a file of that name is there); "
                               "give a folder that can be made and written")


def test_scrapy_crawl_into_a_file_exits_2_with_one_error_line(a_file):
    done = run("-m", "scrapy", "crawl", "docs360", "-s", f"WENKU_OUT={a_file}", "-s", "LOG_LEVEL=WARNING")
    assert done.returncode == 2, done.stderr
    assert last_line(done).startswith(f"error: cannot use {a_file} as the output folder")
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_a_redis_url_that_is_not_one_is_named_by_the_worker_and_the_writer(tmp_path):
    worker = run("-m", "scrapy", "crawl", "docs360", "-s", "WENKU_REDIS_URL=http://127.0.0.1:1",
                 "-s", f"WENKU_OUT={tmp_path / 'out'}", "-s", "LOG_LEVEL=WARNING")
    assert worker.returncode == 1 and "Traceback" not in worker.stderr, worker.stderr
    assert last_line(worker).startswith("error: WENKU_REDIS_URL=http://127.0.0.1:1: ")
    assert last_line(worker).endswith("give redis://HOST:PORT/DB")
    writer = run("-m", "cleaners", "ingest", "--redis", "http://127.0.0.1:1", "--out", str(tmp_path / "store"))
    assert writer.returncode == 2 and "Traceback" not in writer.stderr, writer.stderr
    assert last_line(writer).startswith("error: --redis http://127.0.0.1:1: ")
    assert not (tmp_path / "out").exists() and not (tmp_path / "store").exists()


def test_a_start_failure_not_explained_stays_a_failure_for_scrapy_to_report():
    explained: list = []
    unexplained, usage = Deferred(), Deferred()
    explain_start_failure(unexplained, explained)
    explain_start_failure(usage, explained)
    unexplained.errback(Failure(KeyError("boom")))
    usage.errback(Failure(SpiderArgumentError("-a max_docs=x: not a whole number")))
    outcomes = []
    unexplained.addBoth(outcomes.append)
    usage.addBoth(outcomes.append)
    assert isinstance(outcomes[0], Failure) and outcomes[0].check(KeyError)   # was: the exception as a value
    assert outcomes[1] is None and [str(e) for e in explained] == ["-a max_docs=x: not a whole number"]


@pytest.mark.parametrize("held", ["manifest.jsonl", "local/report.txt"])
def test_a_folder_with_files_a_store_would_overwrite_is_refused_by_clean_and_crawl(tmp_path, held):
    out = tmp_path / "mine"
    (out / held).parent.mkdir(parents=True, exist_ok=True)
    (out / held).write_text("the user's own file", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("县教育局工作总结\n" + "过去一年，全县教育系统较好地完成了年初确定的各项工作任务。" * 5,
                                      encoding="utf-8")
    clean = run("-m", "cleaners", "clean", str(tmp_path / "doc.txt"), "--out", str(out))
    crawl = run("-m", "scrapy", "crawl", "docs360", "-s", f"WENKU_OUT={out}", "-s", "LOG_LEVEL=WARNING")
    demo = run("-m", "crawler", "demo", "--out", str(out))
    assert (clean.returncode, crawl.returncode, demo.returncode) == (1, 2, 2), clean.stderr + crawl.stderr + demo.stderr
    for done in (clean, crawl, demo):
        assert f"{out} holds {held} but no store index" in last_line(done) and "Traceback" not in done.stderr
    made = {held} | ({str(Path(held).parent)} if "/" in held else set())
    assert {str(p.relative_to(out)) for p in out.rglob("*")} == made      # no lock, index or report left
    assert (out / held).read_text(encoding="utf-8") == "the user's own file"
