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
    Scenario("quiz-question", press=("s",), prepare=seen_welcome),
    # Single-leg stance, left, 12 s into its 30 s hold.
    Scenario("quiz-countdown", press=("s", "1", "2", "space"), prepare=seen_welcome, advance=12.0),
    # Right side weaker, long sitting: the focus routine with its extra set on the right.
    Scenario("quiz-result", press=("s", "1", "2", "1", "2", "1", "2", "3"), prepare=taken_before),
    Scenario("quiz-red-flag", press=("s", "1", "1", "3"), prepare=seen_welcome),
)

__all__ = ["SCENARIOS", "seen_welcome"]
