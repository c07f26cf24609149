"""The health questions: every answer's path, as a new user meets it at 80x24. No yes leads into
a routine without a deliberate key, and the questions come back when they should."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gluteui.core.health import NO_TO_ALL
from gluteui.core.history.store import Store
from gluteui.screens.home import HomeScreen
from gluteui.widgets.prescreen import PrescreenDialog
from gluteui.widgets.red_flag import RedFlagDialog
from tests.app.test_safety_flows import palette_command, screen_name, squeeze_test
from tests.factory import FROZEN_NOW, make_app

ORDER = ("surgery", "injury", "sciatica", "pregnancy", "bone_stress")
"""The questions shown before any follow-up, top to bottom."""


def answered(store: Store, days_ago: int = 0, **yes: bool) -> None:
    store.set_setting("health_answers", NO_TO_ALL | yes)
    store.set_setting("health_asked_at", (FROZEN_NOW - timedelta(days=days_ago)).isoformat())


def text(app, selector: str) -> str:
    return " ".join(str(app.screen.query_one(selector).render()).split())


async def say_yes_to(pilot, question: str) -> None:
    """On the questions (cursor on the first), answer `question` yes."""
    await pilot.press(*["down"] * ORDER.index(question), "y")


async def test_the_first_squeeze_test_asks_once_and_a_fresh_injury_still_allows_the_test(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        assert not app.screen.query_one("#health-note-injury").display
        await say_yes_to(pilot, "injury")
        assert "skipped today" in text(app, "#health-note-injury")
        assert "Emergency care now if:" in text(app, "#health-note-injury"), "after a fall: the emergency signs"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "QuizScreen", "the squeeze test is still offered"
        await pilot.press("escape", "s")
        await pilot.pause()
        assert screen_name(app) == "QuizScreen", "asked only once"
    store = Store.open(data_dir)
    assert store.setting("health_answers") == dict(NO_TO_ALL, injury=True)
    assert store.setting("health_asked_at") == FROZEN_NOW.isoformat()


async def test_esc_on_the_questions_starts_nothing_and_they_are_asked_again(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        await pilot.press("enter")  # no to all
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"


async def test_every_yes_keeps_the_keys_and_the_question_in_view_at_80x24(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(6):  # the follow-up appears after sciatica: six rows in all
            await pilot.press("y", "down")
            await pilot.pause()
            keys = app.screen.query_one("#health-keys").region
            assert keys.bottom <= 24 and keys.height == 1
            row = app.screen.query_one(".health-row.-cursor").region
            assert 0 <= row.y < keys.y, "the highlighted question is visible"
        assert all(note.display for note in app.screen.query(".health-note"))


async def test_sciatica_shows_the_emergency_signs_and_asks_about_both_legs(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        follow_up = app.screen.query_one("#health-sciatica_both")
        assert not follow_up.display
        await say_yes_to(pilot, "sciatica")
        await pilot.pause()
        assert follow_up.display and "In both legs?" in str(follow_up.render())
        assert "when you wipe" in text(app, "#health-note-sciatica")
        await pilot.press("down", "y", "enter")  # both legs: yes
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        assert "emergency sign" in text(app, "#confirm-question")
        await pilot.press("enter")  # the reflex key: the safety lesson, never the routine
        await pilot.pause()
        assert screen_name(app) == "LessonsScreen" and app.screen.safety_first
    answers = Store.open(data_dir).setting("health_answers")
    assert answers["sciatica"] and answers["sciatica_both"]


async def test_a_no_to_sciatica_takes_its_follow_up_with_it(data_dir: Path):
    app = make_app(data_dir, health_answered=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await say_yes_to(pilot, "sciatica")
        await pilot.press("down", "y", "up", "n", "enter")
        await pilot.pause()
    answers = Store.open(data_dir).setting("health_answers")
    assert not answers["sciatica"] and not answers["sciatica_both"]


async def test_a_have_it_checked_yes_holds_every_start_until_a_deliberate_y(data_dir: Path, store: Store):
    """Sciatica, whose dialog also lists the emergency signs; that surgery holds the same way
    is the core's (tests/unit/test_health.py)."""
    question = "sciatica"
    answered(store, **{question: True})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "have it checked first" in text(app, "#next-routine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("enter")  # the reflex key: the safety lesson, never the routine
        await pilot.pause()
        assert screen_name(app) == "LessonsScreen"
        await pilot.press("escape", "enter")  # and Enter on Home asks again
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("escape")
        await pilot.pause()
        palette_command(app, "Start activation")()  # the palette asks too
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "y")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"
    assert Store.open(data_dir).setting("health_cleared") == [question]
    again = make_app(data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(again) == "PlayerScreen", "remembered"


async def test_a_no_then_a_new_yes_holds_the_routine_again(data_dir: Path, store: Store):
    answered(store, surgery=True)
    store.set_setting("health_cleared", ["surgery"])
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        palette_command(app, "Health check questions")()
        await pilot.pause()
        await pilot.press("n", "enter")  # no surgery now
        await pilot.pause()
        palette_command(app, "Health check questions")()
        await pilot.pause()
        await pilot.press("y", "enter")  # and yes again: a new thing to have checked
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
    assert Store.open(data_dir).setting("health_cleared") == []


async def test_a_fresh_injury_skips_today_by_default_and_offers_the_squeeze_test(data_dir: Path, store: Store):
    answered(store, injury=True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "waits until it has been checked" in text(app, "#next-routine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagDialog)
        assert "skipped today" in text(app, "#confirm-question")
        await pilot.press("enter")  # skip today
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "t")
        await pilot.pause()
        assert screen_name(app) == "QuizScreen"


async def test_bone_stress_risks_are_advice_on_home_and_the_routine_starts_with_one_enter(data_dir: Path,
                                                                                             store: Store):
    answered(store, bone_stress=True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "bone stress injury" in text(app, "#next-routine")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"


async def test_pregnancy_gives_the_positions_advice_and_the_bridge_is_done_standing(data_dir: Path, store: Store):
    answered(store, pregnancy=True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        home = text(app, "#next-routine")
        assert "light-headed" in home and "standing hip extension" in home
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PlanDialog"
        assert "Standing hip extension instead of the bridge" in text(app, "#plan-changes")
        await pilot.press("enter")
        await pilot.pause()
        assert [step.exercise.id for step in app.screen.routine.steps] == [
            "clamshell", "standing_hip_extension", "lateral_band_walk"]


@pytest.mark.parametrize("prepare,title", [
    (lambda store: answered(store, days_ago=92), "A few months on"),
    (lambda store: store.set_setting("health_answers", {k: False for k in NO_TO_ALL if k != "bone_stress"}),
     "A new health question"),
    (lambda store: (answered(store, days_ago=3), squeeze_test(store, "q1", days_ago=1, red_flag=True)),
     "flagged pain"),
])
async def test_the_questions_come_back_after_months_a_new_question_or_pain(data_dir: Path, store: Store,
                                                                         prepare, title: str):
    prepare(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrescreenDialog)
        assert title in text(app, "#health-title")


async def test_answers_given_recently_are_not_asked_again(data_dir: Path, store: Store):
    answered(store, days_ago=90)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert screen_name(app) == "PlayerScreen"
