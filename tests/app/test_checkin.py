"""The launch after an activation asks how the run went; skipping is remembered."""

from __future__ import annotations

from datetime import timedelta

from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.screens.home import HomeScreen
from gluteui.widgets.checkin import CheckinDialog
from tests.factory import FROZEN_NOW, make_app


def activated(store: Store, days_ago: int, done: int = 20) -> None:
    day = FROZEN_NOW.date() - timedelta(days=days_ago)
    store.save_session(Session(
        id=f"s{days_ago}", local_date=day, started_at=FROZEN_NOW - timedelta(days=days_ago),
        routine_id="standard", planned_reps=20, done_reps=done, reps={}, duration_s=300.0,
        source="app", feel={},
    ))


async def test_no_question_without_an_activation(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_answering_saves_a_checkin_for_the_activation_day(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("2", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [checkin] = Store.open(data_dir).checkins()
    assert checkin.score == 3
    assert checkin.local_date == FROZEN_NOW.date() - timedelta(days=1)


async def test_skipping_is_remembered_and_not_asked_again(data_dir, store: Store):
    activated(store, days_ago=0)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Store.open(data_dir).checkins() == []
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_partial_or_stale_sessions_are_not_asked_about(data_dir, store: Store):
    activated(store, days_ago=0, done=5)  # below 70 %: not an activation
    activated(store, days_ago=5)  # too long ago to remember the run
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_screen_opened_before_the_question_is_not_covered_by_it(data_dir, store: Store, monkeypatch):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    # Home fills in its status (and would ask) just after its first frame; a key can land
    # before that. Hold the first fill back to open Lessons first.
    show_status = HomeScreen.show_status
    monkeypatch.setattr(HomeScreen, "show_status", lambda self: None)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        await pilot.press("l")
        await pilot.pause()
        show_status(home)
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonsScreen"
        monkeypatch.setattr(HomeScreen, "show_status", show_status)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog), "asked once Home is back"
