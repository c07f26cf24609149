"""The health questions asked before training, and what each "yes" holds back until the
user says otherwise.

Pure: the App asks `health_due` whether to ask, and `training_hold` whether a yes keeps a
routine from starting. A yes leads somewhere safe by default; going on anyway always takes
a deliberate key, and the app remembers it (the `health_cleared` setting) until the answer
changes. The questions come back every few months and after a squeeze test that flagged pain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    # Only types: settings imports this module for the question ids, and records imports settings.
    from gluteui.core.history.records import QuizResult

Hold = Literal["emergency", "skip_today", "check_first"]
"""What a yes does before a routine, most urgent first: emergency care, no routine today, or
have it checked first. Each waits for a deliberate key."""
HOLDS: tuple[Hold, ...] = ("emergency", "skip_today", "check_first")
ASK_AGAIN_AFTER = timedelta(days=91)
"""About three months: health changes, and answers given once must not stand for good."""


@dataclass(frozen=True)
class HealthQuestion:
    """One yes/no question, what a yes says, and what it holds back."""

    id: str
    """The key in the `health_answers` setting."""
    label: str
    """What it is about, in a few words, for a status line."""
    text: str
    note: str
    """Shown when the answer is yes: what to do, in a line or two."""
    hold: Hold | None = None
    follows: str | None = None
    """Asked only when the question with this id is answered yes."""
    signs: str | None = None
    """A tier of content/triage.toml listed with the yes (its id)."""


HEALTH_QUESTIONS: tuple[HealthQuestion, ...] = (
    HealthQuestion(
        "surgery", "Hip or spine surgery", "Hip or spine surgery in the last year, or ever a hip replacement?",
        "Follow your surgeon's precautions: ask them or your physio before these moves.",
        hold="check_first",
    ),
    HealthQuestion(
        "injury", "A recent injury", "An injury in the last 6 weeks: a strain, a fall or sudden pain?",
        "A fresh injury needs a clinician's advice first, so the routine is skipped today. "
        "After a fall, any of the signs below means emergency care now.",
        hold="skip_today", signs="emergency",
    ),
    HealthQuestion(
        "sciatica", "Sciatica", "Sciatica now: pain, tingling or numbness down a leg?",
        "Have it checked by a doctor or physio before these moves. Any of the signs below "
        "means emergency care now.",
        hold="check_first", signs="emergency",
    ),
    HealthQuestion(
        "sciatica_both", "Sciatica in both legs", "In both legs?",
        "Pain, numbness or weakness down both legs is an emergency sign: get care now.",
        hold="emergency", follows="sciatica",
    ),
    HealthQuestion(
        "pregnancy", "Pregnancy", "Are you pregnant?",
        "If lying on your back makes you light-headed, sick or unwell, change position (2019 "
        "Canadian pregnancy guideline): the routine swaps the bridge for a standing move. Your "
        "midwife or physio can say more.",
    ),
    HealthQuestion(
        "bone_stress", "Bone stress risks", "Missed periods, eating less than you train for, a past stress fracture, "
                       "weak bones, or a sharp rise in your mileage lately?",
        "These raise the risk of a bone stress injury: groin, buttock or base-of-spine pain that "
        "hurts to hop on means stop running and get checked (the safety lesson has the signs). "
        "Worth raising with your doctor.",
    ),
)
HEALTH_QUESTION_IDS = tuple(question.id for question in HEALTH_QUESTIONS)
NO_TO_ALL: dict[str, bool] = dict.fromkeys(HEALTH_QUESTION_IDS, False)
"""The answers of someone with nothing to report."""


def is_health_answers(value: object) -> bool:
    """True for an object of true/false answers. Questions it lacks (added since) are asked
    again; ids it has that this version does not know (a newer one's) are kept."""
    return isinstance(value, dict) and all(isinstance(answer, bool) for answer in value.values())


def asked(question: HealthQuestion, answers: Mapping[str, bool]) -> bool:
    """Whether `question` is asked given the other answers: a follow-up only after a yes."""
    return question.follows is None or bool(answers.get(question.follows))


def settled(answers: Mapping[str, bool]) -> dict[str, bool]:
    """`answers` with every question answered, a follow-up whose question is no set to no."""
    out = {**answers}
    for question in HEALTH_QUESTIONS:
        out[question.id] = bool(answers.get(question.id)) and asked(question, answers)
    return out


def yes_to(answers: Mapping[str, bool]) -> list[HealthQuestion]:
    """The questions answered yes, in the order they are asked."""
    return [question for question in HEALTH_QUESTIONS if answers.get(question.id) and asked(question, answers)]


HOLD_WORDS: dict[Hold, str] = {
    "emergency": "{label} is an emergency sign: get care now.",
    "skip_today": "{label}: the routine waits until it has been checked.",
    "check_first": "{label}: have it checked first; a routine asks before it starts.",
}
"""What Home says of a yes that holds the routine back."""


def hold_words(question: HealthQuestion) -> str:
    """The line Home shows while `question`'s yes holds a routine back."""
    return HOLD_WORDS[question.hold or "check_first"].format(label=question.label)


HealthDue = Literal["first", "new_question", "months", "pain"]


def health_due(
    answers: Mapping[str, bool] | None, asked_at: datetime | None,
    results: Sequence[QuizResult], now: datetime,
) -> HealthDue | None:
    """Why the questions must be asked before training now, or None.

    The first time; when a question was added since; every ASK_AGAIN_AFTER; and after a
    squeeze test that flagged pain taken since they were last answered. Answers with no
    date (saved by an older GluteUI) are asked again once.
    """
    if answers is None:
        return "first"
    if any(q.id not in answers for q in HEALTH_QUESTIONS if asked(q, answers)):
        return "new_question"
    if asked_at is None or now - asked_at >= ASK_AGAIN_AFTER:
        return "months"
    if any(result.red_flag and result.taken_at > asked_at for result in results):
        return "pain"
    return None


def training_hold(answers: Mapping[str, bool], cleared: Sequence[str]) -> HealthQuestion | None:
    """The most urgent yes that holds a routine back and the user has not cleared, or None."""
    held = [q for q in yes_to(answers) if q.hold is not None and q.id not in cleared]
    return min(held, key=lambda q: HOLDS.index(q.hold or "check_first"), default=None)


def still_cleared(cleared: Sequence[str], before: Mapping[str, bool], after: Mapping[str, bool]) -> list[str]:
    """What stays cleared when answers change: a yes the user cleared and still gives. A no
    that turns into a yes is a new thing to have checked."""
    return [qid for qid in cleared if before.get(qid) and after.get(qid)]
