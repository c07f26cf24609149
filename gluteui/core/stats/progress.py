"""Everything the Progress screen shows, computed in one pass over one read of the store,
and what its keys change."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from gluteui.core.history.records import History, QuizResult, Session
from gluteui.core.stats.calendar import CalendarSpan, calendar_span
from gluteui.core.stats.desk import DeskWeek, desk_week
from gluteui.core.stats.streaks import (
    StreakSummary,
    activated_days,
    day_completion,
    day_records,
    summarize,
)

QUIZ_TREND_LENGTH = 6
WEEKLY_TARGETS = range(1, 8)
"""The weekly targets a user may choose: one to seven activated days."""


@dataclass(frozen=True)
class ProgressView:
    """Everything the Progress screen shows, worked out from the history."""

    today: date
    streaks: StreakSummary
    calendar: CalendarSpan
    sessions_by_day: dict[date, list[Session]]
    rest_days: set[date]
    activated: frozenset[date]
    """Days with a session that reached the activation threshold."""
    latest_quiz: QuizResult | None
    """The last squeeze test, whatever its end (a red flag included)."""
    quiz_trend: list[QuizResult]
    """The last full tests: one a red flag cut short has scores for only part of it."""
    lessons_read: int
    lessons_total: int
    reps_by_exercise: dict[str, int]
    desk: DeskWeek | None = None
    """This week's desk wake-ups done and offered; None for a user who never had one of either."""
    desk_by_day: dict[date, int] = field(default_factory=dict)
    """Desk wake-ups on each day that had one: shown with the day, apart from its sessions."""


def reps_by_exercise(sessions: list[Session]) -> dict[str, int]:
    """Total reps per exercise over all sessions, both sides counted."""
    totals: dict[str, int] = defaultdict(int)
    for session in sessions:
        for exercise, sides in session.reps.items():
            totals[exercise] += sum(sides.values())
    return dict(totals)


def progress_view(history: History, today: date, lesson_ids: set[str],
                  desk_offered: Sequence[datetime] = ()) -> ProgressView:
    """Streaks, calendar and trends for `today`, from one snapshot of the store; and the
    week's desk wake-ups against `desk_offered`, the desk nudges this machine showed."""
    records = day_records(history)
    by_day: dict[date, list[Session]] = defaultdict(list)
    for session in history.sessions:
        by_day[session.local_date].append(session)
    activated = activated_days(records)
    return ProgressView(
        today=today,
        streaks=summarize(records, history.rest_days, today, history.weekly_target),
        calendar=calendar_span(today, day_completion(records), history.rest_days),
        sessions_by_day=dict(by_day),
        rest_days=set(history.rest_days),
        activated=frozenset(activated),
        latest_quiz=history.quiz_results[-1] if history.quiz_results else None,
        quiz_trend=[r for r in history.quiz_results if not r.red_flag][-QUIZ_TREND_LENGTH:],
        lessons_read=len(history.lessons_read & lesson_ids),
        lessons_total=len(lesson_ids),
        reps_by_exercise=reps_by_exercise(history.sessions),
        desk_by_day=dict(Counter(s.local_date for s in history.desk_sessions)),
        desk=(desk_week([s.local_date for s in history.desk_sessions], desk_offered, today, history.day_of)
              if history.desk_sessions or desk_offered else None),
    )


def rest_day_change(view: ProgressView, day: date) -> bool | None:
    """What marking `day` as a rest day does: True marks it, False unmarks a rest day, and
    None refuses, because a day with an activation was no rest day.

    A day with only an unfinished session may still be one: the routine was begun, then
    left for rest. A rest day that later got an activation (marked from the command line,
    or merged from another machine) can always be unmarked.
    """
    if day in view.rest_days:
        return False
    if day in view.activated:
        return None
    return True


def weekly_target_after(target: int, step: int, wrap: bool) -> int:
    """The weekly target after a step up (+1) or down (-1): `wrap` goes round from 7 to 1
    (and 1 to 7); otherwise it stops at the ends of WEEKLY_TARGETS."""
    low, high = WEEKLY_TARGETS[0], WEEKLY_TARGETS[-1]
    if wrap:
        return (target - low + step) % len(WEEKLY_TARGETS) + low
    return max(low, min(high, target + step))
