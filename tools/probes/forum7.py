"""Anti-copy filler in a thread's first post: Discuz X's 防采集 (`<font class="jammer">` runs of random
characters after lines, and the same set in `<span style="display:none">`), which a reader never
sees.  Gold: the thread's title and its first post, as forum5."""
import random
import sys

from forum5 import SHORT_LINES, TITLE, dx
from harness import check

RNG = random.Random(5)
ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def filler() -> str:
    return "".join(RNG.choice(ALPHABET) for _ in range(RNG.randint(4, 9)))


def jammed(tag: str) -> str:
    wrap = {"font": lambda s: f'<font class="jammer">{s}</font>', "span": lambda s: f'<span style="display:none">{s}</span>'}[tag]
    return "<br>".join(f"{line}{wrap(filler())}" for line in SHORT_LINES)


L = {"dx_jammer_font": (dx(jammed("font")), "https://bbs.cgjy.net/thread-7788-1-1.html"),
     "dx_jammer_span": (dx(jammed("span")), "https://bbs.cgjy.net/thread-7789-1-1.html")}
EXPECTED = "\n".join([TITLE] + SHORT_LINES)

if __name__ == "__main__":
    n = 0
    for name, (html, url) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
