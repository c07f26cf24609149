"""When the app should stop and point to a clinician: a red flag, the health questions, a bad run.

Pure decisions the App and Home act on; the words a user reads are here too, so a test
can name them. Nothing here diagnoses: each answer only decides what the app says first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only types: settings imports this module for the question ids, and records imports settings.
    from gluteui.core.history.records import Checkin, QuizResult


@dataclass(frozen=True)
class HealthQuestion:
    """One question asked before the first squeeze test or routine, and what a yes says."""

    id: str
    """The key in the `health_answers` setting."""
    text: str
    note: str
    """One line shown when the answer is yes: whose advice to follow."""


HEALTH_QUESTIONS: tuple[HealthQuestion, ...] = (
    HealthQuestion(
        "surgery", "Recent hip or spine surgery, or a hip replacement?",
        "Follow your surgeon's precautions: ask them or your physio first.",
    ),
    HealthQuestion(
        "injury", "An acute injury: a recent strain, fall or sudden pain?",
        "A fresh injury needs a clinician's advice before exercise.",
    ),
    HealthQuestion(
        "sciatica", "Sciatica now: pain, tingling or numbness down the leg?",
        "Have it checked by a doctor or physio before these moves.",
    ),
    HealthQuestion(
        "pregnancy", "Are you pregnant?",
        "Which positions suit you is your midwife's or physio's call.",
    ),
)
HEALTH_QUESTION_IDS = tuple(question.id for question in HEALTH_QUESTIONS)
NO_TO_ALL: dict[str, bool] = dict.fromkeys(HEALTH_QUESTION_IDS, False)
"""The answers of someone with nothing to report."""


def is_health_answers(value: object) -> bool:
    """True when `value` answers every health question, and only those, with true or false."""
    return (
        isinstance(value, dict)
        and set(value) == set(HEALTH_QUESTION_IDS)
        and all(isinstance(answer, bool) for answer in value.values())
    )


def health_notes(answers: Mapping[str, bool]) -> list[str]:
    """The note of each question answered yes, in the order they are asked."""
    return [question.note for question in HEALTH_QUESTIONS if answers.get(question.id)]


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
            return f"Your back and hamstrings scored higher after each of your last runs: {trend} of 10."
        return f"Your back and hamstrings scored {self.scores[-1]} of 10 on that run."


def run_concern(checkins: Sequence[Checkin]) -> RunConcern | None:
    """A high latest run check-in, or a rise over the last few runs; None when neither.

    Runs are taken in the order they were run (their day), then as they were recorded.
    """
    runs = sorted(checkins, key=lambda checkin: (checkin.local_date, checkin.recorded_at))
    if not runs:
        return None
    latest = runs[-1].score
    recent = tuple(checkin.score for checkin in runs[-RISING_RUNS:])
    if (
        len(recent) == RISING_RUNS
        and latest >= RISING_FROM
        and all(before < after for before, after in pairwise(recent))
    ):
        return RunConcern(recent, rising=True)
    if latest >= HIGH_CHECKIN:
        return RunConcern((latest,), rising=False)
    return None
