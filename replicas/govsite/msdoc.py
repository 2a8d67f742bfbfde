"""A minimal Word 97-2003 binary document (.doc; WPS Office's .wps is the same format).

No maintained Python package writes the binary Word format, and the replicas must make
their attachments at set-up (no binary files in the repository).  This writes the least
a reader needs: an OLE2 compound file (one FAT sector, one directory sector) holding a
`WordDocument` stream (FIB + the text as UTF-16LE) and a `1Table` stream (the piece
table, Clx, and an empty stylesheet).  antiword and catdoc read it; Word and LibreOffice open it.

References: [MS-CFB] compound file layout, [MS-DOC] FIB (nFib 0xC1) and Clx/PlcPcd.
"""
from __future__ import annotations

import struct

SECTOR = 512
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
MIN_STREAM = 4096           # streams under the mini-stream cutoff would need a mini FAT: pad instead
TEXT_AT = 0x400             # byte offset of the text in WordDocument (after the FIB)
FIB_SIZE = 900
# An empty stylesheet (STSH: cbStshi, then Stshi with cstd=0): antiword reads the stylesheet's
# header even when the FIB says there is none, and reads past its buffer without one.
STYLESHEET = struct.pack("<H9H", 18, 0, 10, 1, 0x5B, 0x0F, 0, 0, 0, 0)


def word_document(paragraphs: list[str]) -> bytes:
    """A .doc whose main text is `paragraphs` (one Word paragraph each)."""
    text = "\r".join(paragraphs) + "\r"
    encoded = text.encode("utf-16-le")
    chars = len(encoded) // 2
    table = clx(chars) + STYLESHEET
    word = bytearray(fib(chars, len(table) - len(STYLESHEET), len(STYLESHEET)))
    word += bytes(TEXT_AT - len(word)) + encoded
    word = padded(bytes(word))
    struct.pack_into("<I", word, 64, len(word))           # cbMac: end of the last byte written
    return compound_file([("WordDocument", bytes(word)), ("1Table", padded(table))])


def fib(chars: int, clx_size: int, stylesheet_size: int) -> bytes:
    """File Information Block for Word 97: the text at TEXT_AT; in 1Table the Clx, then the stylesheet."""
    out = bytearray(FIB_SIZE)
    flags = (1 << 9) | (1 << 12)        # fWhichTblStm: the table stream is 1Table; fExtChar: UTF-16 text
    struct.pack_into("<HHHHHHH", out, 0, 0xA5EC, 0x00C1, 0, 0x0804, 0, flags, 0x00BF)
    struct.pack_into("<II", out, 24, TEXT_AT, TEXT_AT + 2 * chars)    # fcMin, fcMac (older readers)
    struct.pack_into("<H", out, 32, 14)                               # csw: 14 words of FibRgW97
    struct.pack_into("<H", out, 62, 22)                               # cslw: 22 longs of FibRgLw97
    struct.pack_into("<I", out, 76, chars)                            # ccpText
    struct.pack_into("<H", out, 152, 0x5D)                            # cbRgFcLcb: 93 pairs
    struct.pack_into("<II", out, 154 + 33 * 8, 0, clx_size)           # fcClx, lcbClx
    for index in (0, 1):                                               # fcStshfOrig, fcStshf
        struct.pack_into("<II", out, 154 + index * 8, clx_size, stylesheet_size)
    return bytes(out)


def clx(chars: int) -> bytes:
    """One piece: characters 0..chars are UTF-16LE bytes at TEXT_AT of WordDocument."""
    plc = struct.pack("<II", 0, chars) + struct.pack("<HIH", 0, TEXT_AT, 0)
    return b"\x02" + struct.pack("<I", len(plc)) + plc


def padded(data: bytes) -> bytearray:
    size = max(MIN_STREAM, -(-len(data) // SECTOR) * SECTOR)
    return bytearray(data + bytes(size - len(data)))


def compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """An OLE2 compound file (version 3) with these streams under the root storage."""
    fat: list[int] = [FATSECT, ENDOFCHAIN]          # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, data in streams:
        count = len(data) // SECTOR
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    if len(fat) > SECTOR // 4:
        raise ValueError("document too large for a one-sector FAT")
    fat += [FREESECT] * (SECTOR // 4 - len(fat))
    entries = [directory_entry("Root Entry", 5, ENDOFCHAIN, 0, child=1)]
    # a red-black tree of the streams ordered by (name length, upper-case name): with two
    # streams "WordDocument" is the black root and "1Table" its red left child
    entries.append(directory_entry(streams[0][0], 2, starts[0], len(streams[0][1]), left=2))
    entries.append(directory_entry(streams[1][0], 2, starts[1], len(streams[1][1]), red=True))
    entries.append(bytes(128))
    header = bytearray(SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 0x1000, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    difat = [0] + [FREESECT] * 108
    struct.pack_into("<109I", header, 76, *difat)
    body = struct.pack(f"<{SECTOR // 4}I", *fat) + b"".join(entries)
    return bytes(header) + body + b"".join(data for _, data in streams)


def directory_entry(name: str, kind: int, start: int, size: int, *, child: int = NOSTREAM,
                    left: int = NOSTREAM, right: int = NOSTREAM, red: bool = False) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    out = bytearray(128)
    out[:len(encoded)] = encoded
    struct.pack_into("<HBB", out, 64, len(encoded), kind, 0 if red else 1)
    struct.pack_into("<III", out, 68, left, right, child)
    struct.pack_into("<IQ", out, 116, start, size)
    return bytes(out)
