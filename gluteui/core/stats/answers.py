"""The answered runs the comparison is made from: each run's check-in, whether an activation
came before it (core/runs/linking.py's one rule), what the run was like and when the
answer was given. The estimate, the adjusted estimate and the milestone readings all read
these, so they compare exactly the same runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from gluteui.core.stats.run_log import RunRow


@dataclass(frozen=True)
class RunAnswer:
    """One run with its check-in: `score` is the lower back's, 0-10 (the hamstrings' are not compared).

    `start` is in the zone the time of day is read in (the user's). `duration_s` is the
    time a runner reads as the run's, None for a run known only by its day. `answered_at`
    orders the answers for the milestone readings.
    """

    run_id: str
    start: datetime
    activated: bool
    score: int
    answered_at: datetime
    duration_s: float | None = None

    @property
    def hour(self) -> float:
        """The time of day the run started, in hours (7.5 for 07:30)."""
        return self.start.hour + self.start.minute / 60


def answers_from_rows(rows: Iterable[RunRow], zone: tzinfo | None) -> list[RunAnswer]:
    """The rows that have a check-in, as RunAnswers in `zone` (None: the machine's), by start."""
    answered = [
        RunAnswer(row.run.id, row.run.start.astimezone(zone), row.activated, row.checkin,
                  row.answered_at, row.run.shown_s)
        for row in rows if row.checkin is not None and row.answered_at is not None
    ]
    return sorted(answered, key=lambda answer: (answer.start, answer.run_id))


def split_scores(answers: Iterable[RunAnswer]) -> tuple[list[int], list[int]]:
    """The scores on runs after an activation and on runs without, in the order given."""
    with_scores: list[int] = []
    without_scores: list[int] = []
    for answer in answers:
        (with_scores if answer.activated else without_scores).append(answer.score)
    return with_scores, without_scores
