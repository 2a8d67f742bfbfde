"""Bytes that are not text at all: images, archives, office files, executables, random data.

Run before decoding, so that a PNG saved as `.txt` or a PDF served as `text/html` is
rejected with a reason instead of being "decoded" into a page of garbage characters.
Known formats are named by their magic bytes; anything else counts as binary when control
bytes (other than tab, newlines, form feed and escape) are frequent in its first 4 KB:
text in any of the encodings we read has next to none.
"""
from __future__ import annotations

SNIFF_BYTES = 4096
MAX_CONTROL_SHARE = 0.01       # of the sniffed bytes; text files have none, random data ~12 %
MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/OFD)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE file (DOC/XLS/WPS)"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Bytes 0x00-0x1f that text does not contain: all but \t \n \v \f \r and ESC (ISO-2022).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_DELETE_CONTROL = bytes.maketrans(b"", b"")


def not_text_reason(data: bytes) -> str | None:
    """Why these bytes are not a text or HTML page, or None when they may be one."""
    head = data[:SNIFF_BYTES]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None                     # UTF-16 with its BOM: NUL bytes are expected
    controls = len(head) - len(head.translate(_DELETE_CONTROL, _CONTROL))
    if head and controls > MAX_CONTROL_SHARE * len(head):
        return f"binary data ({controls} control bytes in the first {len(head)})"
    return None
