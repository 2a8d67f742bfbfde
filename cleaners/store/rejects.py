"""`OUT/rejects.jsonl`: every input that did not become a document, and why.

One JSON line per reject (`id`, `url`, `where`, `reason`, `detail`, `time`), appended and
flushed as it happens, so that nothing is dropped silently and a user can grep why a file
or URL is missing from the manifest.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

REJECTS_NAME = "rejects.jsonl"


class RejectLog:
    """Append-only reject records of one output folder."""

    def __init__(self, out_dir: str | Path):
        self.path = Path(out_dir) / REJECTS_NAME
        self._file = None
        self.count = 0

    def add(self, reason: str, *, id: str | None = None, url: str | None = None,
            where: str | None = None, detail: str = "") -> None:
        if self._file is None:
            self._file = self.path.open("a", encoding="utf-8")
        record = {"id": id, "url": url, "where": where, "reason": reason, "detail": detail,
                  "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> "RejectLog":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
