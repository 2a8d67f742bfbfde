"""Article metadata of government pages: date, source, 索引号, 文号 — into metadata, out of the text.

Government pages state them three ways (gov-sites.md §2.9): meta tags (PubDate,
ContentSource), a 信息公开 table (索引号 / 发布机构 / 成文日期 / 文号 …) and a line under the
title (发布时间：… 来源：…).  Two halves, because the meta tags never reach the text:

  read_html(html) -> [Change]   the whole page: meta tags, then every label:value pair
  step(text) -> Edit            the extracted text (selectors or trafilatura): rows made only
                                of label:value pairs are taken out, their values recorded

Values are normalised (dates to YYYY-MM-DD); the first value of a key wins, so the page's
own tags beat the text.  Labels, stop words and the gate live in `_gov.toml` [metadata].
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

import lxml.html
from lxml import etree

from cleaners import profiles
from cleaners.document import Change, Edit
from cleaners.html_text import parseable

STEP = "page_metadata"
ROW_TAGS = {"p", "div", "br", "li", "tr", "table", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
            "ul", "ol", "dl", "dd", "dt", "header", "footer", "form", "center"}
CELL_TAGS = {"td", "th"}
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})(?!\d)")


@lru_cache(maxsize=1)
def rules() -> dict:
    return profiles.get("_gov").extra.get("metadata", {})


def spaced(label: str) -> str:
    """A label whose letters may be spaced out (索 引 号, 标　题)."""
    return r"\s*".join(re.escape(ch) for ch in label)


@lru_cache(maxsize=1)
def label_keys() -> dict[str, str]:
    """Folded label -> metadata key ("_" = a field that is dropped, not kept)."""
    return {label: key for label, key in rules().get("labels", [])}


@lru_cache(maxsize=1)
def field_pattern() -> re.Pattern:
    """One `label：value` field; the value runs to the next field, a stop word, a wide gap or a cell
    end (`|`, or the `•` a 博达 VSB page sets between its fields: `索 引 号:… • 发布机构:教育局 • …`)."""
    labels = sorted(label_keys(), key=len, reverse=True)
    label = "|".join(spaced(l) for l in labels)
    stops = "|".join(re.escape(s) for s in rules().get("stops", []))
    return re.compile(rf"(?:^|(?<=[\s|｜•]))(?P<label>{label})\s*[:：]\s*(?P<value>.*?)\s*"
                      rf"(?=(?:{label})\s*[:：]|{stops}|\t|\s{{2,}}|[|｜•]|$)")


@lru_cache(maxsize=1)
def gate() -> re.Pattern:
    return re.compile("|".join(re.escape(m) for m in rules().get("markers", [])))


@lru_cache(maxsize=1)
def markers() -> tuple[str, ...]:
    """The gate's words: on a text, a substring test each costs ~half of the gate's one search
    (an alternation of words starting with different characters tries a character class at
    every position)."""
    return tuple(rules().get("markers", []))


@lru_cache(maxsize=1)
def strong_labels() -> tuple[str, ...]:
    """The strong labels (`_gov.toml` [metadata] strong_labels) without their spaces, longest first."""
    return tuple(sorted({"".join(s.split()) for s in rules().get("strong_labels", [])}, key=len, reverse=True))


@lru_cache(maxsize=1)
def strong_fields() -> tuple[re.Pattern, ...]:
    """Each strong label with its colon: without one (and without a table) `step` drops no row.
    One pattern a label, each starting with the label's first character, a literal the engine
    jumps between at C speed: their alternation started with a class of those characters, tried
    at every character of the text (~4x the cost of the ten scans)."""
    return tuple(re.compile(rf"{spaced(label)}\s*[:：]") for label in strong_labels())


@lru_cache(maxsize=1)
def bare_strong_row() -> re.Pattern:
    """A line opening with a strong label and no colon: a 信息公开 table flattened with its cells
    joined by spaces (`索 引 号 0142581323/2026-00001 分 类 科技、教育`), or one cell a line (`索引号`
    over its value's line)."""
    return re.compile(rf"(?m)^[ \t\u3000]*(?:{'|'.join(spaced(label) for label in strong_labels())})(?:[ \t\u3000]|$)")


def holds_strong_field(text: str) -> bool:
    return any(pattern.search(text) for pattern in strong_fields()) or bool(bare_strong_row().search(text))


def normal_value(key: str, value: str) -> str | None:
    """The value as metadata: dates as YYYY-MM-DD; None when it is empty or not a value at all."""
    value = value.strip(" \t:：;；,，|｜•")
    if not value or len(value) > _max_chars(key):
        return None
    if key == "date":
        return normal_date(value)
    return " ".join(value.split())


def normal_date(value: str) -> str | None:
    """`2019.10.30`, `2024年3月8日 09:33`, `2023-06-04 12:41:57` -> YYYY-MM-DD, as the meta
    tags' dates; None when no calendar date is written there (`2023-06-66`: a manifest's
    date must parse)."""
    m = DATE.search(value)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def bare_field_pattern() -> re.Pattern:
    """One `label value` field of a row written without colons: the label stands apart (spaces
    around it) and the value runs to the next label standing apart, or to the line's end."""
    label = "|".join(spaced(l) for l in sorted(label_keys(), key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\s))(?P<label>{label})(?:\s+|$)(?P<value>.*?)"
                      rf"(?=\s+(?:{label})(?:\s|$)|\s*$)")


