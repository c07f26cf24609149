"""What Home and Progress show, from a History built in the test: Home's overview and the
Progress view.

These functions were reached only through Pilot tests; here each takes its clock as an
argument, so every case is exact and instant.
"""

from __future__ import annotations

from datetime import timedelta, timezone

from gluteui.core.runs.record import Run
from gluteui.core.stats.calendar import calendar_weeks
from gluteui.core.stats.overview import overview, streak_summary
from gluteui.core.stats.progress import progress_view, reps_by_exercise
from gluteui.core.stats.run_log import run_rows, runs_view
from tests.unit.stats_kit import (
    MONDAY,
    TODAY,
    at,
    checkin,
    days_ago,
    history,
    quiz,
    session,
)

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
    weeks = calendar_weeks(view.calendar, TODAY, 26)
    by_day = {cell.day: cell for column in weeks for cell in column}
    assert by_day[days_ago(1)].level == 2  # half done
    assert by_day[days_ago(2)].level == 4
    assert by_day[days_ago(3)].rest
    assert weeks[-1][0].day == MONDAY and by_day[TODAY].today
    assert [len(view.sessions_by_day[day]) for day in (days_ago(1), days_ago(2))] == [1, 2]


def test_progress_runs_count_an_unfinished_routine_as_no_activation():
    sessions = [session(days_ago(n)) for n in (9, 7, 5)] + [session(days_ago(3), done=10)]
    checkins = [checkin(days_ago(n), 2) for n in (9, 7, 5)] + [checkin(days_ago(3), 9)]
    seen = history(sessions, checkins=checkins)
    # A run an hour after each session: the day's check-in is about that run.
    seen.runs.extend(Run.new(at(days_ago(n), 8), 1800.0, 5000.0, "", "running", f"{n}.fit") for n in (9, 7, 5, 3))
    runs = runs_view(run_rows(seen, timezone.utc), timezone.utc)
    assert (runs.total, runs.activated) == (4, 3)
    assert [(answer.activated, answer.score) for answer in runs.answers] == [(True, 2)] * 3 + [(False, 9)]


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
