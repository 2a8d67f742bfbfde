"""scrapyd: the egg `scrapyd-deploy` builds lists every profile spider and runs a crawl with its report.

A real scrapyd (the pip package) on a free loopback port in a temporary folder, the
egg uploaded through its addversion.json, a crawl of the replica server scheduled
through schedule.json.  scrapyd imports the project from the zipped egg only: its
environment has no PYTHONPATH pointing at this checkout.
"""
from __future__ import annotations

import json
import socket
import subprocess
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import ProxyHandler, Request, build_opener

from cleaners import profiles
from tests.support.crawl_support import PYTHON, ROOT, catalog_documents, crawl_env, jsonl, key_for_url, replica

BIN = Path(PYTHON).parent
GOV_START = "https://jyj.demoxian.gov.cn/zwgk/gzzj/index.html"
direct = build_opener(ProxyHandler({}))      # loopback only, whatever the environment's proxies


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(base: str, endpoint: str, data: dict | list | None = None, files: dict | None = None) -> dict:
    """One scrapyd API call: GET with no data, form POST, or multipart POST with files."""
    if files:
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in (data or {}).items()]
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        request = Request(f"{base}/{endpoint}", data=b"".join(parts) + f"--{boundary}--\r\n".encode(),
                          headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    elif data is not None:
        request = Request(f"{base}/{endpoint}", data=urlencode(data).encode())
    else:
        request = Request(f"{base}/{endpoint}")
    with direct.open(request, timeout=30) as response:
        return json.loads(response.read())


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def profile_spiders() -> set[str]:
    return {name for name, p in profiles.all_profiles().items() if name != profiles.GENERIC and p.enabled}


def test_scrapyd_lists_every_profile_spider_and_runs_a_replica_crawl_with_its_report(tmp_path):
    egg = tmp_path / "wenku.egg"
    built = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=ROOT, env=crawl_env(),
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0 and egg.exists(), built.stderr[-3000:]
    names = zipfile.ZipFile(egg).namelist()
    assert {f"cleaners/profiles/{name}.toml" for name in profile_spiders()} <= set(names)
    assert "replicas/server.py" in names and "replicas/catalog.json" in names

    home, port = tmp_path / "scrapyd", free_port()
    home.mkdir()
    (home / "scrapyd.conf").write_text(f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\n"
                                       "logs_dir = logs\ndbs_dir = dbs\nitems_dir =\npoll_interval = 0.5\n"
                                       "max_proc = 1\n", encoding="utf-8")
    env = {k: v for k, v in crawl_env().items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    daemon = subprocess.Popen([PYTHON, "-m", "scrapyd"], cwd=home, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out = tmp_path / "out"
    try:
        wait_for(lambda: call(base, "daemonstatus.json")["status"] == "ok", 60, "scrapyd to listen")
        added = call(base, "addversion.json", {"project": "wenku_corpus", "version": "1"},
                     files={"egg": ("wenku.egg", egg.read_bytes())})
        assert added["status"] == "ok", added
        listed = call(base, "listspiders.json?project=wenku_corpus")
        assert set(listed["spiders"]) == profile_spiders() | {"generic"}

        with replica() as (_, address):
            scheduled = call(base, "schedule.json", [
                ("project", "wenku_corpus"), ("spider", "generic"), ("start", GOV_START), ("follow", "2"),
                ("doc_pattern", r"/t\d{8}_\d+\.html$"), ("setting", f"REPLICA_ADDRESS={address}"),
                ("setting", "WENKU_POLITE=False"), ("setting", f"WENKU_OUT={out}")])
            job = scheduled["jobid"]
            finished = wait_for(lambda: [j for j in call(base, "listjobs.json?project=wenku_corpus")["finished"]
                                         if j["id"] == job], 180, "the scheduled crawl to finish")
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
    log = (home / "logs" / "wenku_corpus" / "generic" / f"{job}.log").read_text(encoding="utf-8")
    assert finished and "Traceback" not in log, log[-3000:]
    records = jsonl(out / "manifest.jsonl")
    held = {(r["site"], str(r["id"])) for r in records} | {(a["site"], str(a["id"])) for r in records
                                                            for a in r.get("aliases", [])}
    assert {key_for_url(d["url"]) for d in catalog_documents() if "demoxian" in d["url"]} <= held
    (report_path,) = (out / "runs").glob("*/report.json")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["status"] == "healthy" and report["job"] == "generic"
    assert report["sites"][0]["documents"]["found"] == 26
    assert (report_path.parent / "report.html").exists() and f"Run {report['run_id']} healthy" in log
