"""GBK byte-shift damage made the way the damaged sites made it, from real GBK byte arithmetic.

The page's GBK bytes are read correctly up to a character PREV; from PREV's trail byte on the
decoder is one byte out of step.  The character it forms from PREV's trail byte and the next
lead byte shows as `?` (on an annotating site followed by that character's reading and a `)`,
its `(` gone with it); each later pair is decoded as GBK (a rejected pair as one `?`, both
bytes lost; full-width ASCII folded to ASCII) until an ASCII byte stands where a lead byte
should: it is read as itself and the decoder is back in step.
"""
from __future__ import annotations

from pypinyin import Style, pinyin

from cleaners.chars.t2s import convert_alone


def _fold(ch: str) -> str:
    return chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch


def _pair(raw: bytes) -> str:
    try:
        ch = raw.decode("gbk")
    except UnicodeDecodeError:
        return "?"
    return _fold(ch) if len(ch) == 1 else "?"


def shifted_char(text: str, at: int) -> str:
    """The character the decoder forms from text[at - 1]'s trail byte and text[at]'s lead byte."""
    return _pair(text[at - 1].encode("gbk")[1:] + text[at].encode("gbk")[:1])


def shift_damage(text: str, at: int, annotate: bool = True) -> str:
    """`text` as a site shows it when decoding lost step right after text[at - 1] (a Han
    character: two GBK bytes).  With `annotate`, the shifted character is shown with its
    reading when it is a Traditional form (what the annotating sites annotate)."""
    before, raw = text[:at], text[at:].encode("gbk")
    prev_trail = text[at - 1].encode("gbk")[1:]
    shifted = _pair(prev_trail + raw[:1])
    out = ["?"]
    if annotate and shifted != "?" and convert_alone("t2s", shifted)[0] != shifted:
        out.append(pinyin(shifted, style=Style.TONE)[0][0] + ")")
    j = 1
    while j < len(raw):
        if raw[j] < 0x80:
            return before + "".join(out) + raw[j:].decode("gbk")
        out.append(_pair(raw[j:j + 2]))
        j += 2
    return before + "".join(out)
