"""The log of desk nudges offered: desk.json in the cache dir, beside nudge.json.

In the cache, not the history, for nudge.json's reasons (gluteui/cli_data/reminders.py): a
nudge is this machine's doing, not the user's, and writing the data file from an hourly
timer would race the open app's writer and make a sync copy each hour. So "offered" in the
week's figure counts this machine's nudges; the desk wake-ups done come from the history.
Losing the file costs the week's "offered" count, nothing the user did.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from gluteui.core.history.storage import write_atomically
from gluteui.core.stats.desk import offered_from_data, offered_to_data

DESK_LOG_NAME = "desk.json"


def read_offered(cache: Path) -> list[datetime]:
    """When desk nudges were offered on this machine; none when the log is missing or unreadable."""
    try:
        return offered_from_data(json.loads((cache / DESK_LOG_NAME).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


def note_offered(cache: Path, now: datetime) -> None:
    """Add `now` to the log (written whole, then moved into place); OSError when it cannot be."""
    path = cache / DESK_LOG_NAME
    data = offered_to_data([*read_offered(cache), now], now)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(data), durable=False)
