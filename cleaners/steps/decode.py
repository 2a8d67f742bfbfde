"""Bytes -> str, deciding the encoding from the bytes themselves.

Order of trust: BOM, declared charset (HTTP header and a lenient `<meta>` scan,
checked against the bytes, since headers lie), strict UTF-8, strict gb18030,
charset-normalizer restricted to the encodings that occur on these sites, and
last gb18030 with replacement.  gb2312/gbk are always widened to gb18030 (a
superset), as w3lib does.  Never raises; counts replacement characters.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
         "ms936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "gb_2312-80": "gb18030",
         "zh_cn": "gb18030", "big5-hkscs": "big5hkscs", "x-euc-tw": "big5", "utf8": "utf-8",
         "unicode": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
         "us-ascii": "utf-8", "ascii": "utf-8"}
DETECTABLE = ["utf_8", "gb18030", "big5", "utf_16"]
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Lenient: `http-equiv`, `httpequiv`, `content="text/html; charset=gbk"`, `charset='gb2312'`...
META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_\-]{2,20})", re.I)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-]+)", re.I)
SAMPLE_BYTES = 8192
# Well-formed UTF-8 multi-byte sequences: GBK bytes form few of them by chance.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
HIGH_BYTE = re.compile(rb"[\x80-\xff]")
UTF8_MIN_SEQUENCES = 8          # ... below this a few stray bytes could be anything
UTF8_MIN_SHARE = 0.95           # share of the high bytes inside well-formed sequences
# What Big5 bytes turn into when read as GB18030: kana, Greek, Cyrillic, box drawing,
# private use (GB2312 rows 4-9 and GBK's user areas sit where Big5 keeps common hanzi).
BIG5_AS_GB = re.compile("[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff]")
NON_ASCII = re.compile("[^\x00-\x7f]")
BIG5_AS_GB_SHARE = 0.05


@dataclass(frozen=True)
class DecodeInfo:
    encoding: str
    source: str          # bom | declared | utf-8 | gb18030 | detector | fallback
    replacements: int = 0
    declared: str | None = None


def normalise_label(label: str | None) -> str | None:
    """A codec name Python knows, with the GB family widened to gb18030; None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = WIDEN.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return WIDEN.get(name, name)


def declared_charsets(data: bytes, content_type: str | None) -> list[str]:
    """Charsets the page claims, header first, then `<meta>` in the first 4 KB."""
    found = []
    if content_type:
        m = HEADER_CHARSET.search(content_type)
        if m:
            found.append(m.group(1))
    m = META_CHARSET.search(data[:4096])
    if m:
        found.append(m.group(1).decode("ascii", "replace"))
    return [n for n in (normalise_label(x) for x in found) if n]


def ascii_aligned_sample(data: bytes, size: int = SAMPLE_BYTES) -> bytes:
    """About `size` bytes, cut just before an ASCII byte so no 2-byte character is split
    (cutting mid-character made charset-normalizer give up on 88/200 GBK pages)."""
    if len(data) <= size:
        return data
    for cut in (data.rfind(b"<", 0, size), *(_last_ascii(data, size),)):
        if cut > 0:
            return data[:cut]
    return data


def _last_ascii(data: bytes, size: int) -> int:
    for cut in range(size, 0, -1):
        if data[cut] < 0x40:  # below every GBK trail byte (0x40-0xFE)
            return cut
    for cut in range(size, len(data)):
        if data[cut] < 0x40:  # below every GBK trail byte (0x40-0xFE)
            return cut
    return -1


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, content_type: str | None = None) -> tuple[str, DecodeInfo]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            return text, DecodeInfo(encoding, "bom", text.count("\ufffd"))
    declared = declared_charsets(data, content_type)
    first = declared[0] if declared else None
    # Valid UTF-8 with non-ASCII bytes is near-proof (GBK text almost never is), and it must
    # come first: gb18030 happily "decodes" UTF-8 bytes into mojibake when a header says gbk.
    text = _strict(data, "utf-8")
    if text is not None:
        return text, DecodeInfo("utf-8", "declared" if first == "utf-8" else "utf-8", 0, first)
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        return text, DecodeInfo("utf-8", "utf-8", text.count("\ufffd"), first)
    # A declaration is believed only when the bytes decode cleanly under it: headers lie.
    # cp1252 is never believed for non-UTF-8 bytes (that is how GBK turns into ÖÐÎÄ).
    for encoding in declared:
        if encoding in ("cp1252", "utf-8"):
            continue
        text = _strict(data, encoding)
        if text is not None:
            if encoding == "gb18030" and _big5_read_as_gb(text):
                break
            return text, DecodeInfo(encoding, "declared", 0, first)
    text = _strict(data, "gb18030")
    if text is not None and not _big5_read_as_gb(text):
        return text, DecodeInfo("gb18030", "gb18030", 0, first)
    big5 = _strict(data, "big5")
    if big5 is not None and (text is None or _odd_share(big5) < _odd_share(text)):
        return big5, DecodeInfo("big5", "big5", 0, first)
    if text is not None:
        return text, DecodeInfo("gb18030", "gb18030", 0, first)
    guess = _detect(data)
    encoding = guess or "gb18030"
    text = data.decode(encoding, errors="replace")
    return text, DecodeInfo(encoding, "detector" if guess else "fallback", text.count("\ufffd"), first)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a truncated upload, one bad copy-paste): the bytes are
    overwhelmingly well-formed sequences, which GBK text almost never is."""
    sequences = UTF8_SEQUENCE.findall(data)
    if len(sequences) < UTF8_MIN_SEQUENCES:
        return False
    inside = sum(map(len, sequences))
    return inside >= UTF8_MIN_SHARE * len(HIGH_BYTE.findall(data))


def _odd_share(text: str) -> float:
    """Share of the non-ASCII characters that Chinese prose hardly has (see BIG5_AS_GB)."""
    non_ascii = len(NON_ASCII.findall(text))
    return len(BIG5_AS_GB.findall(text)) / non_ascii if non_ascii else 0.0


def _big5_read_as_gb(text: str) -> bool:
    return _odd_share(text) > BIG5_AS_GB_SHARE


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared in requirements
        return None
    best = from_bytes(ascii_aligned_sample(data), cp_isolation=DETECTABLE).best()
    return normalise_label(best.encoding) if best else None
