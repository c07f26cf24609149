"""The data file as the Store sees it: read and repaired, merged with sync conflict copies,
written atomically, backed up and restored.

Everything that changes files happens under the lock. Reading is cached by the file's
identity on disk, so a long history is parsed once, not on every read, and a file that
another machine's copy replaced (a sync tool) is read again at the next read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gluteui.core.history import backups, bounds, conflicts, storage, tables
from gluteui.core.history.kept import KeptCopies
from gluteui.core.history.storage import AtomicJSONStorage, StoreError, held, reason
from gluteui.core.text import plural

if TYPE_CHECKING:
    from filelock import FileLock

Identity = tuple[int, int, int]


class DataFile(KeptCopies):
    """gluteui.json in one data folder; `notices` collects what the user should be told."""

    def __init__(self, folder: Path, clock: Callable[[], datetime], work_dir: Path) -> None:
        self.folder = folder
        self.path = folder / storage.FILE_NAME
        self.clock = clock
        self.work = storage.work_folder(self.path, work_dir)
        self.backend = AtomicJSONStorage(self.path, self.work)
        self.notices: list[str] = []
        self.read_only: str | None = None
        """Why the folder cannot be written, when it cannot: reading and exporting still work."""
        self._lock: FileLock | None = None
        # The tables as last read or written, keyed by the file's identity on disk (None:
        # no file yet); and the folder's modification time when conflict copies were last
        # looked for, which changes whenever a sync tool adds one.
        self._cached: tuple[Identity | None, tables.Tables] | None = None
        self._folder_seen: int | None = None
        self._backups_known: list[backups.Backup] | None = None

    @property
    def lock(self) -> FileLock:
        """The lock between running copies, made on first use."""
        if self._lock is None:
            self._lock = storage.file_lock(self.work)
        return self._lock

    def now(self) -> datetime:
        moment = self.clock()
        if moment.utcoffset() is not None:
            return moment
        try:
            return moment.astimezone()
        except (ValueError, OverflowError):  # a local zone a day or more from UTC (a bad TZ)
            return datetime.fromtimestamp(moment.timestamp(), UTC)

    def identity(self) -> Identity | None:
        """Which version of the file is on disk: every atomic write makes a new inode."""
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return (status.st_ino, status.st_mtime_ns, status.st_size)

    def open(self) -> None:
        """Read the file, repairing and merging what needs it (under the lock only then)."""
        self.read_only = storage.can_write(self.folder)
        if self.read_only is not None:
            self.notices.append(
                f"{self.folder} can be read but not written ({self.read_only}): your history "
                "is shown, but nothing you change is saved; export keeps a copy elsewhere"
            )
        if self._open_without_lock():
            return
        with held(self.lock):
            for temp in storage.stale_temps(self.work):
                temp.unlink(missing_ok=True)
            self.load()

    def _open_without_lock(self) -> bool:
        """Open the common cases without the lock (whose library is slow to import).

        No file yet (the first save makes it), or a sound file at the current schema with
        no conflict copy beside it and no temp file left by a killed writer: reading is
        safe, as writes replace the file atomically. Anything else takes the locked path,
        which repairs, merges and reports it.
        """
        if storage.stale_temps(self.work) or self.conflicts_waiting():
            return False
        identity = self.identity()
        if identity is None:
            self._cached = (None, tables.fresh_tables())
            return True
        try:
            found = self.backend.read()
            if found is None or tables.schema_version(found) != tables.SCHEMA_VERSION:
                return False
        except (OSError, ValueError):
            return False
        if tables.has_duplicates(found) or any(bounds.too_deep(doc) for docs in found.values() for doc in docs.values()):
            return False
        self._cached = (identity, found)
        return True

    def conflicts_waiting(self) -> bool:
        """Whether a sync tool left a conflict copy since the folder was last looked at.

        One stat per read: the folder's modification time changes when a file appears.
        """
        try:
            seen = self._real_path().parent.stat().st_mtime_ns
        except OSError:
            return False
        if seen == self._folder_seen:
            return False
        self._folder_seen = seen
        return bool(self._conflicts_now())

    def cached(self) -> tables.Tables | None:
        """The cached tables if the file on disk is still the one they came from."""
        if self._cached is None or self._cached[0] != self.identity():
            return None
        return self._cached[1]

    def load(self) -> tables.Tables:
        """The current tables; call under the lock. Repairs, merges and rewrites as needed."""
        identity = self.identity()  # before reading: a file replaced meanwhile fails the next check
        if self._cached is not None and self._cached[0] == identity and not self._conflicts_now():
            return self._cached[1]
        found, rewrite = self._read()
        copies = self._conflicts_now()
        merged = self._merge_copies(found, copies) if copies else found
        if merged is not found:  # a copy that is no data file (a FIFO, say) merges nothing
            found = merged
            rewrite = self.cached() is not found  # unless the merge wrote it already
        if rewrite and self.read_only is None:
            self._write_read(found)
        elif identity is not None and not rewrite:
            self._cached = (identity, found)
        return found

    def _write_read(self, found: tables.Tables) -> bool:
        """Write what reading repaired or merged. A failure (a full disk) is a notice, not an
        error: showing and exporting the history must not need a write."""
        try:
            self.write(found)
        except StoreError as error:
            notice = f"{error}; your history is shown as read, and saved with the next save that works"
            if notice not in self.notices:
                self.notices.append(notice)
            return False
        return True

    def _real_path(self) -> Path:
        return Path(os.path.realpath(self.path))

    def _conflicts_now(self) -> list[Path]:
        # Beside the real file: a symlinked data file's sync tool works in the linked folder.
        return conflicts.conflict_copies(self._real_path())

    def _read(self) -> tuple[tables.Tables, bool]:
        """The file's tables and whether they must be written back (repaired or upgraded)."""
        try:
            found = self.backend.read()
            if found is None:
                if self.identity() is None:
                    return tables.fresh_tables(), False
                # GluteUI never writes an empty file (or JSON null): something else emptied
                # it, and the user must hear of it, or a lost history looks like a new one.
                raise ValueError("it is empty")
            # Before the layout is checked: one malformed entry must not cost the whole file.
            set_aside = type(found) is dict and self._set_aside_damaged(found)
            version = tables.schema_version(found)
        except ValueError as error:  # damaged: bad JSON, bad layout, too big, not UTF-8
            self._move_aside(error)
            return tables.fresh_tables(), True
        except OSError as error:
            # Unreadable is not damaged (permissions, a folder in the way): keep it, say why.
            raise StoreError(f"Cannot read {self.path}: {reason(error)}") from error
        found = tables.upgrade(found, version, self.path)
        rewrite = set_aside or version != tables.SCHEMA_VERSION
        if tables.has_duplicates(found):
            from gluteui.core.history.merge import duplicates_aside, merge

            if self.read_only is None:
                # Kept apart, not dropped: which of two copies was meant is the user's call.
                self._set_aside(duplicates_aside(found), "repeated",
                                "the same id twice, from a hand edit?; the latest of each was kept")
            found, rewrite = merge(found), True
        return found, rewrite

    def _move_aside(self, error: Exception) -> None:
        moved = storage.move_aside(self.path, self.now())
        self.notices.append(
            f"{self.path.name} could not be read ({storage.unreadable_because(error)}); "
            f"it was moved to {moved} and a fresh file was started"
        )

    def _set_aside_damaged(self, found: tables.Tables) -> bool:
        """Move malformed entries, or entries nested too deeply, out of `found` into a file of their own."""
        return self._set_aside(bounds.set_aside_damaged(found, tables.KEY_FIELDS), "damaged",
                               "malformed, or nested too deeply to be GluteUI's")

    def _set_aside(self, removed: tables.Tables, kind: str, why: str) -> bool:
        """Keep the entries taken out of the file in a file of their own beside it, and say
        so: `kind` and `why` say what was wrong with them."""
        if not removed:
            return False
        target = backups.free_name(self.folder, f"{storage.FILE_NAME}.damaged-{self.now():%Y%m%d-%H%M%S}.json")
        try:
            storage.write_atomically(target, json.dumps(removed), self.work)
        except (OSError, ValueError, RecursionError) as error:  # too deep to write out as JSON
            raise StoreError(f"Cannot set aside entries of {self.path}: {error}") from error
        count = sum(len(docs) for docs in removed.values())
        self.notices.append(
            f"{count} {kind} {plural(count, 'entry', 'entries')} of {self.path.name} ({why}) "
            f"moved to {target}"
        )
        return True

    def write(self, found: tables.Tables, afterword: str = "") -> None:
        """Write `found` as the file, atomically, and cache it; StoreError when that fails."""
        self.write_text(self.encode(found), found, afterword)

    def encode(self, found: tables.Tables) -> str:
        """`found` as the file's JSON text (see JSONText: each unchanged document's text is
        kept from the last write, so saving one session costs no re-encoding of ten years)."""
        return self.backend.text.of(found)

    def write_text(self, text: str, found: tables.Tables, afterword: str = "") -> None:
        """Write `text`, the JSON of `found`, as the file, atomically, and cache `found`;
        StoreError when that fails. Needs no lock of the Store's: only the one between copies."""
        if self.read_only is not None:
            raise StoreError(f"Cannot write to {self.folder}: {self.read_only}{afterword}")
        try:
            self.backend.write_text(text, found)
        except OSError as error:
            self._cached = None
            raise StoreError(f"Cannot write to {self.path}: {reason(error)}{afterword}") from error
        identity = self.identity()
        self._cached = (identity, found) if identity is not None else None
        try:
            self._folder_seen = self._real_path().parent.stat().st_mtime_ns
        except OSError:
            self._folder_seen = None
