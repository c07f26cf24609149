"""The subcommands that move history in and out of files: export, import, backups, restore."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import stat
import sys
from datetime import datetime
from pathlib import Path

from gluteui.cli_data.output import say, warn
from gluteui.core.history import backups
from gluteui.core.history.kept import read_json
from gluteui.core.history.storage import StoreError, write_atomically
from gluteui.core.history.store import Store
from gluteui.core.text import plural, spreadsheet_safe
from gluteui.errors import UserError


def sessions_csv(store: Store) -> str:
    """The sessions as CSV; each text cell spreadsheet-safe (an imported id can hold anything)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "local_date", "started_at", "routine_id", "planned_reps",
                     "done_reps", "duration_s", "source", "pauses", "paused_s", "note"])
    for s in store.sessions():
        writer.writerow([spreadsheet_safe(s.id), s.local_date.isoformat(), s.started_at.isoformat(),
                         spreadsheet_safe(s.routine_id), s.planned_reps, s.done_reps, s.duration_s,
                         spreadsheet_safe(s.source), s.pauses, s.paused_s, spreadsheet_safe(s.note)])
    return out.getvalue()


_KINDS = ((stat.S_ISDIR, "it is a folder"), (stat.S_ISFIFO, "it is a FIFO (a named pipe)"),
          (stat.S_ISCHR, "it is a device"), (stat.S_ISBLK, "it is a device"),
          (stat.S_ISSOCK, "it is a socket"))


def _is_standard_output(info: os.stat_result) -> bool:
    try:
        return os.path.samestat(info, os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, io.UnsupportedOperation):  # no real stdout (a test's capture)
        return False


def export_target(store: Store, out: str, what: str = "export", flag: str = "--out") -> Path | None:
    """Where `export --out` (or another command's `flag`) writes: a new path or a regular
    file it may replace; None for standard output ("-", /dev/stdout or whatever stdout is),
    which is written as a stream.

    UserError for what an output must never replace: GluteUI's own files, a folder, a FIFO,
    a device, a read-only file.
    """
    if not out.strip():
        raise UserError(f"{flag} '' names no file")
    path = Path(out)
    if out == "-":
        return None
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise UserError(f"cannot write {out}: {(error.strerror or str(error)).lower()}") from None
    if info is not None and _is_standard_output(info):
        return None
    refused = store.guarded(path)
    if refused is None and info is not None:
        refused = next((why for is_kind, why in _KINDS if is_kind(info.st_mode)), None)
        if refused is None and not stat.S_ISREG(info.st_mode):
            refused = "it is not a regular file"
        elif refused is None and not info.st_mode & stat.S_IWUSR:
            refused = "it is read-only"
    if refused is not None:
        raise UserError(f"will not write the {what} over {out}: {refused}; choose another {flag}")
    return path


def write_output(target: Path | None, out: str, text: str) -> None:
    """Write `text` to `target` (from export_target), or stream it to standard output for None."""
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return
    try:
        # A temp file beside it, then a rename: a failed write leaves the old file whole.
        write_atomically(target, text)
    except OSError as error:
        raise UserError(f"cannot write {out}: {(error.strerror or str(error)).lower()}; "
                        "nothing there was changed") from None


def cmd_export(store: Store, args: argparse.Namespace, now: datetime) -> int:
    target = None if args.out is None else export_target(store, args.out)
    text = sessions_csv(store) if args.format == "csv" else json.dumps(store.export_data(), indent=1)
    if not text.endswith("\n"):
        text += "\n"
    write_output(target, args.out, text)
    if target is not None:
        warn(f"Wrote {args.out}.")
    return 0


def cmd_import(store: Store, args: argparse.Namespace, now: datetime) -> int:
    try:
        data = read_json(Path(args.file))
    except OSError as error:
        raise UserError(f"cannot read {args.file}: {(error.strerror or str(error)).lower()}") from None
    except ValueError as error:
        raise UserError(f"{args.file} is not a GluteUI JSON export: {error}") from None
    try:
        added = store.import_data(data, now=now)
    except StoreError as error:
        raise UserError(f"{args.file}: {error}") from None
    summary = ", ".join(
        f"{count} {kind.replace('_', ' ')}" for kind, count in added.items() if count
    )
    say(f"Imported from {args.file}: {summary or 'nothing new'}. "
          "Where a record was already here, yours was kept.")
    return 0


def _backup_line(store: Store, backup: backups.Backup, now: datetime) -> str:
    try:
        count = store.sessions_in(backup.path)
        held = f"{count} {plural(count, 'session')}"
    except StoreError:
        held = "unreadable"
    when = backups.shown_time(backup, now.tzinfo)
    return f"  {when:%Y-%m-%d %H:%M}  {backups.REASONS[backup.why]:<17} {held:>14}  {backup.path.name}"


def cmd_backups(store: Store, args: argparse.Namespace, now: datetime) -> int:
    if args.now:
        made = store.back_up()
        say(f"Backed up to {made}.")
    found = store.backups()
    folder = store.path.parent / backups.FOLDER
    if not found:
        say(f"No backups yet in {folder}: one is made after a change, once a day.")
        return 0
    say(f"Backups in {folder}, newest first (`gluteui restore NAME` brings one back):")
    for backup in found:
        say(_backup_line(store, backup, now))
    return 0


def cmd_restore(store: Store, args: argparse.Namespace, now: datetime) -> int:
    folder = store.path.parent / backups.FOLDER
    named = folder / args.backup
    path = named if Path(args.backup).name == args.backup and named.is_file() else Path(args.backup)
    if not path.is_file():
        raise UserError(f"{args.backup} is neither a backup in {folder} nor a file")
    store.restore(path)
    say(f"Restored your history from {path}; what it was before is kept in {folder}.")
    return 0


FILE_COMMANDS = {
    "export": cmd_export, "import": cmd_import, "backups": cmd_backups, "restore": cmd_restore,
}
