"""For pages no profile knows: which main text, and which title.

Main text: the project's own extractor (`extract_main`) first; it measured better than
trafilatura (favor_precision) on the dev HTML set's TUNE half on all but four pages, by 0.96
against 0.85 mean F1, and no page-level signal we tried (text size, punctuation score,
agreement) picked the better of the two on those four without losing more elsewhere.  So
trafilatura runs only when our extractor finds no article at all, which also keeps the HTML
path several times faster than trafilatura alone.

Title: the page's own headline, from the best of `<title>`, `<h1>`, `meta[name=ArticleTitle]`
and `og:title`.  An h1 that the `<title>` repeats is the headline (the title adds the site's
name); else the CMS's ArticleTitle meta; else og:title or the `<title>`, as a line of the page
shows it (the line sharing most of it: `headline-某某传媒` with a `headline` line, whatever the
site's name looks like) or else without trailing site-name segments (`headline_网易新闻`,
`headline - BBC中文网 - 两岸三地`).  A title cut short with an ellipsis gives way to the line it
starts (a microblog post's first words: then the page has no title of its own), the account's
name or a label around the words too (`某某 的想法: …`, `饭否 | 某某: …`, `… 来自某某`); so
does an h1 then (the account's name).  A short h1 (a poem's name, `春晓`) is the headline when
the title opens with it.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from cleaners.steps.extract_answers import may_name_answers, speaks_as_qa_site
from cleaners.steps.extract_main import extract_main

WEAK_TITLE = 10            # characters of each segment of a title that is only a name
SITE_NAME_MAX = 24         # characters of a site's full name in a title
SITE_NAME_END = re.compile(r"(?:网站|门户|网|官网|平台|政府)\s*$")
MIN_ARTICLE = 50           # characters our extractor must find before its text is taken ...
SHORT_ARTICLE_MIN = 12     # ... or this many, ending a sentence, right under the page's headline (a
HEADLINE_NEAR = 100        # short notice: within this many characters of page text; trafilatura took
SHORT_ARTICLE_ENDS = ("。", "！", "？", "!", "?")   # a sidebar's longer prose instead)
SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|—|–|-|::)\s*|\s+[·•@]\s+")
SITE_WORDS = re.compile(r"网|站|频道|官方|官网|新闻|日报|晚报|在线|中心|门户|论坛|社区|百科|知道|知乎|微博|"
                        r"政府|人民政府|PIXNET|博客|财经|科技|娱乐|体育|汽车|房产|首页|资讯|时报|杂志|电视台|"
                        r"[A-Za-z]{3,}$")
SITE_SEGMENT_MAX = 16      # a trailing segment this short that names a site is the site's name
COLUMN_MAX = 8             # a segment before the site's name this short is the column's name
HEADLINE_MIN = 4
SHORT_HEADLINE_MIN = 2     # characters of an h1 the title opens with (a poem's name)
ELLIPSIS_INSIDE = re.compile(r"\s*(?:\.{3,}|…+|。{3,})")
ELLIPSIS = re.compile(ELLIPSIS_INSIDE.pattern + "$")
QUOTE_START = re.compile(r"[:：|｜\"“「『]\s*")   # where a quoted status starts after a label or a name
TEASER_MIN = 10           # characters of a status's first words a title must quote
HEADLINE_MAX = 80         # a line longer than this is text, not a headline
LINE_SHARE = 0.8          # a line whose run shared with the title is this much of the line ...
TITLE_SHARE = 0.4         # ... and this much of the title shows the headline
BADGE_MAX = 8              # characters an h1 may add to the headline part of the <title>
BROKEN_MAX = 4             # lines a headline may be broken over
HEADLINE_LABEL_MAX = 5      # characters of a label before a shown headline (`主题：`)
BROKEN_HEAD = 30           # lines at the head of the text where a broken headline is looked for (under a metadata table)


def main_text(root, html: str, url: str | None, blocks, fallback, title: str = "", account=None,
              notes: dict | None = None, page_text: str = "") -> tuple[str, str]:
    """(text, extractor name): ours, or `fallback(html, url)` (trafilatura) when ours finds no article
    (MIN_ARTICLE, or a short sentence right under the headline).
    `account` (extract_account.BlockAccount) hears what ours leaves out; `notes` gets what ours
    finds besides the text: the headline shown above it when the title is weak, the teasers of
    a listing (see `extract_main`).  `page_text`: the page's visible text, where a Q&A site's
    words are looked for (`extract_answers.speaks_as_qa_site`)."""
    notes = notes if notes is not None else {}
    text, _ = extract_main(root, blocks, title, account, notes, weak_title(title), answers=may_name_answers(html),
                           qa_words=speaks_as_qa_site(page_text))
    size = len("".join(text.split()))
    if size >= MIN_ARTICLE or (size >= SHORT_ARTICLE_MIN and text.rstrip().endswith(SHORT_ARTICLE_ENDS)
                               and 0 <= notes.get("below_headline", HEADLINE_NEAR + 1) <= HEADLINE_NEAR):
        return text, "main"
    other = fallback(html, url)
    return (other, "trafilatura") if other else (text, "main")


def weak_title(title: str) -> bool:
    """A title that is only a name: a CMS template's (`详细内容`), a site's, a column's, or those
    joined (`教育动态 - 城关区教育局`): every segment WEAK_TITLE characters or fewer, or a site's
    full name (`甘肃省兰州市城关区教育局门户网站`)."""
    return all(len(_fold(part)) <= WEAK_TITLE or (len(_fold(part)) <= SITE_NAME_MAX and SITE_NAME_END.search(part))
               for part in SEPARATORS.split(title))


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _fold(text: str) -> str:
    return "".join(text.split())


def strip_site_name(title: str) -> str:
    """`headline_网易新闻` -> `headline`: trailing segments that name the site go (separators
    inside the headline stay as written)."""
    site_seen = False
    while True:
        cuts = list(SEPARATORS.finditer(title))
        if not cuts:
            return title
        last = cuts[-1]
        segment = title[last.end():].strip()
        names_site = not segment or bool(SITE_WORDS.search(segment))
        # after the site's name, the column it sits in (`--时政--人民网`) goes too
        column = site_seen and len(segment) <= COLUMN_MAX
        if last.start() == 0 or len(segment) > SITE_SEGMENT_MAX or not (names_site or column):
            return title
        site_seen = site_seen or names_site
        title = title[:last.start()].strip()


def best_title(sel, page_text: str = "") -> str:
    """The page's headline from `<title>`, `<h1>`, ArticleTitle, og:title and the lines of the
    page's text `page_text` (see the module doc)."""
    page_title = _clean(sel.css("title::text").get())
    teased = _teased_line(page_title, page_text)
    if teased is not None:       # a status's first words: no h1 (the author's name) heads it either
        return teased
    folded_title = _fold(strip_site_name(page_title))     # an h1 naming the site is not the headline
    for h1 in sel.css("h1"):
        headline = _clean("".join(h1.css("::text").getall()))
        if len(headline) >= HEADLINE_MIN and _fold(headline) in folded_title:
            return headline
        # a poem's or a short piece's name (`静夜思`, `春晓`) where the title opens with it: the
        # title's segment (`静夜思_拼音版`), not a site's name the title ends with
        if SHORT_HEADLINE_MIN <= len(headline) < HEADLINE_MIN and _opens(page_title, headline):
            return headline
    for css in ("meta[name=ArticleTitle]::attr(content)", "meta[name=articletitle]::attr(content)"):
        found = _clean(sel.css(css).get())
        if len(found) >= HEADLINE_MIN:
            return found
    for named in (_clean(sel.css("meta[property='og:title']::attr(content)").get()), page_title):
        if len(named) >= HEADLINE_MIN:
            found = _badged_h1(sel, named) or strip_site_name(_shown_line(named, page_text) or named)
            return _uncut(found, page_text)
    return page_title


