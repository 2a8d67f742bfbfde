"""End-to-end cleaning throughput on one core: `cleaners.clean` over >= 50 MB of documents.

    .venv/bin/python benchmarks/bench_clean.py                 # text input, 50 MB, median of 3 passes
    .venv/bin/python benchmarks/bench_clean.py --mb 10 --profile 25
    .venv/bin/python benchmarks/bench_clean.py --input bytes   # raw UTF-8/GBK bytes through the decoder
    .venv/bin/python benchmarks/bench_clean.py --html          # HTML pages/s: selector path vs trafilatura
    .venv/bin/python benchmarks/bench_clean.py --mb 10 --stages  # + time per pipeline step
    .venv/bin/python benchmarks/bench_clean.py --unseen          # each pass a corpus of its own
    .venv/bin/python benchmarks/bench_clean.py --unseen --fresh-prose   # and no prose line recurs

The corpus is made from the five seeds (tests/data/seeds/, raw scraped text with their
chrome): numbers and place names varied, ~40 % converted to Traditional, paragraphs
repeated/dropped so every document is ~5k characters (--fresh-prose: every prose line made new
from clauses of its seed, as a crawl's pages bring their own prose).  Every document goes through the
whole pipeline (decode/extract, repairs, OpenCC, boilerplate, normalisation, flags).  The
baseline is the plain OpenCC t2s pass over the same documents in the same run: the floor
any pipeline that converts script has to pay.  --profile N prints the N most expensive
functions (cProfile, on a 2 MB slice); --stages times each pipeline step in a second pass
(wrapped functions, so the total is a little higher than the plain run; times are exclusive,
a step called inside another is taken out of its caller's, and "(rest of clean)" is the
pipeline's own glue, so the table adds up to the whole pass).  The machine is
shared and noisy: compare the ratio to the t2s pass, measured in the same run, across runs.
Nothing here touches the network.  (The pipeline converts script with `cleaners.chars.t2s`, OpenCC's
own tables applied with numpy; the baseline stays OpenCC's `convert`.)

Figures, 50 MB text input, 3,515 documents, nothing else running (December 2026):
  before the table t2s and the literal-scan work: 9.3 MB/s, 651 docs/s = 4.0x the t2s pass
  then: 12.0 MB/s, 846 docs/s = 2.5x the t2s pass (30.0 MB/s); bytes input 11.7 MB/s; the same
      code measured 15.9-16.0 MB/s = 2.6-2.7x in a faster minute (t2s 42-44 MB/s).
  now (regexes that lead with a literal instead of a repeat or look-behind, passes gated by
      substring or numpy presence tests only where that is cheaper, the t2s phrase starts through
      a pair hash table, line/tail/metadata verdicts remembered by line, numpy's own UCS-4 copy
      for code points; `benchmarks/check_same_output.py` reported the same output on all 3,965
      inputs after every change), 3 interleaved passes:
      quiet minute: 21.8 / 22.1 / 23.5 MB/s, median 22.1 MB/s = 1,557 docs/s = 2.3x the t2s
      pass (50.9 MB/s); bytes input 17.6 MB/s (median, a helper's benchmark starting beside it).
      Minutes when another benchmark ran beside it: 14.4-18.3 MB/s (t2s 34-43 MB/s).
      Final code, nothing else running, two runs: 12.9 / 21.0 / 21.6 MB/s (median 21.0, t2s
      46.4) and 22.3 / 22.6 / 23.8 MB/s (median 22.6 = 1,586 docs/s = 2.3x the t2s pass at 50.8
      MB/s); bytes input (30 % GBK through the decoder) median 21.5 MB/s.  A first pass right
      after the corpus is built is sometimes much slower (12.9): hence the median.
  Per step (--stages, ms/doc, one pass): boilerplate.remove 0.30 (its numpy literal scan ~0.1),
  to_simplified 0.08, normalize_text 0.06, restore_paragraphs 0.04, settle_title 0.04, flags
  0.03, strip_pinyin 0.03, the rest < 0.02 each.  The 20 MB/s target needs <= 0.71 ms/doc; the
  quiet-minute median is 0.64 ms/doc, so it holds only while the machine runs at its faster speed.

Issue 11 (25 MB/s target = <= 0.57 ms/doc, ~3.1x the t2s pass at 78 MB/s).  The line model,
page kinds and page metadata had joined the pipeline since the figures above: ~10 MB/s,
1.4-1.7 ms/doc.  Measured while five other helpers kept the two cores at load 7-9, so wall
figures swung 2-4x from minute to minute (t2s 10-44 MB/s; the same code 6-13x the t2s pass);
instruction counts do not swing (valgrind callgrind, one warm pass over the 42 documents of a
0.6 MB corpus, run(42) - run(0)): before 10.83 M instructions/doc, after 7.12 M (-34 %, 1.52x
fewer; OpenCC t2s: 1.44 M/doc).  Output identical on every input (tools/same_output.py and the
hash of all 703 results of a 10 MB corpus).  What changed: line features in a few dozen numpy
calls with the candidate lines' own features remembered by line (line_features 415 -> 165
us/doc in one loaded process, interleaved), the tree walk with interleaved children (-17 %),
page_metadata gated on a strong label or a table row, attachment_only counting before its
phrase searches, a profile's hash cached, clean_title remembered.  Per step (--stages,
exclusive, min over 8 passes of 105 documents, loaded): drop_lines 0.75 ms/doc, remove 0.49,
rest of clean 0.13, to_simplified 0.08, the others <= 0.04 each.  Left: the model's walk and
the features' numpy calls (numpy's take alone is 16 % of all instructions: the code-point
table lookups of several steps, and the 13 of each model walk), the literal index in
`remove`, the id's SHA-1 of UTF-8.

Issue 11, the line model (drop_lines, target <= 0.12 ms/doc; not reached).  valgrind callgrind,
instructions inside drop_lines per document, steady state (600 documents of the 50 MB corpus
seen first, the next 300 measured, so unseen lines miss the caches as they do in a run):
2.96 M -> 2.56 M (-13 %); line_features 2.01 M -> 1.73 M, the model walk 0.71 M -> 0.63 M a call.
Wall time under load 9-15 (another helper's 1,800 stray processes also filled the memory for
a while): --stages --mb 10 twice each, interleaved, drop_lines' share of the pass 32.2 / 32.3 %
before, 27.9 / 29.6 % after; ms/doc swung 2x between runs.  What changed: a candidate line's own
columns come remembered as one float64 row per line (`line_own.py`), the context columns in a
few numpy calls; the walk compares each row once per distinct (feature, threshold) pair (282
for 1,500 nodes) and moves walkers with two takes a level instead of four.  Output identical
(drop_lines' text and Changes on all 3,515 documents; features and scores bit for bit on 4,586
texts incl. fuzzed whitespace; tools/same_output.py: seeds, real text and every demo .txt the
same, its real_html rejects and demo manifest lines differ run to run on the old code too).
Where the rest goes: numpy's take at ~12 instructions an element (the walk gathers ~24k a
document: 22 candidate rows x 100 trees x 4 levels x 2), the per-line regexes of lines seen
for the first time (~1.8 a document, ~0.6 M instructions: DATE and the marker words on long
lines, clean_title), and ~1 M of Python and numpy call overhead per text.  0.12 ms/doc needs
a compiled walk and feature pass (numba 0.68 has a cp311 wheel for this numpy; not tried).

Issue 11, stop 11 (target 25 MB/s = ~3.2x the t2s pass; on the shared machine that day: t2s
35 MB/s, clean() 5.1 MB/s = 7.0x; not reached).  Measured with valgrind callgrind only: the load
was 7-17 on two cores and the wall figures swung 3-44x the t2s pass between passes of one run.
Whole clean(), 300 documents of the 10 MB corpus seen first, the next 200 measured (unseen lines
miss the caches): 9.64 M instructions a document before.  What paid: `remove`'s two line rules
without a literal (the pinyin line, `*****`) had been gated by first character in name only:
the generic rules hold 78 distinct first-character sets and those past the 63 bits admit every
line, so both were fullmatched on all ~85 lines of a page, the pinyin rule's leading
`(?=.*[tone marks])` scanning each line to its end and back.  Their bits now come first:
remove() 2.28 M -> 1.64 M instructions a call with warm caches (-28 %); the whole clean()
9.64 M -> 9.05 M a document (-6 %; OpenCC t2s ~1.44 M: 6.7x -> 6.3x); output identical.
What did not pay (same harness, features and scores compared bit for bit on 895 texts):
  - the context columns of line_features and _near / _sizes_and_folds in plain Python instead
    of numpy calls: 1.08 M -> 1.43 M instructions a text (+32 %): a few dozen rows of Python
    bytecode cost more than the numpy calls' overhead;
  - scoring the trees as full depth-4 heaps (node answers packed into 15 bits, one table of
    leaves): 0.65 M -> 1.55 M a text (+137 %): every tree reads all 15 node answers where the
    walk reads 4, and packbits along a middle axis is slow;
  - numba (not added): `import numba` 0.5 s warm, a first compile ~0.8 s for a trivial loop,
    208 MB installed, and no on-disk cache from a zipped egg; the walk it would replace is
    ~0.65 M instructions of ~9.6 M a document (~7 %), so each CLI process (and each test
    subprocess) would pay more start-up than a few thousand documents give back.
Left: per-document Python in ~20 steps (each splits the text again), numpy `take` (~0.8 M a
document), the line model's features (~1.1 M) and walk (~0.65 M).

Stop 12, the rule steps (target as above; not reached).  valgrind callgrind, whole clean(), 100
documents of the 10 MB corpus after 300: 9.39 M -> 8.61 M instructions a document (-8 %; OpenCC's
own t2s over the same texts: 2.47 M, so 3.8x -> 3.5x by instructions).  Per step, the recorded
inputs of those documents replayed (k a document): remove 1,933 -> 1,745, page_metadata 383 -> 276,
quality 293 -> 205, settle_title 290 -> 234, particle_zhe 147 -> 36, detect_script 169 -> 106,
code_chars 122 -> 70, _flags 85 -> 41, restore_paragraphs 284 -> 268.  What paid: substring tests
before the searches that try a character class or an alternation at every position (the
page_metadata gate words; a metadata pattern's literals' common start; a line cleaned for the
title only when it holds the title's first and last characters; the 著 scan jumping between
the 著s), `str.count` only on lines holding the character (it parses its arguments at each
call), a line's first character read off the text's code points, the code points of a
document's text made once (remembered by identity), no exception for a missing page count.
The table t2s stays: 0.45 M instructions a document where OpenCC's C++ convert takes 2.47 M
on the same texts (same output).  Did not pay: a pre-check of the pinyin annotations' opening
(the bench's cost is in its 17 % of pages that have them); np.unique for the literal index's
(line, rule) pairs (+32 k over dict.fromkeys).  Wall figures under load 5-7: meaningless
(the same code 4.6-10.4x the t2s pass from pass to pass).
Stop 15 (s15-textspeed; target ~4.6 M instructions/doc, ~3.2x t2s; not reached). bench_instructions
--docs 40 --warm 100 --baseline-ref cc919a1, one run at b0a4958: 7.718 M -> 7.189 M (-6.9 %); OpenCC
t2s 1.510 M (another run): 5.1x -> 4.8x. Other runs: the worktree at cc919a1 7.727 M, at 55ec473
7.270 M; archives of cc919a1 7.492 M, of 55ec473 7.223 M. Wall clock, load ~2, --mb 10 --passes 3,
base and new interleaved, two runs each: medians 6.3x / 6.6x the t2s pass before, 5.2x / 5.1x after
(5.0-5.1 -> 6.7-6.9 MB/s); the first, cold pass 7.3x -> 6.9x: later passes see the corpus's 703
documents' lines again, which the per-line memories now hold, so the median flatters them. (The same
code, cc919a1's archive, measured 7.492 M in one run and 7.718 M in another: compare within one
run.) What changed: the literal index's findings remembered by stripped line
(`boilerplate/line_hits.py`: only unseen lines are joined and scanned; ~88 % of a text's lines, 77 %
of its characters, were seen before), line_features' sizes / folded lines / sentence ends remembered
by line instead of a whole-text code-point pass, the tail guard's clause-weighted sizes remembered
by line. Output identical (tools/same_output.py, 0 of 1,075; check_same_output.py, all 3,965 inputs;
features bit for bit on 829 texts incl. fuzzed whitespace). Did not pay / not possible: pruning the
model by an upper bound of each row's score with the context columns left free (per tree the best
leaf reachable): with head, tail and position known every one of 10,187 candidate rows of 413 texts
could still reach the cutoff; with every column known but one, near_marker alone left 41 of 120
texts undecided (5 hold a line over the cutoff), so the bound needs the features it would save.
Where a document's 7.27 M go now (self cost by C function): the bytecode loop 1.0 M, the regex
engine 1.15 M (0.45 M of it the charset prefix scan of searches whose pattern starts with a
character class: Pattern.search 0.46 M, finditer 0.36 M, sub 0.24 M inclusive), numpy take 0.46 M,
substring tests 0.32 M, str.split 0.28 M (steps each split the text again), SHA-1 and the UTF-8
encode for the id 0.28 M.
Stop 19 (s19-speed; bar ~4.8 M instructions/doc = ~3.2x t2s; not reached).  --stages now wraps the
steps that were "(rest of clean)".  Inclusive instructions per step (each wrapped step called through
its own C trampoline, 40 documents after 100, k a document; ~0.3 M of wrapper cost in the total):
remove 2,204 (its literal index line_hits 782), the line model 1,870 (line_features 1,287, of it
line_own 433; scores 509), settle_head 585, repair_text 517, to_simplified 383, the id 289,
page_metadata 273, normalize_text 235, restore_paragraphs 227, head_summary 212, link_lists 201,
settle_title 194, han_and_visible 163, strip_pinyin 140, quality 133, title_repeats 127, the rest
< 90 each.  A document averages ~12,700 Python frames, ~1,260 lru_cache calls, ~260 numpy ufunc
calls and ~5,900 substring tests: no one step holds the 37 %.  What paid (bench_instructions' child,
two trees in one run): link_lists gated on each line's two ends (-1.4 %), the model's split answers
gathered by whole columns (-0.3 %); b36cf57 -> 123bf9b in one run: 7.652 -> 7.527 M (-1.6 %;
OpenCC t2s 1.510 M: 5.07x -> 4.98x).  Output the same (check_same_output: all 3,965 inputs;
same_output: 0 of 1,075).  Wall clock, --mb 5 --passes 3, the two trees interleaved: at load 10-13 t2s
3-14 MB/s and ratios 5.0-9.0x (nothing to read); at load ~1.5 b36cf57 5.5x / 5.3x, 123bf9b 5.5x / 5.4x
(clean() 6.2 MB/s against t2s 33-34 MB/s): 1.6 % is below what the wall clock can show here.
Did not pay: LiteralIndex.lines' tail (a dozen numpy calls on the ~40 literals found) as one Python
pass, 7.403 -> 7.393 M (-0.1 %: a numpy call on a small array costs ~1 k instructions, not the
several k assumed); page_metadata's twelve gate words searched by shared two-character pieces
(发布, 来源, me), 7.548 -> 7.562 M (+0.2 %: the pieces are on many pages, which then pay for the
words too).  Measured, not built: a numpy gate for normalize_text's layout spaces (81 k for its
eight substring searches against 127 k; converting a 5k-character text to code points alone costs
38 k); a substring search of a 5k-character page costs 7 k (an ASCII word) to 27 k (U+3000).
Stop 22 (cleaning changes for chrome in other wordings, no speed work but one fix): bench_instructions
--docs 40 --warm 100 --baseline-ref 6e6c5ef: 7.537 -> 7.932 M (+5.2 %) with the new rules as first
written; two of them opened with a lookahead, which `remove`'s first-character gate reads as "any
character", so they were tried on every line; rewritten to open with their first character's class,
and menu_rows' verdict remembered by line: 7.874 M (+4.5 %); final tree 7.843 M (+4.1 %; OpenCC t2s
1.510 M: 4.99x -> 5.19x).  --stages --mb 10: menu_rows 0.027-0.028 ms/doc (1.8 %), link_lists
0.020 -> 0.031 ms/doc.  Wall clock, 50 MB, quiet (load 0.04 before), the two trees one after the
other: 6e6c5ef 5.9 MB/s = 7.2x the t2s pass (42.6 MB/s), final tree 5.9 MB/s = 7.2x (42.9 MB/s);
the final tree alone a minute before: 6.3 MB/s = 6.8x.  This machine is slower than stop 21's
minute (7.7 MB/s = 6.1x against t2s 46.7 MB/s).
Stop 23 (s23-speed, December 2026; issue 11's ~3.1x the t2s pass not reached, no speed gained). The
question: were 10 MB's passes 2-3 at 4.4-4.7x and 50 MB's at 5.9-6.5x the per-line memories throwing
away recurring chrome when full? No. The 10 MB corpus's ~6,000 distinct lines fit every memory, so
its passes 2-3 replay it at ~100 % hits (1.34 ms/doc against ~2.0 in steady state at 50 MB); first
passes agree (10 MB 6.3-6.8x, 50 MB 6.1-6.6x). --unseen gives each pass a corpus of its own: 10 MB
6.0-6.4x, 50 MB 6.1-6.5x. Hit rates (the memories' keys recorded over the 50 MB corpus and replayed,
second half; base sizes -> LRU 32 k / unbounded): line_hits 81.0 -> 84.6 / 84.6 (clear-all 16 k),
line facts 87.0 -> 88.1, line_own 92.5 -> 92.9, removal's weight 90.6 -> 93.0, menu rows 85.3 ->
86.4, the model's answers 94.1 -> 94.1; the rest are first sightings (numbers varied per page).
--fresh-prose (no prose line recurs; chrome still does, as in a crawl of many pages of few sites):
line_hits 40.1 -> 43.7 unbounded, line facts 44.6 -> 45.5, answers 53.4 -> 65.2; wall 8.7-9.6x the
t2s pass (remove 0.88 and drop_lines 0.86 ms/doc, --stages, 10 MB: twice the seeds corpus's, all of
it work on unseen lines: line_own ~56 us a new candidate line). Instructions (bench_instructions
--mb 50 --gc-off, 100 documents after 2000; --fresh-prose after 1000), 3f84740: 7.287 M / 9.892 M a
document (OpenCC t2s 1.534 M: 4.75x / 6.45x). All memories at 32768, collector on, against 3f84740's
7.299 / 9.940 in the same runs: 7.311 / 10.020 (+0.2 / +0.8 %; ~88 MB of memories on fresh prose,
against ~21 MB); two generations (young / old dicts, a key found in the old one moved back) for
line_hits and the answers at 16 k: 7.311 / 9.992 (+1.0 % on fresh prose: the Python around the
lookups cost more than the 1.5-3 points of hits saved); kept: the lru_caches at one size
(cleaners/chars/memory.py LINES = 8192: line_own and removal's 4096 doubled), the clear-all dicts as
they were: 7.281 / 9.882 M (-0.1 % / -0.1 %). Memory of all per-line memories after 50 MB
(tracemalloc, what clearing them freed): 22 MB seeds / 21 MB fresh prose before, 24 / 28 MB at LINES
= 8192 (measured with the two-generation batch memories; the clear-all dicts hold at most as many).
Without --gc-off, one run counted a full collection of the cyclic GC (38 M instructions, 0.4 M a
document) inside its 100 documents and the other none: +5.5 % that was no change of code. Wall
clock, the trees interleaved, load 1-4 (the lead's jobs, and a valgrind child of this work in the
last runs): --unseen 50 MB 6.4x before, 6.3x with the two generations; --unseen --fresh-prose 50 MB
8.9x before, 9.3x with them (t2s 49 MB/s); noise is +-0.5x; the final tree counts as 3f84740 does.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import io
import pstats
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners import Document, clean, pipeline, pipeline_repair, pipeline_script  # noqa: E402
from cleaners import profiles  # noqa: E402
from cleaners.steps import (attachment_only, boilerplate, head_crumb, head_lede, head_summary, head_tags,  # noqa: E402
                            line_model, link_excerpts, link_genres, link_lists, menu_rows, normalize, page_kind, page_metadata,
                            preview_pages, repair, title_repeats)
from cleaners.sources import attachments  # noqa: E402
from cleaners.chars.t2s import opencc_converter as converter  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
DOC_CHARS = 5000
PLACES = ["辰溪", "周宁", "龙泉", "青田", "泰顺", "永嘉", "平阳", "苍南", "文成", "庆元", "景宁", "松阳"]
SEED_PLACES = re.compile("辰溪|周壤|百丈漈|南田|横溪|岐山|云龙|五乡")
DIGITS = re.compile(r"\d+")
CLAUSE_MARKS = "，。；！？,;"
CLAUSE_END = re.compile(f"(?<=[{CLAUSE_MARKS}])")


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Change about half of the distinct numbers (keeping their width), the same way at every
    occurrence, as another county's or year's report would differ."""
    mapping: dict[str, str] = {}

    def swap(m: re.Match) -> str:
        s = m.group(0)
        if s not in mapping:
            keep = rng.random() < 0.5 or len(s) > 9
            mapping[s] = s if keep else str(rng.randrange(10 ** (len(s) - 1) if len(s) > 1 else 0, 10 ** len(s)))
        return mapping[s]
    return DIGITS.sub(swap, text)


