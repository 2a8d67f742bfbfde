"""The journal of the open batch (.pending.log) and the recovery that reads it.

Each text file's path is appended before the file is written; the journal is emptied after
the batch commits.  On open, `recover` finishes or undoes what a killed run left half done:
journaled files no kept document owns are deleted, a `<path>.new` whose content matches its
committed row is renamed over the old file (else deleted), and files queued in the `trash`
table are deleted (see the package doc, cleaners/store/__init__.py)."""
from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from cleaners.store.layout import JOURNAL_NAME, inside, sha1_hex

logger = logging.getLogger(__name__)


def open_journal(root: Path) -> int:
    """The journal's file descriptor, opened for appending."""
    return os.open(root / JOURNAL_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


def record(journal: int, paths: list[str]) -> None:
    """Append these paths (relative to the store), one a line, in one write."""
    os.write(journal, "".join(f"{path}\n" for path in paths).encode("ascii"))


def clear(journal: int) -> None:
    """Empty the journal: its batch is committed."""
    os.ftruncate(journal, 0)


def recover(root: Path, db: sqlite3.Connection) -> None:
    """Finish or undo what a killed run left half done (see module doc)."""
    journal = root / JOURNAL_NAME
    paths = journal.read_text(encoding="utf-8").split() if journal.exists() else []
    for path in dict.fromkeys(paths):
        file, target = inside(root, path), inside(root, path[:-4]) if path.endswith(".new") else None
        if file is None or (path.endswith(".new") and target is None):
            logger.warning("%s: ignoring journal entry %r: it names no file inside the store", journal, path)
            continue
        tmp = inside(root, path + ".tmp")
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if path.endswith(".new"):
            row = db.execute("SELECT sha1 FROM docs WHERE path=? AND status='kept'", (path[:-4],)).fetchone()
            if row and file.exists() and sha1_hex(file.read_bytes()) == row[0]:
                os.replace(file, target)
            else:
                file.unlink(missing_ok=True)
        elif not db.execute("SELECT 1 FROM docs WHERE path=? AND status='kept'", (path,)).fetchone():
            file.unlink(missing_ok=True)
    journal.write_bytes(b"")
    empty_trash(root, db)


def empty_trash(root: Path, db: sqlite3.Connection) -> None:
    """Delete the files of superseded copies (committed in `trash`) unless a row owns the path again."""
    paths = [p for (p,) in db.execute("SELECT path FROM trash").fetchall()]
    for path in paths:
        file = inside(root, path)
        if file is None:
            logger.warning("%s: ignoring trash entry %r: it names no file inside the store", root, path)
        elif not db.execute("SELECT 1 FROM docs WHERE path=?", (path,)).fetchone():
            file.unlink(missing_ok=True)
    if paths:
        db.execute("DELETE FROM trash")
