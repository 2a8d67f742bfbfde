"""Spreadsheets -> text: .xlsx with openpyxl, .xls and WPS .et (BIFF8) with xlrd; a row a line."""
from __future__ import annotations

import io
import zipfile

from cleaners.sources.attachments.errors import AttachmentError, ReadText


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def rows_text(sheets: list[list[list]]) -> str:
    lines = []
    for rows in sheets:
        for row in rows:
            cells = [cell_text(v) for v in row]
            if any(cells):
                lines.append("\t".join(c for c in cells if c))
    return "\n".join(lines)


def read_xlsx(data: bytes) -> ReadText:
    # Imported here: openpyxl costs ~80-110 ms at start-up (-X importtime) and every run of the
    # cleaners imports this module, while only .xlsx attachments need it.
    import openpyxl
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]
        book.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise AttachmentError("unreadable", f"XLSX: {type(exc).__name__}: {exc}") from exc
    return checked(rows_text(sheets), "openpyxl", len(sheets))


def read_xls(data: bytes) -> ReadText:
    import xlrd          # here for the same reason as openpyxl above (~13 ms)
    try:
        book = xlrd.open_workbook(file_contents=data)
        sheets = [[sheet.row_values(r) for r in range(sheet.nrows)] for sheet in book.sheets()]
    except (xlrd.XLRDError, ValueError, IndexError, KeyError, AssertionError) as exc:
        raise AttachmentError("unreadable", f"XLS: {type(exc).__name__}: {exc}") from exc
    return checked(rows_text(sheets), "xlrd", len(sheets))


def checked(text: str, reader: str, sheets: int) -> ReadText:
    if not text:
        raise AttachmentError("no text", f"{sheets} empty sheet(s)")
    return ReadText(text, reader)