def fields(line: str) -> list[tuple[str, str, str]]:
    """(label, key, raw value) of every field on a line."""
    return _fields(field_pattern().finditer(line))


def _fields(matches) -> list[tuple[str, str, str]]:
    keys = label_keys()
    return [(m.group("label"), keys["".join(m.group("label").split())], m.group("value")) for m in matches]


def bare_row_fields(line: str) -> list[tuple[str, str, str]] | None:
    """The fields of a line that opens with a label standing apart and has no colon after any
    label (None for any other line): the row is then nothing but `label value` fields."""
    stripped = line.strip()
    matches = list(bare_field_pattern().finditer(stripped))
    if not matches or matches[0].start() or has_colon_field(stripped):
        return None
    return _fields(matches)


def has_colon_field(line: str) -> bool:
    """A label with its colon somewhere on the line: the line is for `row_fields`, not for the bare reading."""
    return bool(field_pattern().search(line))


def read_html(html: str) -> list[Change]:
    """Metadata a page states outside its text block: meta tags first, then label:value pairs."""
    if not gate().search(html):
        return []
    try:
        root = lxml.html.fromstring(parseable(html))
    except (etree.ParserError, ValueError):
        return []
    changes: list[Change] = []
    seen: set[str] = set()

    def add(key: str, value: str | None) -> None:
        if key != "_" and key not in seen and value:
            seen.add(key)
            changes.append(Change(STEP, "metadata", key, value))

    tags = {(el.get("name") or "").strip().lower(): el.get("content") or "" for el in root.iter("meta") if el.get("name")}
    for name, key in rules().get("meta_tags", []):
        if name.lower() in tags:
            add(key, normal_value(key, tags[name.lower()]))
    order = {label: rank for rank, label in enumerate(label_keys())}
    found = sorted(((order["".join(label.split())], n, key, value) for n, (label, key, value)
                    in enumerate(f for line in page_lines(root) for f in fields(line))), key=lambda f: f[:2])
    for _, _, key, value in found:      # a key's better label first (发布日期 before 成文日期), then page order
        add(key, normal_value(key, value))
    return changes


def page_lines(root) -> list[str]:
    """The page's visible text, a line per block, table cells separated by tabs."""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            parts.append(el.tail or "")
            return
        parts.append("\n" if tag in ROW_TAGS else "\t" if tag in CELL_TAGS else "")
        parts.append(el.text or "" if tag else "")
        for child in el:
            walk(child)
        parts.append(("\n" if tag in ROW_TAGS else "\t" if tag in CELL_TAGS else "") + (el.tail or ""))

    walk(root)
    return [line for line in "".join(parts).split("\n") if line.strip()]


# Lines a table's rows may be split by (a page number, an ad) and still be one table: a run of weak
# rows (分类：… 时效：…) this close below a run that went goes too.
STRAY_LINES = 1
CELL_SPLIT = re.compile(r"\s*[|｜\t]\s*")
# What a row of fields may hold besides them: separators, and the bullets of a 信息公开 list
# (`• 索 引 号:QZ02114-…` / `• 发布机构:丰泽区教育局`).
ROW_FURNITURE = re.compile(r"[\s|｜•·▪■◆●]+")


@lru_cache(maxsize=1)
def value_shapes() -> re.Pattern:
    """Values that are metadata whatever their label (索引号 and 文号 shapes), for tables whose
    labels the extractor dropped."""
    return re.compile("|".join(f"(?:{p})" for p in rules().get("value_shapes", [])) or r"(?!)")


def row_fields(line: str) -> list[tuple[str, str, str]] | None:
    """The fields of a line made of nothing but `label：value` fields (None for any other line)."""
    found = fields(line)
    if not found:
        return None
    rest = field_pattern().sub("", line)
    return found if not ROW_FURNITURE.sub("", rest) else None


def is_table_row(line: str) -> bool:
    """A flattened table row as extractors write it: `| cell | cell |`."""
    stripped = line.strip()
    return len(stripped) > 1 and stripped[0] in "|｜" and stripped[-1] in "|｜"


