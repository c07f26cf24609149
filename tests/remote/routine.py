"""A made-up routine and the states the phone is sent while it plays, from a fake clock.

Its first move's name is markup, HTML and an entity at once: the page must show it as written.
"""

from __future__ import annotations

from dataclasses import replace

from gluteui.core.content.exercises import Routine, RoutineStep, Tempo
from gluteui.core.routine.player import player_view
from gluteui.core.routine.timeline import Timeline
from gluteui.remote.mirror import MirrorState, mirror_state
from tests.unit.builders import exercise

TICK_S = 0.05
"""The player's tick (20 a second)."""
CLAM_NAME = 'Clam <b>shell</b> & [bold]"co"&amp;'
CLAM = replace(
    exercise("clam", True, 2, Tempo(1.0, 1.0, 1.0)),
    name=CLAM_NAME, words={"up": "Open", "hold": "Squeeze", "down": "Close"},
    easier=("Open halfway", "No band, <i>smaller</i>", "Lie flatter"),
)
BRIDGE = replace(
    exercise("bridge", False, 2, Tempo(1.0, 2.0, 1.0)),
    name="Bridge", words={"up": "Lift", "hold": "Squeeze", "down": "Lower"}, easier=("Two legs",),
)
ROUTINE = Routine(
    id="mat", name="On the mat", summary="", get_ready_s=3.0, switch_s=3.0, rest_s=4.0,
    steps=tuple(RoutineStep(exercise=e, reps=e.reps, tempo=e.tempo, band="none") for e in (CLAM, BRIDGE)),
    extra_set_on_weaker_side=False,
)
TIMELINE = Timeline.from_routine(ROUTINE)


def state_at(elapsed: float, *, paused: bool = False) -> MirrorState:
    """What the player publishes `elapsed` seconds in."""
    state = TIMELINE.state_at(elapsed)
    view = player_view(state, TIMELINE, ROUTINE, reduced_motion=False)
    steps = {step.exercise.id: step.exercise for step in ROUTINE.steps}
    shown = steps.get(view.exercise_id or "")
    return mirror_state(view, state, paused=paused, easier=shown.easier if shown else ())


def routine_states() -> list[MirrorState]:
    """Every different state the player publishes over the whole routine, ticking at TICK_S."""
    states: list[MirrorState] = []
    tick = 0
    while not states or not states[-1].finished:
        state = state_at(tick * TICK_S)
        if not states or state != states[-1]:
            states.append(state)
        tick += 1
    return states
