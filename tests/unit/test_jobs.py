"""Job files are checked whole before a run; the run lock makes a second run wait its turn."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
import scrapy
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from crawler import runlock
from crawler.jobs import JobError, check_job, load_job
from crawler.jobrun import known_settings
from crawler.spiders.generic import GenericSpider
from tests.support.crawl_support import ROOT, crawl_env

SPIDERS = {"generic": GenericSpider, "plain": scrapy.Spider}
GOOD = """
[job]
name = "county-edu"
out = "output"
[[crawl]]
spider = "generic"
args = { start = "http://jyj.example.gov.cn/col/gzzj/index.html" }
settings = { CLOSESPIDER_TIMEOUT = 3600 }
"""


def job_file(tmp_path, text: str, name: str = "job.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problem(tmp_path, text: str) -> str:
    with pytest.raises(JobError) as caught:
        check_job(load_job(job_file(tmp_path, text)), SPIDERS, known_settings())
    return str(caught.value)


def test_the_issue_example_loads_with_out_relative_to_the_job_files_folder(tmp_path):
    job = load_job(job_file(tmp_path, GOOD))
    check_job(job, SPIDERS, known_settings())
    assert (job.name, job.out, job.replica) == ("county-edu", tmp_path / "output", None)
    (crawl,) = job.crawls
    assert crawl.spider == "generic" and crawl.settings == {"CLOSESPIDER_TIMEOUT": 3600}
    assert crawl.args == {"start": "http://jyj.example.gov.cn/col/gzzj/index.html"}


def test_arguments_become_text_as_scrapy_passes_them_and_lists_join_with_commas(tmp_path):
    job = load_job(job_file(tmp_path, """
        [job]
        name = "x"
        out = "/tmp/abs"
        replica = true
        [[crawl]]
        spider = "generic"
        args = { start = ["http://a.cn/", "http://b.cn/"], follow = 2, refresh = true }
        """))
    assert job.crawls[0].args == {"start": "http://a.cn/,http://b.cn/", "follow": "2", "refresh": "true"}
    assert str(job.out) == "/tmp/abs" and job.replica == {}


@pytest.mark.parametrize("text, expected", [
    ("[job]\nname = 'x'\n[[crawl]]\nspider = 'genric'\nargs = {start='http://a.cn/'}\n",
     "no spider named 'genric' (did you mean 'generic'?"),
    (GOOD.replace("CLOSESPIDER_TIMEOUT", "CLOSESPIDER_TIMOUT"),
     "unknown setting 'CLOSESPIDER_TIMOUT' (did you mean CLOSESPIDER_TIMEOUT?)"),
    (GOOD.replace("3600", "'an hour'"), "setting CLOSESPIDER_TIMEOUT wants a number, got 'an hour'"),
    (GOOD.replace("CLOSESPIDER_TIMEOUT = 3600", "WENKU_OUT = 'elsewhere'"), "set `out` in [job] instead"),
    (GOOD.replace("start =", "begin ="), "[[crawl]] 1 (generic): the generic spider takes no argument begin"),
    (GOOD.replace("start =", "max_docs = 'many', start ="), "-a max_docs=many: not a whole number"),
    ("[job]\nname = 'x'\n", "no [[crawl]]"),
    ("[[crawl]]\nspider = 'generic'\n", "no [job] table"),
    ("[job]\nname = 'x y'\n[[crawl]]\nspider = 'plain'\n", "[job] needs name"),
    (GOOD.replace("out =", "output ="), "unknown key 'output' in [job]"),
    (GOOD + "[crawl.extra]\n", "unknown key 'extra' in [[crawl]] 1"),
    ("[job\nname = 'x'", "not valid TOML"),
])
def test_a_bad_job_file_names_the_file_and_what_to_fix(tmp_path, text, expected):
    message = problem(tmp_path, text)
    assert message.startswith(str(tmp_path / "job.toml") + ": ")
    assert expected in message


def test_a_missing_job_file_is_said_so(tmp_path):
    with pytest.raises(JobError, match="no such job file"):
        load_job(tmp_path / "nope.toml")


def test_the_run_command_exits_2_with_one_line_and_no_traceback(tmp_path):
    path = job_file(tmp_path, GOOD.replace("CLOSESPIDER_TIMEOUT", "CLOSESPIDER_TIMOUT"))
    done = subprocess.run([sys.executable, "-m", "crawler", "run", str(path)], cwd=ROOT, env=crawl_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {path}: ") and "CLOSESPIDER_TIMOUT" in done.stderr


# ---------------------------------------------------------------- run lock

def test_the_run_lock_is_reentrant_in_a_process_and_shares_its_run(tmp_path):
    outer = runlock.acquire(tmp_path, "job")
    inner = runlock.acquire(tmp_path, "other")
    assert inner is outer and inner.run_id == outer.run_id
    assert runlock.release(inner) is False
    assert runlock.release(outer) is True
    again = runlock.acquire(tmp_path, "job")
    assert again.run_id != outer.run_id
    runlock.release(again)


def test_a_second_process_waits_for_the_run_lock_saying_whose_it_is(tmp_path):
    hold = runlock.acquire(tmp_path, "nightly")
    code = ("import sys, time; from crawler import runlock\n"
            "started = time.monotonic()\n"
            f"hold = runlock.acquire({str(tmp_path)!r}, 'second', say=lambda m: print(m, flush=True))\n"
            "print(f'got it after {time.monotonic() - started:.1f}s', flush=True)\n")
    waiter = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=crawl_env(), stdout=subprocess.PIPE,
                              text=True)
    try:
        first_line = waiter.stdout.readline()
        assert f"is in use by run {hold.run_id} of job nightly" in first_line and "waiting" in first_line
        time.sleep(0.6)
        assert waiter.poll() is None
    finally:
        runlock.release(hold)
    rest, _ = waiter.communicate(timeout=30)
    assert waiter.returncode == 0 and rest.startswith("got it after")


def test_waiting_for_the_run_lock_can_be_bounded(tmp_path):
    hold = runlock.acquire(tmp_path, "nightly")
    code = f"from crawler import runlock; runlock.acquire({str(tmp_path)!r}, 'second', timeout=0.5)"
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=crawl_env(), capture_output=True,
                              text=True, timeout=30)
    finally:
        runlock.release(hold)
    assert done.returncode != 0 and "RunLockTimeout" in done.stderr and "still in use by run" in done.stderr


@pytest.mark.parametrize("path", sorted((ROOT / "jobs").glob("*.toml")), ids=lambda p: p.name)
def test_the_example_jobs_pass_the_checks(path, monkeypatch):
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    monkeypatch.chdir(path.parent)
    loader = get_spider_loader(get_project_settings())
    check_job(load_job(path), {name: loader.load(name) for name in loader.list()}, known_settings())
