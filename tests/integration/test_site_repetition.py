"""Site-level repetition end to end: the CLI learns the lines a host repeats as it goes and
across runs (OUT/.host_lines.sqlite), and a crawl counts what its writer keeps."""
from __future__ import annotations

import json
import sqlite3
import subprocess

from tests.support.crawl_support import PYTHON, ROOT, crawl_env, jsonl, replica

HOST = "jyj.example.gov.cn"
TOPICS = ["学校标准化建设", "教师队伍建设", "校园安全管理", "课后服务工作", "招生入学工作", "教育信息化",
          "劳动教育实践", "学生资助工作", "体育美育工作", "家校共育机制"]
NAV = "网站首页|关于我们"
BRAND = "清风教育云 智慧校园平台"                       # chrome in a wording no rule or model knows
FOOTER = "青禾网络 承建 清风教育云运维中心 维护"


def page(n: int, topic: str) -> dict:
    body = [f"今年以来，我县围绕{topic}第{k + 1}项任务，扎实推进各项措施落实，累计投入资金{100 + 37 * n + k}万元，"
            f"惠及学生{1000 + 211 * n + k}人，取得了明显成效。" for k in range(5)]
    text = "\n".join([NAV, BRAND, *body, "特此通知。", "某某县教育体育局", f"2023年5月{n + 1}日", FOOTER])
    return {"id": f"a{n}", "url": f"https://www.{HOST}/art/{n}.html", "title": f"关于{topic}的情况通报", "text": text}


def write_pages(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps(page(n, t), ensure_ascii=False) + "\n" for n, t in enumerate(TOPICS)),
                     encoding="utf-8")
    return pages


def clean(*args) -> subprocess.CompletedProcess:
    run = subprocess.run([PYTHON, "-m", "cleaners", "clean", *map(str, args)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run


def texts(out) -> dict[str, str]:
    return {r["id"]: (out / r["path"]).read_text(encoding="utf-8") for r in jsonl(out / "manifest.jsonl")}


def test_a_hosts_chrome_goes_from_later_pages_and_from_the_first_on_the_next_run(tmp_path):
    pages, out = write_pages(tmp_path), tmp_path / "out"
    clean(pages, "--out", out)
    first = texts(out)
    assert BRAND in first["a0"] and FOOTER in first["a0"]          # nothing known of the host yet
    for later in ("a8", "a9"):                                       # after 8 pages of the host
        assert BRAND not in first[later] and FOOTER not in first[later] and "取得了明显成效" in first[later]
        assert "特此通知。" in first[later] and "某某县教育体育局" in first[later]   # the notice's own close stays
    run = clean(pages, "--out", out, "--explain")                   # a new process: the table persisted
    second = texts(out)
    assert all(BRAND not in text and FOOTER not in text for text in second.values())
    assert f"[host_repeat] removed: {BRAND!r} -> on 10 documents of this host" in run.stdout
    with sqlite3.connect(out / ".host_lines.sqlite") as db:
        assert db.execute("SELECT host, docs FROM hosts").fetchall() == [(HOST, 10)]    # counted once per page


def test_parallel_jobs_see_the_same_host_lines_and_write_the_same_store(tmp_path):
    pages = write_pages(tmp_path)
    clean(pages, "--out", tmp_path / "one")
    clean(pages, "--out", tmp_path / "two", "--jobs", "2")
    assert (tmp_path / "one/manifest.jsonl").read_bytes() == (tmp_path / "two/manifest.jsonl").read_bytes()


def test_switched_off_it_neither_learns_nor_removes(tmp_path):
    pages, out = write_pages(tmp_path), tmp_path / "out"
    clean(pages, "--out", out, "--no-host-lines")
    assert all(BRAND in text for text in texts(out).values())
    assert not (out / ".host_lines.sqlite").exists()


def test_documents_without_a_url_have_no_host_and_make_no_table(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(page(0, TOPICS[0])["text"].split("\n")), encoding="utf-8")
    clean(tmp_path / "a.txt", "--out", tmp_path / "out")
    assert not (tmp_path / "out/.host_lines.sqlite").exists()


GOV_CRAWL = ["-a", "start=https://jyj.demoxian.gov.cn/zwgk/gzzj/index.html", "-a", "follow=2",
             "-a", r"doc_pattern=/t\d{8}_\d+\.html$", "-s", "WENKU_POLITE=False", "-s", "LOG_LEVEL=WARNING"]


def crawl(address: str, out, *settings: str) -> None:
    cmd = [PYTHON, "-m", "scrapy", "crawl", "generic", "-s", f"REPLICA_ADDRESS={address}", "-s", f"WENKU_OUT={out}",
           *GOV_CRAWL, *settings]
    proc = subprocess.run(cmd, cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]


def counted(out) -> list[tuple[str, int]]:
    with sqlite3.connect(out / ".host_lines.sqlite") as db:
        return db.execute("SELECT host, docs FROM hosts").fetchall()


def test_a_crawl_counts_each_kept_document_of_a_host_once_across_runs(tmp_path):
    out, off = tmp_path / "out", tmp_path / "off"
    with replica() as (_, address):
        crawl(address, out, "-s", "WENKU_CLEAN_WORKERS=1")           # the writer counts, a worker process reads
        first = counted(out)
        # every document kept when it came (the crawl's ledger), those a later copy replaced too
        kept = {r["url"] for r in jsonl(out / ".crawl-ledger.jsonl") if {"kept", "replaced"} & set(r["outcomes"])}
        crawl(address, out, "-s", "WENKU_REFRESH=True")              # every document again: nothing new to count
        crawl(address, off, "-s", "WENKU_HOST_LINES=False")
    assert first == [("jyj.demoxian.gov.cn", len(kept))] and len(kept) > 10
    assert counted(out) == first
    assert not (off / ".host_lines.sqlite").exists()
