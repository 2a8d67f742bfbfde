"""Score the cleaning pipeline on the generality corpus (tests/data/corpus/).

    python tests/support/corpus_score.py [-v] [NAME...]

Each raw sample is read exactly as the CLI reads a file (`cleaners.sources`),
cleaned with `cleaners.clean_all`, rendered (title line, blank line, body) and
compared whitespace-insensitively with `NAME.expected.txt` using the shared gold
scorer's formula; `NAME.expected.json` adds flag/metadata expectations.  Prints
one row per sample, then totals; -v also prints the rendered output of every
sample that is not clean.
"""
from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
SHARED_TOOLS = ROOT.parent / "shared" / "tools"
CLEAN_AT = 0.99          # precision and recall at or above this: the sample is clean

sys.path.insert(0, str(ROOT))
from cleaners import sources  # noqa: E402
from cleaners.pipeline import clean_all  # noqa: E402

try:  # the one scoring formula of the project lives beside the repo, in shared/tools
    sys.path.insert(0, str(SHARED_TOOLS))
    from score_gold import score  # type: ignore  # noqa: E402
except ImportError:  # a checkout without shared/: the same formula (difflib on whitespace-free text)
    import difflib
    import re

    def score(out: str, gold: str) -> tuple[float, float, float]:
        o, g = re.sub(r"\s+", "", out), re.sub(r"\s+", "", gold)
        if not g:
            return 1.0, 1.0, 1.0
        matched = sum(b.size for b in difflib.SequenceMatcher(None, o, g, autojunk=False).get_matching_blocks())
        rec, prec = matched / len(g), (matched / len(o) if o else 0.0)
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


@dataclass
class SampleScore:
    name: str
    precision: float
    recall: float
    f1: float
    rendered: str
    expectation_errors: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return self.precision >= CLEAN_AT and self.recall >= CLEAN_AT


def samples(names: list[str] | None = None) -> list[tuple[str, Path]]:
    """(name, raw file) for every sample that has an expected text."""
    found = []
    for expected in sorted(CORPUS.glob("*.expected.txt")):
        name = expected.name[: -len(".expected.txt")]
        raws = [p for p in CORPUS.glob(f"{name}.*") if p.suffix in (".txt", ".html") and ".expected" not in p.name]
        if not raws:
            raise FileNotFoundError(f"{expected}: no raw input {name}.txt or {name}.html beside it")
        if names and name not in names:
            continue
        found.append((name, raws[0]))
    return found


def _metadata_matches(key: str, actual, wanted) -> bool:
    actual = "" if actual is None else str(actual)
    if key == "date":  # a date matches by prefix: 2024-02-05 accepts "2024-02-05 09:30"
        return actual == str(wanted) or actual.startswith(f"{wanted} ")
    return actual == str(wanted)


def check_expectations(result, expect: dict, documents: int) -> list[str]:
    errors = []
    if documents != expect.get("documents", 1):
        errors.append(f"documents: {documents} != {expect.get('documents', 1)}")
    for key, wanted in expect.get("flags", {}).items():
        if result.flags.get(key) != wanted:
            errors.append(f"flag {key}: {result.flags.get(key)!r} != {wanted!r}")
    for key, wanted in expect.get("metadata", {}).items():
        if not _metadata_matches(key, result.metadata.get(key), wanted):
            errors.append(f"metadata {key}: {result.metadata.get(key)!r} != {wanted!r}")
    return errors


def score_sample(name: str, raw: Path) -> SampleScore:
    docs = list(sources.read([str(raw)]))
    if len(docs) != 1 or isinstance(docs[0], sources.BadInput):
        raise ValueError(f"{raw}: sources.read gave {docs!r}, expected one document")
    results = clean_all(docs[0])
    rendered = results[0].rendered() if results else ""
    expected = (CORPUS / f"{name}.expected.txt").read_text(encoding="utf-8")
    p, r, f = score(rendered, expected)
    expect_file = CORPUS / f"{name}.expected.json"
    expect = json.loads(expect_file.read_text(encoding="utf-8")) if expect_file.exists() else {}
    errors = check_expectations(results[0], expect, len(results)) if results else ["no result"]
    return SampleScore(name, p, r, f, rendered, errors)


def score_corpus(names: list[str] | None = None) -> list[SampleScore]:
    return [score_sample(name, raw) for name, raw in samples(names)]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or None
    scores = score_corpus(names)
    width = max((len(s.name) for s in scores), default=10)
    for s in scores:
        mark = "" if s.clean and not s.expectation_errors else "  <--"
        print(f"{s.name:<{width}}  precision {s.precision:.4f}  recall {s.recall:.4f}  f1 {s.f1:.4f}{mark}")
        for error in s.expectation_errors:
            print(f"{'':<{width}}  expectation failed: {error}")
        if verbose and not s.clean:
            print("-" * 40 + "\n" + s.rendered + "-" * 40)
    n = len(scores) or 1
    print(f"clean_samples {sum(s.clean for s in scores)}/{len(scores)} (precision and recall >= {CLEAN_AT})")
    print(f"expectations_met {sum(not s.expectation_errors for s in scores)}/{len(scores)}")
    print(f"mean_precision {sum(s.precision for s in scores) / n:.4f}")
    print(f"mean_recall {sum(s.recall for s in scores) / n:.4f}")
    print(f"mean_f1 {statistics.fmean(s.f1 for s in scores) if scores else 0.0:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
