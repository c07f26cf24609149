"""`gluteui status`: one line for tmux, a shell prompt or a status bar, run every few seconds.

Apart from cli_data so that it does not pay for the data commands' imports (content, export).

Reading ten years of history takes a few hundred milliseconds, so the line's facts are kept
in a small file in the cache dir, keyed by the data file's and folder's size and times and
by the day: while the history is unchanged the answer costs one small read. Any change
(a session, a rest day, a sync copy arriving) or a new day reads the history again.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gluteui import locations
from gluteui.core.days import session_day
from gluteui.core.history.settings import setting_value
from gluteui.core.stats.nudge import Today, status_line
from gluteui.core.stats.schedule import Schedule
from gluteui.core.text import printable
from gluteui.errors import UserError

CACHE_NAME = "status.json"


def _stamp(data_dir: Path) -> list[int | str]:
    """What changes whenever the history may have: the file's size and time, the folder's time
    (a sync tool's conflict copy appearing), and the path itself."""
    try:
        file = (data_dir / locations.DATA_FILE_NAME).stat()
        folder = data_dir.stat()
    except FileNotFoundError:
        return [str(data_dir.resolve()), 0, 0, 0]
    return [str(data_dir.resolve()), file.st_mtime_ns, file.st_size, folder.st_mtime_ns]


def _cached(path: Path, stamp: list[int | str], now: datetime) -> tuple[Today, Any, str | None] | None:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["stamp"] != stamp:
            return None
        facts = kept["today"]
        today = Today(date.fromisoformat(facts["day"]), facts["activated"] is True, facts["rest"] is True,
                      int(facts["streak"]))
        if session_day(now, int(kept["day_start_hour"])) != today.day:
            return None
    except (OSError, ValueError, TypeError, KeyError):
        return None  # no cache yet, or one from another version: read the history
    experiment = kept.get("experiment")
    return today, setting_value(kept, "reminder", None), experiment if isinstance(experiment, str) else None


def _keep(path: Path, stamp: list[int | str], today: Today, day_start_hour: int, reminder: Any,
          experiment: str | None) -> None:
    facts = asdict(today) | {"day": today.day.isoformat()}
    text = json.dumps({"stamp": stamp, "today": facts, "day_start_hour": day_start_hour, "reminder": reminder,
                       "experiment": experiment})
    from gluteui.core.history.storage import write_atomically  # only on a miss, which reads the store anyway

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text, durable=False)
    except OSError:
        pass  # the cache only saves time: without it every call reads the history


def status_text(data_dir: Path, cache: Path, now: datetime) -> str:
    """The status line at `now` for the history in `data_dir`, through the cache file `cache`."""
    stamp = _stamp(data_dir)
    found = _cached(cache, stamp, now)
    if found is None:
        from gluteui.core.history.store import Store, StoreError
        from gluteui.core.stats.nudge import today_facts
        from gluteui.core.stats.trial_today import status_state

        try:
            history = Store.open(data_dir).history()
        except StoreError as error:
            raise UserError(str(error)) from None
        today = today_facts(history, now)
        reminder = history.setting("reminder", None)
        experiment = status_state(history, today.day)
        # Kept under the stamp from before the read: a change made meanwhile is read next time.
        _keep(cache, stamp, today, history.day_start_hour, reminder, experiment)
    else:
        today, reminder, experiment = found
    return status_line(today, Schedule.from_setting(reminder), now.weekday(), experiment)


def cmd_status(args: argparse.Namespace, now: datetime) -> int:
    print(printable(status_text(locations.data_dir(args.data_dir), locations.cache_dir() / CACHE_NAME, now)))
    return 0
