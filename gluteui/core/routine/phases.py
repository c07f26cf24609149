"""The pieces a Timeline is made of: phases, set plans, the state at one instant, and the
helpers that lay phases end to end."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from gluteui.core.content.exercises import REP_PARTS, Tempo
from gluteui.core.sides import Side

PHASE_KINDS = ("get_ready", "intro", "up", "hold", "down", "switch", "rest", "done")
REP_KINDS = REP_PARTS
LEAD_IN_KINDS = ("get_ready", "switch", "intro")
"""Breaks that lead into a set: getting down on the mat, rolling over, a new move's setup."""
INTRO_S = 4.0
DEFAULT_EXTRA_REST_S = 10.0
BOUNDARY_SLACK_S = 1e-6
"""Closer than this to a phase's end is at its end: float rounding, not time."""


@dataclass(frozen=True)
class Phase:
    """One stretch of the routine. Times are seconds since it started, pauses excluded.

    Rep phases (up, hold, down) carry the set they belong to; so do a rest or get-ready
    inserted mid-set. Phases between sets (get_ready, intro, switch, rest) have
    `set_index` None and name the exercise and side coming up (a rest between exercises
    names none). `done` starts at the routine's total and never ends.
    """

    kind: str
    start: float
    end: float
    exercise_id: str | None = None
    side: Side | None = None
    rep: int | None = None
    reps: int | None = None
    set_index: int | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start

    def same_as(self, other: Phase) -> bool:
        """Whether `other` is this phase, perhaps made longer by a key (`+`): still the
        same stretch, so what was said at its start is not said again."""
        return replace(other, end=self.end) == self


@dataclass(frozen=True)
class SetPlan:
    """One set: `reps` reps of one exercise on one side (None when not per side)."""

    exercise_id: str
    side: Side | None
    reps: int
    tempo: Tempo
    extra: bool = False
    """An extra set on the weaker side."""


@dataclass(frozen=True)
class TimelineState:
    """Everything the player shows at one moment."""

    phase: Phase
    progress: float
    """0..1 through the current phase."""
    exercise_id: str | None
    side: Side | None
    rep: int | None
    reps: int | None
    kind: str
    elapsed: float
    time_left: float
    """Seconds left in the whole routine."""
    set_index: int | None
    finished: bool
    next_exercise_id: str | None
    """Exercise of the next rep after this phase, for "up next"."""
    next_side: Side | None = None
    """Side of the next rep after this phase: a rest names the side that comes next."""
    next_set_index: int | None = None
    """The set of the next rep after this phase (None after the last)."""
    leads_in: bool = False
    """A break that a set follows straight on: only such a break is counted in, so a rest
    and the setup after it count in once, not twice."""


def draft(kind: str, seconds: float, **labels: Any) -> Phase:
    """A phase not yet placed in time: `end` holds its length until `lay_out`."""
    return Phase(kind=kind, start=0.0, end=seconds, **labels)


def rep_drafts(set_index: int, plan: SetPlan, rep: int) -> list[Phase]:
    labels = dict(exercise_id=plan.exercise_id, side=plan.side, rep=rep, reps=plan.reps,
                  set_index=set_index)
    seconds = (plan.tempo.up_s, plan.tempo.hold_s, plan.tempo.down_s)
    return [draft(kind, part, **labels) for kind, part in zip(REP_KINDS, seconds, strict=True)]


def set_drafts(set_index: int, plan: SetPlan) -> list[Phase]:
    return [phase for rep in range(1, plan.reps + 1) for phase in rep_drafts(set_index, plan, rep)]


def lay_out(start: float, drafts: list[Phase]) -> tuple[Phase, ...]:
    """Place drafts end to end from `start` by a running sum, dropping zero-length ones."""
    laid = []
    clock = start
    for draft in drafts:
        if draft.duration <= 0:
            continue
        end = clock + draft.duration
        laid.append(replace(draft, start=clock, end=end))
        clock = end
    return tuple(laid)


def shift_to(start: float, phases: tuple[Phase, ...]) -> tuple[Phase, ...]:
    """Move `phases` by one offset so the first begins exactly at `start`."""
    delta = start - phases[0].start
    # Same offset on equal floats keeps every end == next start; the first start is
    # pinned so rounding in `delta` cannot open a gap before it.
    moved = [replace(p, start=p.start + delta, end=p.end + delta) for p in phases]
    moved[0] = replace(moved[0], start=start)
    return tuple(moved)


def like(phase: Phase, kind: str, seconds: float) -> Phase:
    """A draft with the same exercise, side, rep and set as `phase`."""
    return replace(phase, kind=kind, start=0.0, end=seconds)


def check_seconds(seconds: float) -> None:
    if not seconds > 0:
        raise ValueError(f"seconds must be above 0, got {seconds}")
