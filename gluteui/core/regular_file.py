"""Reading a file only when it is a regular file, without ever blocking on one that is not.

A FIFO named like a backup, a conflict copy or a run file would block `open()` until a
writer came, and a device would read forever. The file is opened without blocking, then
asked what it is: the answer is about the very file opened, so nothing can swap it between
the question and the read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_NO_WAIT = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: nothing GluteUI reads."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def read_regular(path: Path, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of the regular file at `path` (one more than allowed, so the
    caller can tell a file over its limit).

    IsADirectoryError for a folder, NotRegularFile for anything else that is not a regular
    file; other OSErrors (missing, permission) as raised.
    """
    fd = os.open(path, _NO_WAIT)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)
