"""Desk wake-ups, the pure parts: when a desk nudge may come, that desk sessions are counted
apart from the pre-run habit (streak, activation, runs, ladders), and the week's figure.
Sessions go through the real store and `gluteui log`, as a user's would."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from gluteui import locations
from gluteui.cli import main
from gluteui.core.content.load import load_content
from gluteui.core.desk import DESK_ROUTINE
from gluteui.core.history import transfer
from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.core.routine.progression import plan
from gluteui.core.routine.workout import logged_session
from gluteui.core.runs.record import Run
from gluteui.core.stats.desk import (
    DESK_MESSAGE,
    DeskHours,
    DeskWeek,
    Presence,
    decide_desk,
    desk_week,
    offered_from_data,
    offered_to_data,
    parse_every,
    parse_hours,
)
from gluteui.core.stats.overview import streak_summary
from gluteui.core.stats.progress import progress_view
from gluteui.core.stats.run_log import run_rows
from gluteui.core.stats.schedule import parse_clock, parse_days
from tests.unit.nudge_kit import MONDAY, ZONE, at

HOURS = DeskHours(time(9), time(17), timedelta(minutes=60))
AT_DESK = Presence(idle=timedelta(seconds=20), locked=False)


def test_a_desk_nudge_comes_in_work_hours_to_someone_at_the_desk() -> None:
    assert decide_desk(at(10), HOURS, AT_DESK, [], []).message == DESK_MESSAGE
    # The desktop that cannot say (no idle monitor, no screen saver) does not hold it back.
    assert decide_desk(at(10), HOURS, Presence(), [], []).message == DESK_MESSAGE


@pytest.mark.parametrize("now,presence,reason", [
    (at(8, 59), AT_DESK, "outside work hours (09:00-17:00)"),
    (at(17, 1), AT_DESK, "outside work hours (09:00-17:00)"),
    (at(10, days=5), AT_DESK, "Saturday is not a work day (mon-fri)"),
    (at(10), Presence(idle=timedelta(minutes=6), locked=False), "no key or mouse for 6 min: away"),
    (at(10), Presence(idle=timedelta(seconds=1), locked=True), "the screen is locked"),
    (at(10), Presence(remote=True), "this runs over SSH: the nudge would show on a screen nobody watches"),
    (at(10), Presence(console=True), "this is a text console, not a desktop"),
])
def test_no_desk_nudge_outside_hours_while_away_locked_remote_or_on_a_console(
    now: datetime, presence: Presence, reason: str,
) -> None:
    assert decide_desk(now, HOURS, presence, [], []).message is None
    assert decide_desk(now, HOURS, presence, [], []).reason == reason


def test_no_desk_nudge_within_an_interval_of_one_done_nor_half_of_one_offered() -> None:
    done = [at(9, 30)]
    assert decide_desk(at(10, 20), HOURS, AT_DESK, [], done).reason == "a desk wake-up was done at 09:30"
    assert decide_desk(at(10, 30), HOURS, AT_DESK, [], done).message == DESK_MESSAGE
    offered = [at(10)]
    assert decide_desk(at(10, 10), HOURS, AT_DESK, offered, []).reason == "a desk nudge came at 10:00"
    # A timer a minute late the next hour still nudges.
    assert decide_desk(at(10, 59), HOURS, AT_DESK, offered, []).message == DESK_MESSAGE


def test_hours_every_and_days_read_as_written() -> None:
    assert parse_hours("09:00-17:00", parse_clock) == (time(9), time(17))
    with pytest.raises(ValueError, match="must end after they start"):
        parse_hours("17:00-09:00", parse_clock)
    assert [parse_every(text) for text in ("60m", "90", "1h", "1h30m", "45min")] == [
        timedelta(minutes=minutes) for minutes in (60, 90, 60, 90, 45)]
    with pytest.raises(ValueError, match="15 minutes apart at the least"):
        parse_every("10m")
    with pytest.raises(ValueError, match="not an interval"):
        parse_every("often")
    assert tuple(parse_days("mon-fri")) == (0, 1, 2, 3, 4)
    assert tuple(parse_days("sat-mon")) == (0, 5, 6)
    assert tuple(parse_days("mon,wed")) == (0, 2)
    assert [f"{t:%H:%M}" for t in HOURS.times()] == [f"{hour}:00" for hour in range(10, 18)]
    assert DeskHours.from_setting(HOURS.to_setting()) == HOURS


def test_days_mix_ranges_and_single_days_each_as_written() -> None:
    assert tuple(parse_days("mon-wed,fri")) == (0, 1, 2, 4), "Friday kept"
    assert tuple(parse_days("mon,wed-fri")) == (0, 2, 3, 4), "no Tuesday added"
    assert tuple(parse_days("sat-sun, tue")) == (1, 5, 6)
    assert tuple(parse_days("Monday-Tuesday,daily")) == tuple(range(7))
    for text, part in (("mon-", "mon-"), ("mon,,fri", ""), ("mon-daily", "mon-daily"), ("mon-wed-fri", "mon-wed-fri"),
                       ("someday", "someday"), ("monx", "monx"), ("mo-fr", "mo-fr")):
        with pytest.raises(ValueError, match=re.escape(f"{text!r}: {part!r} is not a weekday")) as raised:
            tuple(parse_days(text))
        assert str(raised.value) == f"{text!r}: {part!r} is not a weekday or a range like mon-fri"


def test_an_interval_is_whole_hours_and_minutes_never_a_sum_with_a_minus() -> None:
    for text in ("-1h90m", "-60m", "1h-30m", "+60m", "1.5h", "h", "m", "1h 30m", "", "60s", "99999999h"):
        with pytest.raises(ValueError, match="is not an interval like 60m or 1h30m"):
            parse_every(text)
    assert parse_every(" 2H ") == timedelta(hours=2)
    assert parse_every("0h20") == timedelta(minutes=20)


def test_desk_sessions_never_count_as_activation_nor_link_a_run(data_dir: Path) -> None:
    main(["--data-dir", str(data_dir), "log", "--routine", DESK_ROUTINE, "--at", "2026-12-07 10:00"],
         now=lambda: at(12))
    store = Store.open(data_dir)
    run = Run.new(at(11), 1800.0, 5000.0, "Lunch run", "running", "lunch.gpx")
    store.import_runs([run])
    history = store.history()
    assert history.sessions == [] and [s.routine_id for s in history.desk_sessions] == [DESK_ROUTINE]
    summary = streak_summary(history, MONDAY.date())
    assert (summary.current_streak, summary.activated_days, summary.total_sessions) == (0, 0, 0)
    assert not summary.today_activated
    [row] = run_rows(history, MONDAY.tzinfo)
    assert not row.activated, "a desk squeeze an hour before is not a pre-run activation"
    # The day after a real activation: the desk session neither adds to nor breaks the streak.
    main(["--data-dir", str(data_dir), "log", "--at", "2026-12-08 07:00"], now=lambda: at(12, days=1))
    main(["--data-dir", str(data_dir), "log", "--routine", DESK_ROUTINE, "--at", "2026-12-09 10:00"],
         now=lambda: at(12, days=2))
    later = streak_summary(Store.open(data_dir).history(), MONDAY.date() + timedelta(days=2))
    assert (later.current_streak, later.activated_days, later.today_activated) == (1, 1, False)


def test_desk_sessions_move_no_ladder_and_are_exported(data_dir: Path) -> None:
    content = load_content(locations.content_dir())
    desk = content.routines[DESK_ROUTINE]
    store = Store.open(data_dir)
    for day in range(1, 7):  # six clean desk sessions: two clean sessions move a ladder
        started = datetime(2026, 12, day, 10, tzinfo=ZONE)
        done = {"rung": "standing", "add_reps": 0, "add_hold_s": 0, "planned": desk.planned_reps}
        store.save_session(replace(logged_session(desk, started, started.date()), source="app",
                                   feel={"standing_squeeze": "yes"}, dose={"desk_squeeze": done}))
    history = store.history()

    def changes(routine_id: str, sessions: list[Session]) -> tuple[object, ...]:
        return tuple(plan(content.routines[routine_id], content.ladders, content.ladder_rules, content.quiz,
                          sessions, history.quiz_results).changes)

    assert changes(DESK_ROUTINE, history.desk_sessions) != (), "counted as sessions, they would move it"
    assert changes(DESK_ROUTINE, history.sessions) == () and changes("standard", history.sessions) == ()
    exported = transfer.export(history)
    assert [s["routine_id"] for s in exported["sessions"]] == [DESK_ROUTINE] * 6, "the user's record, kept"


def test_the_weeks_figure_counts_desk_wake_ups_done_against_nudges_offered(data_dir: Path) -> None:
    offered = [at(10, days=-1), *(at(hour) for hour in range(10, 18)), at(10, days=1)]
    assert desk_week([date(2026, 12, 7)] * 3, offered, date(2026, 12, 7), lambda m: m.date()) == DeskWeek(3, 8)
    assert DeskWeek(3, 8).line() == "Desk wake-ups this week: 3 of 8 offered"
    assert DeskWeek(2, 0).line() == "Desk wake-ups this week: 2 (0 offered)"
    for hour in (10, 14, 15):
        main(["--data-dir", str(data_dir), "log", "--routine", DESK_ROUTINE, "--at", f"2026-12-07 {hour}:05"],
             now=lambda: at(18))
    history = Store.open(data_dir).history()
    view = progress_view(history, date(2026, 12, 7), set(), offered)
    assert view.desk == DeskWeek(3, 8) and view.streaks.total_sessions == 0
    assert view.desk_by_day == {date(2026, 12, 7): 3} and view.sessions_by_day == {}
    assert progress_view(Store.open(data_dir / "empty").history(), date(2026, 12, 7), set()).desk is None


def test_the_offered_log_reads_back_and_forgets_after_eight_weeks() -> None:
    now = at(10)
    data = offered_to_data([now - timedelta(weeks=9), now - timedelta(days=1), now], now)
    assert offered_from_data(data) == [now - timedelta(days=1), now]
    assert offered_from_data({"offered": ["not a time", "2026-12-07T10:00:00", 5]}) == []
    assert offered_from_data(["junk"]) == []


def test_no_desk_nudge_for_the_rest_of_a_day_it_hurt_and_home_knows_a_desk_hurt_too() -> None:
    from dataclasses import replace

    from gluteui.core.stats.overview import hurt_on
    from tests.unit.stats_kit import history, session

    assert decide_desk(at(10), HOURS, AT_DESK, [], [], hurt_today=True).reason == (
        "it hurt in a routine today: no desk wake-ups until tomorrow")
    desk = replace(session(MONDAY.date()), routine_id="desk", hurt={"standing_squeeze": {"where": "buttock", "side": "left"}})
    assert hurt_on(replace(history(), desk_sessions=[desk]), MONDAY.date())
    assert not hurt_on(replace(history(), desk_sessions=[desk]), MONDAY.date() + timedelta(days=1))
