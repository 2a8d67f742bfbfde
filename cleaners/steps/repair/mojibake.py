"""fix_whole_text_mojibake: Chinese bytes decoded as latin-1/cp1252 (Change step `mojibake`)."""
from __future__ import annotations

import re

from cleaners.chars import charmodel, width
from cleaners.chars.charmodel import common_share, counted_chars, text_score
from cleaners.document import Change, Edit
from cleaners.steps.repair.charsets import ANNOTATION_RE

# cp1252's characters for bytes 0x80-0x9F; undefined bytes come through as C1 controls.
_CP1252_SPECIALS = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0))
_TO_BYTE_CHARS = str.maketrans({bytes([b]).decode("cp1252"): chr(b)
                                for b in range(0x80, 0xA0) if bytes([b]).decode("cp1252", "ignore")})
_HIGH = f"\x80-\xff{re.escape(_CP1252_SPECIALS)}"
# Two "byte" characters in a row, one of them a real latin-1 letter: not “” or ——, nor the
# no-break spaces of an `&nbsp;&nbsp;` indent (the repair runs before the space fold).
_MOJI_GATE_RE = re.compile(f"[\xa1-\xff][{_HIGH}]|[\x80-\x9f{re.escape(_CP1252_SPECIALS)}][\xa1-\xff]")
# The same pairs, found by their latin-1 letter (rare in Chinese text; cp1252's “”…— are not).
_MOJI_PAIR_RE = re.compile(f"[\xa1-\xff](?:(?=[{_HIGH}])|(?<=[\x80-\x9f{re.escape(_CP1252_SPECIALS)}][\xa1-\xff]))")
# Every mojibake pair holds a latin-1 letter (a no-break space alone is none): what the pipeline
# looks for (repair.NEEDS).
LATIN1_RE = re.compile("[\xa1-\xff]")
# Ideographic spaces (full-width layout) may sit between the pieces of one garbled line.
_LATIN_SPAN_RE = re.compile(f"[\x20-\x7e{_HIGH}][\x20-\x7e\u3000{_HIGH}]*")
_IDEOGRAPHIC_SPACES_RE = re.compile("(\u3000\u3000*)")     # a literal first: the engine skips to it
_HIGH_RUN_RE = re.compile(f"[{_HIGH}]{{2,}}[\x40-\x7e]?")
_COUNTED_RUN_RE = re.compile(r"[^\x00-\x7f\s]{2,}")
_GLUED_TO_LATIN_RE = re.compile(r"[A-Za-z][^\x00-\x7f\s]|[^\x00-\x7f\s][A-Za-z]")
_WHOLE_TEXT_CODECS = ("gb18030", "utf-8", "big5")
_HAN_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_UTF8_SEQUENCES_MIN = 3          # a 3-byte sequence shortens the span by 2, a 2-byte one by 1
_UTF8_COMMON_MIN = 0.5
_PAGE_EVIDENCE = 12               # characters re-decoded in one codec before the rest are read in it
_LEFT_COMMON_MIN = 0.5
_LEAD_BYTE = f"[\x81-\xfe{re.escape(_CP1252_SPECIALS)}]"
# A double-byte character whose trail byte is ASCII (Big5's 三 A4 54 read as `¤T`, 、 A1 42 `¡B`):
# no latin-1 pair shows it.
_LEAD_AND_ASCII_TRAIL_RE = re.compile(f"{_LEAD_BYTE}[\x40-\x7e]")
_GB18030_FOUR_RE = re.compile(f"{_LEAD_BYTE}[0-9]{_LEAD_BYTE}[0-9]")
# On a GB18030 page, runs take in its four-byte sequences (`•` 81 36 A6 31, `¥`, `©`: `\x816¦1`).
_GB18030_RUN_RE = re.compile(f"(?:{_GB18030_FOUR_RE.pattern}|[{_HIGH}]){{2,}}[\x40-\x7e]?")


def _as_bytes(span: str) -> bytes | None:
    """The bytes a cp1252 (or latin-1) decoder turned into `span`."""
    try:
        return span.translate(_TO_BYTE_CHARS).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _holds_invalid(text: str) -> bool:
    return any(charmodel.char_score(ch) <= charmodel.INVALID_SCORE for ch in text)


def _without_annotations(candidate: str) -> str:
    """A decoding with its pinyin annotations out, for judging it: GBK has their toned letters
    (`實(shí)驗(yàn)` read as latin-1 holds `(sh¨ª)`), which count against the common share."""
    return ANNOTATION_RE.sub("", candidate) if "(" in candidate else candidate


