"""Snapshot and screenshot scenarios of the quiz screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from tests.scenario_base import Scenario, seen_welcome


def taken_before(store: Store) -> None:
    """A first go three weeks earlier, so the result shows what changed."""
    seen_welcome(store)
    store.add_quiz_result(QuizResult(
        "first-go", date(2026, 11, 5), datetime(2026, 11, 5, 7, 0, tzinfo=timezone.utc),
        {"left": 4, "right": 2}, "amnesia", "right", False,
    ))


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "quiz-question",
        shows="The squeeze test's first step: step 1 of 7, the standing squeeze on the LEFT "
        "side, its instructions and seven answers: four about the squeeze, three 'It hurt' "
        "answers (outside of the hip; groin or front of the hip; back, buttock or leg).",
        press=("s",), prepare=seen_welcome,
    ),
    Scenario(
        "quiz-countdown",
        shows="Single-leg stance on the left, 12 s into its 30 s hold: the big countdown at 18, "
        "with all five answers, the three kinds of pain included, open before it ends.",
        press=("s", "1", "2", "space"), prepare=seen_welcome, advance=12.0,
    ),
    Scenario(
        "quiz-result",
        shows="A result with the right side weaker after long sitting: Sleepy, the scores per "
        "side, the change since 05 Nov, and the focus routine recommended with its extra set "
        "on the right.",
        press=("s", "1", "2", "1", "2", "1", "2", "3"), prepare=taken_before,
    ),
    Scenario(
        "quiz-red-flag",
        shows="Pain on the outside of the hip in the single-leg stance stops the test: "
        "'Stopped for pain', then the emergency signs in a red box first, the outer-hip note "
        "(can point to gluteal tendinopathy: see a physiotherapist or doctor), no routine, and "
        "the footer offering l Safety lesson; all of it at 80x24 without scrolling.",
        press=("s", "1", "1", "3"), prepare=seen_welcome,
    ),
)

__all__ = ["SCENARIOS", "seen_welcome"]
