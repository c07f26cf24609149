"""Readings of the estimate kept at milestones (10, 20 and 40 answered runs a side), so the
answer does not change on every visit.

Looking after every run and stopping at the first verdict finds one that is not there
(with no effect, 25 % of 60-run histories showed "calmer" at some point: content-audit-2.md,
section 3). A reading is taken from exactly the answers given up to the moment the
milestone was reached, in the order they were given (`answered_at`): an answer added
later, even about an older run, comes after that moment and cannot change it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from gluteui.core.stats.adjusted import Adjusted, adjusted_difference
from gluteui.core.stats.answers import RunAnswer, split_scores
from gluteui.core.stats.estimate import Estimate, estimate_difference

MILESTONES = (10, 20, 40)
"""Answered runs on each side at which a reading is kept."""


@dataclass(frozen=True)
class Reading:
    """The estimate as it stood when `milestone` answered runs a side were first reached."""

    milestone: int
    reached_at: datetime
    estimate: Estimate
    adjusted: Adjusted


def milestone_readings(answers: Iterable[RunAnswer], milestones: Iterable[int] = MILESTONES) -> list[Reading]:
    """The readings reached so far, earliest milestone first.

    The answers are taken in the order they were given (then by run start and id, so two
    given in the same second always fall the same way); a milestone is reached by the first
    answer that brings both sides to it.
    """
    ordered = sorted(answers, key=lambda answer: (answer.answered_at, answer.start, answer.run_id))
    pending = sorted(set(milestones))
    readings: list[Reading] = []
    counts = {True: 0, False: 0}
    for index, answer in enumerate(ordered):
        counts[answer.activated] += 1
        while pending and min(counts.values()) >= pending[0]:
            given = ordered[: index + 1]
            readings.append(Reading(pending.pop(0), answer.answered_at,
                                    estimate_difference(*split_scores(given)), adjusted_difference(given)))
        if not pending:
            break
    return readings