def _good_decoding(candidate: str) -> bool:
    """A decoding is believable when it is nearly all common Chinese and has no invalid characters."""
    counted = counted_chars(candidate)
    if counted < 2 or _holds_invalid(candidate):
        return False
    share = common_share(candidate)
    return share >= 0.9 or (counted >= 10 and share >= 0.8)


def _strict_utf8(candidate: str, span: str) -> bool:
    """A strict UTF-8 decoding of several multi-byte sequences, believed for that alone: Western
    text read as latin-1 (`Größe`, `30°C`) is not valid UTF-8 (a lead byte, Ã Â ä ..., must be
    followed by continuation bytes, C1 controls and ¡-¿, each time), nor, over several
    characters, is GBK or Big5 read so.  Its Chinese need not be common (粤ICP备), nor the
    symbols and letters beside it (`▶ 首页 › 中学教育`, `校长(zhǎng)`, `■d◇`)."""
    if len(span) - len(candidate) < 2 * _UTF8_SEQUENCES_MIN:
        return False
    if _holds_invalid(candidate):
        return False
    han = "".join(_HAN_RE.findall(candidate))
    return not han or common_share(han) >= _UTF8_COMMON_MIN


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


def _redecode_latin(span: str, codecs: tuple[str, ...] = _WHOLE_TEXT_CODECS) -> str | None:
    """Best re-decoding of a latin-1/cp1252 span as gb18030, utf-8 or big5, or None."""
    pieces = _IDEOGRAPHIC_SPACES_RE.split(span)
    utf8 = _decode_pieces(pieces, "utf-8") if "utf-8" in codecs else None
    if utf8 is not None and utf8 != span and _strict_utf8(utf8, span):
        return utf8
    best, best_key = None, None
    for codec in codecs:
        candidate = _decode_pieces(pieces, codec)
        if candidate is None or candidate == span:
            continue
        judged = _without_annotations(candidate)
        if not _good_decoding(judged) or not _reads_as_chinese(judged):
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
    # Imported here, not at the top: ftfy adds ~65 ms to `import cleaners.pipeline` (~275 ms;
    # median of 7 runs), paid by every CLI run and crawl, and only UTF-8 mojibake reaches it.
    import ftfy
    from ftfy.badness import is_bad

    if not (is_bad(span) and _looks_like_utf8_mojibake(span)):
        return None
    try:
        fixed = ftfy.fix_encoding(span)
    except Exception:                                     # ftfy must never take the pipeline down
        return None
    return fixed if fixed != span else None


def _repair_latin_span(span: str, codecs: tuple[str, ...], page_codec: str | None) -> tuple[str, list[Change]]:
    """The span re-decoded whole, or else its runs of byte characters one by one, or else by
    ftfy; with the page's codec known, what is not clearly Chinese is read in it when believable."""
    fixed = _redecode_latin(span, codecs)
    if fixed is not None:
        return fixed, [Change("mojibake", "repaired", span, fixed)]
    if page_codec is not None:
        fixed, changes = _believable_in(span, page_codec)
        if changes:
            return fixed, changes
    changes = []

    def run(match: re.Match) -> str:
        piece = match.group(0)
        if len(piece) > 2 and piece[-1] < "\x80" and (len(piece) - 1) % 2 == 0:
            piece = piece[:-1]                             # an even byte run needs no ASCII trail byte
        repaired = _redecode_latin(piece, codecs)
        if repaired is None and page_codec is not None:
            repaired, believed = _believable_in(piece, page_codec)
            repaired = repaired if believed else None
        if repaired is None:
            return match.group(0)
        changes.append(Change("mojibake", "repaired", piece, repaired))
        return repaired + match.group(0)[len(piece):]

    partly = (_GB18030_RUN_RE if page_codec == "gb18030" else _HIGH_RUN_RE).sub(run, span)
    if changes:
        return partly, changes
    fixed = _ftfy_fix(span) if "utf-8" in codecs else None
    if fixed is not None:
        return fixed, [Change("mojibake", "repaired", span, fixed)]
    return span, []


def fix_whole_text_mojibake(text: str) -> Edit:
    """Undo Chinese bytes decoded as latin-1/cp1252 (`ÖÐÎÄ` -> 中文, `æ•™è‚²` -> 教育).

    Each run of latin-1-range text is turned back into bytes (cp1252 first: it
    is Scrapy's fallback) and decoded as gb18030, utf-8 and big5; the candidate
    that is clearly common Chinese wins.  Only what is still UTF-8-shaped
    mojibake afterwards goes to ftfy, never GB text.

    A page whose text was read so throughout shows it: once `_PAGE_EVIDENCE` characters (in
    one span or several) came back in one codec, the page is read again in that codec alone
    (a short piece read in another, `ÂsÄý¼Æ` as GBK 凝计 on a Big5 page, is no longer a
    candidate), and what is left is read in it too when that is believable (`ä¯ÀÀ´ÎÊý` ->
    浏览次数: 浏 is not among the common characters, and four are too few).
    """
    if not _MOJI_PAIR_RE.search(text):
        return text, []
    fixed, changes = _repair_latin_spans(text)
    codec = _page_codec(changes)
    if codec is None:
        return fixed, changes
    return _repair_latin_spans(text, (codec,), page_codec=codec)


