"""The store's file on disk: atomic JSON writes, the lock between running copies, the schema.

The file keeps TinyDB's layout (table name -> document id -> document), so TinyDB can
open it, but the store reads and writes whole files itself: one read and one atomic
write per operation, whatever the number of tables or documents it touches.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

if TYPE_CHECKING:
    from filelock import FileLock

FILE_NAME = "gluteui.json"
SCHEMA_VERSION = 1
# From-version -> function turning that version's raw tables into the next version's.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
LOCK_TIMEOUT_S = 10.0
# Documents are keyed by these fields; "settings" is one document and "meta" is ours.
KEY_FIELDS = {
    "sessions": "id",
    "checkins": "id",
    "quiz_results": "id",
    "rest_days": "local_date",
    "lesson_reads": "lesson_id",
}
_TEMP_PREFIX = f"{FILE_NAME}."
_TEMP_SUFFIX = ".tmp"


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
    a temporary file in the same folder, is flushed to disk, then renamed over the file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        """The parsed file, or None when it is missing or empty. Invalid JSON raises ValueError."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        if not text.strip():
            return None
        return json.loads(text)

    def write(self, data: dict[str, Any]) -> None:
        """Replace the file with `data` as JSON; the old file stays whole if this fails."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        _fsync_dir(self.path.parent)


def has_stale_temps(path: Path) -> bool:
    """Whether a killed writer left a temp file beside `path`."""
    return next(path.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"), None) is not None


def remove_stale_temps(path: Path) -> None:
    """Delete temp files a killed writer left beside `path`. Call only while holding the lock."""
    for temp in path.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        temp.unlink(missing_ok=True)


def check_writable_dir(folder: Path) -> None:
    """Create `folder` if needed and prove a file can be written there, else raise StoreError."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"Cannot use {folder} as the data folder: it is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Cannot create {folder}: {reason(error)}") from error
    try:
        fd, probe = tempfile.mkstemp(prefix=".gluteui-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise StoreError(f"Cannot write to {folder}: {reason(error)}") from error


def file_lock(path: Path) -> FileLock:
    """The lock every running copy of GluteUI takes before touching the file at `path`."""
    from filelock import FileLock  # slow to import: only when a change is first made

    return FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_S)


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
    """Rename an unreadable file to `<name>.corrupt-<stamp>[-n]`, never over an existing file."""
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


def fresh_tables() -> dict[str, dict]:
    """The tables of a new, empty file at the current schema version."""
    tables: dict[str, dict] = {name: {} for name in (*KEY_FIELDS, "settings")}
    tables["meta"] = {"1": {"schema_version": SCHEMA_VERSION}}
    return tables


def settings_of(tables: dict) -> dict[str, Any]:
    """The settings document; reading a setting needs no record class."""
    return next(iter(tables.get("settings", {}).values()), {})


def schema_version(tables: Any) -> int:
    """Check `tables` has TinyDB's layout and return its schema version.

    Raises ValueError describing the first thing that is wrong. A file without a
    version predates none: every schema so far starts at 1.
    """
    if not isinstance(tables, dict):
        raise ValueError(f"the top level is a {type(tables).__name__}, not an object")
    for name, docs in tables.items():
        if not isinstance(docs, dict):
            raise ValueError(f"table {name!r} is not an object")
        key_field = KEY_FIELDS.get(name)
        for doc_id, doc in docs.items():
            # Document ids must be numbers for new documents to get the next one.
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise ValueError(f"table {name!r} has a bad document {doc_id!r}")
            if key_field and not isinstance(doc.get(key_field), str):
                raise ValueError(f"document {doc_id!r} of table {name!r} has no {key_field!r}")
    meta = next(iter(tables.get("meta", {}).values()), {"schema_version": 1})
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"bad schema_version {version!r}")
    return version


def upgrade(tables: dict, version: int, where: Path | None) -> dict:
    """Run MIGRATIONS from `version` up to SCHEMA_VERSION. Refuse a newer file with StoreError."""
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where} was written by a newer GluteUI (data version {version}, this one reads "
            f"up to {SCHEMA_VERSION}); update GluteUI to use it"
        )
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise StoreError(f"{where}: GluteUI has no upgrade from data version {version}")
        tables = MIGRATIONS[version](tables)
        version += 1
        tables["meta"] = {"1": {"schema_version": version}}
    return tables


@dataclass(frozen=True)
class Change:
    """One document to write into a table: "put" upserts, "add" only inserts, "remove" deletes.

    Documents are matched by the table's KEY_FIELDS entry; a "settings" change holds one
    `{key: value}` for the single settings document.
    """

    table: str
    doc: dict[str, Any]
    mode: str = "put"


def _apply_setting(docs: dict[str, dict], change: Change) -> bool:
    if not docs:
        docs["1"] = {}
    settings = next(iter(docs.values()))
    ((key, value),) = change.doc.items()
    if change.mode == "add" and key in settings:
        return False
    settings[key] = value
    return True


def apply_changes(tables: dict[str, dict], changes: Iterable[Change]) -> list[Change]:
    """Apply `changes` to raw `tables` in order and return the ones that changed something."""
    applied: list[Change] = []
    # Per table: key -> document id, built once so bulk changes stay linear.
    indexes: dict[str, dict[Any, str]] = {}
    next_ids: dict[str, int] = {}
    for change in changes:
        docs = tables.setdefault(change.table, {})
        if change.table == "settings":
            if _apply_setting(docs, change):
                applied.append(change)
            continue
        key_field = KEY_FIELDS[change.table]
        if change.table not in indexes:
            indexes[change.table] = {doc.get(key_field): doc_id for doc_id, doc in docs.items()}
            next_ids[change.table] = max(map(int, docs), default=0) + 1
        index = indexes[change.table]
        key = change.doc[key_field]
        doc_id = index.get(key)
        if change.mode == "remove":
            if doc_id is not None:
                del docs[doc_id]
                del index[key]
                applied.append(change)
        elif doc_id is None:
            doc_id = index[key] = str(next_ids[change.table])
            next_ids[change.table] += 1
            docs[doc_id] = change.doc
            applied.append(change)
        elif change.mode == "put":
            docs[doc_id] = change.doc
            applied.append(change)
    return applied
