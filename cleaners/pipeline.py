"""The one cleaning pipeline, called by the CLI and by the crawler's item pipeline.

    clean(Document) -> CleanResult

Order matters and is the reason this file exists:
  1. decode bytes (from raw bytes, never from a string someone else decoded)
  2. HTML -> text (profile selectors first, trafilatura as the fallback)
  3. repair mis-decoding (GB repairs before ftfy; pinyin after the GBK shift
     repair, which uses the pinyin as evidence); convert to Simplified when the output
     is (the default: every rule and label below is written in Simplified; the steps
     read other outputs through their Simplified form, line for line); take a 文库
     preview's page numbers out, then re-split flattened paragraphs
  4. remove boilerplate, moving what carries information into metadata (on the
     lines a second run over the output would see: cleaning is idempotent); then the
     lines this document's host repeats on its other pages (when the caller has a table
     of them, `Options.host_lines`), then what the line model scores as boilerplate
  5. normalise Unicode and whitespace (and the script, for a Traditional output)
  6. flag (partial, unrecovered, too short, not Chinese)
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from cleaners import profiles
from cleaners import pipeline_head, pipeline_repair, pipeline_script, pipeline_width
from cleaners.steps import boilerplate, host_repeats, link_excerpts, link_genres, link_lists, menu_rows, page_kind, title_repeats
from cleaners.chars.lines import lines_of
from cleaners.steps import normalize
from cleaners.steps.decode import decode_bytes
from cleaners.document import Change, CleanResult, Document, LineKeys
from cleaners.steps.extract import DEFAULT_MAX_ELEMENTS, PARSER_MAX_DEPTH, extract_html, looks_like_html
from cleaners.steps.sniff import not_text_reason
from cleaners.steps import attachment_only, head_crumb, letter_spacing, page_metadata, preview_pages, repost_headline
from cleaners.sources import attachments

SCRIPTS = ("simplified", "keep", "traditional")
HEAD_FOR_TITLE = 12      # filled lines at a page text's head where its given title may be said again ...
TITLE_DECORATION = 20    # ... with so many characters around it at most (`【精品】{title}.docx`)
TITLE_MIN = 4            # characters of a page's own title below which it is no title (`<title>1</title>`)
CHINESE_HAN_MIN = 100    # Han characters that make a text Chinese even when code or Latin dominates it
GENERIC_EXTRACTORS = ("main", "trafilatura")   # extract.py's names for an article found without a profile


class HostLineLookup(Protocol):
    """Which of a document's lines its host repeats: key -> distinct documents of the host that
    have it, for the keys over the table's thresholds (cleaners/store/host_lines.py
    HostLineReader; the pipeline itself reads no file)."""

    def repeated(self, host: str, keys: tuple[int, ...]) -> Mapping[int, int]: ...


@dataclass(frozen=True)
class Options:
    """How to clean, and the limits that bound what one document may cost.

    A document over a limit is not cleaned: it is rejected with the limit named in the
    reason (`over limit: ...` in rejects.jsonl).  The defaults are far above any real page
    (the real-page sets here: at most 1.3 MB, ~6,000 elements, 32 levels) and keep one
    document's peak memory to a few hundred MB."""
    script: str = "simplified"          # simplified | keep | traditional
    restore_paragraphs: bool = True     # split one-line flattened texts at outline markers
    min_chars: int = 50                 # below this the document is flagged too_short
    max_bytes: int = 64 * 2**20         # raw input of one document, all its pages (str input: characters)
    max_chars: int = 5_000_000          # text of one document after extraction
    max_elements: int = DEFAULT_MAX_ELEMENTS   # elements of one HTML page, counted before parsing
    max_depth: int = 1_500              # element nesting of one HTML page
    line_model: bool = True             # the learned line model drops what the rules missed
    host_lines: HostLineLookup | None = None   # per-host line counts: drop the lines a host repeats
    explain: bool = False               # also name each HTML line the extractor leaves out, and why (a second walk)

    def __post_init__(self):
        if self.script not in SCRIPTS:
            raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")
        for name in ("max_bytes", "max_chars", "max_elements", "max_depth"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be a positive number, not {getattr(self, name)!r}")
        if self.max_depth >= PARSER_MAX_DEPTH - 1:
            raise ValueError(f"max_depth must be below {PARSER_MAX_DEPTH - 1:,}: the HTML parser drops "
                             f"what is nested deeper, not {self.max_depth:,}")


DEFAULT = Options()


def clean(doc: Document, options: Options = DEFAULT) -> CleanResult:
    profile = profiles.resolve(doc.site, doc.url)
    doc, changes = attachments.read_into(doc)    # PDF/Word/WPS/OFD/sheet bytes -> their text (or a reject)
    metadata: dict = dict(doc.meta)
    pages = doc.pages or [doc]
    size = sum(_input_size(p) for p in pages)
    if size > options.max_bytes:
        return _refused(doc, profile, metadata, "over_limit",
                        f"input of {size:,} bytes (limit {options.max_bytes:,}: max_bytes)")
    not_text = next((why for why in (not_text_reason(p.data) for p in pages if p.data is not None) if why), None)
    if not_text:
        return _refused(doc, profile, metadata, "not_text", not_text)

    texts, titles = [], []
    for page in pages:
        text, title, page_changes = _page_text(page, profile, options)
        changes += page_changes
        texts.append(text)
        if title:
            titles.append(title)
    over = next((c.after for c in changes if c.action == "flag" and c.before == "over_limit"), None)
    if over:
        return _refused(doc, profile, metadata, "over_limit", over)
    text = "\n".join(t for t in texts if t)
    if len(text) > options.max_chars:
        return _refused(doc, profile, metadata, "over_limit",
                        f"text of {len(text):,} characters (limit {options.max_chars:,}: max_chars)")
    title = doc.title or (titles[0] if titles else "")
    if doc.pages:
        metadata.setdefault("pages_seen", len(doc.pages))

    text, step_changes = letter_spacing.step(text)      # `下 载 文 档` read as `下载文档`
    changes += step_changes
    text, step_changes = pipeline_repair.repair_text(text)
    changes += step_changes
    wide = pipeline_width.holds_wide(text, title)     # `２、`, `ＶＩＰ` read as `2、`, `VIP` (below)
    # Rules are written in Simplified: when the output is Simplified, the text is converted before
    # the first step that reads a label or a marker (`第2页`, `索引号`, `当前位置`); otherwise the
    # steps below read its Simplified form, line for line (see pipeline_script).
    original_script = None
    if options.script == "simplified":
        text, title, original_script, step_changes = pipeline_script.in_simplified(text, title)
        changes += step_changes
    text, title, widths = pipeline_width.fold(text, title) if wide else (text, title, None)
    if title and not _extracted(changes) and _said_in_head(title, text):
        # a page text that holds its given title reads as one without it: its head (chrome above
        # the title said again, the page's own title) is settled the way a page text's is
        title = ""
    # A 文库 preview's page numbers out, its pages joined where they break off mid-sentence,
    # before paragraphs come back (they may split the joined page at its outline markers).
    text, step_changes = preview_pages.step(text)
    changes += step_changes
    # Paragraphs come back before the rules run, so that they judge the same lines on a page
    # as on its cleaned output (a split-off paragraph is short enough for line rules).
    if options.restore_paragraphs:
        text, step_changes = normalize.restore_paragraphs(text)
        changes += step_changes
    # 索引号/发布机构/文号 rows -> metadata; a page text's header above its breadcrumb (unless an HTML
    # page's markup has told its header from its article)
    text, step_changes = pipeline_script.lines_dropped_in_simplified(page_metadata.step, text, original_script)
    changes += step_changes
    if not _extracted(changes):
        text, step_changes = pipeline_script.lines_dropped_in_simplified(head_crumb.step, text, original_script)
        changes += step_changes
    if len("".join(title.split())) < TITLE_MIN:     # no title of its own: the 信息公开 table's 标题 row
        title = next((c.after for c in changes if c.action == "metadata" and c.before == "title"), title)

    if original_script is None:
        simplified, original_script = pipeline_script.simplified_form(text, title)
    else:
        simplified = text
    text, step_changes = boilerplate.remove(text, profile, probe=simplified)
    if options.explain:
        step_changes = boilerplate.named_rules(step_changes, profile)
    changes += step_changes
    hint = next((c.after for c in step_changes if c.action == "metadata" and c.before == "caption_title"), None)
    text, step_changes = link_lists.step(text)      # lists of links to other documents, head or tail
    changes += step_changes
    text, step_changes = link_excerpts.step(text)   # other documents shown with an excerpt each
    changes += step_changes
    text, step_changes = link_genres.step(text)     # other documents' titles told by their kind (…总结)
    changes += step_changes
    text, step_changes = menu_rows.step(text)       # navigation and footer links flattened onto a line
    changes += step_changes
    text, step_changes = preview_pages.step(text)   # a preview's pages the chrome between them hid
    changes += step_changes
    text, step_changes = repost_headline.step(text, title)  # `原标题：…` not the title -> metadata
    changes += step_changes
    text, step_changes = title_repeats.step(text, "")    # a heading's decorated copy, before the head is read
    changes += step_changes
    title, text, step_changes = pipeline_head.settle_head(title, text, profile, hint, page=simplified,
                                                          article=_extracted_article(changes))
    changes += step_changes
    text, step_changes = title_repeats.step(text, title)    # the title again further down, decorated
    changes += step_changes
    line_keys, repeated_lines = None, frozenset()
    host = profiles.fold_host(profiles.url_host(doc.url)) if options.host_lines is not None else ""
    if host:
        text, title, step_changes, line_keys, repeated_lines = _drop_host_repeats(text, title, host, options)
        changes += step_changes
    title, text, step_changes = pipeline_head.model_and_body_heading(
        title, text, profile, repeated_lines, article=_extracted_article(changes), use_model=options.line_model)
    changes += step_changes
    if title:   # a title taken from the body comes out as a second run would read it from the output
        title = boilerplate.clean_title(title, profile) or title
        # the title as it now stands, again further down (`标题.wps`): a title read off the body
        # only after the line model did not exist when the step ran before it
        text, step_changes = title_repeats.step(text, title)
        changes += step_changes
        if step_changes:
            # a plain repetition below the decorated copy is at the head now: a second run reads it so
            title, text, step_changes = boilerplate.settle_title(title, text, profile)
            changes += step_changes
    if widths:      # the page's own letters and digits back where it wrote them full-width
        text, title, changes = widths.restore(text), widths.restore(title), widths.restore_changes(changes)
    if options.script == "traditional":
        text, step_changes = normalize.convert_script(text, "traditional")
        changes += step_changes
        title = normalize.to_traditional(title)
    text, step_changes = normalize.normalize_text(text)
    changes += step_changes
    title = normalize.normalize_title(title)
    text, step_changes = attachment_only.step(text)
    changes += step_changes

    for change in changes:
        if change.action == "metadata":
            metadata.setdefault(change.before, change.after)
    if "date" in metadata:             # one form for every source (upload rows, 发布时间, meta tags)
        date = page_metadata.normal_date(metadata["date"])
        if date is None:
            metadata["date_text"] = metadata.pop("date")      # (kept as written, not as a date)
        else:
            metadata["date"] = date
    suspicious = _suspicious_left(text, changes)
    if suspicious:
        metadata["suspicious"] = suspicious
    metadata = {k: normalize.printable(v) if isinstance(v, str) else v for k, v in metadata.items()}
    han, visible = normalize.han_and_visible(text)
    lines = lines_of(text)          # (split once for the code count; verdict and quality read its stripped lines)
    prose = visible - page_kind.code_chars(text, lines)
    flags = _flags(han, prose, changes, metadata, original_script, options)
    if flags["not_chinese"]:    # code whose comments are Chinese (`export x=1  # 设置代理`) is no other language,
        # and the title, which the title steps may have taken off the text, is the document's too
        title_han, title_visible = normalize.han_and_visible(title or "")
        flags["not_chinese"] = _not_chinese(han + title_han, prose + title_visible - page_kind.mixed_code_chars(text))
    listing = next((c.after for c in changes if c.action == "flag" and c.before == "listing"), None)
    flags["not_document"] = page_kind.verdict(text, title, doc.url) or (f"listing: {listing}" if listing else "")
    metadata["quality"] = page_kind.quality(text, han, visible)     # (the line table's stripped lines)
    return CleanResult(id=doc.id or _derived_id(doc, profile, text), url=doc.url, site=_site_name(profile, doc), title=title, text=text,
                       metadata=metadata, flags=flags, changes=changes, line_keys=line_keys)


def _extractors(changes: list[Change]) -> set[str]:
    """The extractors that read the text out of an HTML page (none for plain text)."""
    return {c.after for c in changes if c.action == "metadata" and c.before == "extractor"}


def _said_in_head(title: str, text: str) -> bool:
    """Is the title one of the text's first HEAD_FOR_TITLE lines, as it is or decorated?"""
    folded = boilerplate.fold_spaces(normalize.to_simplified(title))
    head = [line for line in text.split("\n", HEAD_FOR_TITLE * 4)[:HEAD_FOR_TITLE * 4] if line.strip()][:HEAD_FOR_TITLE]
    return any(len(line) <= len(title) + TITLE_DECORATION and folded in boilerplate.fold_spaces(normalize.to_simplified(line))
               for line in head)


def _extracted(changes: list[Change]) -> bool:
    """Whether the text was extracted from an HTML page (by any extractor or a profile's selector)."""
    return bool(_extractors(changes))


def _extracted_article(changes: list[Change]) -> bool:
    """Whether the text is the article the generic HTML extractor (ours or trafilatura) chose
    from a page: not a profile selector's block, not a page taken whole, not plain text."""
    return not _extractors(changes).isdisjoint(GENERIC_EXTRACTORS)


def _drop_host_repeats(text: str, title: str, host: str, options: Options
                       ) -> tuple[str, str, list[Change], LineKeys, frozenset]:
    """The lines the host repeats on its other pages, out: (text, title, changes, the document's
    line keys for the table to count, the folded repeated lines for the line model's feature).
    The title is counted too: a title the host gives many pages (its own name) is not the
    document's.  Keys are of the Simplified lines, whatever script the text is kept in."""
    simplified = options.script == "simplified"
    probe = text if simplified else normalize.to_simplified(text)
    per_line = host_repeats.line_keys(probe)
    title_key = host_repeats.line_key(title if simplified else normalize.to_simplified(title))
    keys = host_repeats.counted_keys([*per_line, title_key])
    repeated = options.host_lines.repeated(host, keys) if keys else {}
    if not repeated:
        return text, title, [], LineKeys(host, keys), frozenset()
    folded = frozenset("".join(line.split()) for line, key in zip(text.split("\n"), per_line) if key in repeated)
    text, changes = host_repeats.drop_repeated(text, repeated, probe, per_line)
    if title_key in repeated:
        changes.append(Change("title", "removed", title.strip(), f"host_repeat: on {repeated[title_key]} documents"))
        title = ""
    return text, title, changes, LineKeys(host, keys), folded


def _suspicious_left(text: str, changes: list[Change]) -> list[str]:
    """The runs a repair step found suspicious but could not repair with certainty (`支持?h政府`)
    that are still in the output (in its script), each once: the manifest names them."""
    runs = dict.fromkeys(c.after for c in changes if c.action == "flag" and c.before == "suspicious")
    return [run for run in runs if run in text or normalize.to_simplified(run) in text]


def _input_size(page: Document) -> int:
    """A page's raw size: its bytes, or the characters of text handed in as a string."""
    for raw in (page.data, page.html, page.text):
        if raw is not None:
            return len(raw)
    return 0


def _refused(doc: Document, profile: profiles.Profile, metadata: dict, flag: str, reason: str) -> CleanResult:
    """A document not cleaned at all (not text, over a limit): no text, the reason as a flag."""
    return CleanResult(id=doc.id or _derived_id(doc, profile, doc.url or ""), url=doc.url,
                       site=_site_name(profile, doc), title="", text="", metadata=metadata,
                       flags={flag: reason}, changes=[Change("sniff" if flag == "not_text" else "limits",
                                                             "flag", flag, reason)])


def clean_all(doc: Document, options: Options = DEFAULT) -> list[CleanResult]:
    """`clean`, then split compilations (【篇一】【篇二】...) into one result per article."""
    from cleaners.steps.compilations import split_compilation
    return split_compilation(clean(doc, options), profiles.resolve(doc.site, doc.url))


def _derived_id(doc: Document, profile: profiles.Profile, text: str) -> str:
    """The site's canonical id when the URL has one, else a stable hash of URL or text."""
    if doc.url:
        canonical = profile.doc_id(doc.url)
        if canonical:
            return canonical
    return hashlib.sha1((doc.url or text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _site_name(profile: profiles.Profile, doc: Document) -> str:
    if profile.name != profiles.GENERIC:
        return profile.name
    return doc.site or (profiles.fold_host(profiles.url_host(doc.url)) if doc.url else "") or "local"


def _page_text(page: Document, profile: profiles.Profile, options: Options) -> tuple[str, str, list[Change]]:
    """Decode and extract one page: (text, title found on the page, changes)."""
    changes: list[Change] = []
    if page.text is not None and not page.is_html:
        body = page.text
        is_html = page.is_html if page.is_html is not None else looks_like_html(body)
    elif page.html is not None:
        body, is_html = page.html, True
    elif page.data is not None:
        body, info = decode_bytes(page.data, page.content_type)
        changes.append(Change("decode", "metadata", "encoding", info.encoding))
        if info.replacements:
            changes.append(Change("decode", "unrecovered", "\ufffd" * info.replacements, ""))
        is_html = page.is_html if page.is_html is not None else looks_like_html(body)
    else:
        return "", "", changes
    if page.text is not None and page.is_html:
        body, is_html = page.text, True
    if not is_html:
        return body, page.title or "", changes
    extracted = extract_html(body, profile, page.url, max_elements=options.max_elements,
                             max_depth=options.max_depth, explain=options.explain)
    changes += extracted.changes + page_metadata.read_html(body)
    return extracted.text, page.title or extracted.title, changes


def _flags(han: int, visible: int, changes: list[Change], metadata: dict, script: str, options: Options) -> dict:
    """The result's flags; `han`, `visible`: the text's Han and non-whitespace characters."""
    truncated, unrecovered, rejected = False, 0, {}
    for c in changes:                                   # (one pass over the changes)
        if c.action == "flag":
            if c.before == "truncated":
                truncated = True
            elif c.before in ("rejected", "reject_detail"):
                rejected[c.before] = c.after
        elif c.action == "unrecovered":
            unrecovered += len(c.before)
    page_count, pages_seen = _as_int(metadata.get("page_count")), _as_int(metadata.get("pages_seen"))
    fewer_pages = bool(page_count and pages_seen and pages_seen < page_count)
    return {
        **rejected,
        "partial": truncated or fewer_pages,
        "unrecovered_chars": unrecovered,
        "script": script,
        "too_short": visible < options.min_chars,
        # Chinese prose with code or tables in it (a technical article) has a low Han share but
        # plenty of Han characters: only a low share *and* little Han makes a text not Chinese
        # (`visible` leaves the lines of code out: a long listing says nothing of the language).
        "not_chinese": _not_chinese(han, visible),
    }


def _not_chinese(han: int, visible: int) -> bool:
    return visible > 0 and (han / visible < 0.15 or (han / visible < 0.3 and han < CHINESE_HAN_MIN))


def _as_int(value) -> int | None:
    if value is None:          # (most documents: raising and catching the TypeError cost ~10x the call)
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
