"""Repairs of mis-decoded text, run by the pipeline in this order:

    strip_html_residue -> strip_control_chars -> fix_whole_text_mojibake
    -> fix_misaligned_gbk -> fix_mojibake_runs -> strip_pinyin -> drop_irrecoverable

Each step takes the text and returns `(new_text, [Change, ...])`.  Every step is
pure, never raises, is idempotent, and is gated by one C-speed check (a compiled
regex search or `in`) so that clean text costs next to nothing.  The GB repairs
come before ftfy (ftfy makes GB mix-ups worse) and the GBK-shift repair comes
before the pinyin strip, because a pinyin annotation is evidence for it.

Step names in the Change records: html_residue, control_chars, mojibake,
gbk_shift, mojibake_runs, pinyin, irrecoverable.
"""
from __future__ import annotations

import functools
import html
import re
from collections import Counter

from cleaners.chars import charmodel
from cleaners.chars.charmodel import common_share, counted_chars, text_score
from cleaners.document import Change, Edit

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "。，、；：？！“”‘’（）《》〈〉【】「」『』…—·"


# ---------------------------------------------------------------- 1. HTML residue

_BLOCK_TAGS = ("p|br|div|li|ul|ol|tr|table|tbody|thead|tfoot|caption|h[1-6]|hr|section|article|header|footer|nav"
               "|aside|main|blockquote|pre|dl|dt|dd|center|form|title|body|html|head")
_INLINE_TAGS = ("span|b|i|u|s|em|strong|font|a|img|sup|sub|small|big|strike|label|td|th|code|abbr|ins|del|mark"
                "|tt|q|cite|o:p|input|button|select|option|textarea|iframe|meta|link|col|colgroup|wbr|nobr")
# Attributes only in name=value form, so that `a<b and c>d` in a formula is not a tag.
_ATTRS = r"""(?:\s+[a-zA-Z_:][-\w:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))*"""
# Characters later steps delete (controls, zero-width, U+FFFD): a tag split by them would
# reappear once they are gone, so it is a tag already.
_JUNK = "[\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ufffd]*"
_TAG_RE = re.compile(
    rf"<(script|style)\b{_ATTRS}\s*>.*?</\1\s*>"          # script/style: drop with content
    rf"|<!--.*?-->"                                       # comments
    rf"|<{_JUNK}(/?){_JUNK}({_BLOCK_TAGS}|{_INLINE_TAGS})\b{_ATTRS}\s*/?{_JUNK}>",
    re.IGNORECASE | re.DOTALL)
_BLOCK_NAME_RE = re.compile(rf"(?:{_BLOCK_TAGS})\Z", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[a-zA-Z][a-zA-Z0-9]{1,31};|nbsp(?![a-zA-Z0-9;]))")
_HTML_GATE_RE = re.compile("<[a-zA-Z/!\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ufffd]|&[#a-zA-Z]")


def _tag_replacement(match: re.Match) -> str:
    name = match.group(3)
    if name is None:
        return ""                                         # comment, script, style
    if _BLOCK_NAME_RE.match(name):
        return "\n"
    return " " if name.lower() in ("td", "th") else ""


def _unescape_entity(match: re.Match) -> str:
    entity = match.group(0)
    if entity == "&nbsp":
        return " "
    value = html.unescape(entity if entity.endswith(";") else entity + ";")
    if value == entity + ";":                            # unknown name: leave it alone
        return entity
    return value.replace("\xa0", " ")


def _strip_html_once(text: str, changes: list[Change]) -> str:
    def tag(match: re.Match) -> str:
        replacement = _tag_replacement(match)
        changes.append(Change("html_residue", "removed", match.group(0), replacement))
        return replacement

    def entity(match: re.Match) -> str:
        replacement = _unescape_entity(match)
        if replacement != match.group(0):
            changes.append(Change("html_residue", "repaired", match.group(0), replacement))
        return replacement

    text = _TAG_RE.sub(tag, text)
    return _ENTITY_RE.sub(entity, text)


