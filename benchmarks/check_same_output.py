"""Guard for speed work on the cleaners: does `clean` still give exactly the same results?

    .venv/bin/python benchmarks/check_same_output.py --save /tmp/clean_hashes.json   # before
    .venv/bin/python benchmarks/check_same_output.py --check /tmp/clean_hashes.json  # after each change

Cleans the 50 MB benchmark corpus (bench_clean.build_corpus, text input; the first 300
documents also as raw bytes, 30 % GBK), the seeds (tests/data/seeds) and every sample of the
generality corpus (tests/data/corpus, read as the CLI reads them, through `clean_all`), the
small inputs under all three script options, and records per input a hash of the title,
text, flags and metadata, and separately one of the change counts and one of the full
change list.  --check names every input whose result differs and in which part; exit 1 if
title/text/flags/metadata or change counts differ (a change-list-only difference is reported
but tolerated: the same edits may be told in another order).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_clean import build_corpus  # noqa: E402
from cleaners import Document, clean, sources  # noqa: E402
from cleaners.pipeline import Options, clean_all  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
CORPUS = ROOT / "tests" / "data" / "corpus"
PARTS = ("output", "counts", "changes")


def _digest(value) -> str:
    return hashlib.sha1(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
                        .encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprint(results) -> dict[str, str]:
    """Hashes of what a caller sees (output), of the per-step change counts, of every change."""
    return {
        "output": _digest([[r.id, r.site, r.title, r.text, r.flags, r.metadata] for r in results]),
        "counts": _digest([r.change_counts() for r in results]),
        "changes": _digest([[list(c) for c in r.changes] for r in results]),
    }


def inputs(megabytes: float):
    """(name, callable giving the list of results) for every input checked."""
    docs = build_corpus(megabytes)
    for i, text in enumerate(docs):
        yield f"bench/{i}", lambda text=text: [clean(Document(text=text, is_html=False))]
    rng = random.Random(3)
    for i, text in enumerate(docs[:300]):
        data = text.encode("gb18030" if rng.random() < 0.3 else "utf-8")
        yield f"bench-bytes/{i}", lambda data=data: [clean(Document(data=data, is_html=False))]
    small = sorted(SEEDS.glob("*.txt")) + sorted(p for p in CORPUS.iterdir()
                                                if p.suffix in (".txt", ".html") and ".expected" not in p.name)
    for path in small:
        for script in ("simplified", "keep", "traditional"):
            options = Options(script=script)

            def run(path=path, options=options):
                return [r for doc in sources.read([str(path)]) for r in
                        (clean_all(doc, options) if isinstance(doc, Document) else [])]
            yield f"{path.relative_to(ROOT)}[{script}]", run


def compute(megabytes: float) -> dict[str, dict[str, str]]:
    return {name: fingerprint(run()) for name, run in inputs(megabytes)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", metavar="FILE", help="write the hashes of the current code's results")
    action.add_argument("--check", metavar="FILE", help="compare the current code's results with FILE")
    parser.add_argument("--mb", type=float, default=50.0, help="benchmark corpus size (default 50)")
    args = parser.parse_args()
    started = time.perf_counter()
    current = compute(args.mb)
    print(f"{len(current)} inputs cleaned in {time.perf_counter() - started:.1f}s")
    if args.save:
        Path(args.save).write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
        print(f"saved to {args.save}")
        return 0
    saved = json.loads(Path(args.check).read_text(encoding="utf-8"))
    if set(saved) != set(current):
        print(f"different inputs: {len(set(saved) ^ set(current))} names differ (same --mb as the saved run?)")
        return 1
    differ = {part: [n for n in saved if saved[n][part] != current[n][part]] for part in PARTS}
    for part in PARTS:
        names = differ[part]
        print(f"{part:8s}: {'same' if not names else f'{len(names)} differ'} "
              f"{', '.join(names[:10])}{' ...' if len(names) > 10 else ''}")
    return 1 if differ["output"] or differ["counts"] else 0


if __name__ == "__main__":
    sys.exit(main())
