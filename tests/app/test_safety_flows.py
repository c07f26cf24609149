"""Where the app stops to point to a clinician: the health questions, a red flag, a bad run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from gluteui.core.safety import NO_TO_ALL
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
    store.add_quiz_result(QuizResult(
        result_id, taken.date(), taken, {"left": 5, "right": 5}, "solid", None, red_flag,
    ))


def palette_command(app, title: str):
    return next(command.callback for command in app.get_system_commands(app.screen) if command.title == title)


# The health questions, before the first squeeze test or routine.

async def test_the_health_questions_come_once_before_the_first_squeeze_test(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PrescreenDialog)
        assert not dialog.query_one("#health-note-injury").display
        await pilot.press("down", "space")  # an acute injury: yes
        assert dialog.query_one("#health-note-injury").display
        assert "clinician" in str(dialog.query_one("#health-note-injury").render())
        await pilot.press("enter")  # go on all the same
        await pilot.pause()
        assert screen_name(app) == "QuizScreen"
        await pilot.press("escape", "s")
        await pilot.pause()
        assert screen_name(app) == "QuizScreen", "asked only the first time"
    assert Store.open(data_dir).setting("health_answers") == dict(NO_TO_ALL, injury=True)


async def test_esc_on_the_health_questions_starts_nothing_and_asks_again(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"


async def test_the_health_questions_fit_at_80x24_with_every_note_shown(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("y", "down")
        await pilot.pause()
        keys = app.screen.query_one("#health-keys")
        assert keys.region.bottom <= 24 and keys.region.height == 1
        for note in app.screen.query(".health-note"):
            assert note.display and note.region.height == 1, note.id


async def test_the_answers_are_changed_from_the_palette(data_dir: Path):
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        palette_command(app, "Health check questions")()
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        assert "Health check questions" in str(app.screen.query_one("#health-title").render())
        await pilot.press("down", "down", "space", "enter")  # sciatica: yes
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        palette_command(app, "Health check questions")()
        await pilot.pause()
        assert app.screen.query_one("#health-note-sciatica").display, "opens on the saved answers"
        await pilot.press("space", "escape")  # Esc keeps what was saved
        await pilot.pause()
    assert Store.open(data_dir).setting("health_answers") == dict(NO_TO_ALL, sciatica=True)


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


async def test_a_yes_to_a_health_question_is_recalled_on_home(data_dir: Path, store: Store):
    from gluteui.core.safety import NO_TO_ALL

    store.set_setting("health_answers", NO_TO_ALL | {"surgery": True})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "surgeon's precautions" in str(app.screen.query_one("#next-routine").render())
