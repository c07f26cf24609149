"""Streak arithmetic: day boundaries, the activation threshold, daily and weekly streaks."""

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gluteui.core.days import session_day
from gluteui.core.stats.streaks import (
    DayRecord,
    activated_days,
    current_streak,
    day_completion,
    is_activated,
    longest_streak,
    summarize,
    week_activated_days,
    week_start,
    weekly_streak,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def days(start: date, count: int) -> set[date]:
    """`count` consecutive days from `start`."""
    return {start + timedelta(days=n) for n in range(count)}


# --- session_day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (1, 0, date(2026, 5, 4)),
        (3, 59, date(2026, 5, 4)),
        (4, 0, date(2026, 5, 5)),
        (23, 59, date(2026, 5, 5)),
    ],
)
def test_session_day_counts_small_hours_for_the_previous_day(hour, minute, expected):
    started_at = datetime(2026, 5, 5, hour, minute, tzinfo=BERLIN)
    assert session_day(started_at) == expected


def test_session_day_with_midnight_start_keeps_the_calendar_date():
    assert session_day(datetime(2026, 5, 5, 0, 0, tzinfo=BERLIN), 0) == date(2026, 5, 5)
    assert session_day(datetime(2026, 5, 5, 23, 59, tzinfo=BERLIN), 0) == date(2026, 5, 5)


def test_session_day_uses_its_own_wall_clock_not_utc():
    # 23:00 at UTC-5 is 04:00 UTC the next day; the user's evening must stay on its date.
    late_evening = datetime(2026, 5, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert session_day(late_evening) == date(2026, 5, 1)
    # 02:00 at UTC+10 is mid-afternoon UTC of the day before; the wall clock decides.
    small_hours = datetime(2026, 5, 2, 2, 0, tzinfo=timezone(timedelta(hours=10)))
    assert session_day(small_hours) == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("started_at", "expected"),
    [
        # Europe/Berlin springs forward 2026-03-29 02:00 -> 03:00.
        (datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), date(2026, 3, 28)),
        (datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN), date(2026, 3, 28)),
        (datetime(2026, 3, 29, 4, 30, tzinfo=BERLIN), date(2026, 3, 29)),
        # ...and falls back 2026-10-25 03:00 -> 02:00, so 02:30 happens twice.
        (datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=BERLIN), date(2026, 10, 24)),
        (datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN), date(2026, 10, 24)),
        (datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN), date(2026, 10, 24)),
        (datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN), date(2026, 10, 25)),
        # America/New_York springs forward 2026-03-08 02:00 -> 03:00.
        (datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK), date(2026, 3, 7)),
        (datetime(2026, 3, 8, 4, 30, tzinfo=NEW_YORK), date(2026, 3, 8)),
        # ...and falls back 2026-11-01 02:00 -> 01:00.
        (datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK), date(2026, 10, 31)),
        (datetime(2026, 11, 1, 3, 30, tzinfo=NEW_YORK), date(2026, 10, 31)),
        (datetime(2026, 11, 1, 4, 30, tzinfo=NEW_YORK), date(2026, 11, 1)),
    ],
)
def test_session_day_follows_wall_clock_across_dst_changes(started_at, expected):
    assert session_day(started_at) == expected


def test_session_day_rejects_naive_datetime():
    with pytest.raises(ValueError, match="aware"):
        session_day(datetime(2026, 5, 5, 7, 0))


@pytest.mark.parametrize("hour", [-1, 24])
def test_session_day_rejects_day_start_hour_out_of_range(hour):
    with pytest.raises(ValueError, match="day_start_hour"):
        session_day(datetime(2026, 5, 5, 7, 0, tzinfo=BERLIN), hour)


# --- activation and completion ---------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "done", "expected"),
    [
        (10, 7, True),
        (10, 6, False),
        (10, 10, True),
        (10, 15, True),
        (20, 14, True),
        (20, 13, False),
        (3, 2, False),  # 66.7%
        (3, 3, True),
        (0, 0, False),  # nothing planned never counts
        (0, 5, False),
    ],
)
def test_activation_threshold_is_seventy_percent(planned, done, expected):
    assert is_activated(planned, done) is expected


