"""What a run of a routine keeps of how it went, beyond the reps done: the sets skipped or
ended early, and the pauses. Gathered in memory as the keys are pressed; the session takes
it when it is saved.

Still pure: the caller passes the monotonic `now`, and the timelines before and after a skip.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gluteui.core.history.session_record import MAX_PAUSED_S
from gluteui.core.routine.phases import BOUNDARY_SLACK_S
from gluteui.core.routine.timeline import Timeline
from gluteui.core.sides import UNSIDED


def full_reps(timeline: Timeline) -> Counter[int]:
    """Set index -> the reps of it the timeline holds in full (a rep is its 'down': one cut
    short by a skip did not count)."""
    sets = timeline.sets
    return Counter(
        p.set_index for p in timeline.phases
        if p.kind == "down" and p.set_index is not None
        and p.duration >= sets[p.set_index].tempo.down_s - BOUNDARY_SLACK_S
    )


class SetRecord:
    """The sets skipped or ended early, move by move and side by side, and the pauses."""

    def __init__(self) -> None:
        self.skipped: dict[str, dict[str, int]] = {}
        """Exercise id -> side -> sets left before a rep of them was done."""
        self.shortened: dict[str, dict[str, int]] = {}
        """Exercise id -> side -> sets ended after some of their reps, not all."""
        self.pauses = 0
        self.paused_s = 0.0
        self._paused_at: float | None = None

    def paused(self, now: float) -> None:
        """The user paused the routine at `now`."""
        self._paused_at = now

    def resumed(self, now: float) -> None:
        """The routine goes on at `now`: the pause since `paused` counts (one the routine
        ends in does not: that was stopping, not pausing)."""
        if self._paused_at is not None:
            self.pauses += 1
            # Capped as the record's check caps it: a routine left paused over a weekend
            # must still save (an uncapped total would be refused, and the session lost).
            self.paused_s = min(self.paused_s + max(now - self._paused_at, 0.0), MAX_PAUSED_S)
            self._paused_at = None

    def cut(self, before: Timeline, after: Timeline) -> None:
        """A skip turned `before` into `after`: each set that lost reps to it was skipped
        (none of it done) or ended early (some done). A set done in full before, whose
        repeat was cut, was neither."""
        planned, kept = full_reps(before), full_reps(after)
        for index, count in planned.items():
            done = kept[index]  # a skip drops the rest of a set: what it keeps was done
            plan = before.sets[index]
            if done >= count or done >= plan.reps:
                continue
            found = self.shortened if done else self.skipped
            sides = found.setdefault(plan.exercise_id, {})
            side = plan.side or UNSIDED
            sides[side] = sides.get(side, 0) + 1

    def fields(self) -> dict[str, Any]:
        """What the session keeps of it: Session's skipped, shortened, pauses and paused_s."""
        return {
            "skipped": {exercise: dict(sides) for exercise, sides in self.skipped.items()},
            "shortened": {exercise: dict(sides) for exercise, sides in self.shortened.items()},
            "pauses": self.pauses, "paused_s": round(self.paused_s, 1),
        }
