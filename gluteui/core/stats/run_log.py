"""The runs as the user reads them: newest first, each with its activation mark and the
check-in about it.

A check-in names its run when it was made for one; an older check-in, about "the run that
day", is taken for the run of that day when there was only one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from gluteui.core.history.records import Checkin, History
from gluteui.core.runs.linking import link_runs, run_day
from gluteui.core.runs.record import Run
from gluteui.core.stats.streaks import is_activated

if TYPE_CHECKING:
    from gluteui.core.stats.answers import RunAnswer


@dataclass(frozen=True)
class RunRow:
    run: Run
    activated: bool
    checkin: int | None
    """The lower back on that run, 0 (no discomfort) to 10, or None when not told."""
    answered_at: datetime | None = None
    """When that check-in was recorded: the order milestone readings follow (stats/milestones.py)."""
    hamstrings: int | None = None
    """The hamstrings on that run, when the check-in asked about them apart."""
    about: tuple[str, ...] = ()
    """The ids of every check-in about the run: what changing or removing its answer replaces."""

    def to_dict(self) -> dict[str, Any]:
        """What `gluteui runs --json` prints for the run."""
        return {
            "id": self.run.id,
            "start": self.run.start.isoformat(),
            "distance_m": self.run.distance_m,
            "duration_s": self.run.duration_s,
            "moving_s": self.run.moving_s,
            "name": self.run.name,
            "sport": self.run.sport,
            "activated": self.activated,
            "checkin": self.checkin,
            "hamstrings": self.hamstrings,
            "source": self.run.source,
        }


def run_rows(history: History, zone: tzinfo | None) -> list[RunRow]:
    """Every imported run, newest first, with whether it was activated and its check-in.

    A run's day (for a check-in about "the run that day") is read in `zone`, the user's
    (None: the machine's), never in the zone the run was stored in: a watch's file gives
    UTC, and 07:00 in Sydney is the evening before in UTC."""
    starts = [s.started_at for s in history.sessions if is_activated(s.planned_reps, s.done_reps)]
    linked = link_runs(history.runs, starts)
    hour = history.day_start_hour
    day_of = {item.run.id: run_day(item.run, zone, hour) for item in linked}
    runs_on = Counter(day_of.values())
    by_run: dict[str, list[Checkin]] = {}
    by_day: dict[date, list[Checkin]] = {}
    for checkin in history.checkins:  # by recorded_at: the latest word on a run wins
        if checkin.run_id is not None:
            by_run.setdefault(checkin.run_id, []).append(checkin)
        else:
            by_day.setdefault(checkin.local_date, []).append(checkin)
    rows = []
    for item in linked:
        day = day_of[item.run.id]
        named = by_run.get(item.run.id, [])
        # A check-in that names the run wins over one about "the run that day".
        found = by_day.get(day, []) + named if runs_on[day] == 1 else named
        if not found:
            rows.append(RunRow(item.run, item.activated, None))
        else:
            latest = found[-1]
            rows.append(RunRow(item.run, item.activated, latest.score, latest.recorded_at,
                               latest.hamstrings, tuple(checkin.id for checkin in found)))
    return rows[::-1]


@dataclass(frozen=True)
class RunsView:
    """What Progress shows of the runs: the latest ones and the answered runs compared."""

    recent: list[RunRow]
    """The latest runs, newest first."""
    answers: list[RunAnswer]
    """Every run with a check-in, oldest first: the comparison (core/stats/comparison.py,
    worked out apart: on a long history it takes a moment) and the plot."""
    total: int
    activated: int
    hamstrings: str | None = None
    """The hamstrings' own line (core/stats/hamstrings.py), once some run has their score."""


def runs_view(rows: list[RunRow], zone: tzinfo | None, recent: int = 6) -> RunsView:
    """The runs as Progress shows them, with the time of day read in `zone` (the user's)."""
    from gluteui.core.stats.answers import answers_from_rows
    from gluteui.core.stats.hamstrings import hamstrings_estimate, hamstrings_words

    return RunsView(
        recent=rows[:recent],
        answers=answers_from_rows(rows, zone),
        total=len(rows),
        activated=sum(row.activated for row in rows),
        hamstrings=hamstrings_words(hamstrings_estimate(rows)),
    )
