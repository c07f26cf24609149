"""Which day a moment counts for: runners who train after midnight keep yesterday's day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

DEFAULT_DAY_START_HOUR = 4


def session_day(started_at: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """Return the local date a session belongs to.

    `started_at` must be an aware datetime already in the user's local zone. Its
    wall-clock time is shifted back by `day_start_hour`, so with the default of 4 a
    session at 01:00 counts for the previous day and one at 04:00 for the same day.

    Raises ValueError for a naive datetime or a `day_start_hour` outside 0..23.
    """
    if started_at.tzinfo is None or started_at.utcoffset() is None:
        raise ValueError(f"started_at must be timezone-aware, got naive {started_at!r}")
    if not 0 <= day_start_hour <= 23:
        raise ValueError(f"day_start_hour must be in 0..23, got {day_start_hour}")
    # Shift the naive wall-clock time: shifting the absolute instant would move the
    # day boundary by an hour on DST change days.
    wall_clock = started_at.replace(tzinfo=None)
    return (wall_clock - timedelta(hours=day_start_hour)).date()
