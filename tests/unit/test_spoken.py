"""What each routine says aloud, tick by tick: the right words at the right moments.

Every routine in content/ is played through at 20 ticks a second, its moves on the rungs they
had before ladders (single-leg bridges, band at the knees: builders.CLASSIC). Speech is modelled at
about 14 characters a second (the bundled clips run a little faster); while something
plays, a lower-priority utterance is dropped, as the sound layer does.
"""

from __future__ import annotations

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.routine.spoken import SPOKEN_HOLD_S, spoken_between
from gluteui.core.routine.timeline import Timeline
from gluteui.core.speech import NAME, TICK, Utterance
from tests.unit.builders import on_rungs

CONTENT = load_content(locations.content_dir())
TICK_S = 0.05
CHARS_PER_S = 14.0


def said(routine_id: str, extra_side: str = "right", hurt: bool = False) -> list[tuple[float, Utterance]]:
    """(time, utterance) for every utterance of a whole run of the routine (`hurt`: in which
    something hurt)."""
    routine = on_rungs(CONTENT, routine_id)
    timeline = Timeline.from_routine(routine, extra_side if routine.extra_set_on_weaker_side else None)
    out, before, step = [], None, 0
    while True:
        now = step * TICK_S
        state = timeline.state_at(now)
        out += [(now, u) for u in spoken_between(before, state, routine, CONTENT.phrases, hurt)]
        before, step = state, step + 1
        if state.finished:
            return out


def heard(utterances: list[tuple[float, Utterance]]) -> tuple[list[tuple[float, Utterance]], list[Utterance]]:
    """What plays and what is dropped, one at a time, lower priority yielding to higher."""
    played, dropped, busy_until, playing = [], [], -1.0, None
    for at, utterance in utterances:
        if at < busy_until and playing is not None and utterance.priority < playing.priority:
            dropped.append(utterance)
            continue
        start = max(at, busy_until) if playing is not None and utterance.priority == playing.priority else at
        played.append((start, utterance))
        playing, busy_until = utterance, start + len(utterance.text) / CHARS_PER_S
    return played, dropped


@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_a_switch_is_said_at_each_side_change_and_a_hold_at_each_long_top(routine_id: str):
    routine = on_rungs(CONTENT, routine_id)
    timeline = Timeline.from_routine(routine, "right" if routine.extra_set_on_weaker_side else None)
    spoken = said(routine_id)
    keys = [(round(at, 2), tuple(p.key for p in u.phrases)) for at, u in spoken]
    for phase in timeline.phases:
        at = round(-(-phase.start // TICK_S) * TICK_S, 2)  # the first tick inside the phase
        if phase.kind == "switch":
            assert (at, (f"switch-{phase.side}",)) in keys, phase
        if phase.kind == "hold" and phase.duration >= SPOKEN_HOLD_S:
            assert (at, ("hold",)) in keys, phase
        if phase.kind == "up":
            assert (at, (f"count-{phase.rep}",)) in keys, phase
        if phase.kind in ("get_ready", "intro"):
            expected = (("get-ready",) if phase.kind == "get_ready" else ()) + (f"exercise-{phase.exercise_id}",)
            expected += (f"side-{phase.side}",) if phase.side else ()
            assert (at, expected) in keys, phase
    assert keys[-1][1] == ("done",)


@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_nothing_important_is_cut_by_a_count(routine_id: str):
    played, dropped = heard(said(routine_id))
    assert all(u.priority == TICK or u.text in ("Three.", "Two.", "One.") for u in dropped), dropped
    names = [u for _, u in played if u.priority == NAME]
    expected = [u for _, u in said(routine_id) if u.priority == NAME]
    assert names == expected, "every exercise name, side and switch is heard in full"
    # And a count is mostly heard: at most one rep in five gives way to something bigger.
    counts = [u for _, u in said(routine_id) if u.priority == TICK]
    assert len([u for u in dropped if u.priority == TICK]) <= len(counts) / 5


def test_every_phrase_has_words_and_the_bundled_exercises_are_named():
    spoken = {p.key: p.text for _, u in said("standard") for p in u.phrases}
    assert spoken["hold"] == CONTENT.phrases["hold"]
    assert spoken["exercise-clamshell"].startswith("Clamshell")
    assert all(text.strip() for text in spoken.values())


def test_short_holds_are_not_announced():
    """A clamshell's 0.5 s top is over before "squeeze... and hold" could be said."""
    keys = [tuple(p.key for p in u.phrases) for _, u in said("quick")]
    clamshell = CONTENT.exercises["clamshell"]
    assert clamshell.tempo.hold_s < SPOKEN_HOLD_S
    holds = keys.count(("hold",))
    bridge_reps = sum(step.reps * 2 for step in on_rungs(CONTENT, "quick").steps
                      if step.tempo.hold_s >= SPOKEN_HOLD_S)
    assert holds == bridge_reps


def test_every_phrase_content_must_give_is_said_somewhere():
    """A phrase the loader requires, with a clip shipped for it, that nothing says is dead weight."""
    from gluteui.core.routine.spoken import paused
    from gluteui.core.speech import SPOKEN_KEYS

    keys = {p.key for routine_id in CONTENT.routines for side in ("left", "right") for hurt in (False, True)
            for _, u in said(routine_id, side, hurt) for p in u.phrases}
    keys |= {p.key for p in paused(CONTENT.phrases).phrases}
    assert set(SPOKEN_KEYS) <= keys, set(SPOKEN_KEYS) - keys


def test_a_routine_in_which_something_hurt_never_ends_with_go_and_run():
    for hurt in (False, True):
        *_, (_, last) = said("standard", hurt=hurt)
        assert ("Go and run" in last.text) is not hurt, last.text
        assert ("safety lesson" in last.text) is hurt
