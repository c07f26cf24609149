"""The squeeze test's keys at every size: what the footer and help offer, Esc, the hold."""

from __future__ import annotations

import pytest

from gluteui.core.history.store import Store
from gluteui.screens.help import key_rows
from gluteui.screens.home import HomeScreen
from gluteui.screens.quiz import QuizScreen
from gluteui.widgets.confirm import ConfirmDialog
from tests.app.test_quiz import (
    STANCE_LEAD_IN_S,
    cues,
    open_quiz,
    seconds_shown,
    step_id,
)
from tests.factory import advance_clock, screen_text

__all__ = ["cues"]  # the fixture, shared with test_quiz


async def test_esc_mid_test_asks_and_no_keeps_every_answer(app, store: Store):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "2", "space")
        await advance_clock(pilot, STANCE_LEAD_IN_S + 5.0)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Your 2 answers so far will not" in screen_text(app)
        await pilot.press("escape")  # no: keep going
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.attempt.answers == [0, 1] and step_id(app) == "stance_left"
        await advance_clock(pilot, 5.0)
        assert seconds_shown(app) == "20", "the hold ran on while the question was open"
        await pilot.press("escape", "enter")  # yes: leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.quiz_results() == []
    assert store.setting("recommended_routine") is None


async def test_esc_leaves_without_asking_when_nothing_would_be_lost(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("escape")  # no answers yet
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await open_quiz(pilot)
        await pilot.press(*"1111111", "escape")  # the result is saved already
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await open_quiz(pilot)
        await pilot.press("1", "b", "escape")  # the one answer was taken back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_step_and_the_result_fit_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1")  # the stance: longest instructions plus a countdown
        await pilot.pause()
        for selector in ("#quiz-instructions", "#quiz-countdown", "#quiz-options", "#quiz-reminder"):
            assert app.screen.query_one(selector).region.bottom <= 23, selector  # above the footer
        await pilot.press(*"12221")  # a weaker side: the longest recommendation
        await pilot.pause()
        for selector in ("#quiz-verdict", "#quiz-bars", "#quiz-change", "#quiz-recommendation"):
            assert app.screen.query_one(selector).region.bottom <= 23, selector


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_hold_is_offered_until_it_starts_and_space_never_restarts_it(app, cues: list[str]):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1")
        assert "Space Time it" in footer(app)
        await pilot.press("space")
        await advance_clock(pilot, STANCE_LEAD_IN_S + 12.0)
        assert "Space" not in footer(app), "no offer to start a hold that is running"
        await pilot.press("space")
        await advance_clock(pilot, 0.0)
        assert seconds_shown(app) == "18", "space did not start it again"
        await advance_clock(pilot, 18.0)
        assert seconds_shown(app) == "0" and "Space" not in footer(app)
        await pilot.press("space")
        await advance_clock(pilot, 0.0)
        assert seconds_shown(app) == "0", "nor once it is over"
        assert cues == ["switch", "hold_end"]  # getting into position; time (a late tick says only the latest)
        await pilot.press("1")
        assert "Space Time it" in footer(app), "the next step's hold is offered afresh"


async def test_every_footer_fits_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        for keys in ("", "1", "1", "space", "111", "1"):  # each kind of step, then the result
            await pilot.press(*keys)
            await pilot.pause()
            assert "? Help" in footer(app), footer(app)


@pytest.mark.parametrize("size", [(60, 20), (60, 15)])  # 15 rows: the answers have to scroll
@pytest.mark.parametrize("answered", [0, 2])  # the squeeze (7 answers), the timed stance (5)
async def test_on_a_small_terminal_the_highlighted_answer_is_always_on_screen(app, answered: int, size):
    async with app.run_test(size=size) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"1" * answered, "space")
        await pilot.pause()
        labels = [f"{number}  {option.label}" for number, option in enumerate(app.screen.attempt.step.options, 1)]
        path = [*range(len(labels)), *reversed(range(len(labels) - 1))]  # down to the last, back up
        for step, index in enumerate(path):
            if step:
                await pilot.press("down" if index > path[step - 1] else "up")
            assert labels[index] in screen_text(app), (index, labels[index])


async def test_help_lists_the_answer_keys_and_the_scroll_keys(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1")
        rows = {what: keys for keys, what in key_rows(app.screen)}
        assert rows["Answer by number"] == "1-9"
        assert rows["Move down"] == "↓ / j" and rows["Move up"] == "↑ / k"
        assert rows["Undo"] == "b / Backspace" and rows["Time it"] == "Space"
        await pilot.press("space")
        assert "Time it" not in {what: keys for keys, what in key_rows(app.screen)}
        await pilot.press(*"11111")
        rows = {what: keys for keys, what in key_rows(app.screen)}
        assert rows["Scroll down"] == "↓ / j" and rows["Page down"] == "PgDn / Space"
        assert "Answer by number" not in rows and rows["Start routine"] == "Enter"
