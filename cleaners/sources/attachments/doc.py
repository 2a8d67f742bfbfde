"""Word 97-2003 .doc and WPS .wps -> text with antiword, else catdoc (Debian packages).

Both are programs, not libraries: the bytes go to a temporary file, the text comes back on
stdout.  antiword reads Word 97+ precisely; catdoc also reads older and odder files.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from cleaners.sources.attachments.errors import AttachmentError, ReadText

TIMEOUT = 60
PROGRAMS = (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-w", "-d", "utf-8"]))


def read(data: bytes) -> ReadText:
    available = [(name, args) for name, args in PROGRAMS if shutil.which(name)]
    if not available:
        raise AttachmentError("unsupported", "reading .doc/.wps needs antiword or catdoc (apt-get install antiword catdoc)")
    failures = []
    with tempfile.TemporaryDirectory(prefix="wenku-doc-") as folder:
        path = os.path.join(folder, "attachment.doc")
        with open(path, "wb") as fh:
            fh.write(data)
        env = {**os.environ, "HOME": folder, "LC_ALL": "C.UTF-8"}
        for name, args in available:
            try:
                done = subprocess.run([name, *args, path], capture_output=True, timeout=TIMEOUT, env=env)
            except subprocess.TimeoutExpired:
                failures.append(f"{name}: no answer in {TIMEOUT}s")
                continue
            text = done.stdout.decode("utf-8", "replace").replace("\r", "\n").strip()
            if done.returncode == 0 and text:
                return ReadText(text, name)
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            failures.append(f"{name}: {message[-1] if message else f'exit {done.returncode}, no text'}")
    raise AttachmentError("unreadable", "; ".join(failures))
