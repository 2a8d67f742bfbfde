"""strip_html_residue: HTML tags and entities left in extracted text (Change step `html_residue`)."""
from __future__ import annotations

import html
import re

from cleaners.document import Change, Edit
from cleaners.steps.repair.charsets import DELETED_CONTROLS

_BLOCK_TAGS = ("p|br|div|li|ul|ol|tr|table|tbody|thead|tfoot|caption|h[1-6]|hr|section|article|header|footer|nav"
               "|aside|main|blockquote|pre|dl|dt|dd|center|form|title|body|html|head")
_INLINE_TAGS = ("span|b|i|u|s|em|strong|font|a|img|sup|sub|small|big|strike|label|td|th|code|abbr|ins|del|mark"
                "|tt|q|cite|o:p|input|button|select|option|textarea|iframe|meta|link|col|colgroup|wbr|nobr")
# Attributes only in name=value form, so that `a<b and c>d` in a formula is not a tag.
_ATTRS = r"""(?:\s+[a-zA-Z_:][-\w:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))*"""
# Characters later steps delete (controls, zero-width, U+FFFD): a tag split by them would
# reappear once they are gone, so it is a tag already.
_JUNK = f"[{DELETED_CONTROLS}\ufffd]*"
_TAG_RE = re.compile(
    rf"<(script|style)\b{_ATTRS}\s*>.*?</\1\s*>"          # script/style: drop with content
    rf"|<!--.*?-->"                                       # comments
    rf"|<{_JUNK}(/?){_JUNK}({_BLOCK_TAGS}|{_INLINE_TAGS})\b{_ATTRS}\s*/?{_JUNK}>",
    re.IGNORECASE | re.DOTALL)
_BLOCK_NAME_RE = re.compile(rf"(?:{_BLOCK_TAGS})\Z", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[a-zA-Z][a-zA-Z0-9]{1,31};|nbsp(?![a-zA-Z0-9;]))")
_HTML_GATE_RE = re.compile(f"<[a-zA-Z/!{DELETED_CONTROLS}\ufffd]|&[#a-zA-Z]")


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

