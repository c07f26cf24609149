"""The Progress calendar over a long history, the check-in's timing, and what Progress's keys
change: pure functions, the clock an argument."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from gluteui.core.history.records import Session
from gluteui.core.stats.calendar import (
    CalendarSpan,
    calendar_span,
    calendar_weeks,
    earliest,
    last_week,
    month_starts,
    move,
    page,
    shade,
)
from gluteui.core.stats.progress import (
    progress_view,
    rest_day_change,
    weekly_target_after,
)
from gluteui.core.stats.question import run_question
from gluteui.core.stats.run_entries import RunEntry
from gluteui.core.stats.runs import RUN_AFTER, run_could_have_followed
from gluteui.core.stats.streaks import week_start
from tests.unit.stats_kit import MONDAY, TODAY, at, checkin, days_ago, history, session

FIRST_SHOWN = MONDAY - timedelta(weeks=25)
"""The Monday that opens the oldest column of a 26-week calendar."""


# --- the calendar ---------------------------------------------------------------------


def span(completion: dict | None = None, rest: set[date] = frozenset(), today: date = TODAY) -> CalendarSpan:
    return calendar_span(today, completion or {}, set(rest))


def test_calendar_shows_monday_to_sunday_columns_ending_in_todays_week():
    weeks = calendar_weeks(span(), TODAY, 26)
    assert len(weeks) == 26
    assert all(len(column) == 7 for column in weeks)
    assert all(column[0].day.weekday() == 0 and column[6].day.weekday() == 6 for column in weeks)
    days = [cell.day for column in weeks for cell in column]
    assert days == [FIRST_SHOWN + timedelta(days=n) for n in range(26 * 7)]
    assert weeks[-1][0].day == MONDAY and TODAY in [cell.day for cell in weeks[-1]]


def test_as_many_weeks_as_asked_for_end_in_the_week_of_the_newest_day():
    assert len(calendar_weeks(span(), TODAY, 47)) == 47
    year_ago = calendar_weeks(span(), TODAY - timedelta(weeks=52), 10)
    assert year_ago[-1][0].day == MONDAY - timedelta(weeks=52)
    assert not any(cell.future or cell.today for column in year_ago for cell in column)


def test_only_the_days_after_today_are_future_and_today_is_marked_once():
    cells = [cell for column in calendar_weeks(span(), TODAY, 26) for cell in column]
    assert [cell.day for cell in cells if cell.today] == [TODAY]
    assert [cell.day for cell in cells if cell.future] == [TODAY + timedelta(days=n) for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("today", "future_days"),
    [(MONDAY, 6), (MONDAY + timedelta(days=6), 0)],
    ids=["monday: the whole week ahead", "sunday: nothing ahead"],
)
def test_the_last_column_is_always_the_week_of_today(today: date, future_days: int):
    last = calendar_weeks(span(today=today), today, 26)[-1]
    assert last[0].day == MONDAY
    assert sum(cell.future for cell in last) == future_days


@pytest.mark.parametrize(
    ("completion", "level"),
    [(0.0, 0), (0.01, 1), (0.25, 1), (0.4, 2), (0.5, 2), (0.75, 3), (1.0, 4), (1.6, 4)],
    ids=["nothing", "one rep still shows", "a quarter", "40% rounds to half", "half",
         "three quarters", "full", "extra set"],
)
def test_shade_levels(completion: float, level: int):
    assert shade(completion) == level


def test_calendar_cells_carry_their_days_shade_and_rest():
    yesterday = days_ago(1)
    weeks = calendar_weeks(span({yesterday: 0.5, TODAY: 1.0}, {days_ago(2)}), TODAY, 26)
    by_day = {cell.day: cell for column in weeks for cell in column}
    assert by_day[yesterday].level == 2
    assert by_day[TODAY].level == 4
    assert by_day[days_ago(2)].rest and by_day[days_ago(2)].level == 0
    assert not by_day[yesterday].rest


def test_the_span_runs_from_the_oldest_records_week_to_today():
    three_years = span({days_ago(3 * 365): 1.0, days_ago(5): 0.5}, {days_ago(400)})
    assert three_years.first == date(2023, 11, 27)  # the Monday of 27 Nov 2023
    assert three_years.weeks == 157
    assert span({}, {days_ago(700)}).first == week_start(days_ago(700)), "a rest day counts too"
    assert span().first == MONDAY and span().weeks == 1
    assert span({TODAY + timedelta(days=30): 1.0}).first == MONDAY, "a record dated later is left out"


def test_cursor_moves_by_days_and_weeks():
    assert move(days_ago(3), 1, span(), 26) == days_ago(2)
    assert move(days_ago(3), -7, span(), 26) == days_ago(10)


def test_cursor_never_moves_past_today():
    assert move(TODAY, 1, span(), 26) == TODAY
    # A week forward from last Friday would be tomorrow: it stops at today instead.
    assert move(days_ago(6), 7, span(), 26) == TODAY


def test_cursor_reaches_all_of_a_long_history_and_stops_at_its_first_week():
    long = span({days_ago(3 * 365): 1.0})
    assert move(TODAY, -7 * 52, long, 26) == TODAY - timedelta(weeks=52), "a year back, past 26 weeks"
    assert move(TODAY, -10_000, long, 26) == long.first
    assert move(long.first, -1, long, 26) == long.first
    assert move(long.first, 10_000, long, 26) == TODAY, "and forward again to today"


def test_a_short_history_can_still_be_browsed_over_every_week_shown():
    assert earliest(span(), 26) == FIRST_SHOWN
    assert move(FIRST_SHOWN + timedelta(days=3), -7, span(), 26) == FIRST_SHOWN
    assert move(TODAY, -10_000, span(), 40) == MONDAY - timedelta(weeks=39)


def test_the_calendar_scrolls_only_as_far_as_the_cursor_needs():
    long = span({days_ago(3 * 365): 1.0})
    assert last_week(days_ago(20), MONDAY, 26, long) == MONDAY, "still in view: no scroll"
    back = TODAY - timedelta(weeks=30)
    assert last_week(back, MONDAY, 26, long) == week_start(back) + timedelta(weeks=25), "cursor at the left edge"
    assert last_week(TODAY, week_start(back), 26, long) == MONDAY, "cursor at the right edge"


def test_the_calendar_never_shows_weeks_after_today_or_before_the_history():
    long = span({days_ago(3 * 365): 1.0})
    assert last_week(TODAY, MONDAY + timedelta(weeks=5), 26, long) == MONDAY
    assert last_week(long.first, long.first, 26, long) == long.first + timedelta(weeks=25)
    # Wider than the history: always the weeks up to today's.
    assert last_week(days_ago(3), days_ago(200), 40, span()) == MONDAY


def test_a_page_moves_cursor_and_weeks_together_as_far_as_the_history_goes():
    long = span({days_ago(3 * 365): 1.0})
    cursor, newest = page(days_ago(2), MONDAY, -1, long, 30)
    assert (cursor, newest) == (days_ago(2) - timedelta(weeks=30), MONDAY - timedelta(weeks=30))
    assert page(cursor, newest, 1, long, 30) == (days_ago(2), MONDAY)
    assert page(TODAY, MONDAY, 1, long, 30) == (TODAY, MONDAY), "nothing after today"
    first_page = page(long.first + timedelta(days=10), long.first + timedelta(weeks=29), -1, long, 30)
    assert first_page == (long.first, long.first + timedelta(weeks=29))


def test_month_names_go_where_a_month_opens_and_only_where_they_fit():
    columns = calendar_weeks(span(), TODAY, 26)
    starts = month_starts(columns, 2)
    assert [f"{monday:%b}" for _, monday in starts] == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert all(columns[index][0].day.day <= 7 for index, _ in starts[1:])
    # Nine columns from Monday 28 Sep: Sep's one column has no room for its name; Oct and Nov.
    narrow = calendar_weeks(span(), TODAY, 9)
    assert [f"{monday:%b}" for _, monday in month_starts(narrow, 2)] == ["Oct", "Nov"]
    # Monday 7 Dec opens December: with two columns left its name fits.
    two_left = calendar_weeks(span(today=date(2026, 12, 15)), date(2026, 12, 15), 6)
    assert [f"{monday:%b}" for _, monday in month_starts(two_left, 2)] == ["Nov", "Dec"]
    # In the first week of the month, today's month is still named: over the last two
    # columns (the week of 30 Nov holds 1-6 Dec), never cut to two letters.
    last_one = calendar_weeks(span(today=date(2026, 12, 8)), date(2026, 12, 8), 6)
    assert [(index, f"{monday:%b}") for index, monday in month_starts(last_one, 2)] == [(0, "Nov"), (4, "Dec")]
    # Unless the month before leaves it no room: then it is left out, not written over.
    crowded = calendar_weeks(span(today=date(2026, 12, 8)), date(2026, 12, 8), 2)
    assert [f"{monday:%b}" for _, monday in month_starts(crowded, 3)] == []


# --- the run check-in -------------------------------------------------------------------


def due(sessions: list[Session], now: datetime, **kwargs: object) -> date | None:
    """The day of the run Home asks about, when it is one known only by its day."""
    asked = run_question(history(sessions, **kwargs), now)
    assert asked is None or asked.run is None
    return None if asked is None else asked.day


NOW = at(TODAY, hour=19)
"""Thursday evening: this morning's activation (07:00, five minutes) is long over."""


