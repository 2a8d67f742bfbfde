"""Report texts and the transformations the replicas apply to them.

Every replica page is rendered from a content file in `content/` (Simplified
script; first line = title, blank line, body).  The helpers here cut a body into
reader pages, flatten it the way renrendoc's 文档简介 does, and produce the
Traditional + pinyin-annotated variant served by boteman-style clones.  The
expected clean text of a document is derived from the same functions, so the
replica and its expectation cannot drift apart.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# a folder, or a folder inside a zipped egg (the replicas ship as package data)
CONTENT_DIR = resources.files(__package__) / "content"

# Pinyin (with tone marks) for characters boteman-style clones annotate.  The real
# pages annotate characters whose Traditional form the upload tool doubted, e.g.
# "數(shù)字化", "繼續(xù)", "系統(tǒng)"; keyed by the *Simplified* character.
PINYIN = {
    "续": "xù", "统": "tǒng", "养": "yǎng", "镇": "zhèn", "网": "wǎng",
    "数": "shù", "县": "xiàn", "级": "jí", "设": "shè", "优": "yōu",
    "质": "zhì", "发": "fā", "实": "shí", "协": "xié", "调": "tiáo",
    "规": "guī", "读": "dú", "师": "shī", "资": "zī", "训": "xùn",
    "财": "cái", "项": "xiàng", "乡": "xiāng", "础": "chǔ", "办": "bàn",
}

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


@dataclass(frozen=True)
class Content:
    """One report: its slug (content file stem), title and body (Simplified)."""

    slug: str
    title: str
    body: str

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n") if p.strip()]


@functools.cache
def load_content(slug: str) -> Content:
    """Read content/<slug>.txt: title line, blank line, body."""
    path = CONTENT_DIR / f"{slug}.txt"
    raw = path.read_text(encoding="utf-8")
    title, sep, body = raw.partition("\n\n")
    if not sep or "\n" in title.strip():
        raise ValueError(f"{path}: expected 'title', blank line, body")
    return Content(slug, title.strip(), body.strip())


def paginate(body: str, n_pages: int) -> list[str]:
    """Cut `body` into `n_pages` reader pages of similar length.

    Cuts fall after a sentence end or a line break, never inside a sentence,
    so that the concatenation of all pages is exactly `body` (pages keep their
    newlines).  Raises when the body has fewer sentences than pages.
    """
    units = [u for u in re.split(r"(?<=\n)|" + _SENTENCE_END.pattern, body) if u]
    if len(units) < n_pages:
        raise ValueError(f"body has {len(units)} sentences, cannot make {n_pages} pages")
    total = sum(len(u) for u in units)
    pages: list[str] = []
    current = ""
    consumed = 0
    for i, unit in enumerate(units):
        current += unit
        consumed += len(unit)
        remaining_units = len(units) - i - 1
        pages_left_after_this = n_pages - len(pages) - 1
        target = total * (len(pages) + 1) / n_pages
        if pages_left_after_this > 0 and (consumed >= target or remaining_units == pages_left_after_this):
            pages.append(current)
            current = ""
    pages.append(current)
    assert "".join(pages) == body and len(pages) == n_pages
    return pages


def flatten(text: str) -> str:
    """Join lines without separators: renrendoc's 文档简介 loses every newline."""
    return "".join(line.strip() for line in text.split("\n"))


@functools.cache
def _opencc(config: str):
    import opencc  # official bindings; opencc-python-reimplemented has the same API

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified -> Traditional (OpenCC s2t), as the Traditional mirrors serve it."""
    return _opencc("s2t.json").convert(text)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified (OpenCC t2s): what the cleaner is expected to do."""
    return _opencc("t2s.json").convert(text)


def annotate_pinyin(simplified: str, every: int = 3) -> str:
    """Traditional text with "(pinyin)" after every `every`-th annotatable character.

    Works from the Simplified text so the PINYIN table keys match; the output is
    Traditional, e.g. "數(shù)字化".  Deterministic: the same input always gets
    the same annotations.
    """
    trad = to_traditional(simplified)
    if len(trad) != len(simplified):  # OpenCC changed a length: align char by char
        trad = "".join(to_traditional(ch) for ch in simplified)
    out: list[str] = []
    seen = 0
    for simp_ch, trad_ch in zip(simplified, trad):
        out.append(trad_ch)
        if simp_ch in PINYIN:
            if seen % every == 0:
                out.append(f"({PINYIN[simp_ch]})")
            seen += 1
    return "".join(out)


def traditional_roundtrip(text: str) -> str:
    """What a perfect cleaner returns for text served as s2t: t2s(s2t(text))."""
    return to_simplified(to_traditional(text))


def expected_text(title: str, body: str) -> str:
    """The expected-file format: title, blank line, body, final newline."""
    return f"{title.strip()}\n\n{body.strip()}\n"