def table_fields(rows: list[str]) -> list[tuple[str, str, str]] | None:
    """The fields of a flattened 信息公开 table (None when the table is something else): every
    cell short, and a strong label or a 索引号/文号-shaped value among them.  A cell that is a
    label alone takes the next cell as its value."""
    cells = [c.strip() for row in rows for c in CELL_SPLIT.split(row.strip().strip("|｜"))]
    limit = rules().get("max_value_chars", 60)
    if any(len(c) > limit for c in cells):
        return None
    strong = set(strong_labels())
    found: list[tuple[str, str, str]] = []
    for i, cell in enumerate(cells):
        for label, key, value in fields(cell):
            if not value.strip() and i + 1 < len(cells) and not fields(cells[i + 1]):
                value = cells[i + 1]
            found.append((label, key, value))
    if any("".join(label.split()) in strong for label, _, _ in found) or any(value_shapes().search(c) for c in cells):
        return found
    return None


def step(text: str) -> Edit:
    """Take 信息公开 rows (索引号：… 发布机构：…) and tables out of the text, keeping their values.

    A line goes when it is made only of fields and belongs to a run of such lines of which one
    holds a strong label (索引号, 文号, 成文日期 …; 名称：… 分类：… alone stay); a label alone on its line takes the next short line (its
    value, a table flattened one cell per line) with it.  A flattened table (`| a | b |` rows)
    goes whole when its cells are short and name a strong label or hold a 索引号/文号 value."""
    piped = "|" in text or "｜" in text
    if not piped and not any(map(text.__contains__, markers())):
        return text, []
    lines = text.split("\n")
    # Only a strong row or a table goes: a text with neither (a `|` in a menu line) keeps every line.
    if not holds_strong_field(text) and not (piped and any(map(is_table_row, lines))):
        return text, []
    strong = set(strong_labels())
    drop: dict[int, list[tuple[str, str, str]]] = {}
    i = 0
    while i < len(lines):               # flattened tables first: whole blocks of `| … |` rows
        if is_table_row(lines[i]):
            end = i
            while end < len(lines) and is_table_row(lines[end]):
                end += 1
            found = table_fields(lines[i:end])
            if found is not None:
                drop.update({j: [] for j in range(i, end)})
                drop[i] = found
            i = end
        else:
            i += 1
    parsed = [None if j in drop else row_fields(line) or bare_row_fields(line) for j, line in enumerate(lines)]
    j = 0
    last_end = None                     # where the last run that went ended
    while j < len(lines):               # a run of field rows goes whole when one of them is strong
        if parsed[j] is None:
            j += 1
            continue
        end = j
        while end < len(lines):
            before = parsed[end - 1] if end > j else None
            if parsed[end] is not None:
                end += 1
            elif before and not before[-1][2].strip() and is_value_line(lines[end], before[-1][1]):
                end += 1        # a label alone takes its value's line: the run (a table, a cell per line) goes on
            else:
                break
        rows = [k for k in range(j, end) if parsed[k] is not None]
        if (any("".join(label.split()) in strong for k in rows for label, _, _ in parsed[k])
                or last_end is not None and sum(1 for line in lines[last_end:j] if line.strip()) <= STRAY_LINES):
            drop.update({k: parsed[k] for k in rows})
            last_end = end
        j = end
    changes: list[Change] = []
    kept: list[str] = []
    j = 0
    while j < len(lines):
        if j not in drop:
            kept.append(lines[j])
            j += 1
            continue
        changes.append(Change(STEP, "removed", lines[j].strip(), "metadata row"))
        taken = j
        for label, key, value in drop[j]:
            if (not value.strip() and len(drop[j]) == 1 and taken + 1 < len(lines) and taken + 1 not in drop
                    and row_fields(lines[taken + 1]) is None and is_value_line(lines[taken + 1], key)):
                taken += 1
                value = lines[taken]
                changes.append(Change(STEP, "removed", value.strip(), "metadata value"))
            normal = normal_value(key, value)
            if key != "_" and normal:
                changes.append(Change(STEP, "metadata", key, normal))
        j = taken + 1
    return ("\n".join(kept), changes) if changes else (text, [])


def is_value_line(line: str, key: str = "") -> bool:
    """A short line with no sentence in it: a table cell's value flattened onto its own line (not
    a line that ends as a label or an addressee does, `各中小学：`)."""
    stripped = line.strip()
    return (0 < len(stripped) <= _max_chars(key) and not re.search(r"[。！？；]", stripped)
            and not stripped.endswith(("：", ":")))


def _max_chars(key: str) -> int:
    return rules().get("max_title_chars" if key == "title" else "max_value_chars", 60)
