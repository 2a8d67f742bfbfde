"""Text endpoints behind "继续阅读" buttons: JSON or JSONP payloads with one page of text.

Some sites (book118) load further preview pages through a public endpoint that
answers `callback({"status":200,"page":n,"text":"…"})`, or a refusal without
text once the anonymous preview ends.  The spider needs to know whether a page
came back (to stop paging); the item pipeline needs its text.
"""
from __future__ import annotations

import json
import re

from cleaners.steps.decode import decode_bytes

JSONP = re.compile(r"^\s*[\w.$]+\s*\((.*)\)\s*;?\s*$", re.S)


def is_endpoint_payload(content_type: str | None) -> bool:
    content_type = (content_type or "").lower()
    return "javascript" in content_type or "json" in content_type


def endpoint_text(body: bytes, key: str = "text") -> str | None:
    """The text field of a JSON or JSONP payload, None when it carries none (a refusal)."""
    raw, _ = decode_bytes(body, "application/json; charset=utf-8")
    m = JSONP.match(raw)
    try:
        payload = json.loads(m.group(1) if m else raw)
    except ValueError:
        return None
    value = payload.get(key) if isinstance(payload, dict) else None
    if value is None and isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        value = payload["data"].get(key)
    return value if isinstance(value, str) and value.strip() else None


