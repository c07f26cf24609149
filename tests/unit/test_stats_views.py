"""What Home and Progress show, from a History built in the test: calendar, check-ins, views.

These functions were reached only through Pilot tests; here each takes its clock as an
argument, so every case is exact and instant.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from itertools import count

import pytest

from gluteui.core.history.records import Checkin, History, QuizResult, Session
from gluteui.core.stats.calendar import CALENDAR_WEEKS, calendar_weeks, move, shade
from gluteui.core.stats.overview import overview, streak_summary
from gluteui.core.stats.progress import progress_view, reps_by_exercise
from gluteui.core.stats.runs import checkin_due, compare_runs

TODAY = date(2026, 11, 26)
"""A Thursday, as in the app tests."""
MONDAY = date(2026, 11, 23)
FIRST_SHOWN = MONDAY - timedelta(weeks=CALENDAR_WEEKS - 1)
"""The Monday that opens the oldest calendar column."""

_ids = count(1)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def session(day: date, done: int = 40, planned: int = 40, reps: dict | None = None) -> Session:
    return Session(
        id=f"s{next(_ids)}",
        local_date=day,
        started_at=at(day),
        routine_id="standard",
        planned_reps=planned,
        done_reps=done,
        reps=reps if reps is not None else {"bridge": {"both": done}},
        duration_s=300.0,
        source="app",
        feel={},
    )


def checkin(day: date, score: int) -> Checkin:
    return Checkin(id=f"c{next(_ids)}", local_date=day, score=score, recorded_at=at(day, 20))


def quiz(day: date, verdict: str, red_flag: bool = False) -> QuizResult:
    return QuizResult(
        id=f"q{next(_ids)}", local_date=day, taken_at=at(day), scores={"left": 6, "right": 4},
        verdict=verdict, weaker_side="right", red_flag=red_flag,
    )


def history(
    sessions: list[Session] = (),
    rest: set[date] = frozenset(),
    checkins: list[Checkin] = (),
    quiz_results: list[QuizResult] = (),
    lessons_read: set[str] = frozenset(),
    settings: dict | None = None,
) -> History:
    return History(
        sessions=list(sessions), rest_days=set(rest), checkins=list(checkins),
        quiz_results=list(quiz_results), lessons_read=set(lessons_read), settings=settings or {},
    )


# --- the calendar ---------------------------------------------------------------------


def test_calendar_is_26_monday_to_sunday_columns_ending_in_todays_week():
    weeks = calendar_weeks(TODAY, {}, set())
    assert len(weeks) == 26
    assert all(len(column) == 7 for column in weeks)
    assert all(column[0].day.weekday() == 0 and column[6].day.weekday() == 6 for column in weeks)
    days = [cell.day for column in weeks for cell in column]
    assert days == [FIRST_SHOWN + timedelta(days=n) for n in range(26 * 7)]
    assert weeks[-1][0].day == MONDAY and TODAY in [cell.day for cell in weeks[-1]]


def test_only_the_days_after_today_are_future_and_today_is_marked_once():
    cells = [cell for column in calendar_weeks(TODAY, {}, set()) for cell in column]
    assert [cell.day for cell in cells if cell.today] == [TODAY]
    assert [cell.day for cell in cells if cell.future] == [TODAY + timedelta(days=n) for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("today", "future_days"),
    [(MONDAY, 6), (MONDAY + timedelta(days=6), 0)],
    ids=["monday: the whole week ahead", "sunday: nothing ahead"],
)
def test_the_last_column_is_always_the_week_of_today(today: date, future_days: int):
    last = calendar_weeks(today, {}, set())[-1]
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
    weeks = calendar_weeks(TODAY, {yesterday: 0.5, TODAY: 1.0}, {days_ago(2)})
    by_day = {cell.day: cell for column in weeks for cell in column}
    assert by_day[yesterday].level == 2
    assert by_day[TODAY].level == 4
    assert by_day[days_ago(2)].rest and by_day[days_ago(2)].level == 0
    assert not by_day[yesterday].rest


def test_cursor_moves_by_days_and_weeks_inside_the_span():
    assert move(days_ago(3), TODAY, 1) == days_ago(2)
    assert move(days_ago(3), TODAY, -7) == days_ago(10)


def test_cursor_never_moves_past_today():
    assert move(TODAY, TODAY, 1) == TODAY
    # A week forward from last Friday would be tomorrow: it stops at today instead.
    assert move(days_ago(6), TODAY, 7) == TODAY


def test_cursor_never_moves_before_the_first_shown_week():
    assert move(FIRST_SHOWN, TODAY, -1) == FIRST_SHOWN
    assert move(FIRST_SHOWN + timedelta(days=3), TODAY, -7) == FIRST_SHOWN
    assert move(TODAY, TODAY, -10_000) == FIRST_SHOWN


# --- the run check-in -------------------------------------------------------------------


@pytest.mark.parametrize("ago", [0, 1, 2])
def test_checkin_is_due_for_a_recent_activation(ago: int):
    assert checkin_due(history([session(days_ago(ago))]), TODAY) == days_ago(ago)


@pytest.mark.parametrize("ago", [3, -1], ids=["older than two days", "dated after today"])
def test_checkin_is_not_asked_about_an_activation_outside_the_window(ago: int):
    assert checkin_due(history([session(days_ago(ago))]), TODAY) is None


def test_checkin_is_not_due_for_a_session_below_the_activation_threshold():
    # 27 of 40 reps is under 70%: a run that day was not an activated one.
    assert checkin_due(history([session(days_ago(1), done=27)]), TODAY) is None
    assert checkin_due(history([session(days_ago(1), done=28)]), TODAY) == days_ago(1)


def test_checkin_is_not_due_once_answered_or_skipped():
    yesterday = days_ago(1)
    answered = history([session(yesterday)], checkins=[checkin(yesterday, 2)])
    skipped = history([session(yesterday)], settings={"checkin_skipped": yesterday.isoformat()})
    assert checkin_due(answered, TODAY) is None
    assert checkin_due(skipped, TODAY) is None


def test_checkin_asks_about_the_latest_activation_only():
    two_days = [session(days_ago(2)), session(days_ago(1))]
    assert checkin_due(history(two_days), TODAY) == days_ago(1)
    # Skipping an older day does not silence a newer activation...
    older_skipped = history(two_days, settings={"checkin_skipped": days_ago(2).isoformat()})
    assert checkin_due(older_skipped, TODAY) == days_ago(1)
    # ...and once the latest is answered, the one before it is not asked about either.
    latest_answered = history(two_days, checkins=[checkin(days_ago(1), 3)])
    assert checkin_due(latest_answered, TODAY) is None


def test_runs_compare_same_day_checkins_only():
    activated = {days_ago(10), days_ago(8), days_ago(6)}
    checkins = [
        checkin(days_ago(10), 2), checkin(days_ago(8), 3), checkin(days_ago(6), 4),
        # The day after an activation is a run without one.
        checkin(days_ago(9), 8), checkin(days_ago(5), 6), checkin(days_ago(1), 7),
    ]
    runs = compare_runs(checkins, activated)
    assert (runs.with_activation, runs.without_activation) == (3, 3)
    assert runs.average_with == pytest.approx(3.0)
    assert runs.average_without == pytest.approx(7.0)
    assert runs.enough


def test_runs_say_not_enough_below_three_of_each():
    activated = {days_ago(n) for n in (10, 8, 6, 4)}
    with_only = [checkin(day, 2) for day in activated]
    two_without = [checkin(days_ago(9), 5), checkin(days_ago(7), 6)]
    runs = compare_runs(with_only + two_without, activated)
    assert (runs.with_activation, runs.without_activation) == (4, 2)
    assert not runs.enough
    assert compare_runs(with_only + two_without + [checkin(days_ago(5), 1)], activated).enough


def test_runs_with_no_checkins_have_no_averages():
    runs = compare_runs([], {days_ago(1)})
    assert (runs.with_activation, runs.without_activation) == (0, 0)
    assert runs.average_with is None and runs.average_without is None
    assert not runs.enough


# --- Home's overview ------------------------------------------------------------------


def test_overview_counts_only_lessons_that_still_exist():
    seen = history(lessons_read={"why-sitting", "three-moves", "a-lesson-since-removed"})
    home = overview(seen, {"why-sitting", "three-moves", "safety"}, at(TODAY))
    assert (home.lessons_read, home.lessons_total) == (2, 3)


def test_overview_before_the_day_starts_counts_for_yesterday():
    done_yesterday = [session(days_ago(1))]
    just_after_midnight = at(TODAY, hour=1)
    home = overview(history(done_yesterday), set(), just_after_midnight)
    assert home.today == days_ago(1)
    assert home.streaks.today_activated
    midnight_start = overview(history(done_yesterday, settings={"day_start_hour": 0}), set(), just_after_midnight)
    assert midnight_start.today == TODAY
    assert not midnight_start.streaks.today_activated


def test_overview_shows_the_latest_squeeze_test():
    results = [quiz(days_ago(20), "sleepy", red_flag=True), quiz(days_ago(2), "awake")]
    home = overview(history(quiz_results=results), set(), at(TODAY))
    assert (home.latest_verdict, home.latest_red_flag) == ("awake", False)
    first_launch = overview(history(), set(), at(TODAY))
    assert (first_launch.latest_verdict, first_launch.latest_red_flag) == (None, False)


def test_streak_summary_bridges_rest_days_and_ignores_later_records():
    sessions = [session(days_ago(n)) for n in (4, 3, 1, 0)] + [session(TODAY + timedelta(days=1))]
    summary = streak_summary(history(sessions, rest={days_ago(2)}), TODAY)
    assert summary.current_streak == 4
    assert summary.today_activated
    assert summary.total_sessions == 4


def test_streak_summary_uses_the_weekly_target_setting_or_the_default():
    sessions = [session(MONDAY), session(MONDAY + timedelta(days=1))]
    two = streak_summary(history(sessions, settings={"weekly_target": 2}), TODAY)
    assert (two.weekly_target, two.week_activated_days, two.weekly_streak) == (2, 2, 1)
    # A hand-edited file may hold nonsense: the default target of 3 applies.
    broken = streak_summary(history(sessions, settings={"weekly_target": 0}), TODAY)
    assert (broken.weekly_target, broken.weekly_streak) == (3, 0)


# --- the Progress view ----------------------------------------------------------------


def test_progress_calendar_shades_each_day_by_its_best_session():
    sessions = [session(days_ago(1), done=20), session(days_ago(2), done=40), session(days_ago(2), done=10)]
    view = progress_view(history(sessions, rest={days_ago(3)}), TODAY, set())
    by_day = {cell.day: cell for column in view.weeks for cell in column}
    assert by_day[days_ago(1)].level == 2  # half done
    assert by_day[days_ago(2)].level == 4
    assert by_day[days_ago(3)].rest
    assert view.weeks[-1][0].day == MONDAY and by_day[TODAY].today
    assert [len(view.sessions_by_day[day]) for day in (days_ago(1), days_ago(2))] == [1, 2]


def test_progress_runs_count_an_unfinished_routine_as_no_activation():
    sessions = [session(days_ago(n)) for n in (9, 7, 5)] + [session(days_ago(3), done=10)]
    checkins = [checkin(days_ago(n), 2) for n in (9, 7, 5)] + [checkin(days_ago(3), 9)]
    runs = progress_view(history(sessions, checkins=checkins), TODAY, set()).runs
    assert (runs.with_activation, runs.without_activation) == (3, 1)
    assert runs.average_without == pytest.approx(9.0)
    assert not runs.enough


def test_progress_shows_the_last_six_squeeze_tests_oldest_first():
    results = [quiz(days_ago(40 - n), f"verdict {n}") for n in range(8)]
    view = progress_view(history(quiz_results=results), TODAY, set())
    assert [result.verdict for result in view.quiz_trend] == [f"verdict {n}" for n in range(2, 8)]


def test_progress_counts_only_lessons_that_still_exist_and_the_streaks_of_today():
    seen = history([session(TODAY)], lessons_read={"safety", "removed"})
    view = progress_view(seen, TODAY, {"safety", "three-moves"})
    assert (view.lessons_read, view.lessons_total) == (1, 2)
    assert view.today == TODAY and view.streaks.current_streak == 1


def test_reps_by_exercise_adds_both_sides_over_all_sessions():
    sessions = [
        session(days_ago(2), reps={"clamshell": {"left": 10, "right": 12}, "bridge": {"both": 8}}),
        session(days_ago(1), reps={"clamshell": {"left": 5}, "band_walk": {"both": 20}}),
    ]
    assert reps_by_exercise(sessions) == {"clamshell": 27, "bridge": 8, "band_walk": 20}
    assert reps_by_exercise([]) == {}
    assert progress_view(history(sessions), TODAY, set()).reps_by_exercise == reps_by_exercise(sessions)


def test_a_test_cut_short_by_pain_is_the_latest_result_but_not_part_of_the_score_trend():
    results = [quiz(days_ago(20), "sleepy"), quiz(days_ago(10), "firing"), quiz(days_ago(1), "sleepy", red_flag=True)]
    view = progress_view(history(quiz_results=results), TODAY, set())
    assert view.latest_quiz is results[-1]
    assert view.quiz_trend == results[:2], "its scores cover only the steps before the pain"
