"""Metamorphic checks of text cleaning on the generated pages of tools/perturb_text_eval.py: the
same page written another way must clean the same, and a cleaned page cleaned again must not
change.  No gold is needed to see a difference; the gold tells which run is the better one.

    .venv/bin/python tools/metamorphic_eval.py --family d --check again        # output cleaned again
    .venv/bin/python tools/metamorphic_eval.py --family a --check traditional  # page set in Traditional
    .venv/bin/python tools/metamorphic_eval.py --family a --check wrap         # document wrapped at 38

Checks:
  again        the output cleaned a second time is unchanged (idempotence): pages that change
  traditional  the page in Traditional script (OpenCC s2t) against the page as it is
  wrap         the document's own lines (those of the gold) hard-wrapped at WRAP characters, as a
               PDF's text lines are; the page's chrome left as it is (compared without line breaks)
  spaced       a blank line after every line
  crlf         Windows line ends
  fullwidth    every ASCII digit of the page set full-width (`２０２５年`), as some sites and
               word processors write them (compared with digits folded back)
  letters      a space between every two characters of a line (`关 于 开 展`), as some PDF readers
               extract text
  cp1252       the page's UTF-8 bytes read as windows-1252 (undefined bytes as C1 controls), as a
               browser or a crawler shows a page whose server declared a western charset
  gbk-latin1   the page's GB18030 bytes read as latin-1 (`½ÌÓý¾Ö`), as a tool that assumed a
               western charset shows a GBK page
  flat         the document's own lines that stand together run onto one line, as a page text
               flattened by its extractor has them (compared without line breaks)
  titled       the gold's first line given as the page's title (a JSONL record's `title`), on the
               pages whose gold opens with a title-like line
Each prints the clean pages (precision and recall >= 0.98) of both runs and the pages whose F1
fell by more than 0.01 (or, for `again`, that changed).  Family c is tools/text_chrome_c.py's,
never tuned on: count its rows, do not read them.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dev_eval  # noqa: E402
import perturb_text_eval as pte  # noqa: E402
from cleaners import Document, clean  # noqa: E402
from cleaners.steps.title_lines import looks_like_title  # noqa: E402

WRAP = 38
TITLED_MAX = 40          # characters of a gold's first line given as the title (`titled`)
SHOWN = int(os.environ.get("SHOWN", 25))       # flagged pages listed
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
HALF_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _own_line(line: str, folded_gold: str) -> bool:
    """Is `line` one of the document's own lines (found in its gold, spaces removed)?"""
    squashed = pte.squash(line)
    return len(squashed) > 8 and squashed in folded_gold


def _wrapped(text: str, gold: str) -> str:
    folded = pte.squash(gold)
    out = []
    for line in text.split("\n"):
        if len(line) > WRAP and _own_line(line, folded):
            line = "\n".join(line[i:i + WRAP] for i in range(0, len(line), WRAP))
        out.append(line)
    return "\n".join(out)


def _flattened(text: str, gold: str) -> str:
    """The document's own lines (those of the gold) run together onto one line where they stand
    next to each other, as a page text flattened by its extractor has them."""
    folded = pte.squash(gold)
    out, run = [], []
    for line in text.split("\n"):
        if _own_line(line, folded):
            run.append(line.strip())
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(line)
    if run:
        out.append("".join(run))
    return "\n".join(out)


def _as_windows_1252(raw: bytes) -> str:
    """Bytes as a browser's windows-1252 decoder gives them: the five undefined bytes as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


def _variant(check: str):
    if check == "traditional":
        import opencc
        return lambda text, gold: opencc.OpenCC("s2t").convert(text)
    if check == "titled":
        return None
    return {"wrap": _wrapped, "flat": _flattened, "spaced": lambda text, gold: text.replace("\n", "\n\n"),
            "crlf": lambda text, gold: text.replace("\n", "\r\n"),
            "fullwidth": lambda text, gold: text.translate(FULL_DIGITS),
            "letters": lambda text, gold: "\n".join(" ".join(line) for line in text.split("\n")),
            "cp1252": lambda text, gold: _as_windows_1252(text.encode("utf-8")),
            "gbk-latin1": lambda text, gold: text.encode("gb18030").decode("latin-1")}[check]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", choices=("a", "b", "c", "d"), default="a")
    ap.add_argument("--check", choices=("again", "traditional", "wrap", "spaced", "crlf", "fullwidth", "letters", "cp1252", "gbk-latin1", "flat", "titled"),
                    default="again")
    ap.add_argument("--only", help="comma-separated perturbations (default: all, and the page as it is)")
    args = ap.parse_args()
    scorer = dev_eval.load_scorer("text")
    recs, gold = pte.load_pages()
    table = pte.perturbations()
    names = args.only.split(",") if args.only else list(table)
    variant = None if args.check in ("again", "titled") else _variant(args.check)
    flagged, total, clean_plain, clean_variant = [], 0, 0, 0
    for name in names:
        for rec, text, _ in pte.perturbed_pages(recs, gold, name, table[name], args.family, 0):
            title = gold[rec["id"]].strip().split("\n")[0].strip()
            if args.check == "titled" and not (looks_like_title(title) and len(title) <= TITLED_MAX):
                continue
            total += 1
            once = clean(Document(text=text)).rendered()
            if args.check == "titled":
                other = clean(Document(text=text, title=title)).rendered()
            elif variant is None:
                if clean(Document(text=once)).rendered() != once:
                    flagged.append(f"{rec['id']}:{name}")
                continue
            else:
                other = clean(Document(text=variant(text, gold[rec["id"]]))).rendered()
            expected = gold[rec["id"]]
            if args.check in ("wrap", "flat"):
                once, other, expected = (s.replace("\n", "") for s in (once, other, expected))
            if args.check == "fullwidth":
                other = other.translate(HALF_DIGITS)
            plain, varied = scorer.score(once, expected), scorer.score(other, expected)
            clean_plain += min(plain[:2]) >= dev_eval.CLEAN_AT
            clean_variant += min(varied[:2]) >= dev_eval.CLEAN_AT
            if varied[2] < plain[2] - 0.01:
                flagged.append(f"{rec['id']}:{name} P/R {plain[0]:.3f}/{plain[1]:.3f} -> {varied[0]:.3f}/{varied[1]:.3f}")
    if args.check == "again":
        print(f"family {args.family}: {total} pages, {len(flagged)} change when cleaned again")
    else:
        print(f"family {args.family}, {args.check}: {total} pages, clean {clean_plain} as they are, "
              f"{clean_variant} {args.check}; {len(flagged)} worse")
    for line in flagged[:SHOWN]:
        print("   ", line)


if __name__ == "__main__":
    main()
