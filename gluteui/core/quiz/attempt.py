"""The squeeze self-assessment: one go through it, and its scoring.

The rules come from the content (gluteui.core.content.quiz); this module only applies
them. Everything here is pure: the caller passes clocks, ids and dates in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from gluteui.core.content.quiz import Quiz, Rules, Step, Verdict
from gluteui.core.history.records import QuizResult
from gluteui.core.sides import SIDES, Side


@dataclass(frozen=True)
class Recommendation:
    """The routine a squeeze-test result suggests, and why."""

    routine_id: str
    extra_set_side: str | None
    reasons: tuple[str, ...]
    """Why it differs from the verdict's own routine, one sentence each."""


@dataclass(frozen=True)
class Assessment:
    """The scored result of a finished squeeze test."""

    scores: dict[str, int]
    verdict: Verdict
    weaker_side: str | None
    red_flag: bool
    recommendation: Recommendation | None
    """None after a red-flag answer: the user should see a professional instead."""
    tips: tuple[str, ...]
    steps: dict[str, int] = field(default_factory=dict)
    """Step id -> the score of its answer, for the steps answered."""
    pain: str | None = None
    """After a pain answer: its kind, a key of [safety.pain]."""
    pain_note: str | None = None
    """After a pain answer: what to do about that kind of pain ([safety.pain])."""


def recommend(rules: Rules, verdict: Verdict, sitting_load: int, scores: dict[str, int]) -> Recommendation:
    """The routine for this verdict, stepped up for long sitting, switched for a weaker side."""
    routine = verdict.routine_id
    reasons: list[str] = []
    if sitting_load >= rules.step_up_at and routine in rules.ladder[:-1]:
        routine = rules.ladder[rules.ladder.index(routine) + 1]
        reasons.append(rules.step_up_note)
    weaker = weaker_side(rules, scores)
    if weaker is not None:
        routine = rules.weaker_side_routine
        gap = abs(scores["left"] - scores["right"])
        reasons.append(rules.weaker_side_note.format(side=weaker, gap=gap))
    return Recommendation(routine, weaker, tuple(reasons))


def weaker_side(rules: Rules, scores: dict[str, int]) -> Side | None:
    """The lower-scoring side when the gap reaches rules.weaker_side_gap, else None."""
    if abs(scores["left"] - scores["right"]) < rules.weaker_side_gap:
        return None
    return "left" if scores["left"] < scores["right"] else "right"


def assess(quiz: Quiz, answers: Sequence[int]) -> Assessment:
    """Score answers (option indexes, in step order; fewer when a red flag stopped the test)."""
    picks = [(step, step.options[index]) for step, index in zip(quiz.steps, answers, strict=False)]
    scores: dict[str, int] = {side: sum(o.score for s, o in picks if s.side == side) for side in SIDES}
    sitting_load = sum(o.score for s, o in picks if s.side is None)
    lower = min(scores.values())
    verdict = next((v for v in quiz.verdicts if lower >= v.min_score), quiz.verdicts[-1])
    red_flag = any(o.red_flag for _, o in picks)
    pain = next((o.pain for _, o in picks if o.pain), None)
    return Assessment(
        scores=scores,
        verdict=verdict,
        weaker_side=weaker_side(quiz.rules, scores),
        red_flag=red_flag,
        recommendation=None if red_flag else recommend(quiz.rules, verdict, sitting_load, scores),
        tips=tuple(dict.fromkeys(o.note for _, o in picks if o.note)),
        steps={step.id: option.score for step, option in picks},
        pain=pain,
        pain_note=quiz.safety.pain.get(pain) if pain else None,
    )


@dataclass
class Attempt:
    """One go through the quiz: the answers so far, as option indexes in step order."""

    quiz: Quiz
    answers: list[int] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """Every step answered, or a red-flag answer stopped the test."""
        if len(self.answers) >= len(self.quiz.steps):
            return True
        return any(s.options[i].red_flag for s, i in zip(self.quiz.steps, self.answers, strict=False))

    @property
    def step(self) -> Step | None:
        """The step to answer now; None once finished."""
        return None if self.finished else self.quiz.steps[len(self.answers)]

    def answer(self, index: int) -> None:
        """Answer the current step with option `index`; ValueError if there is no such answer."""
        step = self.step
        if step is None:
            raise ValueError("the quiz is already finished")
        if not 0 <= index < len(step.options):
            raise ValueError(f"step {step.id!r} has no answer {index + 1}")
        self.answers.append(index)

    def back(self) -> bool:
        """Undo the last answer; False when there is none."""
        if not self.answers:
            return False
        self.answers.pop()
        return True

    def assessment(self) -> Assessment:
        """The score of the answers so far."""
        return assess(self.quiz, self.answers)


def saved_settings(assessment: Assessment) -> dict[str, object]:
    """The settings a result decides: the routine Start activation runs and its extra side.

    A red flag decides nothing: the last routine stays, and Home shows the caution.
    """
    recommendation = assessment.recommendation
    if recommendation is None:
        return {}
    return {"recommended_routine": recommendation.routine_id,
            "extra_set_side": recommendation.extra_set_side}


def to_record(assessment: Assessment, result_id: str, local_date: date, taken_at: datetime) -> QuizResult:
    """The assessment as the store keeps it."""
    return QuizResult(
        id=result_id, local_date=local_date, taken_at=taken_at, scores=dict(assessment.scores),
        verdict=assessment.verdict.id, weaker_side=assessment.weaker_side, red_flag=assessment.red_flag,
        steps=dict(assessment.steps),
    )


def change_since(results: Sequence[QuizResult], scores: dict[str, int]) -> str | None:
    """E.g. "Last time, 01 Nov: left 1 → 3, right 2 → 4"; None when there is nothing to compare.

    Results a red flag cut short are skipped: their scores cover only part of the test.
    """
    previous = next((result for result in reversed(results) if not result.red_flag), None)
    if previous is None:
        return None
    moves = ", ".join(f"{side} {previous.scores.get(side, 0)} → {scores[side]}" for side in SIDES)
    return f"Last time, {previous.local_date:%d %b}: {moves}"
