"""How a family declares a document: which report, how many pages, how much is served.

The served text and the expected clean text are both computed from a `DocDef`,
so "partial" means the same thing in the HTML and in `expected/`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .textlib import Content, expected_text, load_content, paginate, traditional_roundtrip


@dataclass(frozen=True)
class DocDef:
    id: str
    slug: str                 # content/<slug>.txt
    page_count: int           # what the page claims (页数 / 共M页 / og:document:page)
    served: int | None = None  # pages whose text the replica serves; None = all
    date: str = "2024-01-05 09:12"
    title_prefix: str = ""    # e.g. "VIP" on book118
    traditional: bool = False

    @property
    def content(self) -> Content:
        return load_content(self.slug)

    @property
    def title(self) -> str:
        return self.content.title

    @property
    def pages_served(self) -> int:
        return self.page_count if self.served is None else self.served

    @property
    def partial(self) -> bool:
        return self.pages_served < self.page_count

    def pages(self) -> list[str]:
        """All `page_count` pages of the body (Simplified)."""
        return paginate(self.content.body, self.page_count)

    def served_body(self) -> str:
        """Body text of the pages the replica actually serves (Simplified)."""
        return "".join(self.pages()[: self.pages_served])

    def expected(self) -> str:
        """Expected clean text: Simplified, title line, blank line, served body."""
        title, body = self.title, self.served_body()
        if self.traditional:
            title, body = traditional_roundtrip(title), traditional_roundtrip(body)
        return expected_text(title, body)


def size_label(text: str) -> str:
    """A plausible 大小 value for a DOCX of this text."""
    kb = 12 + len(text.encode("utf-8")) / 1024 * 1.7
    return f"{kb:.2f}KB"
