"""What an attachment reader returns, and how it says no."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadText:
    text: str
    reader: str             # which library or program read it (for the manifest)
    pages: int | None = None


class AttachmentError(Exception):
    """A file that cannot become text: `reason` (short, for rejects.jsonl) and `detail`."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