@pytest.mark.parametrize("ago", [0, 1, 2])
def test_checkin_is_due_for_a_recent_activation(ago: int):
    assert due([session(days_ago(ago))], NOW) == days_ago(ago)


@pytest.mark.parametrize("ago", [3, -1], ids=["older than two days", "dated after today"])
def test_checkin_is_not_asked_about_an_activation_outside_the_window(ago: int):
    assert due([session(days_ago(ago))], NOW) is None


def test_checkin_is_not_asked_a_minute_after_the_activation():
    done_at = at(TODAY) + timedelta(seconds=300)  # session() starts 07:00 and lasts 300 s
    assert due([session(TODAY)], done_at + timedelta(minutes=1)) is None
    assert due([session(TODAY)], done_at + RUN_AFTER - timedelta(seconds=1)) is None
    assert due([session(TODAY)], done_at + RUN_AFTER) == TODAY


def test_checkin_is_asked_once_the_activations_day_is_over_however_late_it_was():
    late = replace(session(days_ago(1)), started_at=at(TODAY, hour=3, minute=30))  # counts for yesterday
    assert due([late], at(TODAY, hour=3, minute=50)) is None, "twenty minutes on, still yesterday"
    assert due([late], at(TODAY, hour=4, minute=5)) == days_ago(1), "a new day (from 4 a.m.)"


