"""Run check-ins: does an activation before a run go with a calmer back afterwards?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gluteui.core.history.records import Checkin, History
from gluteui.core.stats.streaks import activated_days, day_records

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


def checkin_due(history: History, today: date) -> date | None:
    """The day of the latest activation whose run has not been checked in or skipped yet.

    Called at launch, so any activation it finds was done in an earlier launch.
    """
    records = day_records(history)
    recent = [day for day in activated_days(records) if 0 <= (today - day).days <= CHECKIN_WINDOW_DAYS]
    if not recent:
        return None
    latest = max(recent)
    answered = {checkin.local_date for checkin in history.checkins}
    if latest in answered or history.settings.get("checkin_skipped") == latest.isoformat():
        return None
    return latest
