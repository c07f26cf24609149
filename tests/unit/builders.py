"""Small content objects for core tests: only the fields the timeline and workout read."""

from __future__ import annotations

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
