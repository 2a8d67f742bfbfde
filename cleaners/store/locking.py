"""The lock that lets one process at a time write a store (.index.lock, fcntl)."""
from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO

from cleaners.store.errors import StoreError
from cleaners.store.layout import LOCK_NAME


def acquire(root: Path) -> IO[str]:
    """The open lock file, held exclusively until closed; StoreError when another process holds it."""
    lock = open(root / LOCK_NAME, "a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise StoreError(f"{root} is in use by another process (a crawl or clean run); "
                         "wait for it to finish or choose another --out") from None
    return lock