def _opens(title: str, headline: str) -> bool:
    """`title` is `headline`, or starts with it and a separator right after."""
    if not title.startswith(headline):
        return False
    rest = title[len(headline):]
    return not rest or SEPARATORS.match(rest) is not None


def _teased_line(title: str, page_text: str) -> str | None:
    """A `<title>` that quotes a line's first words and breaks off with an ellipsis inside it,
    a label or the account's name around them (`某某 的想法: 8月26日，全区…`, `饭否 | 某某: …`,
    `某某: "…" - 站名`, `… 来自某某`): that line when it is short enough for a headline, else ""
    (the page's text begins with it and has no title); None when the title quotes no line."""
    cut = ELLIPSIS_INSIDE.search(title)
    if cut is None:
        return None
    stem = title[:cut.start()]
    starts = [0] + [m.end() for m in QUOTE_START.finditer(stem)]
    tails = {folded for folded in (_fold(stem[at:]) for at in starts) if len(folded) >= TEASER_MIN}
    return _line_begun_by(tails, page_text) if tails else None


def _uncut(title: str, page_text: str) -> str:
    """A title cut short with an ellipsis (`【安徽阜阳一动物园2...`, a post's first words) is the
    line of the page it starts: that line when it is short enough for a headline, else no
    title (the text begins with it)."""
    stem = ELLIPSIS.sub("", title)
    if stem == title or len(_fold(stem)) < HEADLINE_MIN:
        return title
    found = _line_begun_by({_fold(stem)}, page_text)
    return title if found is None else found


