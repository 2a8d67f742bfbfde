"""strip_control_chars: controls, zero-width characters and odd line breaks (Change step `control_chars`)."""
from __future__ import annotations

import re
from collections import Counter

from cleaners.document import Change, Edit
from cleaners.steps.repair.charsets import DELETED_CONTROLS

# C1 controls and soft hyphens next to other U+0080-00FF characters are GBK/UTF-8
# bytes read as latin-1 (fix_whole_text_mojibake needs them); alone they are junk.
_DROP_CONTROL_RE = re.compile(f"[{DELETED_CONTROLS}\ud800-\udfff]")
_C1_RE = re.compile("[\x80-\x9f\xad]")
_LONE_C1_RE = re.compile("(?<![\x80-\xff])[\x80-\x9f\xad](?![\x80-\xff])")
_NEWLINE_RE = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
# Every character the step changes: its gate, and what the pipeline looks for (repair.NEEDS).
CONTROL_GATE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200d\u2060\ufeff\ud800-\udfff\u2028\u2029]")


def strip_control_chars(text: str) -> Edit:
    """Drop zero-width and control characters, soft hyphens and lone surrogates; unify line breaks.

    \\r\\n and lone \\r become \\n, as do form feeds (page breaks) and vertical tabs.
    """
    if not CONTROL_GATE_RE.search(text):
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

