"""Traditional script: the lookalike pages (a notice and a story in a gov page and a news page's
chrome) converted to Traditional with OpenCC s2t, as HTML and as page text; the expected text is
compared after t2s, as the dev sets' scorers do."""
import sys

import opencc

from harness import check, score
from as_text import visible
from lookalike1 import CASES
from cleaners import pipeline
from cleaners.document import Document

S2T, T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")

if __name__ == "__main__":
    n = 0
    for name, (url, html, exp) in CASES.items():
        html_t = S2T.convert(html)
        n += check(name, html_t, url, "\n".join(exp), "-v" in sys.argv)
        result = pipeline.clean(Document(id="p", url=url, text=visible(html_t)))
        p, r = score(T2S.convert(result.rendered()), "\n".join(exp))
        good = p >= 0.98 and r >= 0.98
        n += good
        print(f"{'ok ' if good else 'BAD'} text:{name:23s} P {p:.3f} R {r:.3f} {result.rejection or ''}")
        if not good or "-v" in sys.argv:
            got = [T2S.convert(line.strip()) for line in result.rendered().splitlines() if line.strip()]
            for line in got:
                if line not in exp:
                    print("     + ", line[:110])
            for line in exp:
                if line not in got:
                    print("     - ", line[:110])
    print(f"{n}/{2 * len(CASES)} ok")