def strip_html_residue(text: str) -> Edit:
    """Remove HTML tags left in extracted text and unescape entities (also double-escaped ones).

    Only known tag names count as tags, so `a<b` and `《关于…》` stay.  Block tags
    become newlines so that paragraphs do not run together.
    """
    if ("<" not in text and "&" not in text) or not _HTML_GATE_RE.search(text):
        return text, []
    changes: list[Change] = []
    for _ in range(5):                                    # `&amp;lt;p&amp;gt;` needs several rounds
        new = _strip_html_once(text, changes)
        if new == text:
            break
        text = new
    return text, changes


# ---------------------------------------------------------------- 2. control characters

# C1 controls and soft hyphens next to other U+0080-00FF characters are GBK/UTF-8
# bytes read as latin-1 (fix_whole_text_mojibake needs them); alone they are junk.
_DROP_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
_C1_RE = re.compile("[\x80-\x9f\xad]")
_LONE_C1_RE = re.compile("(?<![\x80-\xff])[\x80-\x9f\xad](?![\x80-\xff])")
_NEWLINE_RE = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
_CONTROL_GATE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200d\u2060\ufeff\ud800-\udfff\u2028\u2029]")


def strip_control_chars(text: str) -> Edit:
    """Drop zero-width and control characters, soft hyphens and lone surrogates; unify line breaks.

    \\r\\n and lone \\r become \\n, as do form feeds (page breaks) and vertical tabs.
    """
    if not _CONTROL_GATE_RE.search(text):
        return text, []
    newlines = Counter(_NEWLINE_RE.findall(text))
    text = _NEWLINE_RE.sub("\n", text)
    # Lone C1 characters are judged before anything else is dropped, so that the
    # result does not depend on the order of removals (idempotence).
    dropped = Counter(_LONE_C1_RE.findall(text)) if _C1_RE.search(text) else Counter()
    if dropped:
        text = _LONE_C1_RE.sub("", text)
    dropped.update(_DROP_CONTROL_RE.findall(text))
    text = _DROP_CONTROL_RE.sub("", text)
    changes = [Change("control_chars", "repaired", form * n, "\n" * n) for form, n in newlines.items()]
    changes += [Change("control_chars", "removed", ch * n, "") for ch, n in dropped.items()]
    return text, changes


# ---------------------------------------------------------------- 3. whole-text mojibake

# cp1252's characters for bytes 0x80-0x9F; undefined bytes come through as C1 controls.
_CP1252_SPECIALS = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0))
_TO_BYTE_CHARS = str.maketrans({bytes([b]).decode("cp1252"): chr(b)
                                for b in range(0x80, 0xA0) if bytes([b]).decode("cp1252", "ignore")})
_HIGH = f"\x80-\xff{re.escape(_CP1252_SPECIALS)}"
# Two "byte" characters in a row, one of them a real latin-1 letter: not “” or ——.
_MOJI_GATE_RE = re.compile(f"[\xa0-\xff][{_HIGH}]|[\x80-\x9f{re.escape(_CP1252_SPECIALS)}][\xa0-\xff]")
# The same pairs, found by their latin-1 letter (rare in Chinese text; cp1252's “”…— are not).
_MOJI_PAIR_RE = re.compile(f"[\xa0-\xff](?:(?=[{_HIGH}])|(?<=[\x80-\x9f{re.escape(_CP1252_SPECIALS)}][\xa0-\xff]))")
_LATIN1_RE = re.compile("[\xa0-\xff]")
# Ideographic spaces (full-width layout) may sit between the pieces of one garbled line.
_LATIN_SPAN_RE = re.compile(f"[\x20-\x7e{_HIGH}][\x20-\x7e\u3000{_HIGH}]*")
_IDEOGRAPHIC_SPACES_RE = re.compile("(\u3000\u3000*)")     # a literal first: the engine skips to it
_HIGH_RUN_RE = re.compile(f"[{_HIGH}]{{2,}}[\x40-\x7e]?")
_COUNTED_RUN_RE = re.compile(r"[^\x00-\x7f\s]{2,}")
_GLUED_TO_LATIN_RE = re.compile(r"[A-Za-z][^\x00-\x7f\s]|[^\x00-\x7f\s][A-Za-z]")
_WHOLE_TEXT_CODECS = ("gb18030", "utf-8", "big5")


