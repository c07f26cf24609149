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

from gluteui.core.content.exercises import Routine
from gluteui.core.lead_in import COUNTDOWN_FROM, LeadIn
from gluteui.core.routine.phases import (
    BOUNDARY_SLACK_S,
    DEFAULT_EXTRA_REST_S,
    INTRO_S,
    PHASE_KINDS,
    REP_KINDS,
    Phase,
    SetPlan,
    TimelineState,
    check_seconds,
    draft,
    lay_out,
    like,
    rep_drafts,
    set_drafts,
    shift_to,
)
from gluteui.core.sides import SIDES, Side, is_side
from gluteui.core.speech import speaking_s

SPOKEN_NAME_S = 3.0
"""About how long "Get ready. Clamshell. Left side." takes, before the setup lines."""

__all__ = ["BOUNDARY_SLACK_S", "PHASE_KINDS", "REP_KINDS", "Phase", "SetPlan", "Timeline", "TimelineState"]


def lead_in_for(lines: tuple[str, ...]) -> float:
    """Seconds a break needs to say `lines` (after the name and side) and count in."""
    return SPOKEN_NAME_S + speaking_s(lines) + COUNTDOWN_FROM + 1


@dataclass(frozen=True)
class Timeline:
    """Contiguous phases from 0 to a final `done`, plus the sets they were built from."""

    phases: tuple[Phase, ...]
    sets: tuple[SetPlan, ...]

    @classmethod
    def from_routine(cls, routine: Routine, extra_set_side: str | None = None, lead_in: LeadIn | None = None,
                     ) -> Timeline:
        """Lay out `routine` from second 0.

        `extra_set_side` ("left" or "right") adds one more set on that side after both
        sides of every per-side exercise. Only the caller decides: the routine's
        `extra_set_on_weaker_side` is its cue to ask the user, not read here.

        `lead_in` (the user's setting) is how a break before a set is led into: getting down
        on the mat before the first set, rolling over at a switch, a new move's setup. Each
        lasts at least its seconds, and long enough to say its setup lines (or switch hint)
        and count in; one that waits for the user counts in only, the setup being said while
        it waits. None lays the routine out as content gives it.
        """

        def leading(lines: tuple[str, ...], least: float) -> float:
            if lead_in is None:
                return least
            if lead_in.waits:
                return max(least, lead_in.seconds)
            return max(least, lead_in.seconds, lead_in_for(lines))

        if extra_set_side is not None and extra_set_side not in SIDES:
            raise ValueError(f"extra_set_side must be one of {SIDES}, got {extra_set_side!r}")
        drafts: list[Phase] = []
        sets: list[SetPlan] = []
        for number, step in enumerate(routine.steps):
            exercise = step.exercise
            sides: tuple[Side | None, ...] = (None,)
            if exercise.per_side:
                sides = SIDES + ((extra_set_side,) if is_side(extra_set_side) else ())
            upcoming = dict(exercise_id=exercise.id, side=sides[0])
            if number == 0:
                drafts.append(draft("get_ready", leading(exercise.setup, routine.get_ready_s), **upcoming))
            else:
                drafts += [draft("rest", routine.rest_s), draft("intro", leading(exercise.setup, INTRO_S), **upcoming)]
            for order, side in enumerate(sides):
                if order:
                    # A break before a set on the side just trained is a rest, not a switch.
                    kind = "switch" if side != sides[order - 1] else "rest"
                    seconds = leading((exercise.switch_hint,), routine.switch_s) if kind == "switch" \
                        else routine.switch_s
                    drafts.append(draft(kind, seconds, **upcoming | {"side": side}))
                plan = SetPlan(exercise.id, side, step.reps, step.tempo, extra=order >= len(SIDES))
                sets.append(plan)
                drafts += set_drafts(len(sets) - 1, plan)
        laid = lay_out(0.0, drafts)
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
    def _next_rep(self) -> tuple[Phase | None, ...]:
        """For each phase, the first rep phase after it (None after the last rep)."""
        later: Phase | None = None
        found: list[Phase | None] = []
        for phase in reversed(self.phases):
            found.append(later)
            if phase.kind in REP_KINDS:
                later = phase
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
        following = self._next_rep[i]
        progress = 1.0 if finished else min((elapsed - phase.start) / phase.duration, 1.0)
        return TimelineState(
            phase=phase, progress=progress, exercise_id=phase.exercise_id, side=phase.side,
            rep=phase.rep, reps=phase.reps, kind=phase.kind, elapsed=elapsed,
            time_left=max(self.total - elapsed, 0.0), set_index=phase.set_index,
            finished=finished, next_exercise_id=following.exercise_id if following else None,
            next_side=following.side if following else None,
            next_set_index=following.set_index if following else None,
            leads_in=phase.kind not in REP_KINDS and not finished and self.phases[i + 1].kind in REP_KINDS,
        )

    def skip_set(self, elapsed: float) -> Timeline:
        """Skip what is under way at `elapsed`: the user is ready, or done with it.

        In a set, drop the rest of it; the break after it starts now (time to change sides).
        In a break that leads into a set, count in (COUNTDOWN_FROM seconds), then the set;
        in a count-in, or a break with no more than its count-in left, the set starts now.
        In a rest before a new move, on to that move's setup.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.kind in REP_KINDS:
            return self._replace_from(elapsed, [], self._run_end(i))
        following = self.phases[i + 1]
        if following.kind in REP_KINDS and phase.end - elapsed > COUNTDOWN_FROM and phase.set_index is None:
            return self._replace_from(elapsed, [self._count_in(following)], i + 1)
        return self._replace_from(elapsed, [], i + 1)

    @staticmethod
    def _count_in(first: Phase) -> Phase:
        """A count-in before `first`, the first phase of a set: it belongs to that set, so it
        says only the count (the move and side are known)."""
        return like(first, "get_ready", COUNTDOWN_FROM)

    def skip_exercise(self, elapsed: float) -> Timeline:
        """Drop what is left of the current exercise (or the one a break leads into): it hurts.

        The rest and intro before the next exercise stay, so there is time to change
        position; past the last exercise, the routine ends.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        current = phase.exercise_id if phase.kind in REP_KINDS else self.state_at(elapsed).next_exercise_id
        if phase.kind == "done" or current is None:
            return self
        resume = i + 1
        while self.phases[resume].kind != "done" and not (
            self.phases[resume].kind == "rest" and (upcoming := self._next_rep[resume]) is not None
            and upcoming.exercise_id != current
        ):
            resume += 1
        return self._replace_from(elapsed, [], resume)

    def repeat_set(self, elapsed: float) -> Timeline:
        """Restart the current set from rep 1 at `elapsed`, after a count-in.

        In a break after a set, repeat that set, then the break phase you were in starts
        over (the part of the break already taken is not owed again). Before the first
        set and once finished there is nothing to repeat.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.set_index is not None:
            return self._replace_from(elapsed, self._set_drafts_of(phase.set_index), self._run_end(i))
        finished = next((p.set_index for p in reversed(self.phases[:i]) if p.set_index is not None), None)
        if finished is None:
            return self
        again = like(phase, phase.kind, phase.duration)
        return self._replace_from(elapsed, self._set_drafts_of(finished) + [again], i + 1)

    def _set_drafts_of(self, set_index: int) -> list[Phase]:
        """The set at `set_index`, from a count-in to its last rep."""
        drafts = set_drafts(set_index, self.sets[set_index])
        return [self._count_in(drafts[0]), *drafts]

    def add_rest(self, elapsed: float, seconds: float = DEFAULT_EXTRA_REST_S) -> Timeline:
        """Give `seconds` more rest: the break you are in, or in a set the break after it,
        gets longer, and everything after moves later. A rep is never cut; in the last set
        there is no break left to lengthen, and nothing changes.
        """
        check_seconds(seconds)
        elapsed, i, _ = self._edit_point(elapsed)
        while self.phases[i].kind in REP_KINDS or (self.phases[i].kind == "get_ready"
                                                      and self.phases[i].set_index is not None):
            i += 1  # a count-in is part of its set
        if self.phases[i].kind == "done":
            return self
        longer = replace(self.phases[i], end=self.phases[i].end + seconds)
        following = shift_to(longer.end, self.phases[i + 1:])
        return Timeline(self.phases[:i] + (longer,) + following, self.sets)

    def resume_at(self, elapsed: float) -> Timeline:
        """Go on after a pause at `elapsed` without dropping anything said or counted.

        A rep cut by the pause is done again from its 'up', after a count-in. A break starts
        again from its beginning: its words (a setup, "switch sides") are said again, and it
        counts in as it did.
        """
        elapsed, i, phase = self._edit_point(elapsed)
        if phase.kind == "done":
            return self
        if phase.kind in REP_KINDS:
            return self._interrupt(elapsed, "get_ready", COUNTDOWN_FROM)
        return self._replace_from(elapsed, [like(phase, phase.kind, phase.duration)], i + 1)

    def _interrupt(self, elapsed: float, kind: str, seconds: float) -> Timeline:
        """Cut the rep at `elapsed` for a `kind` pause, then do that rep again from 'up'."""
        elapsed, i, phase = self._edit_point(elapsed)
        resume = i + 1
        # Step over the rest of this rep up to the next 'up' or break; an earlier cut
        # may already have dropped its 'down'.
        while self.phases[resume].kind in ("hold", "down"):
            resume += 1
        assert phase.set_index is not None and phase.rep is not None, "a rep phase belongs to a set"
        drafts = [like(phase, kind, seconds)]
        drafts += rep_drafts(phase.set_index, self.sets[phase.set_index], phase.rep)
        return self._replace_from(elapsed, drafts, resume)

    def _replace_from(self, elapsed: float, drafts: list[Phase], resume: int) -> Timeline:
        """Keep the past up to `elapsed`, lay `drafts` from there, then phases[resume:]."""
        elapsed, i, cut = self._edit_point(elapsed)
        past = self.phases[:i] + ((replace(cut, end=elapsed),) if elapsed > cut.start else ())
        block = lay_out(elapsed, drafts)
        following = shift_to(block[-1].end if block else elapsed, self.phases[resume:])
        return Timeline(past + block + following, self.sets)
