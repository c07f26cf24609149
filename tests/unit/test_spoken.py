"""What each routine says aloud, tick by tick: the right words at the right moments, and one
count per transition that a rep's count can never seem to continue.

Every routine in content/ is played through a Workout at 20 ticks a second, its moves on the
rungs they had before ladders (single-leg bridges, band at the knees: builders.CLASSIC), with
the default lead-in. Keys are pressed at set instants (pause, resume, redo, next, more rest).
What is heard is modelled from the shipped clips' real lengths: while an utterance plays, a
lower-priority one is dropped, an equal one waits, and one a key started cuts in, as the sound
layer does.
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from functools import cache

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.spoken import SPOKEN_HOLD_S, spoken_between
from gluteui.core.routine.timeline import Timeline
from gluteui.core.routine.workout import Workout
from gluteui.core.speech import NAME, TICK, Utterance
from tests.unit.builders import on_rungs

CONTENT = load_content(locations.content_dir())
TICK_S = 0.05
LEAD_IN = LeadIn()
COUNT_IN = ["three", "two", "go"]
Keys = dict[float, Callable[[Workout, float], None]]


def said(routine_id: str, extra_side: str = "right", hurt: bool = False, keys: Keys | None = None,
         lead_in: LeadIn | None = LEAD_IN) -> list[tuple[float, Utterance]]:
    """(time, utterance) for every utterance of a whole run of the routine, with `keys`
    (time -> action) pressed on the way (`hurt`: a run in which something hurt)."""
    if keys is None:
        return list(_said_without_keys(routine_id, extra_side, hurt, lead_in))
    return _said(routine_id, extra_side, hurt, keys, lead_in)


@cache
def _said_without_keys(routine_id: str, extra_side: str, hurt: bool,
                       lead_in: LeadIn | None) -> tuple[tuple[float, Utterance], ...]:
    """A whole run with no key pressed: the same for every test that asks, played once."""
    return tuple(_said(routine_id, extra_side, hurt, {}, lead_in))


def _said(routine_id: str, extra_side: str, hurt: bool, keys: Keys,
          lead_in: LeadIn | None) -> list[tuple[float, Utterance]]:
    routine = on_rungs(CONTENT, routine_id)
    workout = Workout(routine, 0.0, extra_side if routine.extra_set_on_weaker_side else None, lead_in=lead_in)
    pending = sorted(keys.items())
    out, before, step = [], None, 0
    while True:
        now = round(step * TICK_S, 2)
        while pending and pending[0][0] <= now:
            _, press = pending.pop(0)
            press(workout, now)
            if workout.stopwatch.paused and not workout.waiting:
                out.append((now, spoken_pause()))
        state = workout.state(now)
        if not workout.stopwatch.paused or before is None or not before.phase.same_as(state.phase):
            out += [(now, u) for u in spoken_between(before, state, routine, CONTENT.phrases, hurt)]
        before, step = state, step + 1
        if state.finished or step > 200_000:
            return out
        if workout.waiting and not pending:
            pending.append((now + 30, lambda w, t: w.toggle_pause(t)))  # ready after half a minute


def spoken_pause() -> Utterance:
    from gluteui.core.routine.spoken import paused

    return paused(CONTENT.phrases)


@cache
def clip_s(key: str) -> float:
    with wave.open(str(locations.content_dir() / "voice" / f"{key}.wav")) as clip:
        return clip.getnframes() / clip.getframerate()


def heard(utterances: list[tuple[float, Utterance]]) -> tuple[list[tuple[float, Utterance]], list[Utterance]]:
    """What plays (with when it starts) and what is dropped, as gluteui.sound's queue decides."""
    played, dropped, busy_until, playing = [], [], -1.0, None
    for at, utterance in utterances:
        busy = playing is not None and at < busy_until
        if busy and not utterance.cuts and utterance.priority < playing.priority:
            dropped.append(utterance)
            continue
        start = busy_until if busy and not utterance.cuts else at
        played.append((start, utterance))
        playing, busy_until = utterance, start + sum(clip_s(p.key) for p in utterance.phrases)
    return played, dropped


def words(utterances: list[tuple[float, Utterance]]) -> list[str]:
    """What is said, a phrase at a time: a count-in as its words ("three", "two", "go"), a
    rep's count as its number ("1"), anything else by its clip's key."""
    names = {"count-3": "three", "count-2": "two", "go": "go"}
    return [names[p.key] if u.tone == "countdown" else p.key.removeprefix("count-") if u.tone == "rep" else p.key
            for _, u in utterances for p in u.phrases]


