"""Flag an article whose text only points to its attachment (详见附件): not a document of its own.

On government sites a notice often says no more than 「现将《…》印发给你们……详见附件」; the report is
the attachment, which the crawler fetches and keeps as its own document.  The article is
flagged `rejected` (recorded in rejects.jsonl, not stored) when it names an attachment
(`pointer_phrases`) and, without its attachment lines, is at most `attachment_only_max_chars`
characters long (`_gov.toml` [attachments]).
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners import profiles
from cleaners.document import Change, Edit

STEP = "attachment_only"


@lru_cache(maxsize=1)
def rules() -> tuple[tuple[str, ...], re.Pattern, int]:
    found = profiles.get("_gov").extra.get("attachments", {})
    return (tuple(found.get("pointer_phrases", ())), re.compile(found.get("attachment_line", r"^\s*附件"), re.I),
            int(found.get("attachment_only_max_chars", 150)))


def step(text: str) -> Edit:
    phrases, attachment_line, max_chars = rules()
    # Length first: a document's first lines are over the limit already, where each phrase
    # would be searched for through the whole text.
    chars = _chars_besides_attachments(text, attachment_line, stop_above=max_chars)
    if chars > max_chars or not any(phrase in text for phrase in phrases):
        return text, []
    return text, [Change(STEP, "flag", "rejected", "attachment only"),
                  Change(STEP, "flag", "reject_detail", f"{chars} characters besides the attachment lines; "
                                                        "the attachment is kept as its own document")]


def _chars_besides_attachments(text: str, attachment_line: re.Pattern, stop_above: int) -> int:
    """Non-space characters of the lines that are not attachment lines, counted line by line
    until they pass `stop_above` (the count so far is then returned)."""
    chars, start = 0, 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not attachment_line.match(line):
            chars += len("".join(line.split()))
            if chars > stop_above:
                break
        start = end + 1
    return chars
