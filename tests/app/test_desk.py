"""`gluteui desk`: the app opens straight into the desk routine, plays it through in 90 s on
the fake clock, saves it as a desk wake-up (never an activation) and closes; q stops it,
keeping the reps done, and closes too."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gluteui.cli import main
from gluteui.core.desk import DESK_ROUTINE, NOT_STARTED
from gluteui.core.health import NO_TO_ALL
from gluteui.core.history.store import Store
from gluteui.core.stats.overview import streak_summary
from gluteui.desk_log import note_offered
from gluteui.nudging import app_open
from gluteui.screens.player import PlayerScreen
from gluteui.widgets.big_text import BigText
from gluteui.widgets.prescreen import PrescreenDialog
from gluteui.widgets.red_flag import RedFlagDialog
from tests.factory import FROZEN_NOW, advance_clock, make_app

DESK_BREAK_S = 90


async def test_the_desk_routine_plays_through_in_90_s_and_returns_to_the_shell(data_dir: Path, store: Store):
    app = make_app(data_dir, store=store, routine=DESK_ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen), "no Home, no plan dialog: straight into the routine"
        assert screen.routine.id == DESK_ROUTINE
        total = screen.workout.timeline.total
        assert total <= DESK_BREAK_S, f"the desk routine takes {total:.0f} s"
        hold = next(p for p in screen.workout.timeline.phases if p.kind == "hold")
        await advance_clock(pilot, hold.start + 1)
        assert screen.query_one("#phase-word", BigText).text == "HOLD"
        assert str(screen.query_one("#side-note").render()).startswith("LEFT: hand on your left buttock")
        await advance_clock(pilot, total - hold.start)
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running, "the app closed itself"
        assert app.farewell == ("Desk wake-up done: 8 of 8 squeezes, saved. It counts in Progress's desk line, "
                                "not in your pre-run streak.")
    history = Store.open(data_dir).history()
    [session] = history.desk_sessions
    assert session.done_reps == session.planned_reps == 8
    assert history.sessions == []
    summary = streak_summary(history, history.day_of(FROZEN_NOW))
    assert (summary.today_activated, summary.current_streak, summary.total_sessions) == (False, 0, 0)


async def test_q_stops_the_desk_routine_keeps_the_reps_and_closes(data_dir: Path, store: Store):
    app = make_app(data_dir, store=store, routine=DESK_ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        second_rep = next(p for p in screen.workout.timeline.phases if p.kind == "up" and p.rep == 3)
        await advance_clock(pilot, second_rep.start + 0.5 - (app.config.monotonic.now - screen.start_clock))
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "StopDialog"
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
        assert app.farewell is not None and app.farewell.startswith("Desk wake-up stopped: 2 of 8 squeezes, saved.")
    [session] = Store.open(data_dir).history().desk_sessions
    assert session.done_reps == 2


async def test_progress_counts_the_weeks_desk_wake_ups_against_the_nudges_offered(
    data_dir: Path, tmp_path: Path,
):
    monday = FROZEN_NOW - timedelta(days=3)
    last_week = monday - timedelta(days=7, hours=-3)
    for moment in (last_week, *(monday + timedelta(hours=hour) for hour in (3, 4, 5, 6, 7, 8, 27, 28))):
        note_offered(tmp_path / "cache", moment)  # the cache dir the tests' app reads
    for day in (monday + timedelta(hours=3), monday + timedelta(hours=6), monday + timedelta(days=1, hours=4)):
        main(["--data-dir", str(data_dir), "log", "--routine", DESK_ROUTINE, "--at", f"{day:%Y-%m-%d %H:%M}"],
             now=lambda: FROZEN_NOW)
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        streaks = str(app.screen.query_one("#progress-streaks").render())
        assert "Desk wake-ups this week: 3 of 8 offered" in streaks
        assert "0 sessions" in streaks, "the desk wake-ups are not pre-run sessions"


async def test_a_desk_wake_up_the_disk_refused_asks_before_closing(data_dir: Path, store: Store, monkeypatch):
    import errno
    import os

    from gluteui.core.history import storage

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = make_app(data_dir, store=store, routine=DESK_ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(storage.os, "replace", disk_full)
        await advance_clock(pilot, app.screen.workout.timeline.total + 1)
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "UnsavedDialog", "not closed over a lost session"


@pytest.mark.parametrize("hold", [False, True], ids=["health-questions-due", "a-yes-that-holds"])
async def test_a_desk_wake_up_turned_down_before_it_begins_closes_with_a_line(
    data_dir: Path, store: Store, hold: bool,
):
    if hold:
        store.set_setting("health_answers", NO_TO_ALL | {"sciatica": True})
        store.set_setting("health_asked_at", FROZEN_NOW.isoformat())
    app = make_app(data_dir, store=store, health_answered=False, routine=DESK_ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog if hold else PrescreenDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running and app.return_code == 0, "not left on Home"
        assert app.farewell == NOT_STARTED == "No desk wake-up done: turned down before it began, so nothing was saved."
    assert Store.open(data_dir).history().desk_sessions == []


async def test_the_desk_app_leaves_the_open_lock_and_the_days_nudge_to_the_timer(
    data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch,
):
    """Held, the timer's `gluteui nudge` would defer to an app that quits in 90 s and never nudges."""
    monkeypatch.setattr("gluteui.app.NUDGE_START_S", 0.001)  # the nudges start at once, not after a second
    app = make_app(data_dir, store=store, routine=DESK_ROUTINE, run_timers=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)  # far past the nudges' start, which the full app below shows in time
        assert isinstance(app.screen, PlayerScreen)
        assert not app_open(store.work_folder), "the pre-run nudge is still the timer's to send"
    home = make_app(data_dir, store=store, run_timers=True)
    async with home.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert app_open(store.work_folder), "the full app still holds it (the check above can fail)"
