"""What the listing readers return."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """One listed article: its URL, its title as listed, its listed date (YYYY-MM-DD or None)."""

    url: str
    title: str = ""
    date: str | None = None


@dataclass(frozen=True)
class PageRequest:
    """The next page of a listing (or a column's first page), and what reading it needs."""

    url: str
    method: str = "GET"
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    state: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass
class ListingPage:
    entries: list[Entry]
    next: PageRequest | None = None
    columns: list[PageRequest] = field(default_factory=list)
