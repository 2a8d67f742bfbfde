"""Attachments (PDF, Word, WPS, OFD, spreadsheets) as text documents, or a reason why not.

Government sites publish reports as files (gov-sites.md §2.10).  `read_into(doc)` turns a
document whose bytes are such a file into a plain-text document that the cleaning pipeline
then treats like any page; a file that cannot be read (corrupt, a scan without a text
layer, a format without a reader here) becomes an empty document flagged `rejected`, with
the reason and a detail, for OUT/rejects.jsonl.  One reader module per format family:
pdf (pypdfium2), docx (python-docx), doc (antiword, else catdoc; also .wps), ofd (the
package's XML), sheet (openpyxl / xlrd).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from functools import lru_cache

from cleaners import profiles
from cleaners.document import Change, Document
from cleaners.sources.attachments import doc, docx, ofd, pdf, sheet
from cleaners.sources.attachments.errors import AttachmentError, ReadText

STEP = "attachment"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
READERS = {"pdf": pdf.read, "docx": docx.read, "doc": doc.read, "wps": doc.read, "ofd": ofd.read,
           "xlsx": sheet.read_xlsx, "xls": sheet.read_xls, "et": sheet.read_xls}
WORD_STREAM = "WordDocument".encode("utf-16-le")
SHEET_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))

__all__ = ["AttachmentError", "ReadText", "attachment_format", "read_into", "sniff_format", "extensions"]


@lru_cache(maxsize=1)
def extensions() -> tuple[str, ...]:
    """File types fetched and read as documents (`_gov.toml` [attachments] extensions)."""
    return tuple(profiles.get("_gov").extra.get("attachments", {}).get("extensions", READERS))


def sniff_format(data: bytes) -> str | None:
    """The format the bytes are, by their magic (None: not a file we read)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE):
        if WORD_STREAM in data:
            return "doc"
        return "xls" if any(s in data for s in SHEET_STREAMS) else "ole"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "ofd" if "OFD.xml" in names else "zip"
    return None


def attachment_format(doc: Document) -> str | None:
    """The attachment format of a one-page document: as declared (`meta["format"]`, what the
    link said), else as sniffed; None for pages (HTML, text) and undeclared unknown bytes."""
    if doc.data is None or doc.pages:
        return None
    declared = str(doc.meta.get("format") or "").lower() or None
    if declared in READERS:
        return declared
    sniffed = sniff_format(doc.data)
    return sniffed if sniffed in READERS else None


def read_into(doc: Document) -> tuple[Document, list[Change]]:
    """`doc` as a plain-text document when its bytes are an attachment; (doc, []) otherwise.

    The declared format chooses the reader family; the bytes must be of it (a `.pdf` link
    that sends an HTML error page is rejected, not cleaned as a page)."""
    fmt = attachment_format(doc)
    if fmt is None:
        return doc, []
    try:
        read = read_bytes(doc.data, fmt)
    except AttachmentError as exc:
        return (replace(doc, data=None, text="", is_html=False, meta={**doc.meta, "format": fmt}),
                [Change(STEP, "flag", "rejected", exc.reason), Change(STEP, "flag", "reject_detail", exc.detail)])
    meta = {**doc.meta, "format": fmt, **({"page_count": read.pages} if read.pages else {})}
    return (replace(doc, data=None, text=read.text, is_html=False, meta=meta),
            [Change(STEP, "metadata", "reader", read.reader)])


def read_bytes(data: bytes, declared: str) -> ReadText:
    """Read the bytes as what they are (a `.doc` that is really a PDF is read as a PDF); bytes in a
    container that says nothing more (OLE, zip) are read as declared."""
    sniffed = sniff_format(data)
    if sniffed is None:
        head = data[:512].lstrip().lower()
        if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")):
            raise AttachmentError("not a file", f"a .{declared} link answered with an HTML page (a dead link or an error page)")
        raise AttachmentError("unreadable", f"not a {declared} file: the bytes match no known format")
    reader = READERS[sniffed] if sniffed in READERS else READERS[declared]
    try:
        return reader(data)
    except AttachmentError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file breaks each library its own way
        raise AttachmentError("unreadable", f"damaged {sniffed or declared} file "
                                            f"({type(exc).__name__}: {exc})") from exc
