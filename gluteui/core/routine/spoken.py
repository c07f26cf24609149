"""What the routine cues between two ticks, so it can be followed without the screen: the one
rule for what is cued and when. Each utterance carries its words and the tone that stands
for them; the sound layer decides how it sounds (voice, tones or off).

At each set's start the exercise and the side; each rep's number; "squeeze... and hold" at
the top of a long hold and "and release" after it; "switch sides: right side"; the rest and
what comes next; 3-2-1 at the end of a break; the end. Each utterance has a priority (see
gluteui.core.speech) so a rep count never cuts a name or a switch.
"""

from __future__ import annotations

from collections.abc import Mapping

from gluteui.core.content.exercises import Routine
from gluteui.core.routine.player import counted_down
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.speech import NAME, STEP, TICK, Phrase, Utterance

SPOKEN_HOLD_S = 1.5
"""Holds at least this long are announced: "squeeze... and hold" takes about a second."""


def phrase(phrases: Mapping[str, str], key: str, fallback: str | None = None) -> Phrase:
    """The phrase `key` with its text from content/voice/phrases.toml (or `fallback`)."""
    return Phrase(key, phrases.get(key, fallback if fallback is not None else key))


def count(phrases: Mapping[str, str], number: int) -> Phrase:
    return phrase(phrases, f"count-{number}", f"{number}.")


def paused(phrases: Mapping[str, str]) -> Utterance:
    """What is said when the routine is paused: from the mat, the screen may not be in view."""
    return Utterance((phrase(phrases, "paused"),), NAME)


def spoken_between(
    before: TimelineState | None, after: TimelineState, routine: Routine, phrases: Mapping[str, str],
    hurt: bool = False,
) -> list[Utterance]:
    """What to say for moving from `before` to `after` (one tick). A late tick says only the latest.

    `hurt`: something hurt in this routine, so its end does not send the user out to run.
    """
    names = {step.exercise.id: step.exercise.name for step in routine.steps}

    def exercise(exercise_id: str | None) -> Phrase:
        return phrase(phrases, f"exercise-{exercise_id}", f"{names.get(exercise_id or '', '')}.")

    if before is not None and before.phase == after.phase:
        second = counted_down(before, after)
        return [Utterance((count(phrases, second),), STEP, "countdown")] if second else []
    kind, side = after.kind, after.side
    if kind == "done":
        return [Utterance((phrase(phrases, "done-hurt" if hurt else "done"),), NAME, "routine_done")]
    if kind in ("get_ready", "intro"):
        # The rest before an intro has said "up next"; the routine's opening says "get ready".
        said = [phrase(phrases, "get-ready")] if kind == "get_ready" else []
        said.append(exercise(after.exercise_id))
        if side:
            said.append(phrase(phrases, f"side-{side}", f"{side.capitalize()} side."))
        return [Utterance(tuple(said), NAME)]
    if kind == "switch" and side:
        return [Utterance((phrase(phrases, f"switch-{side}"),), NAME, "switch")]
    if kind == "rest":
        upcoming = after.next_exercise_id
        if upcoming is None or (before is not None and before.exercise_id == upcoming):
            return [Utterance((phrase(phrases, "rest"),), STEP, "exercise_done")]
        said = (phrase(phrases, "rest"), phrase(phrases, "up-next"), exercise(upcoming))
        return [Utterance(said, NAME, "exercise_done")]
    if kind == "up" and after.rep is not None:
        return [Utterance((count(phrases, after.rep),), TICK, "rep")]
    if kind == "hold" and after.phase.duration >= SPOKEN_HOLD_S:
        return [Utterance((phrase(phrases, "hold"),), STEP, "hold_start")]
    if (kind == "down" and before is not None and before.kind == "hold"
            and before.phase.duration >= SPOKEN_HOLD_S):
        return [Utterance((phrase(phrases, "release"),), STEP, "hold_end")]
    return []

