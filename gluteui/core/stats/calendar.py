"""The calendar heatmap's arithmetic: which days it can show, which weeks it shows, and how
dark each day is.

The calendar shows as many weeks as fit its width (the widget says how many) and scrolls
over all of the history, from the week of the oldest record to today's week.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from gluteui.core.stats.streaks import ACTIVATION_THRESHOLD, week_start

SHADES = 4
"""Levels above zero; 0 means nothing done that day."""

_ONE_WEEK = timedelta(weeks=1)


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the Progress calendar."""

    day: date
    level: int
    """0 (nothing) to SHADES (a full routine or more)."""
    activated: bool
    """A session reached the share of its reps that makes a day count (ACTIVATION_THRESHOLD)."""
    rest: bool
    today: bool
    future: bool


@dataclass(frozen=True)
class CalendarSpan:
    """Everything the calendar can show: the days from the oldest record's week to today."""

    today: date
    first: date
    """The Monday of the oldest week with a session or a rest day (today's week when none)."""
    completion: Mapping[date, float]
    """Best completion ratio (0..1) per day with a session."""
    rest: frozenset[date]

    @property
    def weeks(self) -> int:
        """How many Monday-to-Sunday weeks the history covers, today's week included."""
        return (week_start(self.today) - self.first).days // 7 + 1


def calendar_span(today: date, completion: Mapping[date, float], rest: set[date]) -> CalendarSpan:
    """The span of the history up to `today`; records dated after it are left out."""
    oldest = min((day for day in (*completion, *rest) if day <= today), default=today)
    return CalendarSpan(today, week_start(oldest), completion, frozenset(rest))


def shade(completion: float) -> int:
    """Map a completion ratio (0..1) to a level; any work at all shows at least level 1."""
    if completion <= 0:
        return 0
    return max(1, min(SHADES, round(completion * SHADES)))


def earliest(span: CalendarSpan, shown: int) -> date:
    """The oldest day the cursor may reach: the history's first day, or the first day of the
    `shown` weeks when the history is shorter than the calendar is wide."""
    return min(span.first, week_start(span.today) - _ONE_WEEK * (shown - 1))


def move(selected: date, days: int, span: CalendarSpan, shown: int) -> date:
    """Move the calendar's cursor `days` on (or back), never before the history nor past today."""
    return min(max(selected + timedelta(days=days), earliest(span, shown)), span.today)


def last_week(selected: date, newest: date, shown: int, span: CalendarSpan) -> date:
    """The Monday of the newest week shown once the cursor is on `selected`.

    `newest` is the one shown before; the calendar scrolls only as far as it must to keep
    the cursor in view, and never past today's week or before the history's first.
    """
    back = _ONE_WEEK * (shown - 1)
    newest = week_start(newest)
    cursor_week = week_start(selected)
    if cursor_week > newest:
        newest = cursor_week
    elif cursor_week < newest - back:
        newest = cursor_week + back
    # Never past today's week, nor so far back that the oldest column is before the history.
    return max(min(newest, week_start(span.today)), week_start(earliest(span, shown)) + back)


def page(selected: date, newest: date, pages: int, span: CalendarSpan, shown: int) -> tuple[date, date]:
    """The cursor and the newest week shown after scrolling `pages` calendars' width on (or
    back, when negative): both move by the same number of weeks, as far as the history goes."""
    weeks = _ONE_WEEK * shown * pages
    cursor = move(selected, weeks.days, span, shown)
    return cursor, last_week(cursor, newest + weeks, shown, span)


def calendar_weeks(span: CalendarSpan, newest: date, shown: int) -> list[list[CalendarDay]]:
    """`shown` Monday-to-Sunday columns ending with the week of `newest`, oldest first."""
    first = week_start(newest) - _ONE_WEEK * (shown - 1)
    today = span.today
    columns = []
    for week in range(shown):
        column = []
        for weekday in range(7):
            day = first + timedelta(weeks=week, days=weekday)
            column.append(CalendarDay(
                day=day,
                level=shade(span.completion.get(day, 0.0)),
                activated=span.completion.get(day, 0.0) >= ACTIVATION_THRESHOLD,
                rest=day in span.rest,
                today=day == today,
                future=day > today,
            ))
        columns.append(column)
    return columns


def month_starts(columns: list[list[CalendarDay]], label_columns: int) -> list[tuple[int, date]]:
    """Where each month's name goes above the columns: (column, its Monday) for every column
    whose Monday opens a new month, and for the first column when its month has room.

    A name takes `label_columns` columns; a name that would run into the next one is left
    out rather than cut. The last month's name (the month of today, in the first weeks of it)
    moves left to fit before the edge when the one before leaves it room.
    """
    starts = [
        (index, column[0].day) for index, column in enumerate(columns)
        if index == 0 or column[0].day.month != columns[index - 1][0].day.month
    ]
    fitting: list[tuple[int, date]] = []
    for position, (index, monday) in enumerate(starts):
        last = position + 1 == len(starts)
        next_index = len(columns) if last else starts[position + 1][0]
        if next_index - index >= label_columns:
            fitting.append((index, monday))
        elif last and index > 0:
            moved = len(columns) - label_columns
            free_from = fitting[-1][0] + label_columns if fitting else 0
            if moved >= free_from:
                fitting.append((moved, monday))
    return fitting