def _as_bytes(span: str) -> bytes | None:
    """The bytes a cp1252 (or latin-1) decoder turned into `span`."""
    try:
        return span.translate(_TO_BYTE_CHARS).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _good_decoding(candidate: str) -> bool:
    """A decoding is believable when it is nearly all common Chinese and has no invalid characters."""
    counted = counted_chars(candidate)
    if counted < 2 or any(charmodel.char_score(ch) <= charmodel.INVALID_SCORE for ch in candidate):
        return False
    share = common_share(candidate)
    return share >= 0.9 or (counted >= 10 and share >= 0.8)


def _reads_as_chinese(candidate: str) -> bool:
    """Real Chinese comes in runs of characters, or at least not glued into Latin words:
    `Caf茅`, `na茂ve` (CafÃ©, naÃ¯ve re-decoded as GBK) are neither; `2023年1月` is fine."""
    counted = counted_chars(candidate)
    in_runs = sum(len(m.group(0)) for m in _COUNTED_RUN_RE.finditer(candidate))
    return in_runs * 2 >= counted > 0 or not _GLUED_TO_LATIN_RE.search(candidate)


def _decode_pieces(pieces: list[str], codec: str) -> str | None:
    """Decode the byte pieces of a span one by one, keeping the ideographic spaces between them."""
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(piece)
            continue
        raw = _as_bytes(piece)
        if raw is None:
            return None
        try:
            out.append(raw.decode(codec))
        except UnicodeDecodeError:
            return None
    return "".join(out)


def _redecode_latin(span: str) -> str | None:
    """Best re-decoding of a latin-1/cp1252 span as gb18030, utf-8 or big5, or None."""
    pieces = _IDEOGRAPHIC_SPACES_RE.split(span)
    best, best_key = None, None
    for codec in _WHOLE_TEXT_CODECS:
        candidate = _decode_pieces(pieces, codec)
        if candidate is None or candidate == span:
            continue
        if not _good_decoding(candidate) or not _reads_as_chinese(candidate):
            continue
        key = (common_share(candidate), text_score(candidate) / max(1, len(candidate)))
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def _looks_like_utf8_mojibake(span: str) -> bool:
    """ftfy's class (UTF-8 read as latin-1/cp1252): most high bytes form valid UTF-8 sequences."""
    raw = _as_bytes(span)
    if raw is None:
        return False
    high = sum(1 for b in raw if b >= 0x80)
    decoded = raw.decode("utf-8", "replace")
    return high >= 2 and decoded.count("\ufffd") * 4 <= high


def _ftfy_fix(span: str) -> str | None:
    import ftfy
    from ftfy.badness import is_bad

    if not (is_bad(span) and _looks_like_utf8_mojibake(span)):
        return None
    try:
        fixed = ftfy.fix_encoding(span)
    except Exception:                                     # ftfy must never take the pipeline down
        return None
    return fixed if fixed != span else None


def _repair_latin_span(span: str) -> tuple[str, list[Change]]:
    fixed = _redecode_latin(span)
    if fixed is not None:
        return fixed, [Change("mojibake", "repaired", span, fixed)]
    changes: list[Change] = []

    def run(match: re.Match) -> str:
        piece = match.group(0)
        if len(piece) > 2 and piece[-1] < "\x80" and (len(piece) - 1) % 2 == 0:
            piece = piece[:-1]                             # an even byte run needs no ASCII trail byte
        repaired = _redecode_latin(piece)
        if repaired is None:
            return match.group(0)
        changes.append(Change("mojibake", "repaired", piece, repaired))
        return repaired + match.group(0)[len(piece):]

    partly = _HIGH_RUN_RE.sub(run, span)
    if changes:
        return partly, changes
    fixed = _ftfy_fix(span)
    if fixed is not None:
        return fixed, [Change("mojibake", "repaired", span, fixed)]
    return span, []


