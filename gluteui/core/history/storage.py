"""The store's file on disk: atomic JSON writes and the lock between running copies.

The file keeps TinyDB's layout (see tables.py), so TinyDB can open it, but the store
reads and writes whole files itself: one read and one atomic write per operation. The
lock and the temporary files live in GluteUI's own work folder, not beside the data
file, so a sync tool sharing the data folder never copies them and a file of the user's
is never mistaken for one of ours.
"""

from __future__ import annotations

import binascii
import errno
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from gluteui.locations import DATA_FILE_NAME

if TYPE_CHECKING:
    from filelock import FileLock

FILE_NAME = DATA_FILE_NAME
LOCK_TIMEOUT_S = 10.0
TEMP_SUFFIX = ".gluteui-tmp"


class StoreError(Exception):
    """The user's data cannot be read or saved. The message is one line, meant for the user."""


def reason(error: OSError) -> str:
    """An OSError as a short lower-case phrase, e.g. "permission denied"."""
    return (error.strerror or str(error)).lower()


def unreadable_because(error: Exception) -> str:
    """Why a data file could not be used, as a short phrase for the user."""
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, OSError):
        return reason(error)
    return str(error)


def _fsync_dir(folder: Path) -> None:
    # Without this the rename itself may not survive a power cut.
    if not hasattr(os, "O_DIRECTORY"):
        # Windows cannot open a folder to fsync it; NTFS journals the rename instead.
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as error:
        # Some network and FUSE mounts cannot fsync a folder; the file itself was synced.
        if error.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces the whole file atomically on every write.

    A crash or a full disk mid-write leaves the previous file intact: the data goes to
    a temporary file, is flushed to disk, then renamed over the file. The temporary
    file is made in `temp_dir` (GluteUI's own folder, out of reach of a sync tool) when
    that is on the same disk as the file, which a rename needs; else beside the file.
    A symlinked file is written through its link, which stays.
    """

    def __init__(self, path: str | os.PathLike[str], temp_dir: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.temp_dir = temp_dir
        self.text = JSONText()

    def read(self) -> Any:
        """The parsed file (any JSON: the caller checks its layout), or None when it is
        missing or empty.

        Raises ValueError when it is not JSON, too large or nested too deeply.
        """
        from gluteui.core.history import bounds
        from gluteui.core.history.bulk import no_collection

        text = bounds.read_text(self.path)
        if text is None or not text.strip():
            return None
        with no_collection():
            return bounds.loads(text)

    def write(self, data: dict[str, Any]) -> None:
        """Replace the file with `data` as JSON; the old file stays whole if this fails."""
        self.write_text(self.text.of(data), data)

    def write_text(self, text: str, data: dict[str, Any]) -> None:
        """Replace the file with `text`, the JSON of `data`; the old file stays whole if this fails."""
        try:
            write_atomically(self.path, text, self.temp_dir)
        except UnicodeEncodeError:
            # A lone surrogate ("\ud800" in a hand-edited file or an import) is no UTF-8;
            # written as an escape it reads back the same, and the file stays UTF-8 text.
            write_atomically(self.path, json.dumps(data, separators=(",", ":"), allow_nan=False),
                             self.temp_dir)


EDITED_IN_PLACE = frozenset({"settings", "settings_changed", "meta"})
"""Single-document tables, whose document a change edits rather than replaces."""


class JSONText:
    """The data file's JSON, made from the JSON of each document, kept between writes.

    A change replaces a document with a new one (gluteui.core.history.tables), so a
    document that is the same object as last time has the same text: saving a session
    re-encodes that session, not ten years of them. Encoding piece by piece also lets other
    threads run in between; one json.dumps of the whole file held Python for 120 ms.
    Single-document tables (the settings) are edited in place and always encoded afresh.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], tuple[object, str]] = {}

    def of(self, data: dict[str, Any]) -> str:
        """`data` (the tables) as compact JSON, as json.dumps would write it."""
        kept: dict[tuple[str, str], tuple[object, str]] = {}
        parts = []
        for name, docs in data.items():
            if not isinstance(docs, dict) or name in EDITED_IN_PLACE:
                parts.append(f"{_dumps(name)}:{_dumps(docs)}")
                continue
            entries = []
            for doc_id, doc in docs.items():
                key = (name, doc_id)
                last = self._kept.get(key)
                text = last[1] if last is not None and last[0] is doc else _dumps(doc)
                kept[key] = (doc, text)
                entries.append(f"{_dumps(doc_id)}:{text}")
            parts.append(f"{_dumps(name)}:{{{','.join(entries)}}}")
        self._kept = kept
        return f"{{{','.join(parts)}}}"


def _dumps(value: Any) -> str:
    # allow_nan=False: NaN and Infinity are not JSON; reading never lets one in (bounds.py).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _same_disk(folder: Path, other: Path) -> bool:
    try:
        return folder.stat().st_dev == other.stat().st_dev
    except OSError:
        return False


