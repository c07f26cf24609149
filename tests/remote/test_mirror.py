"""The phone's view of the routine, from the player's view at chosen instants of a real timeline."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.routine.player import player_view
from gluteui.core.routine.timeline import Timeline
from gluteui.core.routine.workout import Workout
from gluteui.remote.mirror import PROGRESS_STEPS, MirrorState, mirror_state
from tests.remote.routine import (
    CLAM,
    CLAM_NAME,
    ROUTINE,
    TIMELINE,
    routine_states,
    state_at,
)
from tests.unit.builders import on_rungs


def first(kind: str, **labels: object):
    return next(p for p in TIMELINE.phases if p.kind == kind and all(getattr(p, k) == v for k, v in labels.items()))


def test_mid_rep():
    hold = first("hold", rep=2, side="left")
    state = state_at(hold.start + 0.5)
    assert (state.exercise, state.side, state.rep, state.reps, state.phase) == (CLAM_NAME, "left", 2, 2, "SQUEEZE")
    assert state.countdown is None and not state.paused and not state.finished
    assert state.next_up == "Switch to the RIGHT side"
    assert state.easier == CLAM.easier
    assert state.time_left == "0:27"  # 34 s in all, 7.5 s gone: rounded up, as the terminal shows it


def test_in_a_break_the_count_is_the_seconds_left_and_next_is_the_set_it_leads_to():
    switch = first("switch")
    state = state_at(switch.start + 0.2)
    assert (state.side, state.rep, state.reps, state.phase, state.countdown) == ("right", None, None, "SWITCH SIDES", 3)
    assert state.next_up == f"{CLAM_NAME}, 2 reps"
    assert state_at(switch.end - 0.2).countdown == 1


def test_next_names_the_rest_and_the_move_after_it():
    assert state_at(first("up", side="right", rep=1).start).next_up == "Rest, then Bridge"
    rest = first("rest")
    assert state_at(rest.start + 1).next_up == "Bridge, 2 reps"
    assert state_at(first("up", exercise_id="bridge").start).next_up == "Routine done"


def test_done():
    state = state_at(TIMELINE.total + 1)
    assert state.finished and state.phase == "DONE" and state.progress == 1.0
    assert (state.countdown, state.next_up, state.time_left) == (None, "", "0:00")


def test_after_a_resume_mid_set_next_is_the_rest_of_the_set():
    workout = Workout(ROUTINE, now=100.0)
    up = first("up", rep=2, side="left")
    workout.toggle_pause(100.0 + up.start + 0.1)
    workout.toggle_pause(200.0)  # resuming counts in: a get-ready inside the set
    state = workout.state(200.5)
    view = player_view(state, workout.timeline, ROUTINE, reduced_motion=False)
    mirrored = mirror_state(view, state, paused=False)
    assert mirrored.phase == "GET READY" and mirrored.next_up == f"{CLAM_NAME}, rep 2 of 2"


def test_a_skipped_set_is_followed_on_the_new_timeline():
    workout = Workout(ROUTINE, now=0.0)
    workout.skip_set(first("up", rep=1, side="left").start + 0.5)
    state = workout.state(first("up", rep=1, side="left").start + 0.6)
    view = player_view(state, workout.timeline, ROUTINE, reduced_motion=False)
    assert mirror_state(view, state, paused=False).phase == "SWITCH SIDES"


def test_a_whole_routine_is_a_few_changes_a_second():
    states = routine_states()
    assert all(a != b for a, b in itertools.pairwise(states))
    # The routine's progress moves in steps, not on every tick: the phone is sent ~7 a second
    # in this 34 s routine (a real one of 5 minutes, 2 or 3).
    assert len(states) < 8 * TIMELINE.total
    assert all(s.progress * PROGRESS_STEPS == pytest.approx(round(s.progress * PROGRESS_STEPS)) for s in states)


@pytest.mark.parametrize("extra", [None, "left"])
def test_every_tick_of_the_bundled_routines_has_a_mirror(extra: str | None):
    content = load_content(locations.content_dir())
    for routine_id in content.routines:
        routine = on_rungs(content, routine_id)
        timeline = Timeline.from_routine(routine, extra)
        for tick in range(int(timeline.total * 4) + 2):
            state = timeline.state_at(tick / 4)
            view = player_view(state, timeline, routine, reduced_motion=False)
            mirrored = mirror_state(view, state, paused=False)
            assert mirrored.finished or mirrored.next_up, (routine_id, tick / 4)


def test_the_page_reads_it_as_json():
    state = replace(state_at(6.5), hurting=True, hurt_where="buttock")
    fields = json.loads(json.dumps(state.as_json()))
    assert MirrorState(**fields | {"easier": tuple(fields["easier"])}) == state
