"""The mapped header the store's derived files share (KeyRuns' key tables, the signature file):
its first HEADER_BYTES as uint64 fields, the magic number and version first, written beside
and renamed when made, mapped when opened so a field set is a store to memory."""
from __future__ import annotations

import mmap
import os
from pathlib import Path

import numpy as np

HEADER_BYTES = 4096


def write_header(path: Path, magic: int, version: int, fields: dict[int, int] | None = None) -> None:
    """An empty header (`fields`: position -> value besides magic and version) at `path`,
    written beside and renamed: a file replaced so is never half a header."""
    header = np.zeros(HEADER_BYTES // 8, dtype=np.uint64)
    header[:2] = (magic, version)
    for at, value in (fields or {}).items():
        header[at] = value
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(header.tobytes())
    os.replace(tmp, path)


def map_header(path: Path, magic: int, version: int, what: str) -> tuple[int, mmap.mmap, np.ndarray]:
    """(descriptor, map, fields) of the file at `path`, its header checked: a file of another
    kind or version is a ValueError naming it as not `what` of this version."""
    fd = os.open(path, os.O_RDWR)
    mapped = mmap.mmap(fd, HEADER_BYTES)
    header = np.frombuffer(mapped, dtype=np.uint64)
    if int(header[0]) != magic or int(header[1]) != version:
        del header
        mapped.close()
        os.close(fd)
        raise ValueError(f"{path} is not {what} of this version")
    return fd, mapped, header
