"""No disk write on the routine's clock: the longest gap between the player's frames while
sets end under another GluteUI's lock, on ten years of history, against an empty history.

The real app, in-process, on the real clock and the real 20 Hz ticker: a second process
holds the data file's lock for the first 20 s; `n n` skips the lead-in and its count-in,
then `n` ends the set under way once a rep is done, checked every 2 s (the breaks between
run their course), so sets end both while the lock is held (the writer waits, and says so
once, when a save has waited the store's 10 s for the lock) and after it is released (the
writer writes the ten-year file). Every tick's time is recorded. (20 s, not 15: the first
set ends about 6 s in, after its count-in, and must wait its 10 s before the release.)
"""

from __future__ import annotations

import asyncio
import time
from itertools import pairwise

import pytest

from gluteui.core.history import storage
from gluteui.core.routine.timeline import REP_KINDS
from gluteui.screens.messages import StartRoutine
from gluteui.screens.player import PlayerScreen
from tests.bench.data import BenchData
from tests.bench.measure import report
from tests.factory import make_app
from tests.unit.test_writer import hold_lock, release

HELD_S = 20.0
RUN_S = 35.0
SET_EVERY_S = 2.0
MAX_GAP_S = 0.060
"""The issue's target: a frame every 50 ms, never more than 60 ms apart."""


async def frame_gaps(data: BenchData, monkeypatch: pytest.MonkeyPatch) -> tuple[float, bool]:
    """The longest gap between two ticks of the player over RUN_S seconds, and whether the
    user was told the sets were not saved yet while the lock was held."""
    ticks: list[float] = []
    tick = PlayerScreen.tick

    def timed_tick(screen: PlayerScreen) -> None:
        ticks.append(time.perf_counter())
        tick(screen)

    monkeypatch.setattr(PlayerScreen, "tick", timed_tick)
    app = make_app(data.data_dir, run_timers=True, monotonic=time.monotonic, now=lambda: data.now)
    holder = hold_lock(data.data_dir, storage.default_work_dir())
    told = False
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            app.post_message(StartRoutine("standard"))  # the longest routine without a weaker side
            await pilot.pause()
            for _ in range(3):  # the health questions and a plan to accept, first
                if isinstance(app.screen, PlayerScreen):
                    break
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, PlayerScreen), f"the routine did not start: {app.screen}"
            await pilot.press("n", "n")  # past the lead-in and its count-in: the first set ends (and saves) soon
            ticks.clear()
            started = time.perf_counter()
            while (elapsed := time.perf_counter() - started) < RUN_S:
                if holder.poll() is None and elapsed > HELD_S:
                    told = app.services.unsaved is not None
                    # Off the app's loop: waiting for the holder to exit must not count as a frame.
                    await asyncio.to_thread(release, holder)
                state = app.screen.workout.state(time.monotonic())
                if state.kind in REP_KINDS and (state.rep or 0) >= 2:
                    await pilot.press("n")  # a rep done, the set ends: a save (breaks run their course)
                await pilot.pause(SET_EVERY_S)
            assert isinstance(app.screen, PlayerScreen), "measured the player, not another screen"
            await pilot.press("escape", "s")
    finally:
        if holder.poll() is None:
            release(holder)
    gaps = [after - before for before, after in pairwise(ticks)]
    assert len(gaps) > RUN_S * 10, f"only {len(gaps)} frames: the ticker did not run"
    return max(gaps), told


async def test_sets_ending_under_a_held_lock_never_hold_up_a_frame(
        empty: BenchData, ten_years: BenchData, monkeypatch: pytest.MonkeyPatch):
    longest = {}
    for name, data in (("empty", empty), ("ten years", ten_years)):
        longest[name], told = await frame_gaps(data, monkeypatch)
        assert told, f"{name}: the held lock was never reported"
    report("routine under a held lock",
           f"longest gap between frames: {longest['ten years'] * 1000:.0f} ms on ten years of history, "
           f"{longest['empty'] * 1000:.0f} ms on an empty one "
           f"({longest['ten years'] / longest['empty']:.2f}x; target under {MAX_GAP_S * 1000:.0f} ms)")
    assert longest["ten years"] < MAX_GAP_S
