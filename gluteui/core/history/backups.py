"""Backups of the data file in `backups/`: their names, which to keep, and listing them.

A backup is a whole copy of gluteui.json named by when it was taken (UTC, so two machines
sharing the folder name theirs alike) and why: `gluteui-20241201-101500-daily.json`.
Copies merged from a sync conflict go to `backups/merged/` and are never deleted.

Rotation only ever deletes regular files with exactly that kind of name. It counts ages
from the newest backup before the one just made, not from the clock: a command run once
with the clock years ahead names its own backup then, and would otherwise find every other
backup years old. It keeps:
- every backup named after that moment (the one just made, and any a clock that was ahead,
  here or on a machine sharing the folder, made): no reason to think the others old;
- of the rest, every one under a day old;
- the newest KEEP_EACH of each reason, whatever their age, so the last backups from before
  an import, a restore and a merge survive a clock that jumps ahead (everything else would
  look old to it);
- the newest of each of the last KEEP_DAILY days that have one, and KEEP_WEEKLY weeks.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from gluteui.core.values import FIRST_DAY, LAST_DAY

FOLDER = "backups"
MERGED_FOLDER = "merged"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EACH = 3
DUE_AFTER = timedelta(days=1)
"""A change is backed up when the newest backup is at least this old."""
REASONS = {
    "daily": "after a change",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-merge": "before a merge",
    "manual": "made by you",
}
_NAME = re.compile(r"gluteui-(\d{8}-\d{6})-(" + "|".join(REASONS) + r")(?:-\d+)?\.json")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    """When it was taken, in UTC."""
    why: str
    """One of REASONS."""


def backup_name(taken_at: datetime, why: str) -> str:
    return f"gluteui-{taken_at.astimezone(UTC):%Y%m%d-%H%M%S}-{why}.json"


def parse_name(path: Path) -> Backup | None:
    """The Backup a file name describes, or None for any other file.

    Any date a calendar has is taken, even one before 1970 or after 2199 (a clock set
    wrong made it): such a backup is listed, and kept by rotation while it is in the future.
    """
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return Backup(path, taken, match[2])


def _is_regular(entry: Path) -> bool:
    try:
        return stat.S_ISREG(entry.stat().st_mode)  # a FIFO named like a backup is none
    except OSError:
        return False


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first; other files there are not backups."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [backup for entry in entries
             if (backup := parse_name(entry)) is not None and _is_regular(entry)]
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def shown_time(backup: Backup, zone: tzinfo | None) -> datetime:
    """When the backup was taken, in `zone`; in UTC when its date is outside 1970-2199,
    where a zone's offset could take it past the calendar's end."""
    if FIRST_DAY <= backup.taken_at.date() <= LAST_DAY:
        return backup.taken_at.astimezone(zone)
    return backup.taken_at


def to_keep(backups: Iterable[Backup], made: Path, now: datetime) -> set[Path]:
    """The backups rotation keeps after the one at `made` was taken at `now` (see the
    module's docstring)."""
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    before = max((backup.taken_at for backup in newest_first if backup.path != made), default=now)
    now = min(now, before)
    keep = {made} | {backup.path for backup in newest_first if backup.taken_at > now}
    dated = [backup for backup in newest_first if backup.taken_at <= now]
    keep |= {backup.path for backup in dated if now - backup.taken_at < DUE_AFTER}
    for why in REASONS:
        keep |= {backup.path for backup in [b for b in dated if b.why == why][:KEEP_EACH]}
    periods: tuple[tuple[Callable[[datetime], object], int], ...] = (
        (lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
    )
    for period, count in periods:
        seen: list[object] = []
        for backup in dated:
            key = period(backup.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(backup.path)
    return keep


def is_due(backups: list[Backup], now: datetime) -> bool:
    """Whether a change made at `now` should be backed up: no backup is under a day old.

    One dated after `now` does not count: a machine sharing the folder whose clock was
    ahead would otherwise stop every backup until that date.
    """
    return not any(timedelta(0) <= now - backup.taken_at < DUE_AFTER for backup in backups)


def free_name(folder: Path, name: str) -> Path:
    """`folder / name`, or with -1, -2... before .json when taken (two backups in a second)."""
    target = folder / name
    number = 0
    while target.exists():
        number += 1
        target = folder / f"{name.removesuffix('.json')}-{number}.json"
    return target
