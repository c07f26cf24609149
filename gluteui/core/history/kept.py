"""What the data file keeps of other versions of itself: backups in `backups/`, sync
conflict copies merged in and kept in `backups/merged/`, a backup restored.

A mixin of DataFile, which supplies the file's paths, its notices, its clock and its
writes; kept apart because it is one idea: no version of the history is thrown away.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gluteui.core.history import backups, bounds, storage, tables
from gluteui.core.history.storage import StoreError, reason


class KeptCopies:
    """Mixed into DataFile."""

    path: Path
    folder: Path
    work: Path
    notices: list[str]
    read_only: str | None
    _backups_known: list[backups.Backup] | None

    # Supplied by DataFile, which overrides these (declared here for the type checker).
    def now(self) -> datetime:
        raise NotImplementedError

    def identity(self) -> tuple[int, int, int] | None:
        raise NotImplementedError

    def write(self, found: tables.Tables, afterword: str = "") -> None:
        raise NotImplementedError

    def _write_read(self, found: tables.Tables) -> bool:
        raise NotImplementedError

    @property
    def backup_folder(self) -> Path:
        return self.folder / backups.FOLDER

    def _merge_copies(self, found: tables.Tables, copies: list[Path]) -> tables.Tables:
        """Merge each conflict copy that reads as a data file, then keep it in backups/merged."""
        from gluteui.core.history.merge import merge

        versions = [found]
        merged_names = []
        for copy in copies:
            try:
                other = self._read_copy(copy)
            except (OSError, ValueError, StoreError) as error:
                why = reason(error) if isinstance(error, OSError) else error
                notice = (f"{copy.name} looks like a sync tool's copy of {self.path.name} but "
                          f"is not a GluteUI data file ({why}); it was left as it is")
                if notice not in self.notices:
                    self.notices.append(notice)
                continue
            versions.append(other)
            merged_names.append(copy)
        if not merged_names:
            return found
        names = ", ".join(copy.name for copy in merged_names)
        if self.read_only is not None:
            # Shown merged all the same; the copies stay for a run that can write to merge.
            notice = (f"Another machine's changes in {names} are shown merged in; the copy stays "
                      f"where it is until {self.folder} can be written")
            if notice not in self.notices:
                self.notices.append(notice)
            return merge(*versions)
        result = merge(*versions)
        # A copy merged before whose move failed changes nothing now: no backup and no write
        # for it again, or every command would add a backup of the same history.
        changes = result != merge(found)
        if changes and self.identity() is not None:
            self._try("back up into", lambda: self.back_up("before-merge"))
        # First: a crash before the moves below merges them again, harmlessly. Unwritten, the
        # copies stay, to be merged by the next save.
        if changes and not self._write_read(result):
            return result
        target = self.backup_folder / backups.MERGED_FOLDER

        def keep_copies() -> None:
            target.mkdir(parents=True, exist_ok=True)
            for copy in merged_names:
                os.replace(copy, backups.free_name(target, copy.name))

        if self._try("keep the merged copies in", keep_copies):
            self.notices.append(f"Merged another machine's changes from {names} into your "
                                f"history; the copy is kept in {target}")
        elif changes:
            self.notices.append(f"Merged another machine's changes from {names} into your "
                                "history; the copy stays where it is")
        return result if changes else found

    def _read_copy(self, path: Path) -> tables.Tables:
        return as_tables(read_json(path), path)

    # Backups.

    def backups(self) -> list[backups.Backup]:
        """Every backup, newest first."""
        self._backups_known = backups.list_backups(self.backup_folder)
        return self._backups_known

    def back_up(self, why: str) -> Path | None:
        """Copy the file into backups/ and rotate; None when there is no file yet."""
        text = bounds.read_text(self.path)
        if text is None:
            return None
        self.backup_folder.mkdir(exist_ok=True)
        target = backups.free_name(self.backup_folder, backups.backup_name(self.now(), why))
        storage.write_atomically(target, text, self.work)
        known = self.backups()
        keep = backups.to_keep(known, target, self.now())
        for backup in known:
            if backup.path not in keep:
                backup.path.unlink(missing_ok=True)
        self._backups_known = [backup for backup in known if backup.path in keep]
        return target

    def _try(self, what: str, action: Callable[[], object]) -> bool:
        """Run a step the user's data does not depend on; a failure becomes a notice (and False)."""
        try:
            action()
        except (OSError, ValueError) as error:
            because = reason(error) if isinstance(error, OSError) else error
            notice = f"Could not {what} {self.backup_folder}: {because}"
            if notice not in self.notices:
                self.notices.append(notice)
            return False
        return True

    def back_up_if_due(self) -> None:
        """After a change: a backup when none is under a day old. A failure is a notice, not an error."""
        known = self._backups_known if self._backups_known is not None else self.backups()
        if backups.is_due(known, self.now().astimezone(UTC)):
            self._try("back up into", lambda: self.back_up("daily"))

    def back_up_first(self, why: str) -> None:
        """The backup an import or a restore must not go ahead without; StoreError when it fails."""
        try:
            self.back_up(why)
        except (OSError, ValueError) as error:
            because = reason(error) if isinstance(error, OSError) else error
            raise StoreError(f"Cannot back up {self.path.name} into {self.backup_folder} "
                             f"({because}), so nothing was changed") from error


    def guarded(self, target: Path) -> str | None:
        """Why an output must not be written over `target` (one of GluteUI's files), else None."""
        real = Path(os.path.realpath(target))
        mine = {
            Path(os.path.realpath(self.path)): "it is your data file",
            Path(os.path.realpath(self.backup_folder)): "it is inside your backups folder",
            Path(os.path.realpath(self.work)): "it is GluteUI's lock and work folder",
        }
        for place in (real, *real.parents):
            if place in mine:
                return mine[place]
        if real.parent == Path(os.path.realpath(self.folder)) and real.name.startswith(f"{self.path.name}."):
            return "it is a copy of your data file that GluteUI set aside"
        return None

    def replace_with(self, found: dict[str, Any]) -> None:
        """Make `found` the data file, keeping the current one as a backup first."""
        self.back_up_first("before-restore")
        self.write(found)


def read_json(path: Path) -> Any:
    """A JSON file parsed within bounds; ValueError when too large, not UTF-8 or not JSON."""
    text = bounds.read_text(path)
    if text is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    return bounds.loads(text)


def as_tables(found: Any, path: Path) -> tables.Tables:
    """Parsed JSON checked as a data file's tables and upgraded; ValueError or StoreError if not.

    What nests too deeply is dropped: this is for copies, which stay kept as files.
    """
    upgraded = tables.upgrade(found, tables.schema_version(found), path)
    bounds.set_aside_damaged(upgraded, tables.KEY_FIELDS)
    return upgraded


def read_restorable(path: Path, stamp: str) -> tables.Tables:
    """The tables a backup (or an export, its records stamped `stamp`) at `path` holds.

    StoreError, naming what is wrong, when it is neither.
    """
    from gluteui.core.history import transfer

    try:
        found = read_json(path)
        if transfer.is_export(found):
            fresh = tables.fresh_tables()
            tables.apply_changes(fresh, transfer.import_changes(found, stamp))
            return fresh
        return as_tables(found, path)
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {reason(error)}") from error
    except ValueError as error:
        raise StoreError(f"{path} is not a GluteUI backup or export: {error}") from error
