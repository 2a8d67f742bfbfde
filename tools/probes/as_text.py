"""The HTML probes' pages as a web archive stores them: the page's whole visible text (navigation,
article, related lists, footer), one line a block, as the text dev set's raw pages are.  Cleaned as
plain text, scored against the same expected text.  `--cut` keeps the first ~2,000 bytes, as
that set's pages were cut (the expected text then ends where the cut page's article does)."""
import importlib
import sys

from harness import score
from cleaners import pipeline
from cleaners.document import Document
from cleaners.html_text import parseable, text_and_depth
import lxml.html

MODULES = ["news1", "news2", "news3", "blog1", "wechat1", "gov1", "school1", "news4", "news5", "news6", "title1", "rival1", "news7", "talk1", "docs1", "news8", "mobile1", "gov2", "news9", "inst1", "blog2", "gov3", "gov4"]   # (forums: the text set has none, and a thread as text has no posts to tell apart)


def pages():
    for name in MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "cases"):
            for key, (html, expected) in module.cases.items():
                yield f"{name}:{key}", module.URL, html, "\n".join(expected)
            continue
        for key, entry in module.L.items():
            url, html = entry[0], entry[1]
            expected = entry[2] if len(entry) > 2 else _default(module, key)
            yield f"{name}:{key}", url, html, expected


def _default(module, key):
    if module.__name__ == "wechat1":
        return "\n".join(module.EXPS[key])
    if module.__name__ == "news1":
        return module.CN_EXPECT if key == "chinanews" else module.CCTV_EXPECT if key == "cctv" else module.EXPECTED
    return module.EXP


def visible(html: str) -> str:
    """The page's text with a space after every inline element (an archive's extractor keeps the
    spaces a browser shows between links and cells)."""
    root = lxml.html.document_fromstring(parseable(html))
    for el in root.iter("td", "th"):     # a table row is one line of the archive's text
        el.tag = "span"
    for el in root.iter("title"):        # nor does it hold the <head>
        el.text = ""
    for el in root.iter("a", "span", "em", "strong", "b", "i", "label", "button"):
        el.tail = " " + (el.tail or "")
    return text_and_depth(root)[0]


def cut(text: str, expected: str, size: int = 2000) -> tuple[str, str]:
    """The first `size` bytes of the page text, and of the expected text what they hold (compared
    without whitespace: the archive's spaces between inline elements are no difference)."""
    raw = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    flat = "".join(raw.split())
    kept = []
    for line in (line.strip() for line in expected.split("\n")):
        folded = "".join(line.split())
        if folded and folded in flat:
            kept.append(line)
        elif folded:
            tail = flat[-20:]
            start = folded.find(tail) if len(tail) >= 10 else -1
            if start >= 0:          # the line the cut goes through: what of it the page holds
                kept.append(folded[:start + len(tail)])
            break
    return raw, "\n".join(kept)


if __name__ == "__main__":
    ok = total = 0
    for name, url, html, expected in pages():
        text = visible(html)
        if "--cut" in sys.argv:
            text, expected = cut(text, expected)
        result = pipeline.clean(Document(id="p", url=url, text=text))
        p, r = score(result.rendered(), expected)
        good = p >= 0.98 and r >= 0.98
        ok, total = ok + good, total + 1
        if not good:
            print(f"BAD {name:28s} P {p:.3f} R {r:.3f} {result.rejection or ''}")
            if "-v" in sys.argv:
                wanted = {line.strip() for line in expected.splitlines() if line.strip()}
                got = [line.strip() for line in result.rendered().splitlines() if line.strip()]
                for line in got:
                    if line not in wanted:
                        print("     + ", line[:110])
                for line in wanted - set(got):
                    print("     - ", line[:110])
    print(f"{ok}/{total} ok")