def test_checkin_times_the_run_from_the_days_first_activation():
    evening = replace(session(TODAY), started_at=at(TODAY, hour=18))
    morning = session(TODAY)
    assert due([evening, morning], at(TODAY, hour=18) + timedelta(minutes=10)) == TODAY
    assert due([evening], at(TODAY, hour=18) + timedelta(minutes=10)) is None


def test_a_fresh_activation_leaves_yesterdays_run_to_ask_about():
    assert due([session(days_ago(1)), session(TODAY)], at(TODAY) + timedelta(minutes=6)) == days_ago(1)


def test_run_could_have_followed_is_pure_arithmetic_on_the_given_clock():
    morning = session(TODAY)
    assert not run_could_have_followed(morning, at(TODAY, hour=7) + timedelta(minutes=30), TODAY)
    assert run_could_have_followed(morning, at(TODAY, hour=8, minute=5), TODAY)
    assert run_could_have_followed(morning, at(TODAY, hour=7, minute=6), TODAY + timedelta(days=1))


def test_checkin_is_not_due_for_a_session_below_the_activation_threshold():
    # 27 of 40 reps is under 70%: a run that day was not an activated one.
    assert due([session(days_ago(1), done=27)], NOW) is None
    assert due([session(days_ago(1), done=28)], NOW) == days_ago(1)


def test_checkin_is_not_due_once_answered_or_skipped():
    yesterday = days_ago(1)
    assert due([session(yesterday)], NOW, checkins=[checkin(yesterday, 2)]) is None
    assert due([session(yesterday)], NOW, settings={"checkin_skipped": yesterday.isoformat()}) is None


def test_checkin_asks_about_the_latest_activation_then_the_one_before():
    two_days = [session(days_ago(2)), session(days_ago(1))]
    assert due(two_days, NOW) == days_ago(1)
    # Skipping an older day does not silence a newer activation...
    assert due(two_days, NOW, settings={"checkin_skipped": days_ago(2).isoformat()}) == days_ago(1)
    # ...once the latest is answered, the one before it is asked about next...
    assert due(two_days, NOW, checkins=[checkin(days_ago(1), 3)]) == days_ago(2)
    # ...and skipping the latest leaves the older ones to Progress.
    assert due(two_days, NOW, settings={"checkin_skipped": days_ago(1).isoformat()}) is None


# --- what r and t change ----------------------------------------------------------------


def test_r_marks_a_rest_day_refuses_an_activated_one_and_always_unmarks():
    sessions = [session(days_ago(1)), session(days_ago(2), done=10)]
    view = progress_view(history(sessions, rest={days_ago(3), days_ago(1)}), TODAY, set())
    assert rest_day_change(view, days_ago(4)) is True, "a day with nothing done"
    assert rest_day_change(view, days_ago(2)) is True, "a routine begun and left unfinished"
    assert rest_day_change(view, days_ago(3)) is False, "already a rest day: unmarked"
    assert rest_day_change(view, days_ago(1)) is False, "a rest day that got an activation is unmarked"
    assert rest_day_change(progress_view(history(sessions), TODAY, set()), days_ago(1)) is None


@pytest.mark.parametrize(
    ("target", "step", "wrap", "after"),
    [(3, 1, True, 4), (7, 1, True, 1), (1, -1, True, 7), (3, 1, False, 4), (7, 1, False, 7),
     (1, -1, False, 1), (4, -1, False, 3)],
    ids=["t: one more", "t: 7 goes round to 1", "round the other way", "+", "+ stops at 7",
         "- stops at 1", "-"],
)
def test_weekly_target_steps_between_one_and_seven(target: int, step: int, wrap: bool, after: int):
    assert weekly_target_after(target, step, wrap) == after


def test_one_rule_says_what_the_run_question_is_about():
    """An imported run with no check-in is asked about by name, activated or not; without
    one, the run after the latest activation; with neither, nothing."""
    from dataclasses import replace

    from gluteui.core.runs.record import Run
    from gluteui.core.stats.question import run_question

    activated = history([session(TODAY)])
    assert run_question(activated, NOW) == RunEntry(TODAY, None, activated=True)
    assert run_question(history([]), NOW) is None
    run = Run.new(at(TODAY, hour=17), 1800.0, 5400.0, "Evening run", "running", "run.fit")
    with_run = replace(activated, runs=[run])
    question = run_question(with_run, NOW)
    assert question is not None and (question.day, question.run, question.activated) == (TODAY, run, False)
    assert question.described(NOW.tzinfo) == "17:00, 5.4 km"
