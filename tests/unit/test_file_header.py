"""The derived files' mapped header (cleaners/store/file_header.py)."""
from __future__ import annotations

import os

import pytest

from cleaners.store.file_header import HEADER_BYTES, map_header, write_header


def test_a_written_header_maps_back_with_its_fields_and_takes_stores(tmp_path):
    path = tmp_path / "table"
    write_header(path, 0x1234, 3, {4: 7})
    assert path.stat().st_size == HEADER_BYTES and not (tmp_path / "table.tmp").exists()
    fd, mapped, header = map_header(path, 0x1234, 3, "a test table")
    assert header[:5].tolist() == [0x1234, 3, 0, 0, 7]
    header[2] = 9                                  # a field set is a store to the file
    del header
    mapped.close()
    fd2, mapped2, again = map_header(path, 0x1234, 3, "a test table")
    assert int(again[2]) == 9
    del again
    mapped2.close()
    os.close(fd)
    os.close(fd2)


@pytest.mark.parametrize("magic, version", [(0x9999, 3), (0x1234, 4)])
def test_a_file_of_another_kind_or_version_is_refused_by_name(tmp_path, magic, version):
    path = tmp_path / "table"
    write_header(path, magic, version)
    with pytest.raises(ValueError, match=r"table is not a test table of this version"):
        map_header(path, 0x1234, 3, "a test table")
