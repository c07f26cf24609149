"""The squeeze test's timed checks, tick by tick: what the screen shows and what is said, when.

Each check is played through at 4 ticks a second (the screen's rate) and at 20, from Space
to well past its end; the utterances and their times are the spoken timeline.
"""

from __future__ import annotations

import wave
from dataclasses import replace

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.quiz.hold import (
    COUNT_IN_FROM,
    HoldState,
    hold_state,
    seconds_shown,
    spoken_between,
    word_shown,
)
from gluteui.core.speech import NAME, STEP, TICK, Utterance

CONTENT = load_content(locations.content_dir())
STEPS = {step.id: step for step in CONTENT.quiz.steps}
STARTED = 100.0


def said(step_id: str, ticks_per_second: int = 4, until: float = 60.0) -> list[tuple[float, Utterance]]:
    """(seconds after Space, utterance) for one timed check, ticked like the screen ticks it."""
    step = STEPS[step_id]
    out, before = [], hold_state(step, None, STARTED)
    for tick in range(int(until * ticks_per_second) + 1):
        at = tick / ticks_per_second
        state = hold_state(step, STARTED, STARTED + at)
        out += [(at, utterance) for utterance in spoken_between(before, state, step, CONTENT.phrases)]
        before = state
    return out


def keys(timeline: list[tuple[float, Utterance]]) -> list[tuple[float, tuple[str, ...]]]:
    return [(at, tuple(phrase.key for phrase in utterance.phrases)) for at, utterance in timeline]


def test_the_bridge_is_counted_in_from_the_floor_counted_down_and_timed():
    # A 12 s lead-in to lie down, the position said at once; three, two, then "hold" with a
    # second to lift the hips; the 10 s hold counted down; "time" at its end, and nothing after.
    assert keys(said("bridge_left")) == [
        (0.0, ("position", "position-bridge_left")),
        (9.0, ("count-3",)),
        (10.0, ("count-2",)),
        (11.0, ("start-hold",)),
        (12.0, ("count-10",)),
        *((12.0 + n, (f"count-{10 - n}",)) for n in range(1, 10)),
        (22.0, ("time",)),
    ]


def test_the_words_are_the_bundled_phrases_and_the_step_s_position():
    [(_, opening), *_, (_, end)] = said("bridge_right")
    assert opening.text == "Get into position. On your back. Left foot up."
    assert (opening.priority, opening.tone, opening.cuts) == (NAME, "switch", True)
    assert (end.text, end.priority, end.tone) == ("Time.", NAME, "hold_end")
    utterances = dict(said("bridge_right"))
    assert (utterances[9.0].text, utterances[9.0].priority) == ("Three.", STEP)
    assert (utterances[11.0].text, utterances[11.0].priority, utterances[11.0].tone) == ("Hold.", NAME, "hold_start")
    assert (utterances[20.0].text, utterances[20.0].priority) == ("Two.", TICK)


def test_a_long_hold_is_counted_every_five_seconds_then_every_second_from_ten():
    timeline = keys(said("stance_left"))
    assert timeline[:4] == [(0.0, ("position", "position-stance_left")), (5.0, ("count-3",)),
                            (6.0, ("count-2",)), (7.0, ("start-hold",))]
    counts = [(at, key[0]) for at, key in timeline[4:]]
    assert counts[:5] == [(8.0, "count-30"), (13.0, "count-25"), (18.0, "count-20"), (23.0, "count-15"),
                          (28.0, "count-10")]
    assert counts[5:] == [(28.0 + n, f"count-{10 - n}") for n in range(1, 10)] + [(38.0, "time")]


@pytest.mark.parametrize("step_id", ["stance_left", "stance_right", "bridge_left", "bridge_right"])
def test_the_count_in_never_ends_on_a_number_and_nothing_is_said_twice(step_id: str):
    timeline = keys(said(step_id))
    lead_in = [key for at, key in timeline if at < STEPS[step_id].lead_in_s]
    assert lead_in[-3:] == [("count-3",), ("count-2",), ("start-hold",)]
    assert ("count-1",) not in lead_in
    assert keys(said(step_id, ticks_per_second=20)) == timeline, "the same at any tick rate"


@pytest.mark.parametrize("step_id", ["stance_left", "bridge_left"])
def test_the_screen_shows_what_is_said_at_each_instant(step_id: str):
    step = STEPS[step_id]
    for at, utterance in said(step_id, ticks_per_second=20):
        state = hold_state(step, STARTED, STARTED + at)
        word, seconds = word_shown(step, state), seconds_shown(step, state)
        key = utterance.phrases[0].key
        if key == "position":
            assert word == step.position and seconds == step.lead_in_s
        elif key == "start-hold":
            assert word == "HOLD" and seconds == step.hold_s  # what is about to run
        elif key == "time":
            assert word == "TIME" and seconds == 0
        else:
            assert int(key.removeprefix("count-")) == seconds


def test_the_timed_check_before_space_during_the_lead_in_the_hold_and_after():
    step = STEPS["bridge_left"]  # a 12 s lead-in, a 10 s hold

    def at(seconds: float | None) -> HoldState:
        return hold_state(step, None if seconds is None else STARTED, STARTED + (seconds or 0.0))

    assert at(None) == HoldState("idle", 10) and word_shown(step, at(None)) == ""
    assert at(0.0) == HoldState("position", 12)
    assert at(10.5) == HoldState("position", 2) and not at(10.5).lifting
    assert at(11.0).lifting and seconds_shown(step, at(11.0)) == 10
    assert at(12.0) == HoldState("hold", 10)
    assert at(21.9) == HoldState("hold", 1)  # a tenth of a second left still reads 1
    assert at(22.0) == HoldState("done", 0) == at(500.0)


def test_a_late_tick_says_only_the_latest_and_a_check_without_a_position_says_its_cue_alone():
    step = replace(STEPS["bridge_left"], position=None)
    before, after = hold_state(step, STARTED, STARTED + 12.0), hold_state(step, STARTED, STARTED + 16.2)
    assert [u.text for u in spoken_between(before, after, step, CONTENT.phrases)] == ["Six."]
    opening = spoken_between(None, hold_state(step, STARTED, STARTED), step, CONTENT.phrases)
    assert [u.text for u in opening] == ["Get into position."]
    assert word_shown(step, hold_state(step, STARTED, STARTED)) == step.title


def test_only_a_timed_step_has_a_timed_check():
    with pytest.raises(ValueError, match="squeeze_left"):
        hold_state(STEPS["squeeze_left"], None, STARTED)


@pytest.mark.parametrize("step_id", ["stance_left", "stance_right", "bridge_left", "bridge_right"])
def test_the_position_is_said_in_full_before_the_count_in(step_id: str):
    # Measured on the shipped clips: "get into position" and the position end a second or
    # more before "three", so the count-in is never dropped behind them.
    [(_, opening)] = [(at, u) for at, u in said(step_id) if at == 0.0]
    seconds = sum(clip_seconds(phrase.key) for phrase in opening.phrases)
    assert seconds + 1.0 <= STEPS[step_id].lead_in_s - COUNT_IN_FROM, seconds


def clip_seconds(key: str) -> float:
    with wave.open(str(locations.content_dir() / "voice" / f"{key}.wav")) as clip:
        return clip.getnframes() / clip.getframerate()
