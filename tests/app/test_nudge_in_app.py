"""The open app's nudge, checked by hand on the frozen clock (tests start no timers): only
with a reminder set up, never over a routine under way, once a day, noted where `gluteui
nudge` looks. How it reaches an unfocused terminal: test_nudge_terminal.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gluteui.core.history.store import Store, StoreError
from gluteui.nudging import SENT_NAME
from tests.factory import make_app

# FROZEN_NOW is Thursday 26 November 2026, 07:30 UTC.
REMINDER = {"times": {"thu": "07:00"}, "learned": False, "on": True}


def toasts(app) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_the_open_app_nudges_once_with_a_reminder_and_never_over_a_routine(
        data_dir: Path, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    record = tmp_path / "cache" / SENT_NAME  # the config's cache folder (tests/factory.py)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.check_nudge()
        await pilot.pause()
        assert toasts(app) == [] and not record.exists(), "no reminder set up: the app never nudges"
        store.set_setting("reminder", {**REMINDER, "on": False})
        app.check_nudge()
        await pilot.pause()
        assert toasts(app) == [] and not record.exists(), "a reminder turned off: none either"
        store.set_setting("reminder", REMINDER)
        await pilot.press("d", "enter")
        await pilot.pause()
        if type(app.screen).__name__ == "PlanDialog":
            await pilot.press("enter")
            await pilot.pause()
        assert type(app.screen).__name__ == "PlayerScreen"
        app.check_nudge()
        await pilot.pause()
        assert toasts(app) == [] and not record.exists(), "not over the routine it asks for"
        app.pop_screen()  # the routine left unfinished: the day is still not activated
        await pilot.pause()
        app.check_nudge()
        await pilot.pause()
        assert toasts(app) == ["Reminder\nGlutes before your run: five minutes starts a streak."]
        assert json.loads(record.read_text())["nudged"] is True
        app.check_nudge()
        await pilot.pause()
        assert len(toasts(app)) == 1, "one nudge a day"


async def test_a_history_that_cannot_be_read_is_said_once_and_the_app_stays_up(
        data_dir: Path, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()

        def unreadable() -> None:
            raise StoreError("Another GluteUI has held the lock for over 10 s; close it and retry")

        monkeypatch.setattr(store, "history", unreadable)
        app.check_nudge()
        app.check_nudge()
        await pilot.pause()
        assert toasts(app) == ["Nudges\nNo nudge while the history cannot be read: Another GluteUI has held the "
                               "lock for over 10 s; close it and retry"]
        assert app.is_running