def counts(utterances: list[tuple[float, Utterance]]) -> list[str]:
    """Only the count-ins' words and the reps' numbers, in order."""
    return [w for (_, u) in utterances for w in words([(0, u)]) if u.tone in ("countdown", "rep")]


def timeline_of(routine_id: str, lead_in: LeadIn | None = LEAD_IN) -> Timeline:
    routine = on_rungs(CONTENT, routine_id)
    return Timeline.from_routine(routine, "right" if routine.extra_set_on_weaker_side else None, lead_in)


def between(utterances, first: float, last: float):
    return [(at, u) for at, u in utterances if first <= at <= last]


def set_starts(routine_id: str) -> list[float]:
    return [p.start for p in timeline_of(routine_id).phases if p.kind == "up" and p.rep == 1]


# A whole run, no keys.

@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_every_set_is_counted_in_once_ending_on_go_then_rep_one(routine_id: str):
    spoken = said(routine_id)
    starts = set_starts(routine_id)
    previous = 0.0
    for start in starts:
        # From the last rep before this set to rep 1 of it: one count-in, never a number
        # that rep 1's "one" could seem to continue, and no second countdown.
        assert counts(between(spoken, previous + 0.01, start + TICK_S + 0.01))[-4:] == [*COUNT_IN, "1"]
        leading = [w for w in counts(between(spoken, previous + 0.01, start - 0.01))
                   if w in ("three", "two", "go")]
        assert leading == COUNT_IN, (start, leading)
        previous = start


@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_each_lead_in_says_the_setup_in_full_before_the_count_in(routine_id: str):
    """Measured on the shipped clips: every setup line and switch hint is heard before "three"."""
    played, dropped = heard(said(routine_id))
    assert all(u.priority == TICK for u in dropped), [u.text for u in dropped]
    for start, utterance in played:
        if utterance.priority == NAME:
            ends = start + sum(clip_s(p.key) for p in utterance.phrases)
            three = next((at for at, u in played if at > start and u.tone == "countdown"), None)
            assert three is None or ends <= three, (utterance.text, ends, three)