def _keep_mode(target: Path, fd: int) -> None:
    """Give the new file the mode of the one it replaces (a temp file starts as 600), and,
    when root writes it, its owner: a file the user made read-only, or shared with a
    group, stays so, and `sudo gluteui` does not leave the user a file they cannot write."""
    try:
        old = target.stat()
    except FileNotFoundError:
        return
    if hasattr(os, "fchmod"):  # not on Windows, whose files have no such mode
        os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.fchown(fd, old.st_uid, old.st_gid)


WRITE_SLICE = 256 * 1024
"""Characters encoded and written at a time (see write_atomically)."""


def write_atomically(path: Path, text: str, temp_dir: Path | None = None, durable: bool = True) -> None:
    """Replace `path` (through a symlink) with `text`, or leave it as it was and raise OSError.
    The new file keeps the old one's mode (see _keep_mode). `durable=False` skips the fsyncs:
    for this machine's small cache files, whose loss in a power cut costs nothing the user did,
    and which `gluteui status` writes every few seconds."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    if temp_dir is not None:
        try:
            temp_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            temp_dir = None
    if temp_dir is None or not _same_disk(temp_dir, folder):
        temp_dir = folder
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=temp_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # In slices: encoding ten years (7 MB) in one call held Python for ~20 ms, a late
            # frame of a routine the writer's thread saves under.
            for start in range(0, len(text), WRITE_SLICE):
                handle.write(text[start:start + WRITE_SLICE])
            handle.flush()
            _keep_mode(target, handle.fileno())
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(folder)


def stale_temps(temp_dir: Path) -> list[Path]:
    """Temp files a killed writer left in GluteUI's own work folder for one data file.

    Never the data folder: a file of the user's there might match any pattern.
    """
    try:
        return sorted(temp_dir.glob(f".*{TEMP_SUFFIX}"))
    except OSError:
        return []


def can_write(folder: Path) -> str | None:
    """None when a file can be written in `folder`, else why not (a short phrase).

    Asked of the system, not proved with a probe file: a sync tool watching the folder
    would copy a probe around. A folder that says yes and then refuses a save gets the
    save's own error.
    """
    if os.access(folder, os.W_OK):
        return None
    if os.access(folder, os.R_OK) and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return "read-only file system"
    return "permission denied"


def check_data_dir(folder: Path) -> None:
    """Create `folder` if needed, else raise StoreError; whether it can be written is asked apart."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"Cannot use {folder} as the data folder: it is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create {folder}: {reason(error)}") from error


def default_work_dir() -> Path:
    """Where the lock and temporary files live: GluteUI's cache folder, which no sync tool shares."""
    from gluteui import locations

    return locations.cache_dir() / "work"


def work_folder(path: Path, work_dir: Path) -> Path:
    """GluteUI's own folder for the data file at `path` (its lock and temp files), named
    by the file's real path, so two data folders never share a lock."""
    # Two CRCs, not a cryptographic hash: hashlib costs the app's first frame 4 ms, and two
    # data folders sharing a folder here would only take turns more than they need to.
    real = os.path.realpath(path).encode("utf-8", "surrogatepass")
    return work_dir / f"{binascii.crc32(real):08x}{binascii.crc32(real[::-1]):08x}"


def file_lock(folder: Path) -> FileLock:
    """The lock every running copy of GluteUI takes before touching the data file whose
    work folder is `folder`."""
    from filelock import FileLock  # slow to import: only when a change is first made

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create {folder}: {reason(error)}") from error
    return FileLock(folder / "lock", timeout=LOCK_TIMEOUT_S)


@contextmanager
def held(lock: FileLock) -> Iterator[None]:
    """Hold `lock`, turning a timeout into a StoreError."""
    from filelock import Timeout

    try:
        lock.acquire()
    except Timeout as error:
        raise StoreError(
            f"Another GluteUI has held {lock.lock_file} for over {LOCK_TIMEOUT_S:g} s; "
            "close it and retry"
        ) from error
    except OSError as error:
        raise StoreError(f"Cannot lock {lock.lock_file}: {reason(error)}") from error
    try:
        yield
    finally:
        lock.release()


def move_aside(path: Path, now: datetime) -> Path:
    """Rename an unreadable file to `<name>.corrupt-<stamp>[-n]`, never over an existing file.

    A symlinked file is renamed where it really is: the link stays, and the fresh file is
    written through it (into the synced folder it points to, say), not in its place.
    """
    path = Path(os.path.realpath(path))
    stem = f"{path.name}.corrupt-{now:%Y%m%d-%H%M%S}"
    target = path.with_name(stem)
    suffix = 0
    # Only GluteUI, under the lock, makes these names, so checking first is race-free.
    while target.exists():
        suffix += 1
        target = path.with_name(f"{stem}-{suffix}")
    try:
        os.replace(path, target)
    except OSError as error:
        raise StoreError(f"Cannot move unreadable {path} aside: {reason(error)}") from error
    return target