def _clauses(seed: str) -> list[str]:
    """The clauses (up to and with their mark) of a seed's prose lines: the pool `fresh_line` draws from."""
    return [c for line in seed.split("\n") if len(line) > 40 for c in CLAUSE_END.split(line) if c]


def fresh_line(line: str, pool: list[str], rng: random.Random, seen: set[str]) -> str:
    """A prose line no document had before: about half of its clauses swapped for clauses of the
    same seed (so it still reads as that report's prose, in its script), drawn again until new; it
    ends as the line did (a sentence mark, or none), as the line model's prose test reads it."""
    clauses = [c for c in CLAUSE_END.split(line) if c]
    for _ in range(20):
        made = "".join(rng.choice(pool) if rng.random() < 0.5 else c for c in clauses)
        if made[-1] != line[-1]:
            made = (made[:-1] if made[-1] in CLAUSE_MARKS else made) + line[-1]
        if made not in seen:
            break
        clauses.append(rng.choice(pool))           # (a one-clause line may have few variants)
    seen.add(made)
    return made


def make_document(seed: str, rng: random.Random, traditional: bool, fresh: set[str] | None = None) -> str:
    """One ~5k-char variant of a raw seed: chrome kept, body paragraphs resampled.  With `fresh` (the
    prose lines made so far), every prose line is made new (`fresh_line`): only chrome recurs."""
    lines = seed.split("\n")
    body = [i for i, line in enumerate(lines) if len(line) > 40]
    first, last = (body[0], body[-1]) if body else (0, len(lines) - 1)
    head, middle, tail = lines[:first], lines[first:last + 1], lines[last + 1:]
    long_lines = [line for line in middle if len(line) > 40] or middle
    middle = [line for line in middle if rng.random() > 0.1]
    while sum(len(line) for line in middle) < DOC_CHARS:
        middle.insert(rng.randrange(len(middle) + 1), rng.choice(long_lines))
    while sum(len(line) for line in middle) > DOC_CHARS * 1.2 and len(middle) > 1:
        middle.pop(rng.randrange(len(middle)))
    if fresh is not None:
        pool = _clauses(seed)
        middle = [fresh_line(line, pool, rng, fresh) if len(line) > 40 else line for line in middle]
    place = rng.choice(PLACES)
    text = SEED_PLACES.sub(place, _vary_numbers("\n".join(head + middle + tail), rng))
    return converter("s2t").convert(text) if traditional else text