def test_day_completion_keeps_best_session_and_caps_at_one():
    monday, tuesday, wednesday = date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3)
    records = [
        DayRecord(monday, 10, 3),
        DayRecord(monday, 10, 8),
        DayRecord(monday, 10, 5),
        DayRecord(tuesday, 10, 25),
        DayRecord(wednesday, 0, 0),
    ]
    assert day_completion(records) == {monday: 0.8, tuesday: 1.0, wednesday: 0.0}


def test_activated_days_needs_one_session_over_threshold():
    monday, tuesday = date(2026, 6, 1), date(2026, 6, 2)
    records = [
        DayRecord(monday, 10, 4),
        DayRecord(monday, 10, 4),  # two weak sessions do not add up
        DayRecord(tuesday, 10, 2),
        DayRecord(tuesday, 10, 7),
    ]
    assert activated_days(records) == {tuesday}


def test_day_record_rejects_negative_reps():
    with pytest.raises(ValueError, match="negative"):
        DayRecord(date(2026, 6, 1), 10, -1)


# --- daily streaks ---------------------------------------------------------------

TODAY = date(2026, 6, 10)


def test_current_streak_counts_today_when_done():
    assert current_streak(days(TODAY - timedelta(days=2), 3), set(), TODAY) == 3


def test_current_streak_survives_today_not_yet_done():
    assert current_streak(days(TODAY - timedelta(days=3), 3), set(), TODAY) == 3


def test_current_streak_broken_by_a_missed_day():
    activated = {TODAY, TODAY - timedelta(days=2), TODAY - timedelta(days=3)}
    assert current_streak(activated, set(), TODAY) == 1
    # Yesterday missed and today not done: the streak is already over.
    assert current_streak(activated - {TODAY}, set(), TODAY) == 0


def test_rest_days_bridge_without_adding():
    activated = {TODAY, TODAY - timedelta(days=3), TODAY - timedelta(days=4)}
    rest = {TODAY - timedelta(days=1), TODAY - timedelta(days=2)}
    assert current_streak(activated, rest, TODAY) == 3


def test_rest_days_alone_are_no_streak():
    assert current_streak(set(), days(TODAY - timedelta(days=5), 6), TODAY) == 0
    assert longest_streak(set(), days(TODAY - timedelta(days=5), 6)) == 0


def test_today_as_rest_day_keeps_streak():
    activated = days(TODAY - timedelta(days=2), 2)
    assert current_streak(activated, {TODAY}, TODAY) == 2


def test_day_both_rest_and_activated_counts():
    assert current_streak({TODAY}, {TODAY}, TODAY) == 1


def test_current_streak_ignores_future_days():
    activated = {TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=2)}
    assert current_streak(activated, {TODAY + timedelta(days=3)}, TODAY) == 1


def test_longest_streak_picks_the_longest_run():
    early = days(date(2026, 1, 5), 5)
    late = days(date(2026, 3, 1), 3)
    assert longest_streak(early | late, set()) == 5


def test_longest_streak_crosses_a_year_boundary():
    activated = days(date(2025, 12, 29), 3) | days(date(2026, 1, 1), 2)
    assert date(2025, 12, 31) in activated
    assert longest_streak(activated, set()) == 5
    assert longest_streak(activated - {date(2025, 12, 31)}, set()) == 2
    assert current_streak(activated, set(), date(2026, 1, 2)) == 5


def test_longest_streak_crosses_a_leap_day():
    activated = {date(2028, 2, 28), date(2028, 3, 1)}
    assert longest_streak(activated, set()) == 1  # Feb 29 2028 exists and was missed
    assert longest_streak(activated | {date(2028, 2, 29)}, set()) == 3
    assert longest_streak(activated, {date(2028, 2, 29)}) == 2


def test_longest_streak_includes_an_unfinished_today():
    activated = days(TODAY - timedelta(days=4), 4)
    assert longest_streak(activated, set()) == current_streak(activated, set(), TODAY) == 4


# --- weeks -----------------------------------------------------------------------


def test_week_start_sunday_and_monday_fall_in_different_weeks():
    sunday, monday = date(2026, 6, 7), date(2026, 6, 8)
    assert week_start(sunday) == date(2026, 6, 1)
    assert week_start(monday) == monday


def test_week_spanning_new_year_is_one_week():
    week = days(date(2026, 12, 28), 7)
    assert {week_start(day) for day in week} == {date(2026, 12, 28)}
    assert week_activated_days(week, date(2027, 1, 3)) == 7


