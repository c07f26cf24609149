"""The squeeze test as a user drives it: every step, timed holds on a frozen clock, result, history."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pytest
from rich.console import Console
from textual.widgets import Digits, Static

from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from gluteui.screens.quiz import QuizScreen
from gluteui.widgets.anatomy import Anatomy
from tests.factory import FROZEN_NOW, advance_clock, make_app


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def table_text(app, selector: str) -> str:
    console = Console(width=76, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


def seconds_shown(app) -> str:
    return app.screen.query_one("#countdown-digits", Digits).value.strip()


STANCE_LEAD_IN_S, BRIDGE_LEAD_IN_S = 8.0, 12.0
"""From Space to the hold: standing on one leg, lying down for the bridge (content/quiz.toml)."""


def step_id(app) -> str:
    return app.screen.attempt.step.id


@pytest.fixture
def cues(app, monkeypatch) -> list[str]:
    heard: list[str] = []
    monkeypatch.setattr(app.services.sound, "play", heard.append)
    return heard


async def open_quiz(pilot) -> None:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuizScreen)


async def test_every_step_with_timed_holds_then_the_result_is_saved(app, store: Store, cues: list[str]):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        assert "left buttock" in text_of(app, "#quiz-instructions")
        assert "LEFT" in app.screen.query_one("#quiz-side").caption
        assert not app.screen.query_one("#quiz-countdown").display
        assert "space" not in app.screen.active_bindings  # nothing to time on a squeeze
        await pilot.press("1")  # squeeze left: rock-hard
        assert step_id(app) == "squeeze_right" and "RIGHT" in app.screen.query_one("#quiz-side").caption
        await pilot.press("down", "enter")  # squeeze right: only with concentration

        assert step_id(app) == "stance_left"
        assert seconds_shown(app) == "30"
        await pilot.press("space")
        assert cues == ["switch"]  # get into position
        await advance_clock(pilot, STANCE_LEAD_IN_S + 12.0)
        assert seconds_shown(app) == "18"
        await advance_clock(pilot, 18.0, ticks=2)
        assert seconds_shown(app) == "0"
        assert "Time!" in text_of(app, "#countdown-message")
        assert cues == ["switch", "hold_end"]  # once, however often it ticks
        await pilot.press("1")  # stance left: level

        assert step_id(app) == "stance_right" and seconds_shown(app) == "30"  # a fresh hold
        await pilot.press("space")
        await advance_clock(pilot, STANCE_LEAD_IN_S + 30.0)
        await pilot.press("2")  # stance right: dropped

        assert step_id(app) == "bridge_left" and seconds_shown(app) == "10"
        await pilot.press("space")
        await advance_clock(pilot, BRIDGE_LEAD_IN_S + 10.0)
        await pilot.press("1")  # bridge left: in the glute
        assert step_id(app) == "bridge_right"
        await pilot.press("space")
        await advance_clock(pilot, BRIDGE_LEAD_IN_S + 10.0)
        await pilot.press("2")  # bridge right: hamstring cramped

        assert step_id(app) == "sitting"
        assert not app.screen.query_one("#quiz-side").display
        await pilot.press("3")  # more than 7 hours
        await pilot.pause()

        assert text_of(app, "#quiz-verdict").startswith("Sleepy")
        bars = text_of(app, "#quiz-bars")
        assert "Left" in bars and "9/9" in bars and "4/9  lower" in bars and "weaker" not in bars
        recommendation = " ".join(table_text(app, "#quiz-recommendation").split())
        assert "Focus on the side that scored lower" in recommendation
        assert "right side scored 5 points lower in this self-check (not a strength test)" in recommendation
        assert "move your foot closer" in table_text(app, "#quiz-tips")
        assert "hint about today" in text_of(app, "#quiz-explanation")
    [saved] = store.quiz_results()
    assert (saved.scores, saved.verdict, saved.weaker_side, saved.red_flag) == (
        {"left": 9, "right": 4}, "sleepy", "right", False,
    )
    assert saved.taken_at == FROZEN_NOW and saved.local_date == date(2026, 11, 26)
    assert store.setting("recommended_routine") == "focus"
    assert store.setting("extra_set_side") == "right"


async def test_answering_before_the_countdown_ends_moves_on_without_a_cue(app, cues: list[str]):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1", "space")
        await advance_clock(pilot, STANCE_LEAD_IN_S + 3.0)
        await pilot.press("1")
        assert step_id(app) == "stance_right"
        await advance_clock(pilot, 60.0)
        assert seconds_shown(app) == "30"  # not started: the old hold does not run on here
        assert cues == ["switch"]


async def test_back_returns_to_the_previous_step_and_its_answer_can_change(app, store: Store):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        assert "b" not in app.screen.active_bindings  # nothing to go back to yet
        await pilot.press("4", "4")
        assert step_id(app) == "stance_left"
        await pilot.press("b")
        assert step_id(app) == "squeeze_right"
        await pilot.press("backspace")
        assert step_id(app) == "squeeze_left"
        await pilot.press("1", "1", "1", "1", "1", "1", "1")
        await pilot.pause()
    assert store.quiz_results()[0].scores == {"left": 9, "right": 9}


async def test_hip_pain_stops_the_test_with_a_safety_note_instead_of_a_routine(app, store: Store):
    store.set_setting("recommended_routine", "quick")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1", "3")  # pain on the outside of the left hip
        await pilot.pause()
        assert "Stopped for pain" in text_of(app, "#quiz-verdict")
        assert "gluteal tendinopathy" in text_of(app, "#quiz-explanation")
        assert "physiotherapist or doctor" in text_of(app, "#quiz-explanation")
        assert "emergency" in text_of(app, "#quiz-emergency").lower()
        assert not app.screen.query_one("#quiz-recommendation").display
        assert not app.screen.query_one("#quiz-bars").display
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)  # no routine to start
    [saved] = store.quiz_results()
    assert saved.red_flag
    assert store.setting("recommended_routine") == "quick"  # untouched


async def test_result_compares_with_the_previous_one_and_can_be_retaken(data_dir, store: Store):
    earlier = datetime(2026, 11, 1, 7, 0, tzinfo=timezone.utc)
    store.record_quiz(QuizResult("old", date(2026, 11, 1), earlier, {"left": 1, "right": 3}, "amnesia", "left", False), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1111111")
        await pilot.pause()
        assert "Last time, 01 Nov: left 1 → 9, right 3 → 9" in text_of(app, "#quiz-change")
        assert text_of(app, "#quiz-verdict").startswith("Firing")
        await pilot.press("r")
        assert step_id(app) == "squeeze_left"
        await pilot.press(*"2222221")
        await pilot.pause()
        assert "left 9 → 4, right 9 → 4" in text_of(app, "#quiz-change")
    # Both new results share the frozen clock's time, so their order is not defined.
    assert sorted(r.verdict for r in store.quiz_results()) == ["amnesia", "firing", "sleepy"]


async def test_enter_on_the_result_starts_the_recommended_routine(app, store: Store):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1111111")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # Both single-leg bridges were clean: the bridge starts there, and the plan says why.
        assert type(app.screen).__name__ == "PlanDialog"
        assert "Single-leg bridge from the start" in str(app.screen.query_one("#plan-changes").render())
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlayerScreen"
        assert app.screen.routine.id == "quick"
        assert app.screen.routine.steps[1].exercise.id == "single_leg_bridge"
    assert store.setting("recommended_routine") == "quick"
    assert store.setting("extra_set_side") is None


@pytest.mark.parametrize("keys,state", [("1111111", "firing"), ("2222221", "asleep"), ("4422221", "asleep")])
async def test_the_anatomy_figure_matches_the_verdict(app, keys: str, state: str):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        anatomy = app.screen.query_one("#quiz-anatomy", Anatomy)
        assert anatomy.display and anatomy.state == state


async def test_no_anatomy_figure_after_a_red_flag(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1", "3")
        await pilot.pause()
        assert not app.screen.query_one("#quiz-anatomy").display


async def test_at_120x40_the_figure_sits_beside_the_result(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1212123")
        await pilot.pause()
        text = app.screen.query_one("#quiz-result-text").region
        figure = app.screen.query_one("#quiz-anatomy").region
        assert figure.x >= text.right and figure.right <= 120
        assert text.bottom <= 39 and figure.bottom <= 39


async def test_an_answer_can_be_clicked(app, store: Store):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.click("#quiz-options", offset=(6, 2))  # the second answer, below the border
        await pilot.pause()
        assert step_id(app) == "squeeze_right"
        assert app.screen.attempt.answers == [1]


async def test_a_pain_answer_shows_the_note_for_its_kind_and_offers_the_safety_lesson(app, store: Store):
    """One pain answer through the screen; every answer's note is checked in the core
    (tests/unit/test_quiz.py: test_every_pain_answer_stops_the_test_with_the_note_for_its_kind)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the App reads the content just after Home's first frame
        quiz = app.services.content.quiz
        # The last step's pain answer, after the best answer to each step before it.
        number, step = len(quiz.steps) - 1, quiz.steps[-1]
        index, kind = next((i, option.pain) for i, option in enumerate(step.options) if option.pain)
        await open_quiz(pilot)
        await pilot.press(*"1" * number, str(index + 1))
        await pilot.pause()
        explanation = text_of(app, "#quiz-explanation")
        notes = quiz.safety.pain
        assert notes[kind][:60] in explanation
        assert all(notes[other][:60] not in explanation for other in notes if other != kind)
        assert app.screen.query_one("#quiz-emergency").display
        assert "l" in app.screen.active_bindings
    assert [result.red_flag for result in store.quiz_results()] == [True]


async def test_l_on_a_red_flag_result_opens_the_safety_lesson(app):
    from gluteui.screens.lessons import LessonsScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("5")  # the first step's pain answer
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.lesson.safety


async def test_a_normal_result_offers_no_safety_key_and_keeps_its_text(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1111111")
        await pilot.pause()
        assert "l" not in app.screen.active_bindings
        assert not app.screen.query_one("#quiz-emergency").display
        assert "not a measurement of strength" in text_of(app, "#quiz-explanation")
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_a_red_flag_result_shows_every_emergency_sign_at_80x24_then_the_note_below(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1111114")  # the sitting step's pain answer: the longest note
        await pilot.pause()
        emergency = app.screen.query_one("#quiz-emergency")
        first_tier = emergency.region.y + str(emergency.render()).index("Be seen today") // 75
        assert emergency.region.y < app.screen.query_one("#quiz-explanation").region.y
        assert first_tier <= 22, "every emergency sign above the footer, without scrolling"
        await pilot.press("end")
        await pilot.pause()
        assert app.screen.query_one("#quiz-explanation").region.bottom <= 23, "the note is a scroll away"
