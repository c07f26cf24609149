"""The routine as a timeline of phases: what to do at any second, and how to change the plan.

A Timeline is immutable. `state_at(elapsed)` is a pure function of the seconds since the
routine started (pauses excluded), so a late tick shows exactly what an on-time one
would. Skip, repeat, extra rest and the get-ready after a resume return a new Timeline
that keeps everything before `elapsed`; the caller makes them as time goes forward.

    get_ready -> sets of exercise 1 -> rest -> intro -> sets of exercise 2 -> ... -> done

A set is `reps` x (up, hold, down); a zero hold (or any zero-length phase) is left out.
A `switch` separates the sides (left, then right) of a per-side exercise. The get-ready
names the first exercise, so only later exercises get an `intro`.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from gluteui.core.content.load import SIDES, Routine, Tempo

PHASE_KINDS = ("get_ready", "intro", "up", "hold", "down", "switch", "rest", "done")
REP_KINDS = ("up", "hold", "down")
INTRO_S = 4.0
DEFAULT_EXTRA_REST_S = 10.0
DEFAULT_GET_READY_S = 3.0
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
    side: str | None = None
    rep: int | None = None
    reps: int | None = None
    set_index: int | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SetPlan:
    """One set: `reps` reps of one exercise on one side (None when not per side)."""

    exercise_id: str
    side: str | None
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
    side: str | None
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


def _draft(kind: str, seconds: float, **labels) -> Phase:
    """A phase not yet placed in time: `end` holds its length until `_lay_out`."""
    return Phase(kind=kind, start=0.0, end=seconds, **labels)


def _rep_drafts(set_index: int, plan: SetPlan, rep: int) -> list[Phase]:
    labels = dict(exercise_id=plan.exercise_id, side=plan.side, rep=rep, reps=plan.reps,
                  set_index=set_index)
    seconds = (plan.tempo.up_s, plan.tempo.hold_s, plan.tempo.down_s)
    return [_draft(kind, part, **labels) for kind, part in zip(REP_KINDS, seconds)]


def _set_drafts(set_index: int, plan: SetPlan) -> list[Phase]:
    return [phase for rep in range(1, plan.reps + 1) for phase in _rep_drafts(set_index, plan, rep)]


def _lay_out(start: float, drafts: list[Phase]) -> tuple[Phase, ...]:
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


def _shift_to(start: float, phases: tuple[Phase, ...]) -> tuple[Phase, ...]:
    """Move `phases` by one offset so the first begins exactly at `start`."""
    delta = start - phases[0].start
    # Same offset on equal floats keeps every end == next start; the first start is
    # pinned so rounding in `delta` cannot open a gap before it.
    moved = [replace(p, start=p.start + delta, end=p.end + delta) for p in phases]
    moved[0] = replace(moved[0], start=start)
    return tuple(moved)


def _like(phase: Phase, kind: str, seconds: float) -> Phase:
    """A draft with the same exercise, side, rep and set as `phase`."""
    return replace(phase, kind=kind, start=0.0, end=seconds)


def _check_seconds(seconds: float) -> None:
    if not seconds > 0:
        raise ValueError(f"seconds must be above 0, got {seconds}")


@dataclass(frozen=True)
class Timeline:
    """Contiguous phases from 0 to a final `done`, plus the sets they were built from."""

    phases: tuple[Phase, ...]
    sets: tuple[SetPlan, ...]

    @classmethod
    def from_routine(cls, routine: Routine, extra_set_side: str | None = None) -> Timeline:
        """Lay out `routine` from second 0.

        `extra_set_side` ("left" or "right") adds one more set on that side after both
        sides of every per-side exercise. Only the caller decides: the routine's
        `extra_set_on_weaker_side` is its cue to ask the user, not read here.
        """
        if extra_set_side is not None and extra_set_side not in SIDES:
            raise ValueError(f"extra_set_side must be one of {SIDES}, got {extra_set_side!r}")
        drafts: list[Phase] = []
        sets: list[SetPlan] = []
        for number, step in enumerate(routine.steps):
            exercise = step.exercise
            sides: tuple[str | None, ...] = (None,)
            if exercise.per_side:
                sides = SIDES + ((extra_set_side,) if extra_set_side else ())
            upcoming = dict(exercise_id=exercise.id, side=sides[0])
            if number == 0:
                drafts.append(_draft("get_ready", routine.get_ready_s, **upcoming))
            else:
                drafts += [_draft("rest", routine.rest_s), _draft("intro", INTRO_S, **upcoming)]
            for order, side in enumerate(sides):
                if order:
                    # A break before a set on the side just trained is a rest, not a switch.
                    kind = "switch" if side != sides[order - 1] else "rest"
                    drafts.append(_draft(kind, routine.switch_s, **upcoming | {"side": side}))
                plan = SetPlan(exercise.id, side, step.reps, step.tempo, extra=order >= len(SIDES))
                sets.append(plan)
                drafts += _set_drafts(len(sets) - 1, plan)
        laid = _lay_out(0.0, drafts)
        total = laid[-1].end if laid else 0.0
        return cls(laid + (Phase("done", total, math.inf),), tuple(sets))

    @property
    def total(self) -> float:
        """Seconds from the start to the end of the last phase before `done`."""
        return self.phases[-1].start

    @cached_property
    def _starts(self) -> tuple[float, ...]:
        return tuple(p.start for p in self.phases)

    @cached_property
    def _next_exercise(self) -> tuple[str | None, ...]:
        later: str | None = None
        found: list[str | None] = []
        for phase in reversed(self.phases):
            found.append(later)
            if phase.kind in REP_KINDS:
                later = phase.exercise_id
        return tuple(reversed(found))

    def _run_end(self, i: int) -> int:
        """Index just after the run of phases of one set that holds phase i."""
        # The final `done` belongs to no set, so the run always ends.
        while self.phases[i + 1].set_index == self.phases[i].set_index:
            i += 1
        return i + 1

    def _locate(self, elapsed: float) -> tuple[float, int, Phase]:
        """`elapsed` (never before the start), the index of its phase, and the phase."""
        elapsed = max(float(elapsed), 0.0)
        i = bisect_right(self._starts, elapsed) - 1
        return elapsed, i, self.phases[i]

    def _edit_point(self, elapsed: float) -> tuple[float, int, Phase]:
        """Like `_locate`, but within BOUNDARY_SLACK_S of a phase's end, at that end.

        A rep whose 'down' is that close to over counts as done, so an edit there must
        not cut it and do the rep again.
        """
        elapsed, i, phase = self._locate(elapsed)
        if phase.end - elapsed < BOUNDARY_SLACK_S:
            return self._locate(phase.end)
        return elapsed, i, phase

    def state_at(self, elapsed: float) -> TimelineState:
        """What is happening `elapsed` seconds in; past the end, the `done` phase."""
        elapsed, i, phase = self._locate(elapsed)
        finished = phase.kind == "done"
        progress = 1.0 if finished else min((elapsed - phase.start) / phase.duration, 1.0)
        return TimelineState(
            phase=phase, progress=progress, exercise_id=phase.exercise_id, side=phase.side,
            rep=phase.rep, reps=phase.reps, kind=phase.kind, elapsed=elapsed,
            time_left=max(self.total - elapsed, 0.0), set_index=phase.set_index,
            finished=finished, next_exercise_id=self._next_exercise[i],
        )

    def skip_set(self, elapsed: float) -> Timeline:
        """Drop the rest of the current set; the break after it starts at `elapsed`.

        In a break (get_ready, intro, switch, rest), drop the break: the next set
        starts at `elapsed`. Keeping the break after a skipped set leaves time to
        change sides; a second skip goes straight on.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.set_index is not None:
            return self._replace_from(elapsed, [], self._run_end(i))
        resume = i + 1
        while self.phases[resume].set_index is None and self.phases[resume].kind != "done":
            resume += 1
        return self._replace_from(elapsed, [], resume)

    def repeat_set(self, elapsed: float) -> Timeline:
        """Restart the current set from rep 1 at `elapsed`.

        In a break after a set, repeat that set, then the break phase you were in starts
        over (the part of the break already taken is not owed again). Before the first
        set and once finished there is nothing to repeat.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.set_index is not None:
            return self._replace_from(elapsed, self._set_drafts_of(phase), self._run_end(i))
        finished = next((p for p in reversed(self.phases[:i]) if p.set_index is not None), None)
        if finished is None:
            return self
        again = _like(phase, phase.kind, phase.duration)
        return self._replace_from(elapsed, self._set_drafts_of(finished) + [again], i + 1)

    def _set_drafts_of(self, phase: Phase) -> list[Phase]:
        return _set_drafts(phase.set_index, self.sets[phase.set_index])

    def add_rest(self, elapsed: float, seconds: float = DEFAULT_EXTRA_REST_S) -> Timeline:
        """Give `seconds` more rest at `elapsed`; everything after moves later.

        A break you are in (get_ready, intro, switch, rest) gets longer. In a rep, a
        rest starts now and the rep then starts again at its 'up'.
        """
        _check_seconds(seconds)
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.kind in REP_KINDS:
            return self._interrupt(elapsed, "rest", seconds)
        longer = replace(phase, end=phase.end + seconds)
        following = _shift_to(longer.end, self.phases[i + 1:])
        return Timeline(self.phases[:i] + (longer,) + following, self.sets)

    def insert_get_ready(self, elapsed: float, seconds: float = DEFAULT_GET_READY_S) -> Timeline:
        """Count `seconds` in at `elapsed` (after a resume), then restart what was cut.

        A rep starts again at its 'up'; any break starts again from its beginning. In a
        get-ready it just restarts, at least `seconds` long, rather than doubling up.
        """
        _check_seconds(seconds)
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.kind in REP_KINDS:
            return self._interrupt(elapsed, "get_ready", seconds)
        if phase.kind == "get_ready":
            drafts = [_like(phase, "get_ready", max(seconds, phase.duration))]
        else:
            drafts = [_like(phase, "get_ready", seconds), _like(phase, phase.kind, phase.duration)]
        return self._replace_from(elapsed, drafts, i + 1)

    def _interrupt(self, elapsed: float, kind: str, seconds: float) -> Timeline:
        """Cut the rep at `elapsed` for a `kind` pause, then do that rep again from 'up'."""
        elapsed, i, phase = self._edit_point(elapsed)
        resume = i + 1
        # Step over the rest of this rep up to the next 'up' or break; an earlier cut
        # may already have dropped its 'down'.
        while self.phases[resume].kind in ("hold", "down"):
            resume += 1
        drafts = [_like(phase, kind, seconds)]
        drafts += _rep_drafts(phase.set_index, self.sets[phase.set_index], phase.rep)
        return self._replace_from(elapsed, drafts, resume)

    def _replace_from(self, elapsed: float, drafts: list[Phase], resume: int) -> Timeline:
        """Keep the past up to `elapsed`, lay `drafts` from there, then phases[resume:]."""
        elapsed, i, cut = self._edit_point(elapsed)
        past = self.phases[:i] + ((replace(cut, end=elapsed),) if elapsed > cut.start else ())
        block = _lay_out(elapsed, drafts)
        following = _shift_to(block[-1].end if block else elapsed, self.phases[resume:])
        return Timeline(past + block + following, self.sets)
