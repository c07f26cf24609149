"""Reading a run file's bytes within limits, unpacking .gz ones without trusting their size."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path

from gluteui.core.regular_file import NotRegularFile, read_regular
from gluteui.core.runs.errors import RunFileError
from gluteui.core.values import MAX_TEXT

_MB = 1024 * 1024
MAX_FILE_BYTES = 50 * _MB
"""A 24-hour GPX track at one point a second is about 15 MB; past this it is not a run."""
MAX_UNPACKED_BYTES = 50 * _MB
"""What a .gz may unpack to: a few KB of gzip can hold gigabytes of zeros (a gzip bomb)."""


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes; RunFileError when it is not a regular file, unreadable or too big."""
    limit = MAX_FILE_BYTES if limit is None else limit  # read now, so tests can lower it
    try:
        # A FIFO or device named run.gpx would block the import forever or never end.
        data = read_regular(path, limit)
    except NotRegularFile:
        raise RunFileError("not a regular file") from None
    except OSError as error:
        raise RunFileError(f"could not be read ({_why(error)})") from None
    if len(data) > limit:
        raise RunFileError(f"over the {limit // _MB} MB limit")
    return data


def _why(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else type(error).__name__


def unpack(data: bytes, limit: int | None = None) -> bytes:
    """The contents of gzip `data`, refusing more than `limit` bytes of output."""
    limit = MAX_UNPACKED_BYTES if limit is None else limit
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            # Reading one byte past the limit is how to tell "exactly at" from "over".
            contents = packed.read(limit + 1)
    except EOFError:
        raise RunFileError("truncated") from None
    except gzip.BadGzipFile:
        raise RunFileError("not a gzip file") from None
    except (zlib.error, OSError):
        raise RunFileError("damaged gzip data") from None
    if len(contents) > limit:
        raise RunFileError(f"unpacks to over the {limit // _MB} MB limit")
    return contents


def relative_source(path: Path, root: Path) -> str:
    """`path` relative to the `root` it was imported from, with "/" on every platform."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_source(name: str) -> str:
    """A file's name as a record can keep and a screen show on one line.

    Linux allows any bytes in a name: ones UTF-8 cannot hold become U+FFFD and control
    characters "?". A name past MAX_TEXT keeps its end, where the file's own name is.
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")  # the bytes the file system gave
    except UnicodeEncodeError:  # a surrogate that came from elsewhere
        raw = name.encode("utf-8", "surrogatepass")
    name = _CONTROL.sub("?", raw.decode("utf-8", "replace"))
    return name if len(name) <= MAX_TEXT else "…" + name[-(MAX_TEXT - 1):]

