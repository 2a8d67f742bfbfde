"""What `--explain` prints of a cleaned result (cleaners.cli.explain)."""
import io

from cleaners.cli import explain
from cleaners.document import Change, CleanResult


def test_explain_prints_a_removal_with_its_reason_and_the_spacing_taken_as_a_count():
    """What `--explain` prints of a result: a removal's reason as written, and the whitespace
    step's count of characters as words, not as an empty removal `'' -> 6`."""
    result = CleanResult(id="d", url=None, site="local", title="t", text="x", flags={},
                         changes=[Change("boilerplate", "removed", "下载本文档", "boilerplate_lines of profile _generic: `下载`"),
                                  Change("whitespace", "removed", "", "6")])
    out = io.StringIO()
    explain(result, out)
    assert "[boilerplate] removed: '下载本文档' -> boilerplate_lines of profile _generic: `下载`" in out.getvalue()
    assert "[whitespace] removed 6 characters of spacing" in out.getvalue() and "'' -> " not in out.getvalue()
