"""The numbers Home and `gluteui stats` show, from one read of the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from gluteui.core.history.records import History
from gluteui.core.stats.streaks import StreakSummary, day_records, summarize


@dataclass(frozen=True)
class Overview:
    """What Home shows about today: streaks, the last squeeze test and lessons read."""

    today: date
    streaks: StreakSummary
    latest_verdict: str | None
    latest_red_flag: bool
    lessons_read: int
    lessons_total: int
    welcome: bool
    """Home still greets a newcomer: no routine or squeeze test yet, and the welcome not dismissed."""
    today_hurt: bool = False
    """Something hurt in a routine today: Home does not send the user out to run."""


def streak_summary(history: History, today: date) -> StreakSummary:
    """Streaks and totals for `today` from everything the store holds."""
    records = day_records(history)
    return summarize(records, history.rest_days, today, history.weekly_target)


def hurt_on(history: History, day: date) -> bool:
    """Whether "it hurts" was pressed in a routine on `day`, the desk's included."""
    return any(s.pain or s.hurt for s in (*history.sessions, *history.desk_sessions) if s.local_date == day)


def overview(history: History, lesson_ids: set[str], now: datetime) -> Overview:
    """Everything Home shows about today."""
    today = history.day_of(now)
    results = history.quiz_results
    return Overview(
        today=today,
        streaks=streak_summary(history, today),
        latest_verdict=results[-1].verdict if results else None,
        latest_red_flag=results[-1].red_flag if results else False,
        lessons_read=len(history.lessons_read & lesson_ids),
        lessons_total=len(lesson_ids),
        welcome=not (history.sessions or results or history.setting("welcome_seen", False)),
        today_hurt=hurt_on(history, today),
    )
