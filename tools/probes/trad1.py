"""Traditional script: the lookalike pages (a notice and a story in a gov page and a news page's
chrome) converted to Traditional with OpenCC s2t, as HTML and as page text; the expected text is
compared after t2s, as the dev sets' scorers do."""
import sys

import opencc

from harness import check, check_text
from as_text import visible
from lookalike1 import CASES

S2T, T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")

if __name__ == "__main__":
    n = 0
    for name, (url, html, exp) in CASES.items():
        html_t = S2T.convert(html)
        n += check(name, html_t, url, "\n".join(exp), "-v" in sys.argv)
        n += check_text(name, visible(html_t), url, exp, "-v" in sys.argv, convert=T2S.convert)
    print(f"{n}/{2 * len(CASES)} ok")
