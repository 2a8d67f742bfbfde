"""PDF -> text with pypdfium2 (PDFium's own text extraction, page by page)."""
from __future__ import annotations

import pypdfium2 as pdfium

from cleaners.sources.attachments.errors import AttachmentError, ReadText
from cleaners.sources.attachments.layout import paragraphs


def read(data: bytes) -> ReadText:
    """The text layer of every page; a PDF with pages but no text at all is a scan."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise AttachmentError("unreadable", f"PDF: {exc}") from exc
    try:
        lines: list[str] = []
        count = len(document)
        for index in range(count):
            page = document[index]
            textpage = page.get_textpage()
            try:
                lines += textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").split("\n")
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise AttachmentError("unreadable", f"PDF: {exc}") from exc
    finally:
        document.close()
    if count == 0:
        raise AttachmentError("unreadable", "PDF without pages")
    if not any(line.strip() for line in lines):
        raise AttachmentError("no text layer", f"{count} page(s) and no text: a scan, and OCR is not done here")
    return ReadText(paragraphs(lines), "pypdfium2", count)
