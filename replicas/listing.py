"""Search-result and category-listing pages: pagination logic shared by the families.

Each family renders its own markup around the `ListPage` computed here, so the
HTML keeps the family's look while paging behaves identically everywhere:
`per_page` items per page, 1-based page numbers, a 下一页 link until the last
page, and a 404 for a page number past the end.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


@dataclass
class ListPage:
    items: list
    page: int
    pages: int

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def page_of(items: Sequence[T], page: int, per_page: int) -> ListPage | None:
    """The `page`-th slice of `items`, or None when the page does not exist."""
    pages = max(1, -(-len(items) // per_page))
    if page < 1 or page > pages:
        return None
    return ListPage(list(items[(page - 1) * per_page: page * per_page]), page, pages)


def pager_html(lp: ListPage, url_for: Callable[[int], str], cls: str = "page") -> str:
    """上一页 / numbered / 下一页 links, the way Chinese CMS pagers look."""
    from .base import esc

    parts = [f'<div class="{cls}">']
    if lp.has_prev:
        parts.append(f'<a href="{esc(url_for(lp.page - 1))}" class="prev">上一页</a>')
    for n in range(1, lp.pages + 1):
        if n == lp.page:
            parts.append(f'<span class="current">{n}</span>')
        else:
            parts.append(f'<a href="{esc(url_for(n))}">{n}</a>')
    if lp.has_next:
        parts.append(f'<a href="{esc(url_for(lp.page + 1))}" class="next">下一页</a>')
    parts.append(f'<span class="total">共{lp.pages}页</span></div>')
    return "".join(parts)


def int_param(value: str | None, default: int = 1) -> int | None:
    """Parse a page number; None when it is not a positive integer (-> 404)."""
    if value is None or value == "":
        return default
    return int(value) if value.isdigit() else None
