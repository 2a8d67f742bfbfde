"""Attachment files made at server set-up: PDF, scanned PDF, DOCX, DOC/WPS, OFD, XLSX, ET, corrupt.

Real file formats, written by maintained libraries where one exists (reportlab with its
built-in CID font STSong-Light for Chinese PDF text, python-docx, openpyxl, xlwt for the
BIFF8 workbook WPS saves as .et), by `msdoc` for the binary Word format, and by hand for
OFD (a zip of XML parts, GB/T 33190).  Each maker is a pure function of its text, cached,
so every server serves the same bytes.
"""
from __future__ import annotations

import functools
import io
import random
import zipfile
from xml.sax.saxutils import escape

from .msdoc import word_document
from .texts import GovText

LINE_CHARS = 30              # characters per PDF line (14 pt on A4 between 72 pt margins)
LINES_PER_PAGE = 38


CLOSING = "，。、；：？！”’）》」』】,.;:?!)"


def wrap(paragraph: str, width: int = LINE_CHARS) -> list[str]:
    """Lines of `width` characters; closing punctuation never starts a line (避头尾), it stays on
    the line before, as typesetting does."""
    lines: list[str] = []
    for i in range(0, len(paragraph), width):
        piece = paragraph[i:i + width]
        while lines and piece and piece[0] in CLOSING:
            lines[-1] += piece[0]
            piece = piece[1:]
        if piece:
            lines.append(piece)
    return lines or [""]


@functools.cache
def pdf(text: GovText, header: str = "") -> bytes:
    """A text PDF: title, then the paragraphs wrapped at LINE_CHARS, `- n -` page numbers; with
    `header`, that line atop every page (a running header)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    page.setTitle(text.title)
    lines = [(text.title, 16, 120)] + [(line, 14, 72 + (28 if i == 0 else 0))
                                        for paragraph in text.paragraphs for i, line in enumerate(wrap(paragraph))]
    number, y = 1, 770
    start_page(page, header)
    for content, size, x in lines:
        if y < 80:
            finish_page(page, number)
            number, y = number + 1, 770
            start_page(page, header)
        page.setFont("STSong-Light", size)
        page.drawString(x, y, content)
        y -= size + 6
    finish_page(page, number)
    page.save()
    return buffer.getvalue()


def start_page(page, header: str) -> None:
    """The running header atop a page, when there is one."""
    if header:
        page.setFont("STSong-Light", 10)
        page.drawCentredString(297, 805, header)


def finish_page(page, number: int) -> None:
    page.setFont("STSong-Light", 10)
    page.drawCentredString(297, 40, f"- {number} -")
    page.showPage()


@functools.cache
def scanned_pdf(seed: str) -> bytes:
    """A 'scanned' PDF: two pages of grey bars where lines of text would be, and no text layer."""
    from reportlab.pdfgen import canvas

    rnd = random.Random(seed)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    for _ in range(2):
        page.setFillGray(0.35)
        for row in range(30):
            page.rect(72 + rnd.randint(0, 28), 760 - row * 22, rnd.randint(250, 420), 9, stroke=0, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


@functools.cache
def docx(text: GovText) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.core_properties.title = text.title
    document.add_heading(text.title, level=1)
    for paragraph in text.paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@functools.cache
def doc(text: GovText) -> bytes:
    """Word 97 binary; WPS Office's .wps files are this format too."""
    return word_document([text.title, *text.paragraphs])


@functools.cache
def ofd(text: GovText, header: str = "") -> bytes:
    """An OFD package: OFD.xml -> Doc_0/Document.xml -> one Content.xml per page of TextObjects;
    with `header`, that line atop every page (a running header)."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    lines = [text.title] + [line for paragraph in text.paragraphs for line in wrap(paragraph)]
    pages = [([header] if header else []) + lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                                    f"<ofd:DocBody><ofd:DocInfo><ofd:Title>{escape(text.title)}</ofd:Title></ofd:DocInfo>"
                                    "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        package.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
                                               f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        for i, page_lines in enumerate(pages):
            objects = "".join(
                f'<ofd:TextObject ID="{100 + n}" Boundary="25 {30 + n * 7} 160 6" Font="1" Size="4.2">'
                f'<ofd:TextCode X="0" Y="4">{escape(line)}</ofd:TextCode></ofd:TextObject>'
                for n, line in enumerate(page_lines))
            package.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">'
                             f"{objects}</ofd:Layer></ofd:Content></ofd:Page>")
    return buffer.getvalue()


def sheet_rows(title: str, seed: str) -> tuple[tuple[str, ...], ...]:
    """A 任务分解表: a title row, a header row and ten task rows."""
    from .texts import OBJECTS, SUBJECTS, VERBS

    rnd = random.Random(seed)
    rows = [(title,), ("序号", "工作任务", "责任单位", "完成时限")]
    for n in range(1, 11):
        rows.append((str(n), f"{rnd.choice(VERBS)}{rnd.choice(OBJECTS)}", rnd.choice(SUBJECTS),
                     f"{rnd.randint(3, 12)}月底前"))
    return tuple(rows)


@functools.cache
def xlsx(rows: tuple[tuple[str, ...], ...]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分解"
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@functools.cache
def et(rows: tuple[tuple[str, ...], ...]) -> bytes:
    """WPS spreadsheet: WPS writes .et as a BIFF8 workbook in an OLE file, like .xls."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("任务分解")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@functools.cache
def corrupt_pdf(seed: str) -> bytes:
    """Starts like a PDF, then random bytes: what a broken upload or a cut transfer leaves."""
    rnd = random.Random(seed)
    return b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n" + bytes(rnd.randrange(256) for _ in range(3000))


def sheet_text(rows) -> str:
    return "\n".join("\t".join(row) for row in rows[1:])
