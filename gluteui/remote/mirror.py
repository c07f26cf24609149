"""What the phone shows: the player's view cut down to what can be read from the mat.

The player builds a `MirrorState` on every tick with `mirror_state(...)` and hands it to
`RemoteServer.publish`; equal states are not sent again, so the state holds nothing that
changes on every tick (the routine's progress moves in steps of half a percent).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from gluteui.core.routine.player import PlayerView
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.sides import Side

PROGRESS_STEPS = 200
"""The routine's progress is sent in steps of 1/200: finer is invisible on a phone, and
every step is a message."""


@dataclass(frozen=True)
class MirrorState:
    """One moment of the routine as the phone shows it."""

    exercise: str
    """The move being done, or in a break the one coming up."""
    side: Side | None
    """The side working now, or in a break the side that comes next."""
    rep: int | None
    reps: int | None
    phase: str
    """The phase word in capitals: "OPEN", "SQUEEZE", "REST", "SWITCH SIDES"."""
    countdown: int | None
    """Seconds left of a break (None in a rep and once done)."""
    next_up: str
    """What comes after this set, or after this break: "Switch to the RIGHT side"."""
    time_left: str
    """Of the whole routine, m:ss."""
    progress: float
    """0..1 through the whole routine."""
    paused: bool
    finished: bool
    ready: bool = False
    """A lead-in waits for the user to say they are in position: the page's pause button
    says "Go" and sends "resume"."""
    easier: tuple[str, ...] = ()
    """The easier versions "it hurts" offers for this move."""
    hurting: bool = False
    """The "it hurts" dialog is open."""
    hurt_where: str | None = None
    """Where it hurts once said (a key of gluteui.core.pain.PLACES); None while asking."""

    def as_json(self) -> dict[str, object]:
        """The state as the page reads it (JSON types only)."""
        fields = asdict(self)
        fields["easier"] = list(self.easier)
        return fields


def mirror_state(
    view: PlayerView,
    state: TimelineState,
    *,
    paused: bool,
    ready: bool = False,
    easier: Sequence[str] = (),
    hurting: bool = False,
    hurt_where: str | None = None,
) -> MirrorState:
    """The phone's view of one tick: `view` is the player's view of `state`. `ready`: a
    lead-in waits for the user (Workout.waiting). `easier` is what the "it hurts" dialog
    offers for this move; `hurting` and `hurt_where` say where that dialog is."""
    return MirrorState(
        exercise=view.exercise_name,
        side=view.side,
        rep=None if view.is_break else view.rep,
        reps=None if view.is_break else view.reps,
        phase=view.phase_word.upper(),
        countdown=view.phase_seconds_left if view.is_break and not state.finished else None,
        next_up=view.next_up,
        time_left=view.time_left,
        progress=math.floor(view.routine_progress * PROGRESS_STEPS) / PROGRESS_STEPS,
        paused=paused,
        finished=state.finished,
        ready=ready,
        easier=tuple(easier),
        hurting=hurting,
        hurt_where=hurt_where,
    )
