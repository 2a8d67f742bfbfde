"""DOCX -> text with python-docx: paragraphs and table rows in document order."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from cleaners.sources.attachments.errors import AttachmentError, ReadText


def read(data: bytes) -> ReadText:
    # Imported here: python-docx costs ~40 ms at start-up (-X importtime) and every run of the
    # cleaners imports this module, while only .docx attachments need it.
    import docx
    from docx.table import Table
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise AttachmentError("unreadable", f"DOCX: {type(exc).__name__}: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))   # merged cells repeat
                lines.append("\t".join(c for c in cells if c))
        else:
            lines.append(block.text)
    text = "\n".join(line for line in lines if line.strip())
    if not text:
        raise AttachmentError("no text", "DOCX without text (images only?)")
    return ReadText(text, "python-docx")
