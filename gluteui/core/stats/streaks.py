"""Streak arithmetic: daily and weekly streaks, and how complete each day was.

Pure functions over dates. The clock is always an argument (`today`, `started_at`),
so callers and tests decide what "now" is. Anything dated after `today` is ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from gluteui.core.history.settings import DEFAULT_WEEKLY_TARGET

if TYPE_CHECKING:
    from gluteui.core.history.records import History

ACTIVATION_THRESHOLD = 0.70

_ONE_DAY = timedelta(days=1)
_ONE_WEEK = timedelta(days=7)


def is_activated(planned_reps: int, done_reps: int) -> bool:
    """Return True when `done_reps` reaches ACTIVATION_THRESHOLD of `planned_reps`.

    A session with `planned_reps <= 0` planned nothing, so it never counts.
    """
    if planned_reps <= 0:
        return False
    return done_reps / planned_reps >= ACTIVATION_THRESHOLD


@dataclass(frozen=True)
class DayRecord:
    """One session's contribution to the streak maths: its day and its reps."""

    day: date
    planned_reps: int
    done_reps: int

    def __post_init__(self) -> None:
        if self.planned_reps < 0 or self.done_reps < 0:
            raise ValueError(
                f"reps must not be negative, got planned_reps={self.planned_reps}, "
                f"done_reps={self.done_reps} on {self.day.isoformat()}"
            )


def day_records(history: History) -> list[DayRecord]:
    """What the streak arithmetic needs of each session in `history`."""
    return [DayRecord(s.local_date, s.planned_reps, s.done_reps) for s in history.sessions]


def _completion(record: DayRecord) -> float:
    if record.planned_reps <= 0:
        return 0.0
    return min(1.0, record.done_reps / record.planned_reps)


def day_completion(records: Iterable[DayRecord]) -> dict[date, float]:
    """Best completion ratio (0..1, capped at 1) per day, for the calendar heatmap shade.

    Every day with a record appears, even one whose sessions completed nothing.
    """
    best: dict[date, float] = {}
    for record in records:
        best[record.day] = max(best.get(record.day, 0.0), _completion(record))
    return best


def activated_days(records: Iterable[DayRecord]) -> set[date]:
    """Days with at least one session that reached ACTIVATION_THRESHOLD of its planned reps."""
    return {r.day for r in records if is_activated(r.planned_reps, r.done_reps)}


def current_streak(activated: set[date], rest: set[date], today: date) -> int:
    """Count activated days in the run that reaches today.

    Rest days bridge a run without adding to it. Today not yet activated does not
    break the streak, since the routine may still be done later today.
    """
    day = today if today in activated else today - _ONE_DAY
    streak = 0
    while True:
        if day in activated:
            streak += 1
        elif day not in rest:
            return streak
        day -= _ONE_DAY


def longest_streak(activated: set[date], rest: set[date]) -> int:
    """Most activated days in any run of consecutive activated or rest days."""
    best = 0
    run = 0
    previous: date | None = None
    for day in sorted(activated | rest):
        if previous is None or day - previous != _ONE_DAY:
            run = 0
        if day in activated:
            run += 1
            best = max(best, run)
        previous = day
    return best


def week_start(day: date) -> date:
    """The Monday of the Monday-Sunday week containing `day`."""
    return day - timedelta(days=day.weekday())


def week_activated_days(activated: set[date], today: date) -> int:
    """Activated days so far in today's Monday-Sunday week."""
    monday = week_start(today)
    return sum(1 for day in activated if monday <= day <= today)


def weekly_streak(activated: set[date], today: date, target: int) -> int:
    """Count consecutive weeks with at least `target` activated days, back from this week.

    The current week counts once it is met; while it is not met yet it does not break
    the streak, and counting starts from last week. Raises ValueError if target < 1.
    """
    if target < 1:
        raise ValueError(f"weekly target must be at least 1, got {target}")
    per_week = Counter(week_start(day) for day in activated if day <= today)
    monday = week_start(today)
    if per_week[monday] < target:
        monday -= _ONE_WEEK
    streak = 0
    while per_week[monday] >= target:
        streak += 1
        monday -= _ONE_WEEK
    return streak


@dataclass(frozen=True)
class StreakSummary:
    """Every streak figure the home and progress screens show, computed at once."""

    current_streak: int
    longest_streak: int
    weekly_target: int
    week_activated_days: int
    weekly_streak: int
    total_sessions: int
    activated_days: int
    today_activated: bool
    today_rest: bool

    def to_dict(self) -> dict[str, Any]:
        """A plain JSON-able dict keyed by the field names."""
        return asdict(self)


def summarize(
    records: Sequence[DayRecord],
    rest: set[date],
    today: date,
    weekly_target: int = DEFAULT_WEEKLY_TARGET,
) -> StreakSummary:
    """Compute the StreakSummary for `today`; records and rest days after it are ignored."""
    past = [r for r in records if r.day <= today]
    past_rest = {day for day in rest if day <= today}
    activated = activated_days(past)
    return StreakSummary(
        current_streak=current_streak(activated, past_rest, today),
        longest_streak=longest_streak(activated, past_rest),
        weekly_target=weekly_target,
        week_activated_days=week_activated_days(activated, today),
        weekly_streak=weekly_streak(activated, today, weekly_target),
        total_sessions=len(past),
        activated_days=len(activated),
        today_activated=today in activated,
        today_rest=today in past_rest,
    )