def fix_whole_text_mojibake(text: str) -> Edit:
    """Undo Chinese bytes decoded as latin-1/cp1252 (`ÖÐÎÄ` -> 中文, `æ•™è‚²` -> 教育).

    Each run of latin-1-range text is turned back into bytes (cp1252 first: it
    is Scrapy's fallback) and decoded as gb18030, utf-8 and big5; the candidate
    that is clearly common Chinese wins.  Only what is still UTF-8-shaped
    mojibake afterwards goes to ftfy, never GB text.
    """
    if not _MOJI_PAIR_RE.search(text):
        return text, []
    changes: list[Change] = []
    pieces, last = [], 0
    for match in _LATIN_SPAN_RE.finditer(text):
        span = match.group(0)
        if not _MOJI_GATE_RE.search(span):
            continue
        fixed, span_changes = _repair_latin_span(span)
        if span_changes:
            pieces += [text[last:match.start()], fixed]
            last = match.end()
            changes += span_changes
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes


# ---------------------------------------------------------------- 4. misaligned GBK

# Width folding turned the full-width forms of these into ASCII; unfold before re-encoding.
_FOLDED_PUNCT = "!\"#$%&',.:;<=>?@[\\]^_`{|}~-"
_UNFOLD = str.maketrans({ch: chr(ord(ch) + 0xFEE0) for ch in _FOLDED_PUNCT})
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


def _shift_re(lost: str) -> re.Pattern:
    """The misaligned run, starting with the lost lead byte itself (the character before it is
    checked behind it), so the engine jumps between `?` at C speed instead of trying the
    look-behind at every position."""
    return re.compile(
        rf"({lost})(?<=[{HAN}{CJK_PUNCT}]{lost})"          # the lost lead byte, after Chinese
        rf"((?:[^\x00-\x7f\s\ufffd]|[{re.escape(_FOLDED_PUNCT)}]){{0,8}}?)"   # chars decoded out of step
        rf"([\x40-\x7e])"                                     # a trail byte read as ASCII: back in step
        rf"(?=[{HAN}(（])")


_SHIFT_RE = _shift_re("[?\ufffd]")
_QUESTION_SHIFT_RE = _shift_re(r"\?")                     # the same when the text has no U+FFFD
_ANNOTATION_AHEAD_RE = re.compile(rf"[(（]([a-z{_TONED}ü]{{1,7}})[)）]")
_SHIFT_MARGIN = 3.0


def _gbk_bytes(text: str) -> bytes | None:
    try:
        return text.translate(_UNFOLD).encode("gbk")
    except UnicodeEncodeError:
        return None


