"""The honest record, as a user makes it and finds it: a set ended early, a pause, "it hurts"
and a note written on the summary, all on Progress's day afterwards."""

from __future__ import annotations

from dataclasses import replace

from gluteui.core.history.records import History
from gluteui.core.history.store import Store
from gluteui.core.stats.progress import progress_view
from gluteui.screens.progress import ProgressScreen, day_text
from gluteui.screens.summary import SummaryScreen
from gluteui.widgets.hanging import Hanging
from tests.app.test_pain import BUTTOCK
from tests.app.test_routine import advance_to, start
from tests.factory import advance_clock, make_app, screen_text, visible
from tests.unit.history_kit import START, session


async def write(pilot, words: str) -> None:
    """Type `words` key by key, as the user does."""
    await pilot.press(*("space" if char == " " else char for char in words))


async def to_summary(pilot) -> SummaryScreen:
    """Let the routine run to its end from wherever it is."""
    await advance_clock(pilot, pilot.app.screen.workout.timeline.total + 60)
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


async def test_what_happened_in_the_routine_is_on_progress_day(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 50)) as pilot:
        player = await start(pilot)
        second = next(p for p in player.workout.timeline.phases if p.kind == "up" and p.rep == 2)
        await advance_to(pilot, second.start + 0.5)
        await pilot.press("n")  # the left clamshells ended after one rep
        await pilot.press("space")
        await advance_clock(pilot, 20)
        await pilot.press("space")  # paused 20 s
        await pilot.press("h", BUTTOCK, "enter")  # it hurts: skip the move (its right side)
        await pilot.pause()
        await to_summary(pilot)
        await pilot.press("e")
        await write(pilot, "Sore from the long run")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter", "p")  # home, then Progress: today is the day shown
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        shown = visible(screen_text(app))
    clamshell = Store.open(data_dir).sessions()[0].planned["clamshell"]["left"]
    assert f"Clamshell L 1/{clamshell} R 0/{clamshell}" in shown, shown
    assert "Sets skipped: Clamshell R" in shown
    assert "Sets ended early: Clamshell L" in shown
    # The "it hurts" dialog held the routine too: that was a pause of its own.
    assert "Paused: 2 times, 0:20 in all" in shown
    assert "It hurt: Clamshell, the buttock" in shown and "skipped the move" in shown
    assert "Note: Sore from the long run" in shown


async def test_a_note_is_written_changed_and_left_on_the_summary(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        summary = await to_summary(pilot)
        asking = summary.asking
        await pilot.press("e")
        await write(pilot, "Felt it 1st time")  # a digit is part of the note, not an answer
        await pilot.press("enter")
        await pilot.pause()
        assert summary.asking == asking and not summary.query("NoteInput")
        assert "Note: Felt it 1st time" in visible(screen_text(app))
        assert Store.open(data_dir).sessions()[0].note == "Felt it 1st time"

        await pilot.press("e")  # again: the note is there to change
        await pilot.press(*["backspace"] * len("1st time"), "a", "l", "l")
        await pilot.press("enter")
        await pilot.pause()
        assert Store.open(data_dir).sessions()[0].note == "Felt it all"

        await pilot.press("e", "x", "escape")  # Esc leaves it as it was, on the summary
        await pilot.pause()
        assert app.screen is summary and not summary.query("NoteInput")
        assert Store.open(data_dir).sessions()[0].note == "Felt it all"
        await pilot.press("1", "1", "1")
        await pilot.pause()
        assert summary.session.feel and summary.session.note == "Felt it all"
        assert "Press e to change the note." in visible(screen_text(app))
    [session] = Store.open(data_dir).sessions()
    assert session.note == "Felt it all" and session.feel  # the answers kept the note


async def test_done_keeps_a_note_the_focus_left_before_enter(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        summary = await to_summary(pilot)
        await pilot.press("e")
        await write(pilot, "Tight left hip")
        summary.focus_next()  # as Tab or a click elsewhere would
        await pilot.pause()
        summary.action_finish()  # Done, from wherever the focus is now
        await pilot.pause()
    assert Store.open(data_dir).sessions()[0].note == "Tight left hip"


def test_a_note_and_names_from_the_file_show_as_written_never_as_markup():
    noted = replace(session("s1"), note="[b]not bold[/b] [link=x]", planned={}, reps={"[red]x": {"left": 3}},
                    skipped={"[red]x": {"left": 1}})
    history = History(sessions=[noted], rest_days=set(), checkins=[], quiz_results=[], lessons_read=set(),
                      settings={})
    view = progress_view(history, START.date(), set())
    shown = str(Hanging(day_text(view, START.date(), {}, None, {})))
    assert "Note: [b]not bold[/b] [link=x]" in shown
    assert "[red]x  L 3" in shown and "Sets skipped: [red]x L" in shown
