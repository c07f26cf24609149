"""The whole routine, driven by a fake clock: banner, rep counter and phase at chosen instants."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.history.store import Store
from gluteui.core.lead_in import COUNTDOWN_FROM, LeadIn
from gluteui.core.routine.phases import DEFAULT_EXTRA_REST_S
from gluteui.core.routine.timeline import Timeline
from gluteui.core.text import clock
from gluteui.screens.home import HomeScreen
from gluteui.screens.player import PlayerScreen
from gluteui.screens.summary import SummaryScreen
from gluteui.widgets.big_text import BigText
from gluteui.widgets.side_band import SideBand
from tests.factory import advance_clock, make_app, shown

ROUTINES = load_content(locations.content_dir()).routines


def text(screen, selector: str) -> str:
    """What a widget says: a BigText's words, or a Static's plain text."""
    widget = screen.query_one(selector)
    return widget.text if isinstance(widget, BigText) else str(widget.render())


async def advance_to(pilot, seconds: float) -> None:
    """Move the fake clock to `seconds` into the routine and let the screen tick once."""
    app = pilot.app
    await advance_clock(pilot, app.screen.start_clock + seconds - app.config.monotonic.now)


async def start(pilot) -> PlayerScreen:
    """Start activation from Home; when the plan has changes, start with them."""
    await pilot.press("d", "enter")
    await pilot.pause()
    if type(pilot.app.screen).__name__ == "PlanDialog":
        await pilot.press("enter")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen)
    return screen


async def test_standard_routine_end_to_end(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    timeline = Timeline.from_routine(ROUTINES["standard"], None, LeadIn())
    phases = timeline.phases
    first_up = next(p for p in phases if p.kind == "up")
    first_hold = next(p for p in phases if p.kind == "hold")
    switch = next(p for p in phases if p.kind == "switch")
    right_rep = next(p for p in phases if p.kind == "up" and p.side == "right")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        banner = screen.query_one(SideBand)
        assert "Get ready" in text(screen, "#break-title")
        assert banner.side == "left"

        await advance_to(pilot, first_up.start + 0.5)
        assert text(screen, "#phase-word") == "OPEN"  # a clamshell opens, holds and closes
        assert text(screen, "#rep") == "1"
        assert "of 15" in text(screen, "#rep-of")
        assert text(screen, "#side-note").startswith("LEFT: lie on your right side")

        await advance_to(pilot, first_hold.start + 0.1)  # half a second at the top: no word of its own
        assert first_hold.duration < 1.0
        assert text(screen, "#phase-word") == "OPEN"
        assert text(screen, "#cue") != "Stop where the pelvis wants to move"

        await advance_to(pilot, switch.start + 0.1)
        assert "Switch sides: RIGHT" in text(screen, "#break-title")
        assert banner.side == "right" and banner.has_class("-right")

        await advance_to(pilot, right_rep.start + 0.1)
        assert banner.side == "right"
        assert text(screen, "#rep") == "1"

        # A clamshell set is done by now: it was saved before the routine ended.
        saved = Store.open(data_dir).sessions()
        assert len(saved) == 1 and saved[0].reps["clamshell"]["left"] == 15

        await advance_to(pilot, timeline.total + 1)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("n", "1", "2", "3")  # a stray n from the player answers nothing
        await pilot.pause()
        assert "Saved" in text(app.screen, "#summary-feel")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Activated today" in text(app.screen, "#today")

    [session] = Store.open(data_dir).sessions()
    assert session.done_reps == session.planned_reps == ROUTINES["standard"].planned_reps
    # A new user's routine: every move on its first rung, the bridge on both legs.
    assert session.feel == {"clamshell": "yes", "glute_bridge": "no", "lateral_band_walk": "unsure"}
    assert {ladder: record["rung"] for ladder, record in session.dose.items()} == {
        "clamshell": "no_band", "bridge": "two_leg", "band_walk": "no_band"}
    assert session.dose["bridge"]["planned"] == 10 and session.dose["clamshell"]["planned"] == 30


async def test_pause_freezes_and_resume_counts_in(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        up = next(p for p in screen.workout.timeline.phases if p.kind == "up")
        await advance_to(pilot, up.start + 0.5)
        await pilot.press("space")
        await advance_to(pilot, up.start + 60)  # a minute passes while paused
        assert text(screen, "#phase-word") == "OPEN"
        assert screen.has_class("-paused")
        assert screen.query_one("#stage").current == "paused" and text(screen, "#paused-word") == "PAUSED"
        assert "space" in screen.active_bindings
        assert screen.active_bindings["space"].binding.description == "Resume"
        await pilot.press("space")
        await pilot.pause()
        assert "Get ready" in text(screen, "#break-title")  # the count-in before the rep restarts


async def test_skip_repeat_and_extra_rest_keys(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        total = screen.workout.timeline.total
        get_ready = screen.workout.timeline.phases[0].duration
        await pilot.press("n")  # ready before the lead-in is over: a count-in, then the first set
        assert screen.workout.state(screen.now()).leads_in
        assert screen.workout.timeline.total == pytest.approx(total - get_ready + COUNTDOWN_FROM)
        await pilot.press("n")  # in the count-in: the set starts now
        assert text(screen, "#phase-word") == "OPEN"
        total = screen.workout.timeline.total
        await pilot.press("plus")  # 10 s more rest at the switch; the rep goes on
        assert text(screen, "#phase-word") == "OPEN"
        assert screen.workout.timeline.total == pytest.approx(total + DEFAULT_EXTRA_REST_S)


async def test_stop_asks_and_keeps_the_partial_session(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        second_set = next(p for p in screen.workout.timeline.phases if p.kind == "up" and p.side == "right")
        await advance_to(pilot, second_set.start + 30)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "StopDialog"
        await pilot.press("n")  # Next set on the player: here it does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "StopDialog"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.screen.title == "Stopped early"
        assert "what you did is saved" in shown(app.screen.query_one("#summary-reps"))
        await pilot.press("1")  # the feel check is asked for the clamshells done
        await pilot.pause()
    [session] = Store.open(data_dir).sessions()
    assert 15 < session.done_reps < session.planned_reps
    assert session.feel == {"clamshell": "yes"}


async def test_a_full_disk_mid_routine_keeps_the_session_and_export_saves_it(
    data_dir, store: Store, tmp_path, monkeypatch
):
    import errno
    import json
    import os

    from gluteui.core.history import storage

    replace = os.replace

    def disk_full(src, dst):
        # The data folder's disk is full; the home folder, where the export goes, is not.
        if Path(dst).parent == data_dir:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(src, dst)

    app = make_app(data_dir, store=store)
    messages: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: messages.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        switch = next(p for p in screen.workout.timeline.phases if p.kind == "switch")
        monkeypatch.setattr(storage.os, "replace", disk_full)
        await advance_to(pilot, switch.start + 0.1)  # the first set ends: saving fails
        assert any("no space left on device" in m and "Export data" in m for m in messages)
        assert isinstance(app.screen, PlayerScreen)  # the routine goes on
        monkeypatch.setenv("HOME", str(tmp_path))
        app.action_export_data()
    [export] = tmp_path.glob("gluteui-export-*.json")
    sessions = json.loads(export.read_text())["sessions"]
    assert len(sessions) == 1 and sessions[0]["reps"]["clamshell"]["left"] == 15


async def test_the_focus_routine_adds_a_set_on_the_weaker_side_everywhere(data_dir, store: Store):
    store.set_setting("recommended_routine", "focus")
    store.set_setting("extra_set_side", "right")
    store.set_setting("welcome_seen", True)
    app = make_app(data_dir, store=store)
    focus = ROUTINES["focus"]
    longer = Timeline.from_routine(focus, "right", LeadIn()).total
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert clock(longer) in text(app.screen, "#next-routine")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.workout.timeline.total == longer
        extra = [plan for plan in screen.workout.timeline.sets if plan.extra]
        assert extra and {plan.side for plan in extra} == {"right"}


async def test_help_over_the_routine_holds_it_still(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        up = next(p for p in screen.workout.timeline.phases if p.kind == "up")
        await advance_to(pilot, up.start + 0.5)
        await pilot.press("question_mark")
        await pilot.pause()
        app.config.monotonic.advance(120)  # two minutes reading the help
        assert screen.workout.stopwatch.paused
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.workout.stopwatch.paused
        assert "Get ready" in text(screen, "#break-title")  # the count-in, then the same rep


async def test_no_to_stop_keeps_a_paused_routine_paused_and_q_asks_too(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("space")
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "StopDialog"
        await pilot.press("space")  # keep going: and it was paused, so it stays paused
        await pilot.pause()
        assert app.screen is screen and screen.workout.stopwatch.paused


async def test_start_activation_from_the_palette_does_not_stack_a_second_routine(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        app.action_open("player")
        await pilot.pause()
        assert sum(isinstance(s, PlayerScreen) for s in app.screen_stack) == 1
        assert app.screen is screen


async def test_quitting_the_app_mid_set_keeps_the_reps_done(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        first_up = next(p for p in screen.workout.timeline.phases if p.kind == "up")
        await advance_to(pilot, first_up.start + 4.5 * 5 + 0.1)  # five clamshells done
        await app.action_quit()
    [session] = Store.open(data_dir).sessions()
    assert session.done_reps == 5


async def test_skipping_straight_through_saves_nothing_and_asks_nothing(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        for _ in range(len(screen.workout.timeline.sets) * 3 + 2):
            if not isinstance(app.screen, PlayerScreen):
                break
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "nothing was saved" in text(app.screen, "#summary-reps")
        assert app.screen.asking is None
    assert Store.open(data_dir).sessions() == []


async def test_a_save_that_failed_is_never_called_saved(data_dir, store: Store, monkeypatch):
    """The disk refuses: the summary says the session waits in memory, not that it is saved."""
    import errno
    import os

    from gluteui.core.history import storage

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        switch = next(p for p in screen.workout.timeline.phases if p.kind == "switch")
        monkeypatch.setattr(storage.os, "replace", disk_full)
        await advance_to(pilot, switch.start + 0.1)  # the first set ends: its save fails
        await pilot.press("escape", "s")
        await pilot.pause()
        summary = shown(app.screen.query_one("#summary-reps"))
        assert "not saved yet" in summary and "is saved" not in summary
        await pilot.press("1")
        await pilot.pause()
        assert "Not saved yet" in text(app.screen, "#summary-feel")
    assert store.pending, "the session waits in the store's memory for a save that works"


async def test_mute_lasts_only_as_long_as_the_routine(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("m")
        assert app.services.sound.muted
        assert screen.active_bindings["m"].binding.description == "Unmute"
        await pilot.press("escape", "s")
        await pilot.pause()
        assert not app.services.sound.muted, "the squeeze test's cues are heard again"