def _page_codec(changes: list[Change]) -> str | None:
    """The codec that re-decoded at least `_PAGE_EVIDENCE` counted characters, if one did."""
    counts: dict[str, int] = {}
    for change in changes:
        raw = _as_bytes(change.before)
        for codec in _WHOLE_TEXT_CODECS:
            try:
                if raw is not None and raw.decode(codec) == change.after:
                    counts[codec] = counts.get(codec, 0) + counted_chars(change.after)
                    break
            except UnicodeDecodeError:
                continue
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] >= _PAGE_EVIDENCE else None


def _believable_in(span: str, codec: str) -> tuple[str, list[Change]]:
    """A span the repairs left, read in the page's codec when the reading is valid and
    believable (`_reads_in_page_codec`)."""
    candidate = _decode_pieces(_IDEOGRAPHIC_SPACES_RE.split(span), codec)
    if candidate is None or candidate == span:
        return span, []
    # A GB18030 four-byte sequence (`©` 81 30 84 38, read as `\x810\x848`) is nothing else on a
    # GB18030 page (a GBK trail byte is never a digit): the symbol or emoji it gives is not held
    # against the reading.
    forgiven = len(_GB18030_FOUR_RE.findall(span)) if codec == "gb18030" else 0
    if not _reads_in_page_codec(candidate, codec, forgiven):
        return span, []
    return candidate, [Change("mojibake", "repaired", span, candidate)]


def _reads_in_page_codec(candidate: str, codec: str, forgiven: int = 0) -> bool:
    """Believable once the page has shown its codec: no invalid character, and at least half of
    what it counts usual (common Chinese; on a GB page anything GB2312 has, 丨 as a separator),
    full-width forms read as the ASCII they stand for (`Ｍ．ＧＷ１２３`, GBK's row
    A3), pinyin annotations not judged, `forgiven` unusual characters not counted."""
    if _holds_invalid(candidate):
        return False
    judged = _without_annotations(candidate)
    judged = judged.translate(width.FORMS_TO_ASCII)
    counted = counted_chars(judged)
    if not counted:
        return judged != candidate
    unusual = sum(1 for ch in judged if charmodel.is_rare_or_worse(ch) and not (codec == "gb18030" and _in_gb2312(ch)))
    return max(0, unusual - forgiven) <= counted * (1 - _LEFT_COMMON_MIN)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _repair_latin_spans(text: str, codecs: tuple[str, ...] = _WHOLE_TEXT_CODECS,
                        page_codec: str | None = None) -> Edit:
    """Every latin-1-range span that looks like mojibake, repaired until it no longer changes.

    A span repaired piece by piece can leave a rest that is repairable on its own
    (`Â\\x800½ÌÓý¾Ö` -> `Â\\x800教育局`, whose `Â\\x80` ftfy reads as €), so a repaired span is
    searched again, and a second run of the step finds nothing.  Only the repaired span: the
    spans around it are cut off by the same non-latin characters as before, unchanged.
    With the page's codec known, what the repairs leave is read in it when believable, and so
    is a span whose only sign is a double-byte character with an ASCII trail byte (`¤T` 三).
    The search again is not told the codec: a repaired span may hold latin-1 characters of the
    page's own (`··`), which are no bytes.
    """
    changes: list[Change] = []
    pieces, last = [], 0
    for match in _LATIN_SPAN_RE.finditer(text):
        span = match.group(0)
        if not (_MOJI_GATE_RE.search(span)
                or page_codec not in (None, "utf-8") and _LEAD_AND_ASCII_TRAIL_RE.search(span)
                or page_codec == "gb18030" and _GB18030_FOUR_RE.search(span)):
            continue
        fixed, span_changes = _repair_latin_span(span, codecs, page_codec)
        if not span_changes:
            continue
        # A re-decoding turns bytes into fewer characters, so the search ends; a repair that
        # does not shorten the span (ftfy's need not) is not searched again.
        if len(fixed) < len(span):
            fixed, more = _repair_latin_spans(fixed, codecs)
            span_changes += more
        pieces += [text[last:match.start()], fixed]
        last = match.end()
        changes += span_changes
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes
