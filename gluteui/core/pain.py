"""Pain during the routine, with numbers: where it hurt, what that means for the move, and
when the same move hurting again is a reason to have it checked.

The limits come from the pain-monitoring model of tendon rehab (Silbernagel et al. 2007,
American Journal of Sports Medicine 35:897), which allows up to 5 of 10 if it has settled by
the next morning. A warm-up should hurt less than rehab, so the app stops a move above 3,
and stops the routine at any pain that runs down the leg, tingles or numbs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from gluteui.core.history.records import Session

PLACES: dict[str, str] = {
    "side_of_hip": "The side of the hip",
    "buttock": "The buttock",
    "groin": "The front of the hip or the groin",
    "lower_back": "The lower back",
    "down_the_leg": "Down the leg, or it tingles or numbs",
    "unsaid": "Not said",
}
"""Where it hurt, as the "it hurts" dialog offers it (all but "unsaid", kept when the user
skipped the move before saying)."""
ASKED = tuple(place for place in PLACES if place != "unsaid")
"""The places offered, in order (keys 1 to 5 in the dialog, buttons on the phone)."""
MAX_EASIER = 3
"""Easier versions offered (content may list more; the first ones are offered)."""
STOPS_THE_ROUTINE = "down_the_leg"
"""Pain that spreads down the leg, tingles or numbs: a nerve may be irritated, so the
routine stops for today instead of offering an easier version."""
MOVE_LIMIT = 3
"""Pain above this, of 10, stops the move (see the module's note)."""
RULE = (f"Above {MOVE_LIMIT} out of 10, sharp, or building during the set: skip this move. "
        f"Up to {MOVE_LIMIT} that settles is usually fine, if it is no worse tomorrow morning.")
"""The rule as the "it hurts" dialog says it."""
STOP_TODAY = "Pain that goes down the leg, tingles or numbs: stop for today."
WHY_STOP = "A nerve may be irritated; the safety lesson says when to have it checked."
"""What the dialog says once the pain is said to go down the leg, tingle or numb."""

PainChoice = Literal["easier", "skipped", "safety", "stopped", "paused", "carried on"]
"""What the user chose in the "it hurts" dialog: an easier version, skip the move, skip it and
read the safety lesson, stop the routine, stay paused, or carry on as before."""

REPEATS = 2
WITHIN = 3
"""The same move hurting in REPEATS of the last WITHIN sessions it was in is worth a check."""


@dataclass(frozen=True)
class PainReport:
    """One answer to "it hurts": where, what was chosen, and which easier version (its index)."""

    where: str
    choice: PainChoice
    easier: int | None = None


    @property
    def stops_routine(self) -> bool:
        """Pain down the leg, tingling or numbness ends the routine, whatever was pressed."""
        return self.where == STOPS_THE_ROUTINE and self.choice != "paused"

    @property
    def skips_move(self) -> bool:
        return self.choice in ("skipped", "safety", "stopped") or self.stops_routine


@dataclass
class PainLog:
    """What was said about pain in one run of a routine, move by move, as a Session keeps it."""

    done: dict[str, str] = field(default_factory=dict)
    """Exercise id -> easier, skipped or carried on (Session.pain)."""
    hurt: dict[str, dict[str, str]] = field(default_factory=dict)
    easier: dict[str, str] = field(default_factory=dict)

    def record(self, exercise_id: str, side: str, report: PainReport, easier: Sequence[str]) -> None:
        """Keep `report` for the move `exercise_id` on `side` ("left", "right" or "both");
        `easier` is the move's easier versions, which `report.easier` indexes."""
        self.hurt[exercise_id] = {"where": report.where, "side": side}
        if report.choice == "easier" and report.easier is not None:
            self.done[exercise_id] = "easier"
            self.easier[exercise_id] = easier[report.easier]
        elif report.skips_move:
            self.done[exercise_id] = "skipped"
        else:
            # Paused, then going on: carried on, unless something was chosen before.
            self.done.setdefault(exercise_id, "carried on")


@dataclass(frozen=True)
class Repeated:
    """A move that hurt in `times` of the last `out_of` sessions it was in."""

    times: int
    out_of: int

    def words(self, name: str) -> str:
        """What the app says about it, naming the move."""
        return (f"{name} hurt in {self.times} of your last {self.out_of} sessions with it: have it "
                "checked by a physiotherapist or doctor before you do it again.")


def hurt_again(sessions: Sequence[Session], exercise_ids: Collection[str]) -> Repeated | None:
    """A move hurting in at least REPEATS of the last WITHIN sessions it was in, or None.

    `exercise_ids` are the move's exercises, every rung of its ladder: a bridge that hurt as
    a single-leg bridge, then as a two-leg one, hurt twice. `sessions` in the order done.
    """
    def had(session: Session) -> bool:
        return any(e in session.reps or e in session.pain for e in exercise_ids)

    recent = [s for s in sessions if had(s)][-WITHIN:]
    times = sum(1 for s in recent if any(e in s.pain for e in exercise_ids))
    return Repeated(times, len(recent)) if times >= REPEATS else None
