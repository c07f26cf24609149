"""Saving off the routine's clock, as a user meets it: with another GluteUI holding the lock,
the routine goes on ticking, the user hears once that their sets are not saved yet, the
summary says so, and when the lock comes free everything is saved and said to be."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteui import writer
from gluteui.core.history import storage
from gluteui.core.history.store import Store
from tests.app.test_routine import advance_to, start, text
from tests.factory import screen_text, visible
from tests.unit.test_writer import hold_lock, release

DEADLINE_PAUSES = 2000
"""Pilot pauses to wait for the writer's thread at most (each lets the app run once)."""


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another copy's lock is given up on after 0.3 s, and retried soon after."""
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_S", 0.3)
    monkeypatch.setattr(writer, "FIRST_RETRY_S", 0.05)
    monkeypatch.setattr(writer, "LAST_RETRY_S", 0.2)


async def until(pilot, check) -> None:
    """Let the app run until `check()` holds: the writer works on a thread of its own."""
    for _ in range(DEADLINE_PAUSES):
        if check():
            return
        await pilot.pause(0.01)
    raise AssertionError("the writer never got there")


async def test_a_held_lock_never_stops_the_routine_and_its_sets_are_saved_when_it_frees(
        data_dir: Path, quick_retries: None):
    from tests.factory import make_app

    app = make_app(data_dir)
    holder = hold_lock(data_dir, storage.default_work_dir())
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await start(pilot)
            phases = screen.workout.timeline.phases
            switch = next(p for p in phases if p.kind == "switch")
            right_rep = next(p for p in phases if p.kind == "up" and p.side == "right" and p.rep == 3)
            await advance_to(pilot, switch.start + 0.1)  # the left clamshells are done: a save
            await until(pilot, lambda: app.services.unsaved is not None)
            assert "Another GluteUI has held" in app.services.unsaved
            await advance_to(pilot, right_rep.start + 0.1)
            assert text(screen, "#rep") == "3", "the routine went on while the save waited"
            await pilot.press("escape", "s")
            await pilot.pause()
            assert "not saved yet" in visible(screen_text(app))
            release(holder)
            await until(pilot, lambda: app.services.unsaved is None)
            # The writer's thread said so by message: the summary shows it once that is handled.
            await until(pilot, lambda: "what you did is saved" in visible(screen_text(app)))
    finally:
        if holder.poll() is None:
            release(holder)
    [session] = Store.open(data_dir).sessions()
    assert session.reps["clamshell"] == {"left": 15, "right": 2}
