"""Messages on the pipes between the crawler process and its writer: length-prefixed pickles.

Both sides use the same framing; the crawler process writes without blocking (see
writer_state.py), the writer and `WriterState.close` read with `read_messages`.
"""
from __future__ import annotations

import fcntl
import os
import pickle
import struct

PIPE_BYTES = 1 << 20        # ask Linux for 1 MiB pipes (default 64 KiB): fewer wake-ups
HEADER = struct.Struct("!I")


def frame(message) -> bytes:
    """One message on a pipe: 4-byte length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def unframe(buffer: bytearray) -> list:
    """Take every complete message off the front of `buffer` (a partial one stays)."""
    messages, start = [], 0
    while len(buffer) - start >= HEADER.size:
        (size,) = HEADER.unpack_from(buffer, start)
        end = start + HEADER.size + size
        if end > len(buffer):
            break
        messages.append(pickle.loads(memoryview(buffer)[start + HEADER.size:end]))
        start = end
    del buffer[:start]
    return messages


def write_all(fd: int, data: bytes) -> None:
    """Write every byte to a blocking file descriptor."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def widen_pipe(fd: int) -> None:
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass    # not Linux, or above /proc/sys/fs/pipe-max-size: the default works, with more wake-ups


def read_messages(fd: int, buffer: bytearray) -> list | None:
    """Block until at least one whole message is in; every whole message now readable
    (None at end of file).  Reading all that is there makes the replies come in batches."""
    while True:
        messages = unframe(buffer)
        if messages:
            return messages
        data = os.read(fd, PIPE_BYTES)
        if not data:
            return None
        buffer += data

