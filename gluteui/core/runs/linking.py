"""Which runs had an activation before them: one that started 0 to ACTIVATION_WINDOW
before the run did.

All arithmetic is on instants, so a DST change between the two (an hour that happens
twice or not at all) counts as the time that really passed. Which day a run belongs to
is the same rule as for sessions (days.session_day and its day_start_hour).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from gluteui.core.days import DEFAULT_DAY_START_HOUR, session_day
from gluteui.core.runs.record import Run

ACTIVATION_WINDOW = timedelta(hours=3)
"""Glutes woken at lunch are asleep again by an evening run; five minutes on the mat,
changing and getting out of the door fit well inside three hours."""


@dataclass(frozen=True)
class LinkedRun:
    """A run and the start of the activation that came before it, if one did."""

    run: Run
    activation: datetime | None

    @property
    def activated(self) -> bool:
        """Whether an activation started within ACTIVATION_WINDOW before the run."""
        return self.activation is not None


def activation_before(run_start: datetime, session_starts: list[datetime]) -> datetime | None:
    """The latest of the sorted `session_starts` that is 0 to ACTIVATION_WINDOW before
    `run_start` (both ends included), or None. All must be aware and in UTC: Python
    compares and subtracts two times of one zone by the wall clock, hiding a DST change."""
    # bisect_right: a session at exactly the run's start is "0 before" and counts.
    index = bisect.bisect_right(session_starts, run_start)
    if index and run_start - session_starts[index - 1] <= ACTIVATION_WINDOW:
        return session_starts[index - 1]
    return None


def link_runs(runs: Iterable[Run], session_starts: Iterable[datetime]) -> list[LinkedRun]:
    """Each run with the start of the activation before it (see activation_before), in
    start order.

    `session_starts` are the start times of the sessions that count as an activation
    (the caller decides which do, e.g. stats.streaks.is_activated), in any zones.
    Raises ValueError for a naive start time: it has no instant to compare.
    """
    given: dict[datetime, datetime] = {}
    for start in session_starts:
        if start.utcoffset() is None:
            raise ValueError(f"session start must be timezone-aware, got naive {start!r}")
        given.setdefault(start.astimezone(timezone.utc), start)
    instants = sorted(given)
    linked = []
    for run in sorted(runs, key=lambda run: (run.start.astimezone(timezone.utc), run.id)):
        found = activation_before(run.start.astimezone(timezone.utc), instants)
        linked.append(LinkedRun(run, None if found is None else given[found]))
    return linked


def run_day(run: Run, zone: tzinfo | None, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The day a run counts for in the user's `zone` (None: the machine's), by the rule
    sessions follow: a run at 01:00 with day_start_hour 4 belongs to the evening before."""
    return session_day(run.start.astimezone(zone), day_start_hour)
