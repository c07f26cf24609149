"""One run of a routine: a pausable stopwatch driving a Timeline, and the reps done.

Still pure: the caller passes a monotonic `now` (seconds) to every method, so a test
can drive a whole run with a fake clock.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from gluteui.core.content.exercises import Routine
from gluteui.core.content.ladders import Ladder
from gluteui.core.history.records import Session
from gluteui.core.lead_in import LeadIn
from gluteui.core.pain import PainLog
from gluteui.core.routine.phases import LEAD_IN_KINDS
from gluteui.core.routine.set_record import SetRecord
from gluteui.core.routine.timeline import (
    BOUNDARY_SLACK_S,
    SetPlan,
    Timeline,
    TimelineState,
)
from gluteui.core.sides import UNSIDED

if TYPE_CHECKING:
    from gluteui.core.routine.progression import Plan


class Stopwatch:
    """Seconds of running time, pauses excluded. Pausing twice or resuming twice is harmless."""

    def __init__(self) -> None:
        self._banked = 0.0
        self._running_since: float | None = None
        self.paused = False

    def start(self, now: float) -> None:
        """Start from zero at `now`."""
        self._banked = 0.0
        self._running_since = now
        self.paused = False

    def pause(self, now: float) -> None:
        """Stop counting at `now`, keeping the time so far."""
        if self._running_since is not None:
            self._banked += now - self._running_since
            self._running_since = None
            self.paused = True

    def resume(self, now: float) -> None:
        """Count again from `now` after a pause."""
        if self.paused:
            self._running_since = now
            self.paused = False

    def elapsed(self, now: float) -> float:
        """Running seconds up to `now`."""
        running = now - self._running_since if self._running_since is not None else 0.0
        return self._banked + running


class Workout:
    """One run of a routine: a Stopwatch plus the (changing) Timeline plus reps done.

    Reps done count every rep whose 'down' finished, repeats included, so after a
    repeated set `done_reps` can pass `planned_reps`. A skipped set keeps the reps
    finished before the skip.
    """

    def __init__(
        self, routine: Routine, now: float, extra_set_side: str | None = None,
        started_at: datetime | None = None, local_date: date | None = None, lead_in: LeadIn | None = None,
    ) -> None:
        """`now` is the monotonic clock; `started_at` (aware) and `local_date` the wall
        clock's moment and the day it counts for, kept with the session (unset: when and
        which day are the caller's to fill in, as a made-up session's). `lead_in`: how each
        set is led into (the user's setting); None lays the routine out as content gives it."""
        self.routine_id = routine.id
        self.session_id = uuid.uuid4().hex
        self.started_at = started_at or datetime.fromtimestamp(0, timezone.utc)
        self.local_date = local_date or self.started_at.date()
        self.pain = PainLog()
        """What was said about pain, move by move (kept with the session)."""
        self.timeline = Timeline.from_routine(routine, extra_set_side, lead_in)
        self.lead_in = lead_in
        self.waiting = False
        """Held at the start of a lead-in until the user is ready (a lead-in that waits)."""
        self._waited: set[tuple[str, str | None, str | None]] = set()
        self.dose: dict[str, dict[str, Any]] = {}
        """What each move is done at (see Plan.records), kept with the session."""
        self.declined: tuple[str, ...] = ()
        """The changes to the routine turned down before it started."""
        # Fixed at the start: extra sets count, repeats do not.
        self.planned_reps = sum(plan.reps for plan in self.timeline.sets)
        self.stopwatch = Stopwatch()
        self.stopwatch.start(now)
        self._sets_reported = 0
        self.record = SetRecord()
        """The sets skipped or ended early and the pauses, kept with the session."""

    @classmethod
    def from_plan(cls, plan: Plan, ladders: Mapping[str, Ladder], now: float, extra_set_side: str | None = None,
                  started_at: datetime | None = None, local_date: date | None = None,
                  lead_in: LeadIn | None = None) -> Workout:
        """A run of today's plan, which its session remembers: each move's step and what
        was turned down, so the next plan follows from the history; the easier versions
        carried over from last time are done again."""
        workout = cls(plan.routine, now, extra_set_side, started_at, local_date, lead_in)
        workout.dose = plan.records(ladders, workout.planned_by_exercise())
        workout.declined = tuple(sorted(plan.declined))
        workout.pain.easier.update(plan.easier)
        return workout

    def _elapsed(self, now: float) -> float:
        return self.stopwatch.elapsed(now)

    def state(self, now: float) -> TimelineState:
        """What the player shows at `now`. With a lead-in that waits, reaching a lead-in
        holds the clock there (`waiting`) until `toggle_pause` or `skip_set`."""
        state = self.timeline.state_at(self._elapsed(now))
        if (self.lead_in is not None and self.lead_in.waits and not self.stopwatch.paused
                and state.kind in LEAD_IN_KINDS and state.set_index is None):
            lead_in = (state.kind, state.exercise_id, state.side)
            if lead_in not in self._waited:
                self._waited.add(lead_in)
                self.stopwatch.pause(now)
                self.waiting = True
        return state

    def toggle_pause(self, now: float) -> None:
        """Pause, or go on: after a pause, see Timeline.resume_at; a lead-in that waited
        counts in from where it is."""
        if self.waiting:
            self.waiting = False
            self.stopwatch.resume(now)
        elif self.stopwatch.paused:
            self.stopwatch.resume(now)
            self.timeline = self.timeline.resume_at(self._elapsed(now))
            self.record.resumed(now)
        else:
            self.stopwatch.pause(now)
            self.record.paused(now)

    def skip_set(self, now: float) -> None:
        """Move on past the current set (or the break you are in); see Timeline.skip_set.
        A lead-in waiting for the user goes on: they are ready."""
        if self.waiting:
            self.toggle_pause(now)
            return
        self._cut(self.timeline.skip_set(self._elapsed(now)))

    def skip_exercise(self, now: float) -> None:
        """Move on past every set left of this exercise; see Timeline.skip_exercise."""
        self._cut(self.timeline.skip_exercise(self._elapsed(now)))

    def _cut(self, after: Timeline) -> None:
        """Go on with `after`, a skip's timeline, keeping which sets it skipped or ended early."""
        self.record.cut(self.timeline, after)
        self.timeline = after

    def repeat_set(self, now: float) -> None:
        """Do the current (or just finished) set again from rep 1."""
        self.timeline = self.timeline.repeat_set(self._elapsed(now))

    def add_rest(self, now: float) -> None:
        """Take the default extra rest now; see Timeline.add_rest."""
        self.timeline = self.timeline.add_rest(self._elapsed(now))

    def sets_behind(self, now: float) -> int:
        """How many sets, in plan order, are behind you at `now`: done or skipped. A set
        repeated from the break after it is not behind you until it is done again."""
        elapsed = self._elapsed(now)
        # Sets run in plan order; only a repeat brings an earlier one back, and while
        # it is being redone it is not behind you.
        ahead = (p.set_index for p in self.timeline.phases
                 if p.set_index is not None and p.end > elapsed)
        return next(ahead, len(self.timeline.sets))

    def _finished_reps(self, now: float) -> list[SetPlan]:
        """The set of every rep finished by `now` (its full-length 'down' has ended).

        A 'down' cut short by a skip, repeat or pause did not finish its rep; a full one
        differs from its tempo by float rounding only.
        """
        elapsed = self._elapsed(now)
        sets = self.timeline.sets
        return [sets[p.set_index] for p in self.timeline.phases
                if p.kind == "down" and p.set_index is not None and p.end <= elapsed
                and p.duration >= sets[p.set_index].tempo.down_s - BOUNDARY_SLACK_S]

    def reps_done(self, now: float) -> dict[str, dict[str, int]]:
        """Reps finished by `now`: exercise id -> "left" / "right" / "both" -> count.

        Every exercise and side in the plan is listed, at 0 until a rep is done.
        """
        done: dict[str, dict[str, int]] = {}
        for plan in self.timeline.sets:
            done.setdefault(plan.exercise_id, {})[plan.side or UNSIDED] = 0
        for plan in self._finished_reps(now):
            done[plan.exercise_id][plan.side or UNSIDED] += 1
        return done

    def done_reps(self, now: float) -> int:
        """How many reps were finished by `now`, repeats included."""
        return len(self._finished_reps(now))

    def new_set_completed(self, now: float) -> bool:
        """True once each time a set (or another repeat of one) has finished since the last call."""
        count = self.sets_behind(now)
        fresh = count > self._sets_reported
        self._sets_reported = count
        return fresh

    def session(self, now: float) -> Session:
        """This run up to `now` as the store keeps it (see Session.worth_keeping), with what
        was said and done about pain, exercise by exercise."""
        pain = self.pain
        return Session(
            id=self.session_id, local_date=self.local_date, started_at=self.started_at,
            routine_id=self.routine_id, planned_reps=self.planned_reps,
            done_reps=self.done_reps(now), reps=self.reps_done(now),
            # A late last tick must not count as time spent exercising.
            duration_s=round(min(self.stopwatch.elapsed(now), self.timeline.total), 1),
            source="app", feel={}, pain=dict(pain.done),
            hurt={exercise: dict(report) for exercise, report in pain.hurt.items()}, easier=dict(pain.easier),
            dose={ladder: dict(record) for ladder, record in self.dose.items()}, declined=self.declined,
            planned=self.planned_by_side(), **self.record.fields(),
        )

    def planned_by_side(self) -> dict[str, dict[str, int]]:
        """Reps planned for each exercise and side ("both" for a move done on both at once),
        an extra set included: the shape of reps_done."""
        planned: dict[str, dict[str, int]] = {}
        for plan in self.timeline.sets:
            sides = planned.setdefault(plan.exercise_id, {})
            sides[plan.side or UNSIDED] = sides.get(plan.side or UNSIDED, 0) + plan.reps
        return planned

    def planned_by_exercise(self) -> dict[str, int]:
        """Reps planned for each exercise: both sides and any extra set."""
        planned: dict[str, int] = {}
        for plan in self.timeline.sets:
            planned[plan.exercise_id] = planned.get(plan.exercise_id, 0) + plan.reps
        return planned


def logged_session(routine: Routine, started_at: datetime, local_date: date) -> Session:
    """A routine done away from the app (`gluteui log`), as the store keeps it: every rep of
    the plan done, built the way a run in the app builds its own; not timed."""
    workout = Workout(routine, 0.0, started_at=started_at, local_date=local_date)
    return replace(workout.session(workout.timeline.total), source="log", duration_s=0.0)
