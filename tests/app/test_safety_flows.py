"""Where the app stops to point to a clinician: a squeeze test that flagged pain, a bad run.

The health questions and what their answers hold back: test_health_questions.py."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from gluteui.screens.home import HomeScreen
from gluteui.widgets.checkin import CheckinDialog
from gluteui.widgets.confirm import ConfirmDialog
from gluteui.widgets.prescreen import PrescreenDialog
from gluteui.widgets.red_flag import RedFlagDialog
from tests.app.test_checkin import activated
from tests.factory import FROZEN_NOW, make_app


def screen_name(app) -> str:
    return type(app.screen).__name__


def squeeze_test(store: Store, result_id: str, days_ago: int, red_flag: bool) -> None:
    taken = FROZEN_NOW - timedelta(days=days_ago)
    store.record_quiz(QuizResult(
        result_id, taken.date(), taken, {"left": 5, "right": 5}, "solid", None, red_flag,
    ), {})


def palette_command(app, title: str):
    return next(command.callback for command in app.get_system_commands(app.screen) if command.title == title)


async def test_a_first_routine_after_a_red_flag_asks_both_in_turn(data_dir: Path, store: Store):
    squeeze_test(store, "q1", days_ago=1, red_flag=True)
    app = make_app(data_dir, store=store, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("y")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"


# After a squeeze test that flagged pain.

async def test_after_a_red_flag_home_asks_before_the_routine_until_checked(data_dir: Path, store: Store):
    squeeze_test(store, "q1", days_ago=1, red_flag=True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "have it checked" in str(app.screen.query_one("#next-routine").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        assert "flagged pain" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("escape")  # not now
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "l")  # the safety lesson instead
        await pilot.pause()
        assert screen_name(app) == "LessonsScreen" and app.screen.safety_first
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog), "still asks: not said to be checked"
        await pilot.press("enter")  # a second Enter does not start it: it opens the safety lesson
        await pilot.pause()
        assert screen_name(app) == "LessonsScreen"
        await pilot.press("escape", "enter")
        await pilot.pause()
        await pilot.press("y")  # I have been checked: start
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"
    assert Store.open(data_dir).setting("red_flag_cleared") == "q1"
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "you said it was checked" in str(again.screen.query_one("#next-routine").render())
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(again) == "PlayerScreen"


async def test_a_later_clean_squeeze_test_stops_the_question(data_dir: Path, store: Store):
    squeeze_test(store, "q1", days_ago=3, red_flag=True)
    squeeze_test(store, "q2", days_ago=1, red_flag=False)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"


async def test_the_palette_and_the_routine_picker_ask_too(data_dir: Path, store: Store):
    squeeze_test(store, "q1", days_ago=1, red_flag=True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        palette_command(app, "Start activation")()
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("escape", "r", "enter")  # the picker's first routine
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "RoutinesScreen", "not now leaves the picker as it was"
        await pilot.press("enter", "y")  # the question again; y: checked, start
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"
        assert [type(screen).__name__ for screen in app.screen_stack] == ["HomeScreen", "PlayerScreen"]


# A run check-in that scored high.

async def test_a_run_check_in_of_8_offers_the_safety_lesson(data_dir: Path, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "8 of 10" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "LessonsScreen" and app.screen.safety_first


async def test_a_run_check_in_of_3_says_nothing_more(data_dir: Path, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
