"""PDF -> text with pypdfium2 (PDFium's own text extraction, page by page).

Text is read line by line from PDFium's text rectangles, so that a line's left edge is known:
an indented line starts a paragraph (公文 indent every first line by two characters)."""
from __future__ import annotations

from cleaners.sources.attachments.errors import AttachmentError, ReadText
from cleaners.sources.attachments.layout import paragraphs, without_running_lines


def read(data: bytes) -> ReadText:
    """The text layer of every page; a PDF with pages but no text at all is a scan."""
    # Imported here: pypdfium2 costs ~30-50 ms at start-up (-X importtime) and every run of the
    # cleaners imports this module, while only PDF attachments need it.
    import pypdfium2 as pdfium
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise AttachmentError("unreadable", f"PDF: {exc}") from exc
    try:
        pages: list[list[tuple[str, float]]] = []
        count = len(document)
        for index in range(count):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pages.append(rect_lines(textpage))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise AttachmentError("unreadable", f"PDF: {exc}") from exc
    finally:
        document.close()
    lines: list[str] = []
    indented: list[bool] = []
    for page_lines in without_running_lines(pages):
        left = min((x for _, x in page_lines), default=0.0)
        lines += [text for text, _ in page_lines]
        indented += [x - left > INDENT for _, x in page_lines]
    if count == 0:
        raise AttachmentError("unreadable", "PDF without pages")
    if not any(line.strip() for line in lines):
        raise AttachmentError("no text layer", f"{count} page(s) and no text: a scan, and OCR is not done here")
    return ReadText(paragraphs(lines, indented), "pypdfium2", count)


INDENT = 8.0            # points: more than half a character of a body font


def rect_lines(textpage) -> list[tuple[str, float]]:
    """(text, left edge) of each line of a page, top to bottom; rectangles on one line are joined."""
    rows: list[tuple[float, float, str]] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", "")
        if rows and abs(rows[-1][0] - bottom) < 2.0:
            rows[-1] = (rows[-1][0], min(rows[-1][1], left), rows[-1][2] + text)
        else:
            rows.append((bottom, left, text))
    if not rows:         # no rectangles (odd producers): the plain text, without positions
        text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        return [(line, 0.0) for line in text.split("\n")]
    return [(text, left) for _, left, text in rows]