def test_iso_week_53_is_one_week():
    # 2026 has an ISO week 53: Mon 2026-12-28 .. Sun 2027-01-03.
    assert date(2026, 12, 28).isocalendar()[:2] == (2026, 53)
    assert week_start(date(2027, 1, 3)) == date(2026, 12, 28)
    assert week_start(date(2027, 1, 4)) == date(2027, 1, 4)


def test_week_activated_days_counts_only_this_week_so_far():
    wednesday = date(2026, 6, 10)
    activated = {
        date(2026, 6, 7),  # last Sunday
        date(2026, 6, 8),
        date(2026, 6, 10),
        date(2026, 6, 12),  # Friday, still in the future
    }
    assert week_activated_days(activated, wednesday) == 2


def met_weeks(mondays: list[date], per_week: int) -> set[date]:
    """`per_week` activated days in each week starting on the given Mondays."""
    return {monday + timedelta(days=n) for monday in mondays for n in range(per_week)}


THIS_MONDAY = date(2026, 6, 8)
PAST_MONDAYS = [THIS_MONDAY - timedelta(weeks=n) for n in (1, 2, 3)]


def test_weekly_streak_counts_current_week_once_met():
    activated = met_weeks([THIS_MONDAY, *PAST_MONDAYS], 3)
    assert weekly_streak(activated, THIS_MONDAY + timedelta(days=2), 3) == 4


def test_weekly_streak_unmet_current_week_does_not_break():
    activated = met_weeks(PAST_MONDAYS, 3) | {THIS_MONDAY}
    assert weekly_streak(activated, THIS_MONDAY + timedelta(days=2), 3) == 3


def test_weekly_streak_ignores_sessions_dated_after_today():
    tuesday = THIS_MONDAY + timedelta(days=1)
    activated = met_weeks(PAST_MONDAYS, 3) | {THIS_MONDAY, tuesday, tuesday + timedelta(days=1)}
    assert weekly_streak(activated, tuesday, 3) == 3


def test_weekly_streak_broken_by_a_missed_week():
    activated = met_weeks([THIS_MONDAY, PAST_MONDAYS[0], PAST_MONDAYS[2]], 3)
    assert weekly_streak(activated, THIS_MONDAY + timedelta(days=6), 3) == 2


def test_weekly_streak_target_is_configurable():
    activated = met_weeks(PAST_MONDAYS, 2)
    today = THIS_MONDAY + timedelta(days=1)
    assert weekly_streak(activated, today, 2) == 3
    assert weekly_streak(activated, today, 3) == 0
    assert weekly_streak(activated, today, 1) == 3


def test_weekly_streak_rejects_target_below_one():
    with pytest.raises(ValueError, match="target"):
        weekly_streak(set(), THIS_MONDAY, 0)


def test_weekly_streak_across_new_year_week():
    activated = met_weeks([date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)], 3)
    assert weekly_streak(activated, date(2027, 1, 7), 3) == 3


# --- summary ---------------------------------------------------------------------

SUMMARY_KEYS = {
    "current_streak",
    "longest_streak",
    "weekly_target",
    "week_activated_days",
    "weekly_streak",
    "total_sessions",
    "activated_days",
    "today_activated",
    "today_rest",
}


def test_summarize_reports_every_figure():
    today = date(2026, 6, 10)  # Wednesday
    records = [
        DayRecord(date(2026, 6, 1), 10, 10),
        DayRecord(date(2026, 6, 2), 10, 9),
        DayRecord(date(2026, 6, 3), 10, 8),
        DayRecord(date(2026, 6, 8), 10, 2),  # too little to count
        DayRecord(date(2026, 6, 9), 10, 7),
        DayRecord(date(2026, 6, 10), 10, 10),
        DayRecord(date(2026, 6, 11), 10, 10),  # tomorrow: ignored
    ]
    rest = {date(2026, 6, 4), date(2026, 6, 5), date(2026, 6, 6), date(2026, 6, 7)}
    summary = summarize(records, rest, today)
    assert summary.to_dict() == {
        "current_streak": 2,
        "longest_streak": 3,
        "weekly_target": 3,
        "week_activated_days": 2,
        "weekly_streak": 1,
        "total_sessions": 6,
        "activated_days": 5,
        "today_activated": True,
        "today_rest": False,
    }


