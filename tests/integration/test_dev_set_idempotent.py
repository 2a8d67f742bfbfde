"""Cleaning is idempotent on real pages: every page of the real-text dev set (../shared/real/text),
cleaned, then its rendered output cleaned again as text, comes out unchanged (the generated
documents of tests/unit/test_properties.py miss the layouts real sites have)."""
import pytest

from conftest import SHARED
from cleaners import Document, clean

RAW = SHARED / "real" / "text" / "raw"


def _pages() -> list[tuple[str, str, str]]:
    """(id, url, text) of each raw page: line 1 `URL: <url>`, a blank line, then the page text."""
    pages = []
    for path in sorted(RAW.glob("*.txt")):
        first, _, rest = path.read_text(encoding="utf-8").partition("\n")
        pages.append((path.stem, first.removeprefix("URL:").strip(), rest.removeprefix("\n")))
    return pages


@pytest.mark.skipif(not RAW.is_dir(), reason="../shared/real/text is not there")
def test_cleaning_the_output_of_every_real_text_page_again_changes_nothing():
    changed = []
    for page_id, url, text in _pages():
        once = clean(Document(text=text, url=url)).rendered()
        if clean(Document(text=once, url=url)).rendered() != once:
            changed.append(page_id)
    assert len(_pages()) >= 100 and not changed, f"second pass changed: {changed}"