@functools.lru_cache(maxsize=4096)
def _readings(ch: str) -> frozenset[str]:
    """Tone-marked pinyin readings of a character (empty when pypinyin is not installed)."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:
        return frozenset()
    return frozenset(pinyin(ch, style=Style.TONE, heteronym=True)[0])


def _shift_candidates(middle: str, stray: str) -> list[str]:
    """Every decoding of (lost lead byte + middle + stray byte) that is all common characters."""
    body = _gbk_bytes(middle)
    if body is None:
        return []
    candidates = []
    for lead in range(0x81, 0xFF):
        try:
            candidate = (bytes([lead]) + body + stray.encode("ascii")).decode("gb18030")
        except UnicodeDecodeError:
            continue
        if not charmodel.NOT_COMMON_RE.search(candidate):   # all common (score >= COMMON_SCORE), at C speed
            candidates.append(candidate)
    return candidates


@functools.lru_cache(maxsize=4096)
def _shift_winner(middle: str, stray: str, annotation: str | None) -> str | None:
    """The candidate that clearly beats all others, or None.

    Cached: trying all 126 lead bytes costs ~0.3 ms, and the same damaged runs recur in every
    document of a site (the answer depends on the three arguments only)."""
    scored = []
    candidates = _shift_candidates(middle, stray)
    if len({c[-1] for c in candidates}) < 2:
        annotation = None                                 # same last character everywhere: no evidence
    for candidate in candidates:
        score = text_score(candidate)
        if annotation is not None:
            score += 10.0 if annotation in _readings(candidate[-1]) else -10.0
        scored.append((score, candidate))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < _SHIFT_MARGIN:
        return None
    return scored[0][1]


def _repair_shift(match: re.Match, text: str, changes: list[Change]) -> str:
    run = match.group(0)
    middle, stray = match.group(2), match.group(3)
    ahead = _ANNOTATION_AHEAD_RE.match(text, match.end())
    annotation = ahead.group(1) if ahead and any(ch in _TONED for ch in ahead.group(1)) else None
    damage_shown = (match.group(1) == "\ufffd" or any(charmodel.is_rare_or_worse(ch) for ch in middle))
    plausible = damage_shown or annotation is not None or (middle[:1] in _FOLDED_PUNCT and middle[:1] != "")
    if not plausible:
        return run
    winner = _shift_winner(middle, stray, annotation)
    if winner is not None and text_score(winner) > text_score(run):
        changes.append(Change("gbk_shift", "repaired", run, winner))
        return winner
    if damage_shown:
        changes.append(Change("gbk_shift", "unrecovered", run, ""))
        return ""
    return run


def fix_misaligned_gbk(text: str) -> Edit:
    """Repair GBK text decoded one byte out of step after its punctuation was width-folded.

    `教育??h教育局` -> `教育。縣教育局`: the first `?` is a lost lead byte, the
    run between it and a stray ASCII trail byte re-encodes (with `？！` unfolded)
    to bytes that, behind the right lead byte, decode to common text.  Repaired
    only when one lead byte clearly wins; dropped as `unrecovered` when the run is
    visibly damaged but no lead byte wins; left alone otherwise (`是否可行?`).
    """
    if "\ufffd" in text:
        shift = _SHIFT_RE
    elif "?" in text:
        shift = _QUESTION_SHIFT_RE
    else:
        return text, []
    if not shift.search(text):
        return text, []
    changes: list[Change] = []
    new = shift.sub(lambda m: _repair_shift(m, text, changes), text)
    return new, changes


# ---------------------------------------------------------------- 5. mojibake runs

_MOJI_CLUSTER_GAP = 4
_RUN_REACH = 8
_UTF8_AS_GBK_RE = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){2,}")
_REPLACEMENT_RUN_RE = re.compile("\ufffd\ufffd*")        # a literal first: the engine skips to it
_UTF8_SEQUENCE_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}")
_RUN_BREAK_RE = re.compile(r"[\x00-\x7f\s]")


def _gbk_bytes_lossy(text: str) -> bytes | None:
    """Bytes a GBK (cp936) decoder read as `text`; € is cp936's 0x80, U+FFFD a byte it rejected."""
    if "€" not in text and "\ufffd" not in text:
        try:
            return text.encode("gb18030")
        except UnicodeEncodeError:                        # lone surrogates
            return None
    out = bytearray()
    for ch in text:
        if ch == "€":
            out.append(0x80)
        elif ch == "\ufffd":
            out.append(0xFF)
        else:
            try:
                out += ch.encode("gb18030")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _run_candidates(span: str) -> list[str]:
    raw = _gbk_bytes_lossy(span)
    if raw is None:
        return []
    out = []
    lossy = 0xFF in raw
    if (_UTF8_AS_GBK_RE if not lossy else _UTF8_SEQUENCE_RE).search(raw):
        try:
            out.append(_REPLACEMENT_RUN_RE.sub("\ufffd", raw.decode("utf-8", "replace" if lossy else "strict")))
        except UnicodeDecodeError:
            pass
    if not lossy:
        try:
            out.append(raw.decode("big5"))
        except UnicodeDecodeError:
            pass
    return out


def _acceptable_run_fix(old: str, new: str) -> bool:
    """The re-decoding is common Chinese and the old text was not (U+FFFD left for drop_irrecoverable)."""
    body = new.replace("\ufffd", "")
    needed = 1 if body != new and counted_chars(old) >= 2 else 2
    if counted_chars(body) < needed or common_share(body) < 0.95:
        return False
    return common_share(old) <= 0.75 and _run_gain(old, new) > 0


def _run_gain(old: str, new: str) -> float:
    """How much more Chinese-like the new text is.  U+FFFD already in `old` is lost either way;
    each one the re-decoding adds costs more than a common character, so good neighbours stay."""
    added = max(0, len(_REPLACEMENT_RUN_RE.findall(new)) - len(_REPLACEMENT_RUN_RE.findall(old)))
    return (text_score(new.replace("\ufffd", "")) - text_score(old.replace("\ufffd", ""))
            + added * charmodel.INVALID_SCORE)


