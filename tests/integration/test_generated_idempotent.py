"""Cleaning is idempotent on generated pages too: dev pages with chrome of the generated family d
(tools/text_chrome_d.py) put in, whose output a second run had changed before stop 24's head
fixes (a lede found above its addressee across the blank lines a dropped row left, the head looked
at again once the body's own heading took the title, the heading's own repetition below it)."""
import sys

import pytest

from conftest import ROOT, SHARED
from cleaners import Document, clean

CASES = [("r101", "upload"), ("r101", "related@head"), ("r022", "editor_intro@mid"), ("r116", "title_again"),
         ("r029", "prev_next@head"), ("r069", "editor_intro"), ("r092", "pages_repeated")]


@pytest.mark.skipif(not (SHARED / "real" / "text" / "raw").is_dir(), reason="../shared/real/text is not there")
def test_cleaning_the_output_of_these_generated_pages_again_changes_nothing():
    sys.path.insert(0, str(ROOT / "tools"))
    import perturb_text_eval as pte
    recs, gold = pte.load_pages()
    table = pte.perturbations()
    changed = []
    for page_id, name in CASES:
        page = [r for r in recs if r["id"] == page_id]
        for rec, text, _ in pte.perturbed_pages(page, gold, name, table[name], "d", 0):
            once = clean(Document(text=text, url=rec["url"])).rendered()
            if clean(Document(text=once, url=rec["url"])).rendered() != once:
                changed.append(f"{page_id}:{name}")
    assert not changed, f"second pass changed: {changed}"
