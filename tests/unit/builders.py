"""Small content objects for core tests: only the fields the timeline and workout read."""

from __future__ import annotations

from dataclasses import replace

from gluteui.core.content.exercises import Exercise, Tempo


def exercise(exercise_id: str, per_side: bool, reps: int, tempo: Tempo) -> Exercise:
    """An exercise with only the fields the timeline reads filled in."""
    return Exercise(
        id=exercise_id, name=exercise_id, target="", feel_it="", setup=(), per_side=per_side,
        switch_hint="roll over" if per_side else "",
        sides={"left": "left side", "right": "right side"} if per_side else {},
        reps=reps, tempo=tempo, words={"up": "Up", "hold": "Hold", "down": "Down"},
        cues={"up": ("up",), "hold": (), "down": ()}, mistakes=(), easier=("smaller",), feel_check="", figure=(),
    )


CLASSIC = {"bridge": "single_leg", "band_walk": "knees"}
"""The rungs the routines ran at before moves had ladders: single-leg bridges, a band at the knees."""


def on_rungs(content, routine_id: str, rungs: dict[str, str] | None = None):
    """The bundled routine `routine_id` with its moves on the named rungs (ladder id -> rung id;
    CLASSIC by default), the others on their first: what a user at those steps does."""
    from gluteui.core.routine.progression import Dose, apply

    wanted = CLASSIC if rungs is None else rungs
    routine = content.routines[routine_id]
    steps = []
    for step in routine.steps:
        ladder = content.ladders[step.ladder]
        rung = ladder.rung(wanted[step.ladder]) if step.ladder in wanted else 0
        steps.append(apply(step, ladder, Dose(rung or 0)))
    return replace(routine, steps=tuple(steps))
