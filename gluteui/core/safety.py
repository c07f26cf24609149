"""When the app should stop and point to a clinician: a squeeze test that flagged pain, a bad run.

Pure decisions the App and Home act on; the words a user reads are here too, so a test
can name them. Nothing here diagnoses: each answer only decides what the app says first.
The health questions are gluteui.core.health's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only types: settings imports this module for the question ids, and records imports settings.
    from gluteui.core.history.records import Checkin, QuizResult


def red_flag_to_confirm(results: Sequence[QuizResult], cleared: str | None) -> QuizResult | None:
    """The squeeze test the app must ask about before a routine, if any.

    Only the latest result counts: a later test without a red flag ends the question.
    `cleared` is the id of the flagged result the user said was checked (the
    `red_flag_cleared` setting); a new flagged result asks again.
    """
    if not results:
        return None
    latest = results[-1]
    if not latest.red_flag or latest.id == cleared:
        return None
    return latest


HIGH_CHECKIN = 7
"""A run scored this or worse (of 10) points to the safety lesson on its own."""
RISING_RUNS = 3
"""Runs scored higher each time, this many in a row, point to it too."""
RISING_FROM = 4
"""...once the latest of them reaches this: 0, 1, 2 is still a back that felt fine."""


@dataclass(frozen=True)
class RunConcern:
    """Why the latest run check-ins are worth a word about safety."""

    scores: tuple[int, ...]
    """The score that was high, or the rising scores, oldest first."""
    rising: bool

    @property
    def words(self) -> str:
        """What the app says about it, naming the scores."""
        if self.rising:
            trend = " -> ".join(str(score) for score in self.scores)
            return f"Your lower back or hamstrings scored higher after each of your last runs: {trend} of 10."
        return f"Your lower back or hamstrings scored {self.scores[-1]} of 10 on your latest run."


def run_concern(checkins: Sequence[Checkin]) -> RunConcern | None:
    """A high latest run check-in, or a rise over the last few runs; None when neither.

    Runs are taken in the order they were run (their day), then as they were recorded.
    """
    runs = sorted(checkins, key=lambda checkin: (checkin.local_date, checkin.recorded_at))
    if not runs:
        return None
    # The worse of the two scales: either one high or rising is worth the word.
    recent = tuple(max(checkin.score, checkin.hamstrings or 0) for checkin in runs[-RISING_RUNS:])
    latest = recent[-1]
    if (
        len(recent) == RISING_RUNS
        and latest >= RISING_FROM
        and all(before < after for before, after in pairwise(recent))
    ):
        return RunConcern(recent, rising=True)
    if latest >= HIGH_CHECKIN:
        return RunConcern((latest,), rising=False)
    return None
