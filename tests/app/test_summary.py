"""The summary after a routine, and the routine's dialogs, in small terminals: the question
asked is always in view, and nothing wraps back under its key."""

from __future__ import annotations

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.timeline import Timeline
from gluteui.screens.summary import SummaryScreen
from tests.factory import advance_clock, screen_text, visible

EXERCISES = load_content(locations.content_dir()).exercises


async def finish_routine(pilot) -> SummaryScreen:
    await pilot.press("d", "enter")
    await pilot.pause()
    await advance_clock(pilot, Timeline.from_routine(pilot.app.screen.routine, None, LeadIn()).total + 1)
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_question_asked_is_always_on_screen(app, size):
    """"No" adds the common mistakes, pushing the next question down: it scrolls into view,
    and once all are answered so does the line saying it is saved."""
    async with app.run_test(size=size) as pilot:
        summary = await finish_routine(pilot)
        for answer in ("2", "2", "4"):
            asking = summary.asking
            assert asking is not None
            text = visible(screen_text(app))
            assert EXERCISES[asking].feel_check in text, text
            assert "1 yes 2 no 3 not sure 4 it hurt" in text
            await pilot.press(answer)
            await pilot.pause()
        assert summary.asking is None
        text = visible(screen_text(app))
        assert "Saved. Press Enter to go back home." in text, text


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_question_fits_before_any_is_answered(app, size):
    async with app.run_test(size=size) as pilot:
        summary = await finish_routine(pilot)
        text = visible(screen_text(app))
        for exercise_id in summary.exercise_ids:
            assert EXERCISES[exercise_id].feel_check in text, text


async def test_a_wrapped_feel_line_keeps_its_indent(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await finish_routine(pilot)
        await pilot.press("2")  # the clamshell's mistakes: long enough to wrap at 60 columns
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if EXERCISES["clamshell"].mistakes[0].mistake in line)
        indent = len(lines[first]) - len(lines[first].lstrip())
        assert len(lines[first + 1]) - len(lines[first + 1].lstrip()) == indent, lines[first:first + 2]


@pytest.mark.parametrize("answers,expected", [
    ((), ("1 2 3 4 Feel check", "Enter Done", "q Quit", "? Help", "Ctrl+P palette")),
    (("4",), ("1 2 3 4 Feel check", "l Safety lesson", "Enter Done", "q Quit", "? Help")),
])
async def test_the_summary_footer_fits_at_80_columns(app, answers, expected):
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_routine(pilot)
        await pilot.press(*answers)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in expected:
            assert key in footer, (key, footer)


async def test_the_pain_dialog_wraps_each_choice_under_its_words(app):
    """At 80x24 the third easier clamshell wraps: its second line starts under the words,
    not under the key."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        await advance_clock(pilot, 8.0)
        await pilot.press("h", "1")  # it hurts at the side of the hip: the choices
        await pilot.pause()
        lines = screen_text(app).splitlines()
        third = EXERCISES["clamshell"].easier[2]
        row = next(i for i, line in enumerate(lines) if third[:30] in line)
        column = lines[row].index(third[:30])
        follow = lines[row + 1]
        assert follow[column - 1] == " " and follow[column] != " ", lines[row:row + 2]


async def test_the_stop_question_names_its_keys_in_one_style(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "s / Enter stop here" in screen_text(app)
        assert "Space / Esc keep going" in screen_text(app)