def test_summary_dict_has_exactly_the_documented_keys_and_is_json():
    data = summarize([], set(), date(2026, 6, 10), weekly_target=2).to_dict()
    assert set(data) == SUMMARY_KEYS
    assert json.loads(json.dumps(data)) == data
    assert data["weekly_target"] == 2


def test_summarize_ten_years_of_sessions():
    start = date(2016, 6, 13)  # a Monday, so every week from here on is whole
    today = date(2026, 6, 10)  # a Wednesday, 3 days into its week
    span = (today - start).days + 1
    records = [
        DayRecord(start + timedelta(days=n), 10, done)
        for n in range(span)
        for done in (2, 10, 5)  # only the middle session of each day counts
    ]
    assert len(records) > 10_000
    summary = summarize(records, set(), today)
    assert summary.current_streak == summary.longest_streak == summary.activated_days == span
    assert summary.total_sessions == 3 * span
    assert summary.weekly_streak == 522  # 521 whole weeks plus this one, met on Wednesday


# --- properties ------------------------------------------------------------------

BASE = date(2027, 12, 1)  # the 100-day window below crosses a year end and a leap day
day_in_window = st.integers(0, 99).map(lambda n: BASE + timedelta(days=n))
day_sets = st.sets(day_in_window, max_size=70)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def brute_longest(activated: set[date], rest: set[date]) -> int:
    """Longest streak by trying every window of consecutive days."""
    covered = activated | rest
    best = 0
    for start in covered:
        end = start
        while end in covered:
            window = days(start, (end - start).days + 1)
            best = max(best, len(window & activated))
            end += timedelta(days=1)
    return best


@PROPERTY_SETTINGS
@given(day_sets, day_sets, day_in_window)
def test_longest_is_never_below_current(activated, rest, today):
    assert longest_streak(activated, rest) >= current_streak(activated, rest, today)


@PROPERTY_SETTINGS
@given(day_sets, day_sets)
def test_longest_matches_brute_force(activated, rest):
    assert longest_streak(activated, rest) == brute_longest(activated, rest)


@PROPERTY_SETTINGS
@given(day_sets, day_sets, day_in_window, day_in_window)
def test_adding_an_activated_day_never_lowers_a_streak(activated, rest, today, extra):
    assert longest_streak(activated | {extra}, rest) >= longest_streak(activated, rest)
    assert current_streak(activated | {extra}, rest, today) >= current_streak(
        activated, rest, today
    )


@PROPERTY_SETTINGS
@given(day_sets, day_sets, day_in_window, day_in_window)
def test_rest_day_only_joins_runs_and_never_adds_length(activated, rest, today, extra):
    with_rest = rest | {extra}
    assert longest_streak(activated, with_rest) >= longest_streak(activated, rest)
    assert current_streak(activated, with_rest, today) >= current_streak(activated, rest, today)
    assert longest_streak(activated, with_rest) <= len(activated)
    lookback = len(activated | with_rest) + 1
    recent = {d for d in activated if 0 <= (today - d).days <= lookback}
    assert current_streak(activated, with_rest, today) <= len(recent)


@PROPERTY_SETTINGS
@given(day_sets, day_sets, day_in_window, st.integers(-800, 800))
def test_streaks_do_not_depend_on_the_calendar_position(activated, rest, today, shift_days):
    shift = timedelta(days=shift_days)
    moved_activated = {d + shift for d in activated}
    moved_rest = {d + shift for d in rest}
    assert current_streak(moved_activated, moved_rest, today + shift) == current_streak(
        activated, rest, today
    )
    assert longest_streak(moved_activated, moved_rest) == longest_streak(activated, rest)
    moved_by_weeks = {d + timedelta(weeks=shift_days) for d in activated}
    assert weekly_streak(moved_by_weeks, today + timedelta(weeks=shift_days), 2) == (
        weekly_streak(activated, today, 2)
    )


@PROPERTY_SETTINGS
@given(day_sets, day_in_window, st.integers(1, 7), day_in_window)
def test_weekly_streak_monotonic_in_target_and_activity(activated, today, target, extra):
    streak = weekly_streak(activated, today, target)
    assert weekly_streak(activated, today, target + 1) <= streak
    assert weekly_streak(activated | {extra}, today, target) >= streak
