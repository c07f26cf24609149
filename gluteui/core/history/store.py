"""The Store: everything GluteUI remembers about the user, in one JSON file.

Every operation re-reads the file under the lock, so two running copies never undo each
other's changes. A change whose save fails stays in `pending`: still shown, exported,
and retried with the next save.

The command line saves each change at once. The app calls `defer`: a change then only
joins `pending` (reads show it at once) and wakes the app's writer, which calls `flush` on
a thread of its own, so no screen, and above all no routine, waits on the disk or on
another copy's lock.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gluteui.core.history import storage, tables
from gluteui.core.history.datafile import DataFile
from gluteui.core.history.kept import read_restorable
from gluteui.core.history.settings import check_setting, setting_value
from gluteui.core.history.storage import StoreError, held
from gluteui.core.history.tables import Change, apply_changes

if TYPE_CHECKING:
    from gluteui.core.history.backups import Backup
    from gluteui.core.history.experiment import SelfExperiment
    from gluteui.core.history.reading import TableReader
    from gluteui.core.history.records import Checkin, History, QuizResult, Session
    from gluteui.core.runs.dedupe import Merge
    from gluteui.core.runs.record import Run

# The record classes (gluteui.core.history.records) and the export format (transfer) are imported
# where they are first needed: opening the store and reading a setting, which is all the
# app's first frame asks of it, need neither.

__all__ = ["Store", "StoreError"]


class Store:
    """The user's sessions, rest days, check-ins, quiz results, lesson reads, runs and settings.

    Make one with `Store.open(data_dir)`. `notices` holds one-line messages for the user
    (a damaged file moved aside, another machine's changes merged); `pending` holds
    changes that could not be saved yet.
    """

    def __init__(self, data_file: DataFile) -> None:
        self._file = data_file
        self.path = data_file.path
        self.notices = data_file.notices
        self.pending: list[Change] = []
        self._history: tuple[tables.Tables, History] | None = None
        self._guard = threading.RLock()
        """Held while the tables in memory change or are read: never across a wait for the
        lock between copies, nor across a write to disk."""
        self._wake: Callable[[], None] | None = None
        self._writing = threading.Lock()
        """One write at a time: the app's writer and a last save on quit must not both write
        the same waiting changes and then both remove them (and any added meanwhile)."""

    @classmethod
    def open(
        cls,
        data_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
        work_dir: Path | None = None,
    ) -> Store:
        """Open `data_dir / "gluteui.json"`, creating the folder if needed (a first save makes the file).

        `clock` stamps changes and names backups; `work_dir` holds the lock and temporary
        files (default: GluteUI's cache folder). Raises StoreError when the folder cannot
        be created, when another copy holds the lock too long, or when the file comes from
        a newer GluteUI (which is then left untouched). A damaged file is moved aside and
        conflict copies a sync tool left are merged, each reported in `notices`. A folder
        that can be read but not written opens read-only, with a notice.
        """
        data_dir = Path(data_dir)
        storage.check_data_dir(data_dir)
        data_file = DataFile(data_dir, clock, work_dir or storage.default_work_dir())
        data_file.open()
        return cls(data_file)

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved (a folder that cannot be written), else None."""
        return self._file.read_only

    @property
    def work_folder(self) -> Path:
        """GluteUI's own folder for this data file (its locks and temporary files)."""
        return self._file.work

    def _stamp(self) -> str:
        return tables.stamp(self._file.now())

    def _tables(self) -> tables.Tables:
        """The tables as saved, with pending changes on top.

        The saved tables and `pending` are read in one look: the writer's thread caches what
        it wrote, then drops it from `pending`, so a look between the two (saved tables from
        before the write, `pending` from after) would lose the change it just saved."""
        with self._guard:
            found = None if self._file.conflicts_waiting() else self._file.cached()
            if found is not None:
                return self._with_pending(found)
        # Under the lock, so a damaged file is set aside, and copies merged, by one copy only.
        with held(self._file.lock), self._guard:
            return self._with_pending(self._file.load())

    def _with_pending(self, found: tables.Tables) -> tables.Tables:
        """`found` with the changes waiting to be written on top; call under the guard."""
        return tables.overlay(found, self.pending) if self.pending else found  # the cache stays as saved

    def defer(self, wake: Callable[[], None] | None) -> None:
        """From now on a change joins `pending` and calls `wake` instead of being written:
        the caller's writer saves it with `flush`, off the thread that made it. None goes
        back to saving each change as it is made (and saves what waits with the next)."""
        self._wake = wake

    def _commit(self, changes: list[Change], now: bool = False) -> list[Change]:
        """Apply pending and new changes in one write; on failure keep them pending. When
        deferred (and not `now`), only keep them pending and wake the writer."""
        if self._wake is not None and not now:
            with self._guard:
                self.pending.extend(changes)
                self._history = None
            self._wake()
            return changes
        with self._guard:
            self.pending.extend(changes)
        return self._write_pending(new=len(changes))

    def flush(self) -> None:
        """Write every change waiting in `pending`; StoreError (and they wait on) when that
        fails. Safe on a thread of its own while others read and add changes: waiting for
        the lock and writing the file hold nothing they need."""
        with self._guard:
            if not self.pending:
                return
        self._write_pending(new=0)

    def warm(self) -> None:
        """Encode the file as saved, so the first write re-encodes only what it changes (see
        storage.JSONText). For the writer's thread, when nothing else is waiting."""
        with self._writing:
            with self._guard:
                found = self._file.cached()
            if found is not None:
                self._file.encode(found)

    def _write_pending(self, new: int) -> list[Change]:
        """Write `pending` (its last `new` changes just added); the ones that changed something."""
        with self._writing:
            return self._write_batch(new)

    def _write_batch(self, new: int) -> list[Change]:
        with self._guard:
            batch = list(self.pending)
        with held(self._file.lock):
            with self._guard:
                # On a copy: the cached tables stay as saved until the write works, so a
                # failed one leaves them readable without the lock another copy may hold.
                found = tables.overlay(self._file.load(), [])
                earlier = apply_changes(found, batch[:len(batch) - new])
                applied = apply_changes(found, batch[len(batch) - new:])
                text = self._file.encode(found) if earlier or applied else None
            if text is not None:
                self._file.write_text(text, found)
                self._file.back_up_if_due()
        with self._guard:
            del self.pending[:len(batch)]  # changes added meanwhile wait for the next write
            self._history = None
        return applied

    def _change(self, table: str, doc: dict[str, Any], mode: str = "put") -> Change:
        return Change(table, doc, mode, self._stamp())

    # The public API.

    def save_session(self, session: Session) -> None:
        """Insert `session`, or replace the saved one with the same id."""
        self._commit([self._change("sessions", session.to_dict())])

    def _reader(self) -> TableReader:
        from gluteui.core.history.reading import TableReader

        return TableReader(self._tables(), self.path, self.notices)

    def sessions(self) -> list[Session]:
        """Every session, ordered by started_at."""
        return self._reader().sessions()

    def set_rest_day(self, day: date, rest: bool) -> None:
        """Mark `day` as a planned rest day, or unmark it."""
        doc = {"local_date": day.isoformat()}
        self._commit([self._change("rest_days", doc, "put" if rest else "remove")])

    def rest_days(self) -> set[date]:
        """Every day marked as a rest day."""
        return self._reader().rest_days()

    def add_checkin(self, checkin: Checkin) -> None:
        """Save `checkin`, replacing one with the same id."""
        self._commit([self._change("checkins", checkin.to_dict())])

    def runs(self) -> list[Run]:
        """Every imported run, by start."""
        return self._reader().runs()

    def import_runs(self, new: list[Run]) -> Merge:
        """Add runs read from files, each run once however many files hold it (dedupe.py).

        A stored run may give way to a better copy of itself (a FIT for a GPX); a check-in
        about it then follows the copy. The data file is backed up first.
        """
        from gluteui.core.history.run_import import run_changes

        # Read, dedupe and write under one hold of the lock: a second import running at the
        # same time must see this one's runs, or one run would be stored twice.
        with held(self._file.lock):
            merged, changes = run_changes(self.history(), new, self._stamp())
            if changes:
                self._file.back_up_first("before-import")
                self._commit(changes, now=True)  # within this hold of the lock, even in the app
        return merged

    def remove_checkins(self, day: date) -> int:
        """Delete the check-ins of the run on `day`; how many there were."""
        gone = [checkin for checkin in self.checkins() if checkin.local_date == day]
        self._commit([self._change("checkins", {"id": checkin.id}, "remove") for checkin in gone])
        return len(gone)

    def replace_checkins(self, gone: Iterable[str], new: Checkin | None = None) -> int:
        """Delete the check-ins whose ids are in `gone` and save `new` in their place, in one
        write; how many ids were given. A removal leaves a tombstone, so it holds in a merge.
        A new check-in about a day's run also takes back "did not run" that day."""
        removals = [self._change("checkins", {"id": ident}, "remove") for ident in gone]
        changes = list(removals)
        if new is not None:
            changes.append(self._change("checkins", new.to_dict()))
            if new.run_id is None:
                changes.append(self._change("no_run_days", {"local_date": new.local_date.isoformat()}, "remove"))
        self._commit(changes)
        return len(removals)

    def set_no_run_day(self, day: date, no_run: bool, gone: Iterable[str] = ()) -> None:
        """Mark `day` as one the user did not run on, deleting the check-ins in `gone` (what
        was said about that day's run), or unmark it."""
        changes = [self._change("checkins", {"id": ident}, "remove") for ident in gone]
        doc = {"local_date": day.isoformat()}
        self._commit([*changes, self._change("no_run_days", doc, "put" if no_run else "remove")])

    def checkins(self) -> list[Checkin]:
        """Every check-in, ordered by recorded_at."""
        return self._reader().checkins()

    def save_experiment(self, experiment: SelfExperiment) -> None:
        """Save a self-experiment, replacing the one with the same id (stopping it early)."""
        self._commit([self._change("experiments", experiment.to_dict())])

    def experiments(self) -> list[SelfExperiment]:
        """Every self-experiment, running or ended, by when it was started."""
        return self._reader().experiments()

    def quiz_results(self) -> list[QuizResult]:
        """Every quiz result, ordered by taken_at."""
        return self._reader().quiz_results()

    def set_lesson_read(self, lesson_id: str, read: bool) -> None:
        """Mark a lesson as read, or as unread again."""
        doc = {"lesson_id": lesson_id}
        self._commit([self._change("lesson_reads", doc, "put" if read else "remove")])

    def lessons_read(self) -> set[str]:
        """The ids of every lesson marked read."""
        return self._reader().lessons_read()

    def setting(self, key: str, default: Any = None) -> Any:
        """The saved value of setting `key`, or `default` when unset or not a value it may hold."""
        return setting_value(tables.settings_of(self._tables()), key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Save a setting; `value` must be JSON-able (else TypeError) and reads back as JSON.

        A known setting with a value it may not hold, and NaN or Infinity anywhere in a
        value, raise ValueError (see SETTING_RULES).
        """
        self._commit([self._setting_change(key, value)])

    def record_quiz(self, result: QuizResult, settings: dict[str, Any]) -> None:
        """Save a squeeze-test result and the settings it decided, in one write."""
        changes = [self._change("quiz_results", result.to_dict())]
        self._commit(changes + [self._setting_change(key, value) for key, value in settings.items()])

    def history(self) -> History:
        """Everything, pending changes included, from one read of the file.

        The same History comes back while the file is unchanged: treat it as read-only.
        """
        from gluteui.core.history.bulk import no_collection
        from gluteui.core.history.reading import TableReader

        found = self._tables()
        with self._guard:
            if self._history is not None and self._history[0] is found:
                return self._history[1]
            waiting = bool(self.pending)
        with no_collection():
            history = TableReader(found, self.path, self.notices).history()
        with self._guard:
            if not waiting and not self.pending:
                self._history = (found, history)
        return history

    def export_data(self) -> dict[str, Any]:
        """Everything, pending changes included, as JSON-able data that `import_data` accepts."""
        from gluteui.core.history import transfer

        return transfer.export(self.history())

    def import_data(self, data: Any, back_up: bool = True, now: datetime | None = None) -> dict[str, int]:
        """Merge an export into the store and return how many new items of each kind came in.

        Records merge by id, and a record already here wins over an imported one with the
        same id; rest days and lesson reads merge as sets; existing settings are kept, only
        missing ones are added. Importing the same data twice changes nothing. The data
        file is backed up first (`back_up`). Raises StoreError naming the record and field
        if `data` is not a valid export, or holds a session or run dated after `now`
        (default: the store's clock), and then nothing is changed.
        """
        from gluteui.core.history import transfer

        changes = transfer.import_changes(data, self._stamp(), now or self._file.now())
        if back_up:
            with held(self._file.lock):
                self._file.back_up_first("before-import")
        return transfer.count_by_kind(self._commit(changes, now=True))

    def save_pending(self) -> None:
        """Try again to save the changes a failed save kept; StoreError if it fails again."""
        self.flush()

    # Backups.

    def backups(self) -> list[Backup]:
        """Every backup in the data folder's backups/, newest first."""
        return self._file.backups()

    def back_up(self) -> Path:
        """Copy the data file into backups/ now; StoreError when that fails or there is nothing yet."""
        with held(self._file.lock):
            self._write_pending(new=0)  # a change still waiting to be saved goes into the backup too
            self._file.back_up_first("manual")
            made = self._file.backups()
        if not made:
            raise StoreError(f"Nothing to back up yet: {self.path} has not been written")
        return made[0].path

    def guarded(self, target: Path) -> str | None:
        """Why an export must not be written over `target` (the data file, a backup, the lock)."""
        return self._file.guarded(target)

    def sessions_in(self, path: Path) -> int:
        """How many sessions the backup at `path` holds; StoreError when it cannot be read."""
        return len(read_restorable(path, self._stamp()).get("sessions", {}))

    def restore(self, path: Path) -> None:
        """Make the backup (or export) at `path` the history, keeping the current one as a backup.

        StoreError, with nothing changed, when `path` is not a GluteUI data file or export.
        """
        found = read_restorable(path, self._stamp())
        self._write_pending(new=0)  # what waits to be saved goes into the backup made first
        self._history = None
        with held(self._file.lock):
            self._file.replace_with(found)

    def _setting_change(self, key: str, value: Any) -> Change:
        check_setting(key, value)
        # The round trip fails here rather than mid-write (NaN and Infinity included, which
        # JSON has not), and makes memory match the file.
        return self._change("settings", {key: json.loads(json.dumps(value, allow_nan=False))})
