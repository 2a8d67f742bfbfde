"""Refactoring guard: do the CLIs still write byte-identical output?

    .venv/bin/python tools/same_output.py --save /tmp/before.json   # before a refactor
    .venv/bin/python tools/same_output.py --check /tmp/before.json  # after it (exit 1 on a difference)

Runs, each into a fresh folder, `python -m cleaners clean` on the seeds, on the real-page
text set and on the real HTML set (../shared/real, as their score.py writes the input), and
the demo crawl (`python -m crawler demo`); then hashes every manifest line and every `.txt`
file, path by path.  --check names each file that differs.  Two things a run cannot repeat
are normalised away: the temporary folder's path (rejects name where a record came from) and
the manifest's cluster numbers, which follow arrival order: a record's cluster is compared
as the set of records it groups, named by its smallest id.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.__main__ import demo_spiders  # noqa: E402

SHARED = (ROOT.parent / "shared").resolve()   # the same paths in the manifest from any worktree
PY = sys.executable
# Volatile fields the store writes (times) are left out of the manifest hashes.
VOLATILE = ("added", "fetched", "updated", "time", "run")


def _run(args: list[str]) -> None:
    done = subprocess.run([PY, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")


def _jobs(work: Path) -> dict[str, list[str]]:
    text_in, html_in = work / "text.jsonl", work / "html.jsonl"
    _run([str(SHARED / "real/text/score.py"), "--make-input", str(text_in)])
    _run([str(SHARED / "real/html/score.py"), "--make-input", str(html_in)])
    return {
        "seeds": ["-m", "cleaners", "clean", str(SHARED / "seeds")],
        "real_text": ["-m", "cleaners", "clean", str(text_in)],
        "real_html": ["-m", "cleaners", "clean", str(html_in)],
    }


def _demo(out: Path) -> None:
    """The demo crawl made repeatable: one spider after another into one folder, one request
    at a time (concurrent arrival decides which copy of a near-duplicate comes first)."""
    listing = subprocess.run([str(Path(PY).parent / "scrapy"), "list"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    for name in demo_spiders(listing):
        _run(["-m", "crawler", "demo", "--spiders", name, "--out", str(out),
              "-s", "CONCURRENT_REQUESTS=1"])


def _canonical(value):
    """The record with volatile fields dropped and its lists in a fixed order."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def _cluster_names(records: list[dict]) -> dict:
    """Cluster number -> the smallest id among the records it groups (a name independent of
    the order the records arrived in)."""
    names: dict = {}
    for record in records:
        if record.get("cluster") is not None and "id" in record:
            known = names.get(record["cluster"])
            names[record["cluster"]] = record["id"] if known is None else min(known, record["id"])
    return names


def _digest_folder(out: Path, work: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = str(path.relative_to(out))
        if path.suffix == ".txt":
            found[rel] = hashlib.sha1(path.read_bytes()).hexdigest()
        elif path.suffix == ".jsonl":
            # A crawl writes its records in arrival order, which concurrency varies from
            # run to run: records are compared as a set, each keyed by its own content.
            text = path.read_text(encoding="utf-8").replace(json.dumps(str(work))[1:-1], "$WORK")
            records = [json.loads(line) for line in text.splitlines()]
            names = _cluster_names(records)
            for record in records:
                if record.get("cluster") is not None:
                    record["cluster"] = names[record["cluster"]]
                record = _canonical(record)
                digest = hashlib.sha1(
                    json.dumps(record, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
                found[f"{rel}:{digest}"] = digest
    return found


def snapshot() -> dict[str, dict[str, str]]:
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, args in _jobs(work).items():
            out = work / name
            _run([*args, "--out", str(out)])
            result[name] = _digest_folder(out, work)
            print(f"{name}: {len(result[name])} files/lines", file=sys.stderr)
        _demo(work / "demo")
        result["demo"] = _digest_folder(work / "demo", work)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    args = parser.parse_args()
    now = snapshot()
    if args.save:
        Path(args.save).write_text(json.dumps(now, indent=1, sort_keys=True))
        return 0
    before = json.loads(Path(args.check).read_text())
    bad = 0
    for job in sorted(set(before) | set(now)):
        a, b = before.get(job, {}), now.get(job, {})
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                bad += 1
                if bad <= 50:
                    print(f"differs: {job}/{key}")
    print(f"{bad} difference(s) over {sum(len(v) for v in now.values())} files/lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
