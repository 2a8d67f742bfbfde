"""What lies in an output folder and how it is written: reserved names, safe file names,
the title/blank/body file format, atomic writes, the content hash."""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from pathlib import Path

INDEX_NAME = ".index.sqlite"
JOURNAL_NAME = ".pending.log"
LOCK_NAME = ".index.lock"
MANIFEST_NAME = "manifest.jsonl"
KEY_FILE_NAMES = {"lsh": ".lsh.keys", "anchors": ".anchors.keys", "partial": ".partial.keys"}   # disk_keys.py
SIGNATURE_FILE_NAME = ".signatures"        # signature_file.py, one of disk_keys.KeyFiles
RESERVED_NAMES = {MANIFEST_NAME, INDEX_NAME, LOCK_NAME, JOURNAL_NAME, "con", "prn", "aux", "nul",
                  *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_NAME = 100

SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")


def safe_name(raw: str, max_len: int = MAX_NAME) -> str:
    """A file-name-safe form of an id or site: unchanged when already safe, else slug + hash.

    Safe = ASCII letters, digits, '.', '_', '-', starting with a letter or digit, no '..',
    not a reserved name.  Anything else (/, NUL, '..', Han, 300-char titles) becomes a short
    slug plus 12 hex digits of the raw value's SHA-1, so distinct raw ids stay distinct.
    """
    raw = str(raw)
    if (SAFE_NAME.fullmatch(raw) and len(raw) <= max_len and ".." not in raw
            and not raw.endswith(".") and raw.lower() not in RESERVED_NAMES
            and raw.split(".")[0].lower() not in RESERVED_NAMES):
        return raw
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    slug = _UNSAFE_RUN.sub("_", unicodedata.normalize("NFKC", raw)).strip("_-")[:40].strip("_-")
    return f"{slug}-{digest}" if slug else f"x-{digest}"


def one_line(title: str | None) -> str:
    """The title as one line: a newline in it would break the title/blank/body file format."""
    return " ".join((title or "").split())


def render(title: str, text: str) -> str:
    """File content: title line, blank line, body (body alone without a title)."""
    return f"{title}\n\n{text}\n" if title else f"{text}\n"


def body_of(content: str, title: str) -> str:
    """Inverse of `render` for a stored file."""
    body = content[len(title) + 2:] if title else content
    return body[:-1] if body.endswith("\n") else body


def sha1_hex(data: bytes) -> str:
    """The content hash the index keeps for each file (and the suffix that makes a doc id unique)."""
    return hashlib.sha1(data).hexdigest()


def inside(root: Path, relative: str) -> Path | None:
    """`root / relative` when that names a file inside the store through no symlink, else None.

    Paths read back from the journal or the trash table are not trusted: a crafted entry
    (`../x`, an absolute path, a symlinked folder) must never make the store touch a file
    outside its folder."""
    if not relative or relative.startswith("/") or "\x00" in relative:
        return None
    parts = Path(relative).parts
    if any(part in ("..", ".", "") for part in parts):
        return None
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return None
    return current


def holds_store(folder: Path) -> bool:
    """Is `folder` an output folder of this tool (its index is there)?"""
    return (folder / INDEX_NAME).exists()


def foreign_output(root: Path) -> Path | None:
    """A file in `root` that a new store there would overwrite: a manifest.jsonl, or a text in
    a site folder (`<site>/<id>.txt`).  None when there is none, or when `root` holds a store
    already (its index): `root` may then be the output folder."""
    if holds_store(root):
        return None
    manifest = root / MANIFEST_NAME
    if manifest.exists():
        return manifest
    return next(root.glob("*/*.txt"), None)


def within(path: Path, folder: Path) -> bool:
    """Is `path` the folder itself or inside it, both resolved (`.`, `..`, symlinks)?  What a
    command writes must not land in a store it reads (`clean`'s inputs, `export`'s target)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def write_new(path: Path | str, data: bytes) -> None:
    """A document's file, created in place: the journal names it before it is written and its
    row commits only after it is whole, so a half-written file is one the recovery deletes
    (no kept row owns it); no temp file and rename (a rename in a folder of ~10^6 files was
    ~40 % of the writer thread's time a file).  The name taken (a file left by hand, a planted
    link, a `.new` written twice in a batch): `atomic_write` replaces it."""
    try:
        fd = os.open(path, _NEW_FILE, 0o644)
    except FileExistsError:
        atomic_write(path, data)
        return
    try:
        _write_all(fd, data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of `data` to `fd` (os.write may write less than asked), then close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def atomic_write(path: Path | str, data: bytes) -> None:
    """Temp file + rename: readers see the old file or the new one, never a part.

    The temp file is created new (O_EXCL) and never through a symlink (O_NOFOLLOW): a planted
    `name.txt.tmp` link is removed, not written through."""
    tmp = f"{path}.tmp"
    try:      # a temp file left over (or planted) is rare: unlinked only then, not before every write
        fd = os.open(tmp, _NEW_FILE, 0o644)
    except FileExistsError:
        os.unlink(tmp)
        fd = os.open(tmp, _NEW_FILE, 0o644)
    try:
        _write_all(fd, data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