def _line_begun_by(stems: set, page_text: str) -> str | None:
    """The first line of the page that one of `stems` (folded) begins and that goes on where the
    stem stopped (not the title's own line, ellipsis and all): that line when it is short enough
    for a headline, else ""; None when no line is."""
    for line in page_text.split("\n"):
        whole = _fold(line)
        for stem in stems:
            if whole.startswith(stem) and len(whole) > len(stem) + 1 and whole[len(stem)] not in ".…。":
                return _clean(line) if len(whole) <= HEADLINE_MAX else ""
    return None


def _shown_line(named: str, page_text: str) -> str:
    """The line of the page that shares the longest run with a `<title>` or og:title, when that
    run is most of the line and a good part of the title (`headline-某某传媒` with a `headline`
    line): the headline as the page shows it, whatever the site's name looks like.  The title's
    own line in the <head> does not count; a second showing of the whole title does."""
    title = _fold(named)
    best, best_run = "", 0
    seen: Counter = Counter()
    lines = page_text.split("\n")
    for line in (*lines, *_broken_headlines(lines, title)):
        folded = _fold(line)
        if not HEADLINE_MIN <= len(folded) <= 2 * len(title) + 10:
            continue
        seen[folded] += 1
        if folded == title and seen[folded] < 2:
            continue
        match = SequenceMatcher(None, folded, title, autojunk=False).find_longest_match(0, len(folded), 0, len(title))
        if match.size > best_run and match.size >= max(HEADLINE_MIN, LINE_SHARE * len(folded), TITLE_SHARE * len(title)):
            best, best_run = _unlabelled(_clean(line), folded[:match.a], title), match.size
    return best


def _unlabelled(line: str, before: str, title: str) -> str:
    """The shown headline without a label the page sets before it and the title lacks (an old
    board's `主题：headline`, `标题：headline`)."""
    if before and len(before) <= HEADLINE_LABEL_MAX and before[-1] in ":：" and before not in title:
        return line[line.index(before[-1]) + 1:].strip()
    return line


def _broken_headlines(lines: list[str], title: str) -> list[str]:
    """Headlines broken over lines (`<br>`s in a centred 公文 heading), joined: runs of two to
    BROKEN_MAX consecutive filled lines, each a piece of the title, whose joined text is in it too."""
    pieces = [folded for folded in map(_fold, lines) if folded]
    found = []
    for at, piece in enumerate(pieces):
        if piece not in title or piece == title:
            continue
        joined, best = piece, ""
        for more in pieces[at + 1:at + BROKEN_MAX]:
            joined += more
            if joined not in title:
                break
            best = joined
        if best:
            found.append(best)
    return found


def join_broken_headline(text: str, title: str) -> str:
    """The text with the title's lines joined into one where the headline is broken over
    lines at its head (so that the repeated title comes off the body as one line)."""
    folded = _fold(title)
    if len(folded) < HEADLINE_MIN:
        return text
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines[:BROKEN_HEAD]) if line.strip()]
    for at, start in enumerate(filled):
        joined = ""
        for end in filled[at:at + BROKEN_MAX]:
            joined += _fold(lines[end])
            if joined == folded and end > start:
                return "\n".join([*lines[:start], title, *lines[end + 1:]])
            if not folded.startswith(joined):
                break
    return text


def _badged_h1(sel, named: str) -> str:
    """An h1 that shows the title's part before a separator with a few more characters (a
    category badge: `<h1>Ruby Ruby：极致的脚本语言</h1>` for `Ruby：极致的脚本语言 · Ruby China`)."""
    parts = {_fold(named[:cut.start()]) for cut in SEPARATORS.finditer(named) if cut.start() > 0}
    parts = {part for part in parts if len(part) >= HEADLINE_MIN}
    for h1 in sel.css("h1") if parts else ():
        headline = _clean("".join(h1.css("::text").getall()))
        folded = _fold(headline)
        if any(part in folded and len(folded) - len(part) <= BADGE_MAX for part in parts):
            return headline
    return ""
