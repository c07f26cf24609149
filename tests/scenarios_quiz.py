"""Snapshot and screenshot scenarios of the quiz screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from gluteui.core.quiz.attempt import assess
from gluteui.core.text import plural
from tests.scenario_base import Scenario, seen_welcome

if TYPE_CHECKING:
    from gluteui.app import GluteApp


def taken_before(store: Store) -> None:
    """A first go three weeks earlier, so the result shows what changed."""
    seen_welcome(store)
    store.record_quiz(QuizResult(
        "first-go", date(2026, 11, 5), datetime(2026, 11, 5, 7, 0, tzinfo=timezone.utc),
        {"left": 4, "right": 2}, "amnesia", "right", False,
    ), {})


def step_core(answered: int) -> Callable[[GluteApp], list[str]]:
    """A step after `answered` answers: its title and every answer's label, from the content."""
    def core(app: GluteApp) -> list[str]:
        step = app.services.content.quiz.steps[answered]
        return [step.title, *(option.label for option in step.options)]
    return core


def result_core(answers: list[int]) -> Callable[[GluteApp], list[str]]:
    """The result of `answers` (option indexes), scored by the core: the verdict's title, the
    routine it recommends and each reason; after a red flag, the title and the first emergency sign."""
    def core(app: GluteApp) -> list[str]:
        content = app.services.content
        assessment = assess(content.quiz, answers)
        if assessment.red_flag:
            emergency = content.triage.tier("emergency")
            return [content.quiz.safety.title, f"{emergency.title} if: {emergency.signs[0].short};"]
        recommendation = assessment.recommendation
        assert recommendation is not None
        return [assessment.verdict.title, content.routines[recommendation.routine_id].name,
                *recommendation.reasons]
    return core


def leave_core(app: GluteApp) -> list[str]:
    """Esc mid-test: the question names how many answers would be lost."""
    given = len(app.screen_stack[-2].attempt.answers)
    return [f"Your {given} {plural(given, 'answer')} so far"]


def last_answer_core(answered: int) -> Callable[[GluteApp], list[str]]:
    """The step's title and its last answer, highlighted: in view whatever the size."""
    def core(app: GluteApp) -> list[str]:
        step = app.services.content.quiz.steps[answered]
        return [step.title, step.options[-1].label]
    return core


def answers_of(keys: tuple[str, ...]) -> list[int]:
    """The option indexes a scenario's digit keys give, after the s that opens the test."""
    return [int(key) - 1 for key in keys if key.isdigit()]


STANCE_LEAD_IN_S = 8.0
"""From Space to the stance's hold (content/quiz.toml)."""
RESULT_KEYS = ("s", "1", "2", "1", "2", "1", "2", "3")
RED_FLAG_KEYS = ("s", "1", "1", "3")

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "quiz-question",
        shows="The squeeze test's first step: step 1 of 7, the standing squeeze on the LEFT "
        "side, its instructions and seven answers: four about the squeeze, three 'It hurt' "
        "answers (outside of the hip; groin or front of the hip; back, buttock or leg).",
        press=("s",), prepare=seen_welcome, core=step_core(0),
    ),
    Scenario(
        "quiz-countdown",
        shows="Single-leg stance on the left, 12 s into its 30 s hold (after its 8 s lead-in): "
        "HOLD as large as the room allows in place of the instructions, the big countdown at 18 "
        "(one line of seconds on a short terminal), all five answers open before it ends, and "
        "the footer no longer offering Space: the hold cannot be restarted.",
        press=("s", "1", "2", "space"), prepare=seen_welcome, advance=STANCE_LEAD_IN_S + 12.0,
        core=step_core(2),
    ),
    Scenario(
        "quiz-last-answer",
        shows="The same stance mid-hold with its last answer highlighted: on a short terminal "
        "the answers scroll, and the highlighted one is always in view.",
        press=("s", "1", "2", "space", "down", "down", "down", "down"), prepare=seen_welcome,
        advance=STANCE_LEAD_IN_S + 3.0, core=last_answer_core(2),
    ),
    Scenario(
        "quiz-lead-in",
        shows="The left bridge 3 s after Space: its position, 'On your back. Right foot up.', "
        "drawn as large as fits (plain bold text at 60x20) in place of the instructions, 9 s "
        "to go before the hold, 'Get into position…' and the count-in to come (three, two, "
        "hold), the answers still open below.",
        press=("s", "1", "1", "1", "1", "space"), prepare=seen_welcome, advance=3.0,
        core=lambda app: [app.services.content.quiz.steps[4].title, "Get into position…"],
    ),
    Scenario(
        "quiz-leave-asks",
        shows="Esc after two answers: a question over the test says the 2 answers so far will "
        "not be saved, Enter leaves and Esc keeps going.",
        press=("s", "1", "2", "escape"), prepare=seen_welcome, core=leave_core,
    ),
    Scenario(
        "quiz-result",
        shows="A result with the right side weaker after long sitting: Sleepy, the scores per "
        "side, the change since 05 Nov, and the focus routine recommended with its extra set "
        "on the right, before the why and the tips.",
        press=RESULT_KEYS, prepare=taken_before, core=result_core(answers_of(RESULT_KEYS)),
    ),
    Scenario(
        "quiz-red-flag",
        shows="Pain on the outside of the hip in the single-leg stance stops the test: "
        "'Stopped for pain', then the red flags by urgency in a red box: every emergency sign "
        "first (all of them at 80x24 without scrolling), being seen today, then the signs of "
        "outer hip pain to have checked soon; below, the outer-hip note, no routine, and the "
        "footer offering l Safety lesson.",
        press=RED_FLAG_KEYS, prepare=seen_welcome, core=result_core(answers_of(RED_FLAG_KEYS)),
    ),
)

__all__ = ["SCENARIOS", "seen_welcome"]
