"""Run check-ins: does an activation before a run go with a calmer back afterwards?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gluteui.core.history.records import Checkin, History, Session
from gluteui.core.stats.streaks import is_activated

MIN_RUNS_EACH = 3
"""Fewer runs than this on either side and an average says nothing worth showing."""


@dataclass(frozen=True)
class RunComparison:
    """Run check-ins with and without activation before, side by side."""

    with_activation: int
    without_activation: int
    average_with: float | None
    average_without: float | None

    @property
    def enough(self) -> bool:
        return min(self.with_activation, self.without_activation) >= MIN_RUNS_EACH


def compare_runs(checkins: list[Checkin], activated: set[date]) -> RunComparison:
    """Average discomfort (0-10) on runs with and without an activation the same day."""
    with_scores = [c.score for c in checkins if c.local_date in activated]
    without_scores = [c.score for c in checkins if c.local_date not in activated]

    def mean(scores: list[int]) -> float | None:
        return sum(scores) / len(scores) if scores else None

    return RunComparison(
        len(with_scores), len(without_scores), mean(with_scores), mean(without_scores)
    )


CHECKIN_WINDOW_DAYS = 2
"""Ask about a run only while it is fresh: an activation older than this is left alone."""

RUN_AFTER = timedelta(hours=1)
"""How long after an activation ends a run could have followed (half an hour's run, begun
straight away, and back): before that, "How was your run?" asks about a run not yet had."""


def run_could_have_followed(session: Session, now: datetime, today: date) -> bool:
    """True once a run after `session` is plausible: RUN_AFTER has passed since it ended, or
    the day it counts for is over."""
    ended = session.started_at + timedelta(seconds=session.duration_s)
    return session.local_date < today or now - ended >= RUN_AFTER


def checkin_due(history: History, now: datetime) -> date | None:
    """The day of the latest activation whose run can be asked about and has not been
    checked in or skipped yet; None when there is nothing to ask.

    An activation is asked about only once a run could have followed it (see
    `run_could_have_followed`, timed from that day's first activation) and within
    CHECKIN_WINDOW_DAYS.
    """
    today = history.day_of(now)
    firsts: dict[date, Session] = {}
    for session in history.sessions:
        if not is_activated(session.planned_reps, session.done_reps):
            continue
        if not 0 <= (today - session.local_date).days <= CHECKIN_WINDOW_DAYS:
            continue
        known = firsts.get(session.local_date)
        if known is None or session.started_at < known.started_at:
            firsts[session.local_date] = session
    askable = [day for day, session in firsts.items() if run_could_have_followed(session, now, today)]
    if not askable:
        return None
    latest = max(askable)
    answered = {checkin.local_date for checkin in history.checkins}
    if latest in answered or history.settings.get("checkin_skipped") == latest.isoformat():
        return None
    return latest
