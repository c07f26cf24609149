"""Snapshot and screenshot scenarios of the lessons screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from tests.scenario_base import Scenario, seen_welcome


def read_two(store) -> None:
    """The first two lessons already read: the list shows its marks, the reader opens lesson 3."""
    seen_welcome(store)
    store.set_lesson_read("runners-paradox", True)
    store.set_lesson_read("gluteal-amnesia", True)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("lessons", press=("l",), prepare=seen_welcome),
    # Lesson 3 opens by itself (first unread) with the anatomy figure: glutes asleep.
    Scenario("lessons-who-steps-in", press=("l",), prepare=read_two),
    # `g` wakes the glutes: the figure's firing state.
    Scenario("lessons-anatomy-firing", press=("l", "3", "g"), prepare=seen_welcome),
    Scenario("lessons-safety", press=("l", "8"), prepare=seen_welcome),
)

__all__ = ["SCENARIOS", "seen_welcome"]
