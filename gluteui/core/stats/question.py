"""What "How was your run?" asks about on Home, in one rule (Progress lists the rest)."""

from __future__ import annotations

from datetime import date, datetime

from gluteui.core.history.records import History
from gluteui.core.stats.run_entries import RunEntry, missed
from gluteui.core.stats.runs import CHECKIN_WINDOW_DAYS


def run_question(history: History, now: datetime) -> RunEntry | None:
    """The latest run waiting for an answer (run_entries.missed) from the last
    CHECKIN_WINDOW_DAYS, whether an activation came before it or not; None when there is
    none. A run on or before the day of the last question skipped (the checkin_skipped
    setting) is not asked about again here: it waits on Progress."""
    today = history.day_of(now)
    skipped = history.setting("checkin_skipped", None)
    after = date.fromisoformat(skipped) if isinstance(skipped, str) else date.min
    for entry in missed(history, now):
        if (today - entry.day).days > CHECKIN_WINDOW_DAYS:
            return None
        if entry.day > after:
            return entry
    return None
