"""A crawl that meets a full disk fails loudly and loses nothing a rerun cannot bring back."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

from tests.support.crawl_support import ROOT


def demo(out, spiders: str, limit: int | None = None):
    def small_disk():
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([sys.executable, "-m", "crawler", "demo", "--out", str(out), "--spiders", spiders],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, preexec_fn=small_disk)


def manifest(out):
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_disk_full_during_a_crawl_exits_1_keeps_the_manifest_whole_and_a_rerun_completes(tmp_path):
    out = tmp_path / "out"
    assert demo(out, "bingdoc").returncode == 0
    index_size = os.path.getsize(out / ".index.sqlite")
    full = demo(out, "fanwen,renrendoc", limit=index_size + 20_000)
    assert full.returncode == 1
    assert "Traceback" not in full.stderr and "error: the writer could not store" in full.stderr
    records = manifest(out)                          # whole, every file it names on disk
    assert records and all((out / r["path"]).is_file() for r in records)
    total_kept = sum(int(line.split()[2]) for line in full.stdout.splitlines() if line.startswith("total"))
    assert total_kept <= len(records)                # the summary does not claim what was lost
    rerun = demo(out, "fanwen,renrendoc")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    fresh = tmp_path / "fresh"
    demo(fresh, "bingdoc")
    demo(fresh, "fanwen,renrendoc")
    # the same documents as an undisturbed run (which copy of a near-duplicate is kept depends
    # on arrival order, so the count is compared)
    assert len(manifest(out)) == len(manifest(fresh))


def test_demo_of_a_spider_without_a_start_page_exits_2_naming_it_and_the_demo_spiders(tmp_path):
    """docin is a search spider: alone in the demo it would fetch nothing and look broken."""
    run = demo(tmp_path / "out", "docin")
    assert run.returncode == 2
    assert "docin" in run.stderr and "-a query=" in run.stderr and "renrendoc" in run.stderr
    assert not (tmp_path / "out" / "manifest.jsonl").exists()
