"""Throughput of each repair step (cleaners/steps/repair/) on ~20 MB of clean and of damaged text.

    .venv/bin/python benchmarks/bench_repair.py [MB] [repeats]

Clean text = /work/shared/gold/*.txt (falling back to tests/data/gold) repeated as
5 kB documents; damaged text = the same documents with mojibake runs, GBK-shift
runs, pinyin annotations, HTML residue and U+FFFD planted in them.  Two C-speed
floors are timed in the same run as baselines: `str.translate` with a small
table and a single `re.search` that finds nothing.  MB = UTF-8 megabytes.
"""
from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaners.steps import repair  # noqa: E402

STEPS = [repair.strip_html_residue, repair.strip_control_chars, repair.fix_whole_text_mojibake,
         repair.fix_misaligned_gbk, repair.fix_mojibake_runs, repair.strip_pinyin, repair.drop_irrecoverable]


def gold_texts() -> list[str]:
    for folder in (Path("/work/shared/gold"), ROOT / "tests" / "data" / "gold"):
        paths = sorted(folder.glob("*.txt"))
        if paths:
            return [p.read_text(encoding="utf-8") for p in paths]
    raise SystemExit("no gold texts found in /work/shared/gold or tests/data/gold")


def documents(total_mb: float) -> list[str]:
    """Cut the gold texts into ~5,000-char documents until total_mb of UTF-8 is reached."""
    corpus = "\n".join(gold_texts())
    docs, size, pos = [], 0, 0
    while size < total_mb * 1e6:
        doc = (corpus[pos:] + corpus)[:5000]
        pos = (pos + 1777) % len(corpus)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def damage(doc: str, rng: random.Random) -> str:
    """Plant one of each kind of damage the steps repair."""
    cut = lambda: rng.randrange(len(doc))  # noqa: E731
    pieces = {
        "<p><b>": 1, "&nbsp;&amp;": 1, "\u200b\r\n": 1,
        "教育??h教育局": 1, "改革?!栋l(fā)展": 1, "繼續(xù)": 2,
        "经济增长".encode("utf-8").decode("gbk"): 1, "\ufffd\ufffd锟斤拷": 1,
        "½ÌÓý¾Ö¹¤×÷×Ü½á": 1,
    }
    for piece, count in pieces.items():
        for _ in range(count):
            at = cut()
            doc = doc[:at] + piece + doc[at:]
    return doc


def mb_per_s(func, docs: list[str], mb: float, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for doc in docs:
            func(doc)
        best = min(best, time.perf_counter() - start)
    return mb / best


def main() -> None:
    total_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    clean = documents(total_mb)
    rng = random.Random(1)
    damaged = [damage(doc, rng) for doc in clean[: max(1, len(clean) // 10)]]
    clean_mb = sum(len(d.encode("utf-8")) for d in clean) / 1e6
    damaged_mb = sum(len(d.encode("utf-8")) for d in damaged) / 1e6
    table = str.maketrans({"\u200b": None, "\r": "\n"})
    never = re.compile(r"[\x00-\x08\u200b]")
    baselines = [("baseline str.translate", lambda t: t.translate(table)),
                 ("baseline re.search (no hit)", never.search)]

    def all_steps(text: str) -> str:
        for step in STEPS:
            text, _ = step(text)
        return text

    print(f"clean: {len(clean)} docs, {clean_mb:.1f} MB; damaged: {len(damaged)} docs, {damaged_mb:.1f} MB; "
          f"best of {repeats}")
    print(f"{'step':32} {'clean MB/s':>11} {'damaged MB/s':>13}")
    for name, func in baselines + [(s.__name__, s) for s in STEPS] + [("all seven steps", all_steps)]:
        print(f"{name:32} {mb_per_s(func, clean, clean_mb, repeats):11.1f} "
              f"{mb_per_s(func, damaged, damaged_mb, repeats):13.1f}", flush=True)


if __name__ == "__main__":
    main()
