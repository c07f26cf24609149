"""What the routine cues between two ticks, so it can be followed without the screen: the one
rule for what is cued and when. Each utterance carries its words and the tone that stands
for them; the sound layer decides how it sounds (voice, tones or off).

At each set's start the exercise and the side; each rep's number; "squeeze... and hold" at
the top of a long hold and "and release" after it; "switch sides: right side"; the rest and
what comes next; 3-2-1 at the end of a break; the end. Each utterance has a priority (see
gluteui.core.speech) so a rep count never cuts a name or a switch.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from gluteui.core.content.exercises import Exercise, Routine
from gluteui.core.lead_in import COUNTDOWN_FROM
from gluteui.core.phrases import count, phrase
from gluteui.core.routine.player import counted_down
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.speech import NAME, STEP, TICK, Phrase, Utterance

SPOKEN_HOLD_S = 1.5
"""Holds at least this long are announced: "squeeze... and hold" takes about a second."""


def count_in(phrases: Mapping[str, str], second: int) -> Phrase:
    """A count-in's word for `second`: three, two, then "go", never "one", which rep 1's
    count would seem to repeat."""
    return phrase(phrases, "go", "Go.") if second == 1 else count(phrases, second)


def setup(phrases: Mapping[str, str], exercise: Exercise) -> list[Phrase]:
    """Every line of a move's setup, each its own clip."""
    return [phrase(phrases, f"setup-{exercise.id}-{n}", line) for n, line in enumerate(exercise.setup, 1)]


def hint(phrases: Mapping[str, str], exercise: Exercise) -> list[Phrase]:
    """How to change sides for this move, if it says (a clamshell rolls over)."""
    return [phrase(phrases, f"hint-{exercise.id}", f"{exercise.switch_hint}.")] if exercise.switch_hint else []


def paused(phrases: Mapping[str, str]) -> Utterance:
    """What is said when the routine is paused: from the mat, the screen may not be in view."""
    return Utterance((phrase(phrases, "paused"),), NAME, cuts=True)


def spoken_between(
    before: TimelineState | None, after: TimelineState, routine: Routine, phrases: Mapping[str, str],
    hurt: bool = False,
) -> list[Utterance]:
    """What to say for moving from `before` to `after` (one tick). A late tick says only the latest.

    `hurt`: something hurt in this routine, so its end does not send the user out to run.
    """
    moves = {step.exercise.id: step.exercise for step in routine.steps}

    def exercise(exercise_id: str | None) -> Phrase:
        move = moves.get(exercise_id or "")
        return phrase(phrases, f"exercise-{exercise_id}", f"{move.name if move else ''}.")

    if before is not None and before.phase.same_as(after.phase):
        second = counted_down(before, after)
        return [Utterance((count_in(phrases, second),), STEP, "countdown")] if second else []
    kind, side = after.kind, after.side
    if kind == "done":
        return [Utterance((phrase(phrases, "done-hurt" if hurt else "done"),), NAME, "routine_done")]
    if kind == "get_ready" and after.set_index is not None:
        # A count-in a key started (resume, redo, next): the move and side are known, so
        # only the count, from its first second, cutting short what was being said.
        second = math.ceil(after.phase.duration - 1e-9)
        return [Utterance((count_in(phrases, min(second, COUNTDOWN_FROM)),), STEP, "countdown", cuts=True)]
    if kind in ("get_ready", "intro"):
        # The rest before an intro has said "up next"; the routine's opening says "get ready".
        said = [phrase(phrases, "get-ready")] if kind == "get_ready" else []
        said.append(exercise(after.exercise_id))
        if side:
            said.append(phrase(phrases, f"side-{side}", f"{side.capitalize()} side."))
        move = moves.get(after.exercise_id or "")
        # One utterance: a setup line waiting behind the name would be dropped as stale.
        said += setup(phrases, move) if move else []
        return [Utterance(tuple(said), NAME)]
    if kind == "switch" and side:
        said = [phrase(phrases, f"switch-{side}")]
        move = moves.get(after.exercise_id or "")
        said += hint(phrases, move) if move else []
        return [Utterance(tuple(said), NAME, "switch")]
    if kind == "rest":
        upcoming = after.next_exercise_id
        if upcoming is None or (before is not None and before.exercise_id == upcoming):
            return [Utterance((phrase(phrases, "rest"),), STEP, "exercise_done")]
        told = (phrase(phrases, "rest"), phrase(phrases, "up-next"), exercise(upcoming))
        return [Utterance(told, NAME, "exercise_done")]
    if kind == "up" and after.rep is not None:
        return [Utterance((count(phrases, after.rep),), TICK, "rep")]
    if kind == "hold" and after.phase.duration >= SPOKEN_HOLD_S:
        return [Utterance((phrase(phrases, "hold"),), STEP, "hold_start")]
    if (kind == "down" and before is not None and before.kind == "hold"
            and before.phase.duration >= SPOKEN_HOLD_S):
        return [Utterance((phrase(phrases, "release"),), STEP, "hold_end")]
    return []

