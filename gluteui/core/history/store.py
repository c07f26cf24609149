"""The Store: everything GluteUI remembers about the user, in one JSON file.

Every operation re-reads the file under the lock, so two running copies never undo each
other's changes. A change whose save fails stays in `pending`: still shown, exported,
and retried with the next save.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluteui.core.history import storage
from gluteui.core.history.settings import check_setting, setting_value
from gluteui.core.history.storage import (
    AtomicJSONStorage,
    Change,
    StoreError,
    apply_changes,
    held,
)

if TYPE_CHECKING:
    from filelock import FileLock

    from gluteui.core.history.reading import TableReader
    from gluteui.core.history.records import Checkin, History, QuizResult, Session

# The record classes (gluteui.core.history.records) and the export format (transfer) are imported
# where they are first needed: opening the store and reading a setting, which is all the
# app's first frame asks of it, need neither.

__all__ = ["Store", "StoreError"]


class Store:
    """The user's sessions, rest days, check-ins, quiz results, lesson reads and settings.

    Make one with `Store.open(data_dir)`. `notices` holds
    one-line messages for the user (a damaged file moved aside); `pending` holds changes
    that could not be saved yet.
    """

    def __init__(self, path: Path, clock: Callable[[], datetime]) -> None:
        self._backend = AtomicJSONStorage(path)
        self._file_lock: FileLock | None = None
        self._clock = clock
        self.path = path
        self.notices: list[str] = []
        self.pending: list[Change] = []
        # The file as last read or written, keyed by its identity on disk (None: no file
        # yet), and the History built from it: a long history is parsed once, not per read.
        self._cached: tuple[tuple[int, int, int] | None, dict] | None = None
        self._history: tuple[dict, History] | None = None

    @classmethod
    def open(cls, data_dir: Path, clock: Callable[[], datetime] = datetime.now) -> Store:
        """Open `data_dir / "gluteui.json"`, creating the folder if needed (a first save makes the file).

        `clock` stamps the name a damaged file is moved aside to. Raises StoreError when the folder cannot be created or written, when another copy
        holds the lock too long, or when the file comes from a newer GluteUI (which is
        then left untouched). A damaged file is moved aside and reported in `notices`.
        """
        data_dir = Path(data_dir)
        storage.check_writable_dir(data_dir)
        path = data_dir / storage.FILE_NAME
        store = cls(path, clock)
        if not store._open_without_lock():
            with held(store._lock):
                storage.remove_stale_temps(path)
                tables, rewrite = store._load()
                if rewrite:
                    store._write(tables)
        return store

    def _open_without_lock(self) -> bool:
        """Open the common cases without the lock (whose library is slow to import).

        No file yet (the first save makes it), or a sound file at the current schema with
        no temp file left by a killed writer: reading is safe, as writes replace the file
        atomically. Anything else is left to the locked path, which repairs and reports it.
        """
        if storage.has_stale_temps(self.path):
            return False
        identity = self._identity()
        if identity is None:
            self._cached = (None, storage.fresh_tables())
            return True
        try:
            tables = self._backend.read()
            if tables is None or storage.schema_version(tables) != storage.SCHEMA_VERSION:
                return False
        except (OSError, ValueError):
            return False
        self._cached = (identity, tables)
        return True

    @property
    def _lock(self) -> FileLock:
        """The lock between running copies, made on first use."""
        if self._file_lock is None:
            self._file_lock = storage.file_lock(self.path)
        return self._file_lock

    def _identity(self) -> tuple[int, int, int] | None:
        """Which version of the file is on disk: every atomic write makes a new inode."""
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return (status.st_ino, status.st_mtime_ns, status.st_size)

    def _load(self) -> tuple[dict, bool]:
        """The current tables, and whether they differ from what is on disk."""
        # Taken before reading: a file replaced meanwhile then fails the next comparison.
        identity = self._identity()
        cached = self._fresh_cache(identity)
        if cached is not None:
            return cached, False
        tables, rewrite = self._read()
        if identity is not None and not rewrite:
            self._cached = (identity, tables)
        return tables, rewrite

    def _fresh_cache(self, identity: tuple[int, int, int] | None) -> dict | None:
        """The cached tables if the file on disk is still the one they came from."""
        if self._cached is None or self._cached[0] != identity:
            return None
        return self._cached[1]

    def _read(self) -> tuple[dict, bool]:
        try:
            tables = self._backend.read()
            if tables is None:
                return storage.fresh_tables(), True
            version = storage.schema_version(tables)
        except ValueError as error:  # damaged content (bad JSON, bad layout, not UTF-8)
            self._set_aside(error)
            return storage.fresh_tables(), True
        except OSError as error:
            # Unreadable is not damaged (permissions, a folder in the way): keep it, say why.
            raise StoreError(f"Cannot read {self.path}: {storage.reason(error)}") from error
        return storage.upgrade(tables, version, self.path), version != storage.SCHEMA_VERSION

    def _set_aside(self, error: Exception) -> None:
        moved = storage.move_aside(self.path, self._clock())
        self.notices.append(
            f"{self.path.name} could not be read ({storage.unreadable_because(error)}); "
            f"it was moved to {moved} and a fresh file was started"
        )

    def _write(self, tables: dict, afterword: str = "") -> None:
        try:
            self._backend.write(tables)
        except OSError as error:
            because = storage.reason(error)
            raise StoreError(f"Cannot write to {self.path}: {because}{afterword}") from error

    def _tables(self) -> dict:
        """The tables as saved, with pending changes on top."""
        tables = self._fresh_cache(self._identity())
        if tables is None:
            # Under the lock, so a damaged file is set aside by one copy only.
            with held(self._lock):
                tables, _ = self._load()
        if self.pending:
            tables = copy.deepcopy(tables)  # the cached tables must stay as saved
            apply_changes(tables, self.pending)
        return tables

    def _commit(self, changes: list[Change]) -> list[Change]:
        """Apply pending and new changes in one write; on failure keep them pending."""
        self._history = None  # the tables it was built from change in place below
        try:
            with held(self._lock):
                tables, rewrite = self._load()
                apply_changes(tables, self.pending)
                applied = apply_changes(tables, changes)
                if applied or rewrite or self.pending:
                    self._write(tables, " (the change is kept in memory until a save works)")
                    identity = self._identity()
                    self._cached = (identity, tables) if identity is not None else None
        except StoreError:
            self._cached = None  # the cached tables took changes the file did not
            self.pending.extend(changes)
            raise
        self.pending.clear()
        return applied

    # The public API.

    def save_session(self, session: Session) -> None:
        """Insert `session`, or replace the saved one with the same id."""
        self._commit([Change("sessions", session.to_dict())])

    def _reader(self) -> TableReader:
        from gluteui.core.history.reading import TableReader

        return TableReader(self._tables(), self.path, self.notices)

    def sessions(self) -> list[Session]:
        """Every session, ordered by started_at."""
        return self._reader().sessions()

    def set_rest_day(self, day: date, rest: bool) -> None:
        """Mark `day` as a planned rest day, or unmark it."""
        doc = {"local_date": day.isoformat()}
        self._commit([Change("rest_days", doc, "put" if rest else "remove")])

    def rest_days(self) -> set[date]:
        """Every day marked as a rest day."""
        return self._reader().rest_days()

    def add_checkin(self, checkin: Checkin) -> None:
        """Save `checkin`, replacing one with the same id."""
        self._commit([Change("checkins", checkin.to_dict())])

    def checkins(self) -> list[Checkin]:
        """Every check-in, ordered by recorded_at."""
        return self._reader().checkins()

    def add_quiz_result(self, result: QuizResult) -> None:
        """Save `result`, replacing one with the same id."""
        self._commit([Change("quiz_results", result.to_dict())])

    def quiz_results(self) -> list[QuizResult]:
        """Every quiz result, ordered by taken_at."""
        return self._reader().quiz_results()

    def set_lesson_read(self, lesson_id: str, read: bool) -> None:
        """Mark a lesson as read, or as unread again."""
        doc = {"lesson_id": lesson_id}
        self._commit([Change("lesson_reads", doc, "put" if read else "remove")])

    def lessons_read(self) -> set[str]:
        """The ids of every lesson marked read."""
        return self._reader().lessons_read()

    def setting(self, key: str, default: Any = None) -> Any:
        """The saved value of setting `key`, or `default` when unset or not a value it may hold."""
        return setting_value(storage.settings_of(self._tables()), key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Save a setting; `value` must be JSON-able (else TypeError) and reads back as JSON.

        A known setting with a value it may not hold raises ValueError (see SETTING_RULES).
        """
        self._commit([_setting_change(key, value)])

    def record_quiz(self, result: QuizResult, settings: dict[str, Any]) -> None:
        """Save a squeeze-test result and the settings it decided, in one write."""
        changes = [Change("quiz_results", result.to_dict())]
        self._commit(changes + [_setting_change(key, value) for key, value in settings.items()])

    def history(self) -> History:
        """Everything, pending changes included, from one read of the file.

        The same History comes back while the file is unchanged: treat it as read-only.
        """
        from gluteui.core.history.reading import TableReader

        tables = self._tables()
        if self._history is not None and self._history[0] is tables:
            return self._history[1]
        history = TableReader(tables, self.path, self.notices).history()
        if not self.pending:
            self._history = (tables, history)
        return history

    def export_data(self) -> dict[str, Any]:
        """Everything, pending changes included, as JSON-able data that `import_data` accepts."""
        from gluteui.core.history import transfer

        return transfer.export(self.history())

    def import_data(self, data: Any) -> dict[str, int]:
        """Merge an export into the store and return how many new items of each kind came in.

        Records merge by id, rest days and lesson reads as sets; existing settings are
        kept, only missing ones are added. Importing the same data twice changes nothing.
        Raises StoreError naming the record and field if `data` is not a valid export,
        and then nothing is changed.
        """
        from gluteui.core.history import transfer

        return transfer.count_by_kind(self._commit(transfer.import_changes(data)))


def _setting_change(key: str, value: Any) -> Change:
    check_setting(key, value)
    # The round trip fails here rather than mid-write, and makes memory match the file.
    return Change("settings", {key: json.loads(json.dumps(value))})
