"""The squeeze test's timed check from the floor: the screen and the voice, instant by instant.

The clock is the test's: it moves a quarter of a second at a time (the screen's tick), and
every utterance the sound layer is handed is kept with the instant it was handed over.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from gluteui.core.speech import Utterance
from gluteui.widgets.big_text import BigText
from tests.app.test_quiz import BRIDGE_LEAD_IN_S, open_quiz, seconds_shown, step_id
from tests.factory import advance_clock

TICK_S = 0.25


@pytest.fixture
def said(app, monkeypatch) -> list[tuple[float, Utterance]]:
    """(clock, utterance) for each utterance handed to the sound layer."""
    heard: list[tuple[float, Utterance]] = []
    clock = app.config.monotonic
    monkeypatch.setattr(app.services.sound, "say", lambda utterance: heard.append((clock(), utterance)))
    return heard


def big_word(app) -> str:
    return app.screen.query_one("#quiz-position", BigText).text


def message(app) -> str:
    return str(app.screen.query_one("#countdown-message", Static).render())


async def test_the_bridge_is_counted_in_held_and_timed_with_the_screen_agreeing_throughout(app, said):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1", "1", "1")
        assert step_id(app) == "bridge_left" and not app.screen.has_class("-holding")
        assert "12 s to get in position, 10 s hold" in message(app) and said == []
        start = app.config.monotonic()
        await pilot.press("space")
        screens = {0.0: (app.screen.has_class("-holding"), big_word(app), seconds_shown(app), message(app))}
        for tick in range(1, int(30 / TICK_S) + 1):
            await advance_clock(pilot, TICK_S)
            screens[tick * TICK_S] = (app.screen.has_class("-holding"), big_word(app), seconds_shown(app),
                                      message(app))
        timeline = [(round(at - start, 2), utterance.text) for at, utterance in said]

    # The spoken timeline: the position at once, then three, two, "hold" (never "one"),
    # the hold counted down from ten, "time" at its end, and nothing after.
    lead = BRIDGE_LEAD_IN_S
    assert timeline == [
        (0.0, "Get into position. On your back. Right foot up."),
        (lead - 3, "Three."),
        (lead - 2, "Two."),
        (lead - 1, "Hold."),
        (lead, "Ten."),
        *((lead + n, f"{word}.") for n, word in enumerate(
            ("Nine", "Eight", "Seven", "Six", "Five", "Four", "Three", "Two", "One"), start=1)),
        (lead + 10, "Time."),
    ]
    # The screen at each of those instants: the position large while getting into it, the
    # count-in's numbers, HOLD over the hold's seconds, then the question back with time up.
    assert screens[0.0][:3] == (True, "On your back. Right foot up.", "12")
    assert "Get into position" in screens[0.0][3]
    assert screens[lead - 3][1:3] == ("On your back. Right foot up.", "3")
    assert screens[lead - 2][1:3] == ("On your back. Right foot up.", "2")
    assert screens[lead - 1][1:4] == ("HOLD", "10", "Hold!")
    for n in range(11):
        holding, word, seconds, _ = screens[lead + n]
        assert (holding, word, seconds) == (n < 10, "HOLD" if n < 10 else "TIME", str(10 - n))
    assert "Time!" in screens[lead + 10][3]
    assert screens[29.75] == screens[lead + 10], "nothing moves after time"
    # The screen moves on only as something is said, but for the lead-in's quiet seconds
    # (12 down to 4) before the count-in.
    changes = {at for at in screens if at and screens[at][:3] != screens[at - TICK_S][:3]}
    quiet = {float(second) for second in range(1, int(lead) - 3)}
    assert quiet <= changes and changes - quiet <= {at for at, _ in timeline}


async def test_without_a_voice_the_tones_stand_in_at_the_same_instants(app, monkeypatch):
    played: list[tuple[float, str]] = []
    clock = app.config.monotonic
    monkeypatch.setattr(app.services.sound, "play", lambda name: played.append((clock(), name)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quiz(pilot)
        await pilot.press("1", "1", "1", "1")
        start = clock()
        await pilot.press("space")
        for _ in range(int(24 / TICK_S)):
            await advance_clock(pilot, TICK_S)
    lead = BRIDGE_LEAD_IN_S
    assert [(round(at - start, 2), name) for at, name in played] == [
        (0.0, "switch"), (lead - 3, "countdown"), (lead - 2, "countdown"), (lead - 1, "hold_start"),
        (lead + 7, "countdown"), (lead + 8, "countdown"), (lead + 9, "countdown"), (lead + 10, "hold_end"),
    ]
