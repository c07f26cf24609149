"""A timed check of the squeeze test, from Space to "time", and what is said on the way.

Space starts a lead-in (the step's lead_in_s) to get into position: the position is said
and drawn large, then counted in: "three, two, hold". "Hold" comes with a second still to
go, as the routine's "go" does: the second it takes to lift the hips or the foot. The hold
is then counted down aloud, the number the screen shows ("ten, nine, ... one"; a longer
hold every five seconds down to ten), and "time" said at its end. One rule for the screen
and the voice: both read the same HoldState. Pure; the clock is an argument.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from gluteui.core.content.quiz import Step
from gluteui.core.phrases import count, phrase
from gluteui.core.speech import NAME, STEP, TICK, Utterance

Stage = Literal["idle", "position", "hold", "done"]
COUNT_IN_FROM = 3
"""The lead-in's last seconds are counted in aloud: three, two, then "hold"."""
EVERY_SECOND_FROM = 10
"""The hold is counted every second from here down; above it, every fifth second."""
HOLD_WORD, TIME_WORD = "HOLD", "TIME"


@dataclass(frozen=True)
class HoldState:
    """Where a timed check is at one instant."""

    stage: Stage
    left: int
    """Whole seconds left of the stage (0.2 s left still reads 1): the lead-in's while
    getting into position, the hold's while holding; all of the hold before Space, 0 after."""

    @property
    def lifting(self) -> bool:
        """The lead-in's last second: "hold" has been said and the hold is about to run."""
        return self.stage == "position" and self.left <= 1


def whole_seconds(left: float) -> int:
    """What a countdown displays: 0.2 s left still reads 1, so 0 means time is up."""
    return math.ceil(round(left, 6))


def hold_state(step: Step, started: float | None, now: float) -> HoldState:
    """The timed check of `step` at `now`, Space having been pressed at `started` (None: not yet)."""
    if step.hold_s is None:
        raise ValueError(f"step {step.id!r} has no timed check")
    if started is None:
        return HoldState("idle", whole_seconds(step.hold_s))
    elapsed = now - started
    if elapsed < step.lead_in_s:
        return HoldState("position", whole_seconds(step.lead_in_s - elapsed))
    left = whole_seconds(step.hold_s - (elapsed - step.lead_in_s))
    return HoldState("hold", left) if left > 0 else HoldState("done", 0)


def seconds_shown(step: Step, state: HoldState) -> int:
    """The big number: the lead-in's seconds, then (from "hold" on) the hold's."""
    if state.lifting:
        return whole_seconds(step.hold_s or 0)
    return state.left


def word_shown(step: Step, state: HoldState) -> str:
    """The large line: the position while getting into it, then HOLD, then TIME; "" before Space."""
    if state.stage == "position" and not state.lifting:
        return step.position or step.title
    if state.stage in ("position", "hold"):
        return HOLD_WORD
    return TIME_WORD if state.stage == "done" else ""


def counted(left: int) -> bool:
    """Whether the hold's second `left` is said: each of the last ten, every fifth above."""
    return left > 0 and (left <= EVERY_SECOND_FROM or left % 5 == 0)


def spoken_between(
    before: HoldState | None, after: HoldState, step: Step, phrases: Mapping[str, str],
) -> list[Utterance]:
    """What to say for moving from `before` to `after` (one tick); a late tick says only the latest.

    Each utterance carries the tone that stands in for it without a voice (see gluteui.sound.CUES).
    """
    moved = before is None or before.stage != after.stage
    if not moved and before is not None and before.left == after.left:
        return []
    if after.stage == "position":
        if moved:
            said = [phrase(phrases, "position")]
            if step.position:
                said.append(phrase(phrases, f"position-{step.id}", step.position))
            # Space was just pressed: whatever an earlier check was still saying no longer applies.
            return [Utterance(tuple(said), NAME, "switch", cuts=True)]
        if after.lifting:
            return [Utterance((phrase(phrases, "start-hold"),), NAME, "hold_start")]
        if after.left <= COUNT_IN_FROM:
            return [Utterance((count(phrases, after.left),), STEP, "countdown")]
        return []
    if after.stage == "hold" and counted(after.left):
        # The last three seconds tick without a voice too: the end is near.
        tone = "countdown" if after.left <= COUNT_IN_FROM else None
        return [Utterance((count(phrases, after.left),), TICK, tone)]
    if after.stage == "done":
        return [Utterance((phrase(phrases, "time"),), NAME, "hold_end")]
    return []
