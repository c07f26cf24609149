"""The day's nudge as this machine keeps it, for `gluteui nudge` and the open app alike.

- nudge.json in the cache dir: what was sent today (one nudge, one snoozed repeat). Both
  senders read and write it here, so a day never gets more than the rules allow.
- The "open" lock in the data file's work folder: held by a running GluteUI for its whole
  life. While it is held, the app nudges in its own terminal and `gluteui nudge` (the
  timer's) stays quiet, so the user is not nudged twice. The operating system drops the
  lock when the process ends, however it ends, so a crashed app never silences the timer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gluteui.core.history.storage import write_atomically
from gluteui.core.stats.nudge import Decision, Sent, decide, today_facts
from gluteui.core.stats.schedule import Schedule

if TYPE_CHECKING:
    from filelock import FileLock

    from gluteui.core.history.records import History

SENT_NAME = "nudge.json"
OPEN_NAME = "open"


def read_sent(path: Path, today: Sent) -> Sent:
    """The record in `path`; `today` (a fresh one) when it is missing, unreadable or another day's."""
    try:
        return Sent.from_dict(json.loads(path.read_text(encoding="utf-8")), today.day)
    except (OSError, ValueError):
        return today


def write_sent(path: Path, sent: Sent) -> None:
    """Replace the record in `path` at once (never half written); OSError when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(sent.to_dict()), durable=False)


@dataclass(frozen=True)
class Asked:
    """The decision at one moment, with what it was made from (the snooze needs them)."""

    decision: Decision
    schedule: Schedule | None
    sent: Sent
    """The record as read, before the decision."""


def decide_now(history: History, cache: Path, now: datetime, unsaved: Sent | None = None) -> Asked:
    """Whether to nudge at `now`, from the history and the record in `cache`; `unsaved` is
    today's record as the caller last tried to write it, taken when the file still has none."""
    today = today_facts(history, now)
    sent = read_sent(cache / SENT_NAME, Sent(today.day))
    if unsaved is not None and unsaved.day == sent.day and unsaved.nudged and not sent.nudged:
        sent = unsaved
    schedule = Schedule.from_setting(history.setting("reminder", None))
    if not today.activated and skip_day(history, today.day):
        # A nudge to activate would contradict the draw the user agreed to follow.
        skip = Decision(None, "your self-experiment asks you to skip the activation today", sent)
        return Asked(skip, schedule, sent)
    return Asked(decide(today, schedule, sent, now), schedule, sent)


def skip_day(history: History, day: date) -> bool:
    """Whether a self-experiment draws `day` as a day without activation: no nudge then,
    neither before a run nor at the desk."""
    if not history.experiments:
        return False
    from gluteui.core.stats.trial_today import today_assignment  # only with an experiment

    assignment = today_assignment(history, day)
    return assignment is not None and assignment.assigned == "skip"


def app_nudges(schedule: Schedule | None) -> bool:
    """Whether an open app sends the nudge itself: only for a reminder set up and on. A
    `gluteui nudge` without one (run by hand, or from the user's own cron) is left alone."""
    return schedule is not None and schedule.on


def _open_lock(work_folder: Path) -> FileLock:
    from filelock import FileLock  # slow to import: only when first asked

    work_folder.mkdir(parents=True, exist_ok=True)
    # Not thread-local: the app takes it on one thread and it stays taken for all.
    return FileLock(work_folder / OPEN_NAME, timeout=0, thread_local=False)


def hold_open(work_folder: Path) -> FileLock | None:
    """Take the "open" lock of the data file whose work folder is `work_folder`, for as long
    as this process runs; None when another GluteUI holds it (that one nudges). OSError when
    the folder cannot be made."""
    from filelock import Timeout

    lock = _open_lock(work_folder)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def app_open(work_folder: Path) -> bool:
    """Whether a running GluteUI holds the "open" lock of that data file."""
    from filelock import Timeout

    try:
        lock = _open_lock(work_folder)
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return False  # no lock can be there: nothing is open
    lock.release()
    return False
