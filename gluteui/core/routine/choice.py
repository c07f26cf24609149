"""Which routine Start activation runs, and the side a routine's extra set goes on.

Both follow the latest squeeze test that reached a verdict (one a pain answer stopped
decides nothing, so the test before it still counts). The pick saved with a test holds
while it is one that test could make: the routine its verdict names, one step up the
ladder for long sitting (the result does not keep the sitting answers), or the weaker-side
routine when a side scored lower. A saved pick that does not fit the latest result (an
older test's, one merged in from elsewhere, a routine since removed) gives way to what the
result itself says. Before any test: the saved pick if it still exists, else the standard
routine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gluteui.core.content.exercises import Routine
from gluteui.core.content.quiz import Quiz
from gluteui.core.history.records import QuizResult
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.timeline import Timeline
from gluteui.core.sides import Side, is_side

DEFAULT_ROUTINE_ID = "standard"


@dataclass(frozen=True)
class Pick:
    """The routine Start activation runs, and why when it is not the latest verdict's own."""

    routine: Routine
    reason: str | None
    """The quiz's own sentence for a step-up or a weaker side; None otherwise."""


def latest_result(results: Sequence[QuizResult]) -> QuizResult | None:
    """The newest squeeze test that reached a verdict (results come ordered by taken_at)."""
    return next((result for result in reversed(results) if not result.red_flag), None)


def known_weaker_side(results: Sequence[QuizResult], saved_side: object) -> Side | None:
    """The weaker side the latest test found; before any test, the saved one if valid."""
    latest = latest_result(results)
    side = saved_side if latest is None else latest.weaker_side
    return side if is_side(side) else None


def recommended(
    routines: Mapping[str, Routine], quiz: Quiz, results: Sequence[QuizResult], saved_id: object
) -> Pick:
    """The routine the latest squeeze test points to (see the module's note for the rule)."""
    latest = latest_result(results)
    verdict = None if latest is None else next((v for v in quiz.verdicts if v.id == latest.verdict), None)
    if latest is None or verdict is None:
        return Pick(_existing(routines, saved_id), None)
    rules = quiz.rules
    if latest.weaker_side is not None:
        routine = _existing(routines, rules.weaker_side_routine)
        if routine.id != rules.weaker_side_routine:
            return Pick(routine, None)
        gap = abs(latest.scores.get("left", 0) - latest.scores.get("right", 0))
        return Pick(routine, rules.weaker_side_note.format(side=latest.weaker_side, gap=gap))
    choices = [verdict.routine_id]
    if verdict.routine_id in rules.ladder[:-1]:
        choices.append(rules.ladder[rules.ladder.index(verdict.routine_id) + 1])
    routine = _existing(routines, saved_id if saved_id in choices else choices[0])
    return Pick(routine, rules.step_up_note if routine.id in choices[1:] else None)


def _existing(routines: Mapping[str, Routine], routine_id: object) -> Routine:
    """`routine_id` when content still has it, else the standard routine, else the first."""
    for candidate in (routine_id, DEFAULT_ROUTINE_ID):
        if isinstance(candidate, str) and candidate in routines:
            return routines[candidate]
    return next(iter(routines.values()))


def extra_set_side(routine: Routine, weaker: Side | None) -> Side | None:
    """The side `routine` adds a set on: the weaker side, when it adds one and one is known."""
    return weaker if routine.extra_set_on_weaker_side else None


def routine_seconds(routine: Routine, weaker: Side | None, lead_in: LeadIn | None = None) -> float:
    """How long `routine` really runs for this user: the extra set included when it applies,
    and their lead-in before each set (one that waits for them counts as its count-in)."""
    return Timeline.from_routine(routine, extra_set_side(routine, weaker), lead_in).total