def build_corpus(megabytes: float, seed: int = 7, fresh_prose: bool = False) -> list[str]:
    """Documents made from the seeds until `megabytes` of UTF-8; `fresh_prose`: no prose line
    recurs (in a crawl, prose is the page's own, and only a site's chrome comes back)."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not seeds:
        raise SystemExit(f"no seeds in {SEEDS}: the benchmark builds its corpus from them")
    docs, size = [], 0
    fresh: set[str] | None = set() if fresh_prose else None
    while size < megabytes * 1e6:
        doc = make_document(rng.choice(seeds), rng, traditional=rng.random() < 0.4, fresh=fresh)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def timed(fn, items) -> float:
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


def _inputs(docs: list[str], kind: str) -> list[Document]:
    if kind == "bytes":
        rng = random.Random(3)
        return [Document(data=d.encode("gb18030" if rng.random() < 0.3 else "utf-8"), is_html=False) for d in docs]
    return [Document(text=d, is_html=False) for d in docs]


def run_text(args) -> None:
    """Passes of OpenCC t2s and clean() over the corpus, interleaved.  With --unseen each pass
    (and --stages' one) has a corpus of its own (the next seed): a later pass does not replay
    lines the per-line memories hold from the one before, as it does on one corpus they hold
    whole (10 MB: every line a hit from the second pass on)."""
    corpora = 1 + (args.passes + args.stages if args.unseen else 0)
    t0 = time.perf_counter()
    sets = [build_corpus(args.mb, seed=7 + k, fresh_prose=args.fresh_prose) for k in range(corpora)]
    sizes = [sum(len(d.encode("utf-8")) for d in docs) for docs in sets]
    docs = sets[0]
    print(f"corpus: {len(docs)} documents, {sizes[0] / 1e6:.1f} MB UTF-8, "
          f"{sum(map(len, docs)) / len(docs):.0f} chars/doc{', fresh prose' if args.fresh_prose else ''}"
          f"{f', {corpora} corpora (seeds 7-{6 + corpora})' if corpora > 1 else ''} "
          f"(built in {time.perf_counter() - t0:.1f}s)")
    inputs = [_inputs(d, args.input) for d in sets]
    clean(inputs[0][0])                                 # warm-up: OpenCC dictionaries, char model
    t2s = converter("t2s")
    bases, elapseds = [], []
    for n in range(1, args.passes + 1):                 # interleaved: both see the same machine
        k = n - 1 if args.unseen else 0
        total = sizes[k]
        base, elapsed = timed(t2s.convert, sets[k]), timed(clean, inputs[k])
        bases.append(base / total)
        elapseds.append(elapsed / total)
        print(f"pass {n}: OpenCC t2s {total / 1e6 / base:5.1f} MB/s, clean() {total / 1e6 / elapsed:5.1f} MB/s "
              f"= {elapsed / base:.1f}x the t2s pass")
    base, elapsed = statistics.median(bases) * sizes[0], statistics.median(elapseds) * sizes[0]
    total = sizes[0]
    print(f"median of {args.passes} pass(es):")
    print(f"OpenCC t2s alone : {total / 1e6 / base:7.1f} MB/s  {len(docs) / base:8.0f} docs/s  ({base:.2f}s)")
    print(f"clean() ({args.input:5s})  : {total / 1e6 / elapsed:7.1f} MB/s  {len(docs) / elapsed:8.0f} docs/s  "
          f"({elapsed:.2f}s)  = {elapsed / base:.1f}x the t2s pass")
    if args.stages:
        stages(inputs[-1], elapsed_plain=elapsed * sizes[-1] / sizes[0])
    if args.profile:
        profile(lambda: [clean(d) for d in inputs[0][: max(1, int(len(docs) * 2 / max(args.mb, 2)))]], args.profile)


STEPS = {
    repair: ("strip_html_residue", "strip_control_chars", "fix_whole_text_mojibake", "fix_misaligned_gbk",
             "fix_mojibake_runs", "strip_pinyin", "drop_irrecoverable"),
    boilerplate: ("remove", "settle_title", "reread_title", "yield_to_body_heading", "clean_title"),
    boilerplate.credits_heading: ("step",),
    normalize: ("fold_layout_spaces", "to_simplified", "detect_script", "normalize_text", "restore_paragraphs",
                "normalize_title", "han_and_visible", "printable"),
    page_metadata: ("step",),
    line_model: ("drop_lines",),
    attachment_only: ("step",),
    page_kind: ("verdict", "quality", "code_chars"),
    attachments: ("read_into",),
    pipeline: ("_page_text", "_flags", "_derived_id", "_suspicious_left"),
    pipeline_repair: ("repair_text",),
    pipeline_script: ("particle_zhe",),
    # the steps that were "(rest of clean)" until stop 19
    preview_pages: ("step",),
    link_lists: ("step",),
    link_excerpts: ("step",),
    link_genres: ("step",),
    menu_rows: ("step",),
    head_lede: ("step",),
    head_summary: ("step",),
    head_tags: ("step",),
    head_crumb: ("step",),
    title_repeats: ("step",),
    profiles: ("resolve",),
}


def stages(inputs, elapsed_plain: float) -> None:
    """Time per step: each step function is wrapped with a timer for one more pass.  Times are
    exclusive (a step called inside another is taken out of the caller's time), so the steps
    and the rest of `clean` (its own glue: limits, changes, metadata, the result) add up to
    the whole pass."""
    spent: dict[str, float] = {}
    inner: list[float] = []               # per active wrapped call: time spent in wrapped callees
    saved = []

    def timer(owner, name):
        fn = getattr(owner, name)
        label = f"{owner.__name__.split('.')[-1]}.{name}"

        @functools.wraps(fn)                  # the pipeline finds a step's gate by its name
        def timed_step(*a, **kw):
            inner.append(0.0)
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                took = time.perf_counter() - started
                spent[label] = spent.get(label, 0.0) + took - inner.pop()
                if inner:
                    inner[-1] += took
        return fn, timed_step

    for owner, names in STEPS.items():
        for name in names:
            original, wrapped = timer(owner, name)
            saved.append((owner, name, original))
            setattr(owner, name, wrapped)
    saved_repairs = pipeline_repair.REPAIRS
    pipeline_repair.REPAIRS = tuple(getattr(repair, f.__name__) for f in saved_repairs)
    try:
        elapsed = timed(clean, inputs)
    finally:
        pipeline_repair.REPAIRS = saved_repairs
        for owner, name, original in saved:
            setattr(owner, name, original)
    n = len(inputs)
    spent["(rest of clean)"] = elapsed - sum(spent.values())
    print(f"per step (second pass, {elapsed / n * 1e3:.3f} ms/doc wrapped vs {elapsed_plain / n * 1e3:.3f} plain):")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {seconds / n * 1e3:7.3f} ms/doc  {seconds / elapsed:6.1%}")


def html_page(text: str, title: str, rng: random.Random) -> str:
    """A 文库-like page around the text: header, captions, text block, related list, footer."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    related = "".join(f"<li><a href='/p-{rng.randrange(10**7)}.html'>{title}{i}</a></li>" for i in range(12))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 冰点文库</title>
<script>var pageData = {{"id": {rng.randrange(10**7)}, "pages": 6}};</script><style>.a{{color:red}}</style></head>
<body><div class="header"><a href="/">首页</a> <a href="/c-1.html">分类</a> <form><input name="q"></form></div>
<h1>{title}</h1><div class="attr">上传人:b****1 文档编号:{rng.randrange(10**7)} 格式:DOCX 页数:6</div>
<div class="resource-desc"><h2>资源描述</h2><div class="content">{paragraphs}</div></div>
<div class="related"><h3>相关资源</h3><ul>{related}</ul></div>
<div class="footer">copyright@ 2008-2024 冰点文库 网站版权所有 经营许可证编号:鄂ICP备00000000号</div></body></html>"""


def run_html(args) -> None:
    rng = random.Random(11)
    docs = build_corpus(args.mb)
    pages = [html_page(d, d.split("\n", 1)[0][:40], rng) for d in docs]
    size = sum(len(p.encode("utf-8")) for p in pages)
    print(f"pages: {len(pages)}, {size / 1e6:.1f} MB, {size / len(pages) / 1e3:.1f} KB/page")
    for label, url in (("selector (bingdoc profile)", "https://m.bingdoc.com/p-{}.html"),
                       ("trafilatura (no profile)  ", None)):
        inputs = [Document(html=p, url=url.format(i) if url else None) for i, p in enumerate(pages)]
        clean(inputs[0])
        extractors = {clean(inputs[0]).metadata.get("extractor")}
        elapsed = timed(clean, inputs)
        print(f"{label}: {len(pages) / elapsed:7.1f} pages/s  {size / 1e6 / elapsed:6.2f} MB/s  "
              f"({elapsed:.2f}s; extractor {', '.join(map(str, extractors))})")
    if args.profile:
        profile(lambda: [clean(Document(html=p)) for p in pages[:200]], args.profile)


def profile(work, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of UTF-8 text (default 50)")
    parser.add_argument("--input", choices=("text", "bytes"), default="text",
                        help="hand documents over as str, or as raw bytes (30 %% GBK) through the decoder")
    parser.add_argument("--html", action="store_true", help="measure HTML pages/s instead (default 5 MB of text)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N most expensive functions")
    parser.add_argument("--stages", action="store_true", help="print the time per pipeline step")
    parser.add_argument("--unseen", action="store_true",
                        help="each pass cleans a corpus of its own (no pass replays the lines of another)")
    parser.add_argument("--fresh-prose", action="store_true",
                        help="no prose line recurs in the corpus (only the seeds' chrome does)")
    parser.add_argument("--passes", type=int, default=3,
                        help="timed passes over the corpus (t2s and clean() interleaved); the median is reported")
    args = parser.parse_args()
    if args.html:
        if args.mb == parser.get_default("mb"):
            args.mb = 5.0
        run_html(args)
    else:
        run_text(args)


if __name__ == "__main__":
    main()
