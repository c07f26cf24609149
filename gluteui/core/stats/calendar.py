"""The calendar heatmap's arithmetic: which days it shows and how dark each one is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gluteui.core.stats.streaks import week_start

CALENDAR_WEEKS = 26
SHADES = 4
"""Levels above zero; 0 means nothing done that day."""


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the Progress calendar."""

    day: date
    level: int
    """0 (nothing) to SHADES (a full routine or more)."""
    rest: bool
    today: bool
    future: bool


def shade(completion: float) -> int:
    """Map a completion ratio (0..1) to a level; any work at all shows at least level 1."""
    if completion <= 0:
        return 0
    return max(1, min(SHADES, round(completion * SHADES)))


def calendar_weeks(
    today: date, completion: dict[date, float], rest: set[date], weeks: int = CALENDAR_WEEKS
) -> list[list[CalendarDay]]:
    """`weeks` Monday-to-Sunday columns ending with today's week, oldest first."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    columns = []
    for week in range(weeks):
        column = []
        for weekday in range(7):
            day = first + timedelta(weeks=week, days=weekday)
            column.append(CalendarDay(
                day=day,
                level=shade(completion.get(day, 0.0)),
                rest=day in rest,
                today=day == today,
                future=day > today,
            ))
        columns.append(column)
    return columns


def move(selected: date, today: date, days: int, weeks: int = CALENDAR_WEEKS) -> date:
    """Move the calendar's cursor, staying inside the shown span and never past today."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    target = selected + timedelta(days=days)
    return min(max(target, first), today)
