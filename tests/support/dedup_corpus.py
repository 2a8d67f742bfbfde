"""A corpus with known duplicate structure, built from the gold texts, and a brute-force oracle.

Bases: the five gold documents, reports mixed from their sentences, and template families
(one template filled in by several counties: same outline and stock phrases, own names,
figures and half their sentences).  Copies of bases: script flips (OpenCC s2t), pinyin
annotations as the seeds carry them ("統(tǒng)"), truncated previews (partial), re-titled
copies, sentence-level edits of 5-20 %, and combinations.  Order is shuffled so that a
preview may come before or after its full copy.

`brute_force` replays the store's policy (exact key, Jaccard, containment for previews,
which copy wins) comparing every document with every kept one on real 5-gram string sets:
the reference the LSH index must agree with.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from cleaners import dedup
from cleaners.document import CleanResult

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"
SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
SYLLABLES = ["jiào", "yù", "tǒng", "zhèn", "guī", "yōu", "chuàng", "yǎng", "xué", "shēng", "dǎng", "jiàn"]
TEMPLATE_SHARES = (0.5, 0.6, 0.7)    # share of the template's sentences a county report keeps
COUNTIES = ["临溪县", "平阳县", "青田县", "泰顺县", "永嘉县", "文成县", "苍南县", "洞头区"]


@dataclass
class Doc:
    id: str
    site: str
    title: str
    text: str
    family: str                  # the base document it was made from
    kind: str                    # base | sibling | s2t | pinyin | preview | preview_s2t_pinyin | retitled | edit | s2t_edit
    partial: bool = False
    unrecovered: int = 0
    notes: dict = field(default_factory=dict)

    def result(self) -> CleanResult:
        return CleanResult(id=self.id, url=f"https://{self.site}.example/{self.id}.html", site=self.site,
                           title=self.title, text=self.text,
                           flags={"partial": self.partial, "unrecovered_chars": self.unrecovered})


def gold_docs() -> list[tuple[str, str]]:
    docs = []
    for path in sorted(GOLD.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        docs.append((title.strip(), body.strip()))
    return docs


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if len(s.strip()) > 4]


def _renumber(sentence: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), sentence)


def _join(parts: list[str], rng: random.Random) -> str:
    out, line = [], []
    for s in parts:
        line.append(s)
        if rng.random() < 0.2:
            out.append("".join(line))
            line = []
    out.append("".join(line))
    return "\n".join(x for x in out if x)


def pinyin_annotate(text: str, rng: random.Random, rate: float = 0.12) -> str:
    return "".join(ch + (f"({rng.choice(SYLLABLES)})" if "\u4e00" <= ch <= "\u9fff" and rng.random() < rate else "")
                   for ch in text)


def edit(text: str, rate: float, pool: list[str], rng: random.Random) -> str:
    """Sentence-level edits: each sentence is replaced, dropped or followed by a new one with p = rate."""
    out = []
    for s in sentences(text):
        r = rng.random()
        if r < rate / 3:
            out.append(rng.choice(pool))
        elif r < 2 * rate / 3:
            continue
        elif r < rate:
            out += [s, rng.choice(pool)]
        else:
            out.append(s)
    return _join(out, rng)


def build(seed: int = 11, mixed: int = 14, families: int = 3, counties: int = 4) -> list[Doc]:
    import opencc
    s2t = opencc.OpenCC("s2t").convert
    rng = random.Random(seed)
    golds = gold_docs()
    pool = [s for _, body in golds for s in sentences(body)]
    bases: list[Doc] = [Doc(f"gold{i}", "renrendoc", t, b, f"gold{i}", "base") for i, (t, b) in enumerate(golds)]
    for i in range(mixed):
        parts = [_renumber(s, rng) for s in rng.sample(pool, rng.randint(40, 110))]
        bases.append(Doc(f"mix{i}", "fanwen", f"工作报告汇编之{i}", _join(parts, rng), f"mix{i}", "base"))
    docs: list[Doc] = []
    for f in range(families):
        outline = rng.sample(pool, 70)
        shared = TEMPLATE_SHARES[f % len(TEMPLATE_SHARES)]
        stock = [rng.random() < shared for _ in outline]      # the template's fixed text, same in every county
        for c in range(counties):
            county = COUNTIES[(f * counties + c) % len(COUNTIES)]
            own = iter(rng.sample(pool, 70))
            parts = [(_renumber(s, rng).replace("县", county) if fixed else next(own)) for s, fixed in zip(outline, stock)]
            docs.append(Doc(f"tpl{f}_{c}", "bingdoc", f"{county}教育局2023年工作总结", _join(parts, rng),
                            f"tpl{f}_{c}", "sibling"))
    for base in bases:
        docs.append(base)
        body = base.text
        variants = [
            ("s2t", lambda: (s2t(base.title), s2t(body), False)),
            ("pinyin", lambda: (base.title, pinyin_annotate(s2t(body) if rng.random() < 0.5 else body, rng), False)),
            ("preview", lambda: (base.title, body[: int(len(body) * rng.uniform(0.2, 0.6))], True)),
            ("retitled", lambda: ("【精品】" + base.title + "(完整版)", body, False)),
            ("edit", lambda: (base.title, edit(body, rng.uniform(0.05, 0.2), pool, rng), False)),
            ("preview_s2t_pinyin", lambda: (s2t(base.title), pinyin_annotate(s2t(body[: len(body) // 3]), rng), True)),
            ("s2t_edit", lambda: (s2t(base.title), s2t(edit(body, rng.uniform(0.05, 0.12), pool, rng)), False)),
        ]
        for n, (kind, make) in enumerate(rng.sample(variants, rng.randint(2, 6))):
            title, text, partial = make()
            docs.append(Doc(f"{base.id}_{kind}{n}", rng.choice(["bdocx", "taowenge", "docin", "book118"]), title,
                            text, base.family, kind, partial=partial, unrecovered=rng.choice([0, 0, 0, 3])))
    rng.shuffle(docs)
    return docs


# --------------------------------------------------------------------------- oracle

def grams(text: str) -> set[str]:
    """Real 5-gram strings of the shingled stream (no hashing, no sampling)."""
    stream = dedup.code_streams(text)[1].tobytes().decode("utf-32-le")
    if len(stream) < dedup.NGRAM:
        return {stream} if stream else set()
    return {stream[i:i + dedup.NGRAM] for i in range(len(stream) - dedup.NGRAM + 1)}


def exact_jaccard(a: set, b: set) -> float:
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if a or b else 1.0


def brute_force(docs: list[Doc], threshold: float = dedup.DEFAULT_THRESHOLD,
                contain: float = dedup.DEFAULT_CONTAINMENT, shingles=grams) -> dict[str, tuple[str, str]]:
    """Every document's fate under the store's policy, by exhaustive exact comparison.

    `shingles(text)` gives a document's shingle set (real 5-gram strings by default; the
    benchmark passes 64-bit hash sets for speed).  The only pruning is exact: two sets whose
    sizes differ by more than the threshold allows cannot reach it.

    Returns id -> (status, cluster representative at the end) where status is
    kept | exact_dup | near_dup | replaced (as the store reports them at arrival).
    """
    kept: dict[str, tuple] = {}          # id -> (grams, CopyInfo, cluster)
    cluster_of_key: dict[bytes, int] = {}
    members: dict[int, list[str]] = {}
    fate: dict[str, str] = {}
    for seq, doc in enumerate(docs):
        key = dedup.code_streams(doc.text)[0].tobytes()
        g = shingles(doc.text)
        copy = dedup.CopyInfo(doc.partial, len(dedup.code_streams(doc.text)[1]), doc.unrecovered, seq, doc.id)
        matches: list[tuple[float, str, str]] = []
        for kid, (kg, kcopy, kcluster) in kept.items():
            if cluster_of_key.get(key) == kcluster:
                matches.append((1.0, "exact", kid))
                continue
            if len(g) < dedup.MIN_SHINGLES or len(kg) < dedup.MIN_SHINGLES:
                continue
            small, small_partial = (g, doc.partial) if copy.content <= kcopy.content else (kg, kcopy.partial)
            if not small_partial and min(len(g), len(kg)) < threshold * max(len(g), len(kg)):
                continue
            inter = len(g & kg)
            j = inter / (len(g) + len(kg) - inter)
            if j >= threshold:
                matches.append((j, "jaccard", kid))
            elif small_partial and small and inter / len(small) >= contain:
                matches.append((inter / len(small), "containment", kid))
        matches.sort(key=lambda m: (-m[0], m[2]))
        if not matches:
            cluster = len(members)
            kept[doc.id] = (g, copy, cluster)
            members[cluster] = [doc.id]
            fate[doc.id] = "kept"
        elif dedup.better(copy, kept[matches[0][2]][1]):
            cluster = kept[matches[0][2]][2]
            for _, _, kid in matches:
                if dedup.better(copy, kept[kid][1]):
                    old = kept.pop(kid)[2]
                    if old != cluster:
                        members[cluster] += members.pop(old)
                        cluster_of_key.update({k: cluster for k, v in cluster_of_key.items() if v == old})
            kept[doc.id] = (g, copy, cluster)
            members[cluster].append(doc.id)
            fate[doc.id] = "replaced"
        else:
            cluster = kept[matches[0][2]][2]
            members[cluster].append(doc.id)
            fate[doc.id] = "exact_dup" if matches[0][1] == "exact" else "near_dup"
        cluster_of_key.setdefault(key, cluster)
    final = {}
    for cluster, ids in members.items():
        rep = next(k for k, v in kept.items() if v[2] == cluster)
        for i in ids:
            final[i] = (fate[i], rep)
    return final
