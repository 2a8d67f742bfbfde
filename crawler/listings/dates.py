"""Listed dates: from the row's text or from the article's URL, as YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt

from crawler.listings import rules

CHINA = dt.timezone(dt.timedelta(hours=8))


def normal(y: str | int | None, m: str | int, d: str | int) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat() if y else None
    except ValueError:
        return None


def in_text(text: str) -> str | None:
    for pattern in rules.patterns("listing", "date_patterns"):
        for m in pattern.finditer(text):
            found = normal(m.groupdict().get("y"), m.group("m"), m.group("d"))
            if found:
                return found
    return None


def in_url(url: str) -> str | None:
    for pattern in rules.patterns("listing", "url_date_patterns"):
        m = pattern.search(url)
        if m:
            found = normal(m.group("y"), m.group("m"), m.group("d"))
            if found:
                return found
    return None


def of_value(value) -> str | None:
    """A JSON field's date: a unix timestamp (China time) or a date string."""
    if isinstance(value, (int, float)) and value > 0:
        seconds = value / 1000 if value > 10_000_000_000 else value
        return dt.datetime.fromtimestamp(seconds, CHINA).date().isoformat()
    return in_text(str(value)) if value else None