@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_setups_switches_and_long_holds_are_said_where_they_happen(routine_id: str):
    timeline = timeline_of(routine_id)
    keys = [(round(at, 2), tuple(p.key for p in u.phrases)) for at, u in said(routine_id)]
    moves = CONTENT.exercises
    for phase in timeline.phases:
        at = round(-(-phase.start // TICK_S) * TICK_S, 2)  # the first tick inside the phase
        move = moves.get(phase.exercise_id or "")
        if phase.kind == "switch":
            assert (at, (f"switch-{phase.side}", f"hint-{move.id}")) in keys, phase
        if phase.kind == "hold" and phase.duration >= SPOKEN_HOLD_S:
            assert (at, ("hold",)) in keys, phase
        if phase.kind == "up":
            assert (at, (f"count-{phase.rep}",)) in keys, phase
        if phase.kind in ("get_ready", "intro"):
            expected = (("get-ready",) if phase.kind == "get_ready" else ()) + (f"exercise-{move.id}",)
            expected += (f"side-{phase.side}",) if phase.side else ()
            expected += tuple(f"setup-{move.id}-{n}" for n in range(1, len(move.setup) + 1))
            assert (at, expected) in keys, phase
    assert keys[-1][1] == ("done",)


def test_each_lead_in_is_at_least_the_setting_and_long_enough_for_its_words():
    routine = on_rungs(CONTENT, "standard")
    for seconds in (10.0, 15.0, 30.0):
        timeline = Timeline.from_routine(routine, "right", LeadIn(seconds))
        lead_ins = [p for p in timeline.phases if p.kind in ("get_ready", "intro", "switch")]
        assert lead_ins and all(p.duration >= seconds for p in lead_ins)
    # Content's own breaks, without a lead-in, are far shorter: the setting is what lengthens them.
    plain = Timeline.from_routine(routine, "right")
    assert plain.total < Timeline.from_routine(routine, "right", LeadIn(10.0)).total - 60


def test_a_rest_between_sets_says_rest_and_what_comes_without_a_countdown_of_its_own():
    spoken = said("standard")
    timeline = timeline_of("standard")
    rest = next(p for p in timeline.phases if p.kind == "rest" and p.exercise_id is None)
    in_rest = words(between(spoken, rest.start, rest.end - 0.01))
    assert in_rest == ["rest", "up-next", f"exercise-{timeline.state_at(rest.end).exercise_id}"]


# Keys.

def key_at(kind: str, offset: float, routine_id: str = "standard") -> float:
    """An instant `offset` seconds into the first phase of `kind` of the routine."""
    timeline = timeline_of(routine_id)
    phase = next(p for p in timeline.phases if p.kind == kind and (p.rep or 2) >= 2)
    return round(phase.start + offset, 2)


def after(spoken, at: float, many: int) -> list[str]:
    return words([(t, u) for t, u in spoken if t >= at])[:many]


def test_pause_and_resume_in_a_rep_count_in_then_do_that_rep_again():
    at = key_at("hold", 0.2)  # in rep 2's hold
    spoken = said("standard", keys={at: Workout.toggle_pause, at + 20: Workout.toggle_pause})
    assert after(spoken, at, 5) == ["paused", *COUNT_IN, "2"]
    played, _ = heard(spoken)
    assert [u.text for t, u in played if at + 20 <= t < at + 23] == ["Three.", "Two.", "Go."]


def test_resume_in_a_lead_in_says_its_setup_again_then_counts_in():
    at = key_at("get_ready", 5.0)
    spoken = said("standard", keys={at: Workout.toggle_pause, at + 60: Workout.toggle_pause})
    resumed = after(spoken, at + 60, 4)
    assert resumed[:3] == ["get-ready", "exercise-clamshell", "side-left"]
    assert counts([(t, u) for t, u in spoken if t >= at + 60])[:4] == [*COUNT_IN, "1"]


def test_redo_counts_in_then_starts_at_rep_one():
    at = key_at("up", 0.3)
    spoken = said("standard", keys={at: Workout.repeat_set})
    assert after(spoken, at, 4) == [*COUNT_IN, "1"]
    three = next(u for t, u in spoken if t >= at)
    assert three.cuts, "a key's count-in cuts short whatever was being said"


def test_next_in_a_lead_in_goes_to_the_count_in_and_next_in_a_set_to_the_switch():
    at = key_at("get_ready", 2.0)
    spoken = said("standard", keys={at: Workout.skip_set})
    assert after(spoken, at, 4) == [*COUNT_IN, "1"]
    at = key_at("up", 0.3)
    spoken = said("standard", keys={at: Workout.skip_set})
    switch = after(spoken, at, 2)
    assert switch == ["switch-right", "hint-clamshell"]


def test_more_rest_in_a_rep_finishes_the_rep_and_lengthens_the_break_after_it():
    at = key_at("up", 0.3)
    plain, rested = said("standard"), said("standard", keys={at: Workout.add_rest})
    assert words(rested) == words(plain), "nothing said twice, nothing cut"
    switch = next(t for t, u in plain if u.phrases[0].key.startswith("switch-"))
    three = next(t for t, u in plain if t > switch and u.tone == "countdown")
    three_rested = next(t for t, u in rested if t > switch and u.tone == "countdown")
    assert three_rested == pytest.approx(three + 10, abs=0.06)


def test_more_rest_in_a_lead_in_says_nothing_again_and_moves_the_count_in():
    at = key_at("switch", 1.0)
    plain, rested = said("standard"), said("standard", keys={at: Workout.add_rest})
    assert words(rested) == words(plain)


def test_an_easier_version_resumes_with_a_count_in():
    """Choosing an easier version pauses (the pain dialog) and resumes: nothing dropped."""
    at = key_at("down", 0.2)

    def easier(workout: Workout, now: float) -> None:
        workout.toggle_pause(now)

    spoken = said("standard", keys={at: Workout.toggle_pause, at + 8: easier})
    assert after(spoken, at, 5) == ["paused", *COUNT_IN, "2"]


def test_a_lead_in_that_waits_says_the_setup_then_counts_in_once_ready():
    spoken = said("standard", lead_in=LeadIn.from_setting("space"))
    assert words(spoken)[:3] == ["get-ready", "exercise-clamshell", "side-left"]
    start = next(t for t, u in spoken if u.tone == "rep")
    assert start >= 30, "held until the user was ready"
    assert counts(spoken)[:4] == [*COUNT_IN, "1"]


# Words.

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
    from gluteui.core.speech import SPOKEN_KEYS

    keys = {p.key for routine_id in CONTENT.routines for side in ("left", "right") for hurt in (False, True)
            for _, u in said(routine_id, side, hurt) for p in u.phrases}
    keys |= {p.key for p in spoken_pause().phrases}
    assert set(SPOKEN_KEYS) <= keys, set(SPOKEN_KEYS) - keys


def test_a_routine_in_which_something_hurt_never_ends_with_go_and_run():
    for hurt in (False, True):
        *_, (_, last) = said("standard", hurt=hurt)
        assert ("Go and run" in last.text) is not hurt, last.text
        assert ("safety lesson" in last.text) is hurt