def _best_run_fix(segment: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Within `segment`, the sub-span around [start, end) whose re-decoding improves most."""
    best, best_gain = None, 0.0
    for i in range(max(0, start - _RUN_REACH), start + 1):
        for j in range(end, min(len(segment), end + _RUN_REACH) + 1):
            old = segment[i:j]
            if "\ufffd" in old and (charmodel.is_common(old[0]) or charmodel.is_common(old[-1])):
                continue            # lossy re-decoding would swallow good neighbours into U+FFFD
            for new in _run_candidates(old):
                if not _acceptable_run_fix(old, new):
                    continue
                gain = _run_gain(old, new)
                if gain > best_gain:
                    best, best_gain = (i, j, new), gain
    return best


def _clusters(text: str) -> list[tuple[int, int]]:
    """Groups of non-common characters lying at most a few characters apart, not across ASCII."""
    groups: list[tuple[int, int]] = []
    for match in charmodel.NOT_COMMON_RE.finditer(text):
        spot = match.start()
        if (groups and spot - groups[-1][1] <= _MOJI_CLUSTER_GAP
                and not _RUN_BREAK_RE.search(text, groups[-1][1], spot)):
            groups[-1] = (groups[-1][0], spot + 1)
        else:
            groups.append((spot, spot + 1))
    return groups


def _utf8_shaped_chars() -> frozenset[str]:
    """GBK characters a UTF-8 CJK sequence (E4-E9 lead, 80-BF continuations) turns into: every
    three characters of UTF-8-read-as-GBK contain one (lead E4-E9 with trail 80-BF, or
    trail E4-E9 behind a continuation byte)."""
    shaped = {"€", "\ufffd"}
    pairs = [(a, b) for a in range(0xE4, 0xEA) for b in range(0x80, 0xC0)]
    pairs += [(a, b) for a in range(0x81, 0xC0) for b in range(0xE4, 0xEA)]
    for pair in pairs:
        try:
            shaped.add(bytes(pair).decode("gbk"))
        except UnicodeDecodeError:
            pass
    return frozenset(shaped)


_UTF8_SHAPED = _utf8_shaped_chars()
# C-speed gate: characters that garbled runs contain and clean prose (almost) never does.
# UTF-8 read as GBK: every two CJK characters yield one uncommon lead-E4..E9 character.
# Big5 read as GBK: Big5's busiest rows A4-A5 (一, 中...) land on kana, A6-A9 on Greek,
# Cyrillic and box drawing, AA-AF and F8-F9 (的 is AABA) on private use.
_SUSPECT_RE = charmodel.class_regex(
    {ch for ch in _UTF8_SHAPED if not charmodel.is_common(ch) and (ch in "€\ufffd" or ch.encode("gbk")[0] >= 0xE4)}
    | set(map(chr, range(0x3040, 0x3100))) | set(map(chr, range(0x0370, 0x0500)))
    | set(map(chr, range(0x2500, 0x2580))) | set(map(chr, range(0xE000, 0xF900))))


def _worth_searching(segment: str, start: int, end: int) -> bool:
    """Cheap test before the sub-span search.  A lone rare character (峃, 辍) in good text is
    skipped unless UTF-8-shaped characters are near and the neighbourhood re-encodes to
    UTF-8-looking bytes; a Big5 run shows two or more non-common characters together."""
    if end - start > 1 and common_share(segment[max(0, start - 2):end + 2]) <= 0.75:
        return True
    near = segment[max(0, start - 3):end + 3]
    if not any(ch in _UTF8_SHAPED for ch in near):
        return False
    raw = _gbk_bytes_lossy(segment[max(0, start - _RUN_REACH):end + _RUN_REACH])
    return raw is not None and bool((_UTF8_SEQUENCE_RE if 0xFF in raw else _UTF8_AS_GBK_RE).search(raw))


def _run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of non-ASCII, non-space text around [start, end), at most _RUN_REACH further."""
    left = max(0, start - _RUN_REACH)
    breaks = [m.end() for m in _RUN_BREAK_RE.finditer(text, left, start)]
    left = breaks[-1] if breaks else left
    right = min(len(text), end + _RUN_REACH)
    stop = _RUN_BREAK_RE.search(text, end, right)
    return left, stop.start() if stop else right


def fix_mojibake_runs(text: str) -> Edit:
    """Repair short runs of UTF-8 (or Big5) read as GBK inside otherwise good text (`鍥藉` -> 国家).

    Runs show up as clusters of non-common characters; the sub-span that
    re-encodes (gb18030) and decodes as UTF-8 or Big5 into clearly more common
    text is replaced.  Traditional text is not suspect: its characters count as
    common through their Simplified forms.
    """
    if not charmodel.NOT_COMMON_RE.search(text):
        return text, []
    if not _SUSPECT_RE.search(text):
        return text, []
    changes: list[Change] = []
    pieces, last = [], 0
    for start, end in _clusters(text):
        if start < last:
            continue
        left, right = _run_around(text, max(start, last), end)
        left = max(left, last)
        window = text[left:right]
        if not _worth_searching(window, start - left, end - left):
            continue
        found = _best_run_fix(window, start - left, end - left)
        if found is None:
            continue
        i, j, new = found
        changes.append(Change("mojibake_runs", "repaired", window[i:j], new))
        pieces += [text[last:left + i], new]
        last = left + j
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes


# ---------------------------------------------------------------- 6. pinyin annotations

_INITIALS_FINALS = {
    "": "a o e ai ei ao ou an en ang eng er",
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u iao",
    "d": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe",
    "l": "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "q": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "zh": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "ch": "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "sh": "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    "r": "e i ao ou an en ang eng ong u ua uo ui uan un",
    "z": "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
    "c": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "s": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "y": "a e ao ou an ang i in ing ong u ue uan un o",
    "w": "a o ai ei an en ang eng u",
}


def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (~410), with ü also spelt v."""
    syllables = {initial + final for initial, finals in _INITIALS_FINALS.items() for final in finals.split()}
    syllables |= {s.replace("ü", "v") for s in syllables if "ü" in s}
    return frozenset(syllables)


PINYIN_SYLLABLES = _pinyin_syllables()
_TONE_STRIP = str.maketrans({**{ch: "aeiou"[i // 4] for i, ch in enumerate(_TONED[:20])},
                             **{ch: "ü" for ch in _TONED[20:]}})
_ANNOTATION = rf"[(（][a-z{_TONED}ü]{{1,7}}[)）]"
# A run of back-to-back `(syllable)` annotations whose first one follows a Han character, as one
# group, so that `split` gives the text between runs and the runs in one scan.  The pattern starts
# with the bracket (the Han character is checked behind it) so that the engine jumps between
# brackets; the ASCII-only variant starts with a literal, which it finds about twice as fast.
_ANNOTATION_RUN_RES = {
    bracket: re.compile(rf"({bracket}(?<=[{HAN}]{bracket})[a-z{_TONED}ü]{{1,7}}[)）](?:{_ANNOTATION})*)")
    for bracket in (r"\(", "[(（]")}
_ANNOTATION_INNER_RE = re.compile(rf"[(（]([a-z{_TONED}ü]{{1,7}})[)）]")
_TONELESS_EVIDENCE = 2          # tone-marked annotations needed before plain `(an)` counts as pinyin


@functools.lru_cache(maxsize=8192)
def _syllable_kind(inner: str) -> str | None:
    """'marked' (tone mark or ü: only pinyin looks like that), 'plain' (a bare syllable), or None."""
    toned = sum(1 for ch in inner if ch in _TONED)
    if toned > 1:
        return None
    base = inner.translate(_TONE_STRIP)
    if base not in PINYIN_SYLLABLES:
        return None
    return "marked" if toned or "ü" in inner else "plain"


# Runs are judged once and remembered (cached): the same words recur throughout a document and
# across the documents of a site.
@functools.lru_cache(maxsize=8192)
def _run_syllables(run: str) -> tuple[tuple[str, str | None], ...]:
    """(syllable, kind) of each annotation of a run."""
    return tuple((inner, _syllable_kind(inner)) for inner in _ANNOTATION_INNER_RE.findall(run))


@functools.lru_cache(maxsize=8192)
def _marked_count(run: str) -> int:
    return sum(kind == "marked" for _, kind in _run_syllables(run))


@functools.lru_cache(maxsize=8192)
def _run_removal(run: str, allow_plain: bool) -> tuple[str, Change | None]:
    """(what stays of a run, the Change for what goes): the leading annotations go up to the first
    one that is not pinyin (a bare syllable counts when the text shows tone-marked ones, never a
    single letter)."""
    length = 0
    for inner, kind in _run_syllables(run):
        plain_ok = kind == "plain" and allow_plain and len(inner) > 1
        if kind != "marked" and not plain_ok:
            break
        length += len(inner) + 2
    return run[length:], (Change("pinyin", "removed", run[:length], "") if length else None)


def strip_pinyin(text: str) -> Edit:
    """Remove pinyin annotations after Han characters (`繼續(xù)` -> `繼續`).

    An annotation must follow a Han character and hold one real syllable with a
    tone mark; bare syllables such as `(an)` or `(da)` count only when the text
    already shows the pattern with tone marks elsewhere, and never single letters,
    so `(a)`, `(一)`, `(2023)`, `(kg)`, `(App)` stay.
    """
    if "（" in text:
        pieces = _ANNOTATION_RUN_RES["[(（]"].split(text)
    elif "(" in text:
        pieces = _ANNOTATION_RUN_RES[r"\("].split(text)
    else:
        return text, []
    if len(pieces) == 1:
        return text, []
    runs = pieces[1::2]
    allow_plain = sum(map(_marked_count, runs)) >= _TONELESS_EVIDENCE
    removals = [_run_removal(run, allow_plain) for run in runs]
    changes = [change for _, change in removals if change is not None]
    if not changes:
        return text, []
    pieces[1::2] = [kept for kept, _ in removals]
    return "".join(pieces), changes


# ---------------------------------------------------------------- 7. irrecoverable damage

_GARBAGE_RE = re.compile("\ufffd+|(?:[锟錕]斤拷)+[锟錕]?|[烫燙]{3,}|屯{3,}")
_GARBAGE_START_RE = re.compile("[\ufffd锟錕烫燙屯]")     # a one-class search is ~4x faster than the alternation


def drop_irrecoverable(text: str) -> Edit:
    """Drop what no repair can bring back: U+FFFD runs and 锟斤拷/烫烫烫/屯屯屯 runs.

    Reported as `unrecovered` with the dropped text as `before`, so the pipeline
    can count unrecovered characters.
    """
    if not ("\ufffd" in text or "拷" in text or "烫" in text or "燙" in text or "屯" in text):
        return text, []                                   # one-character `in` is the fastest check
    changes: list[Change] = []
    while True:                                           # `烫烫\ufffd烫`: a drop can join a new run
        text, dropped = _drop_garbage_once(text)
        changes += dropped
        if not dropped:
            return text, changes


def _drop_garbage_once(text: str) -> Edit:
    changes: list[Change] = []
    pieces, last = [], 0
    for start in _GARBAGE_START_RE.finditer(text):
        if start.start() < last:
            continue
        match = _GARBAGE_RE.match(text, start.start())
        if match:
            changes.append(Change("irrecoverable", "unrecovered", match.group(0), ""))
            pieces.append(text[last:match.start()])
            last = match.end()
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes


# ---------------------------------------------------------------- what each step needs

# For each step, the characters without which it has nothing to do (its own first check, or a
# superset of it): the pipeline looks for all of them in one pass (`charmodel.CharClasses`) and
# skips the steps whose characters are absent, instead of running seven gates over the text.
NEEDS: dict[str, re.Pattern] = {
    "strip_html_residue": re.compile("[<&]"),
    "strip_control_chars": _CONTROL_GATE_RE,
    "fix_whole_text_mojibake": _LATIN1_RE,
    "fix_misaligned_gbk": re.compile("[?\ufffd]"),
    "fix_mojibake_runs": _SUSPECT_RE,
    "strip_pinyin": re.compile("[(（]"),
    "drop_irrecoverable": re.compile("[\ufffd拷烫燙屯]"),
}
