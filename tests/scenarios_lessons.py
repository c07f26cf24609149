"""Snapshot and screenshot scenarios of the lessons screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from tests.scenario_base import Scenario, seen_welcome


def read_two(store) -> None:
    """The first two lessons already read: the list shows its marks, the reader opens lesson 3."""
    seen_welcome(store)
    store.set_lesson_read("runners-paradox", True)
    store.set_lesson_read("gluteal-amnesia", True)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "lessons",
        shows="Lessons with nothing read: the eight lessons listed, lesson 1 open with its "
        "summary, and the pointer to the safety lesson.",
        press=("l",), prepare=seen_welcome,
    ),
    Scenario(
        "lessons-who-steps-in",
        shows="With lessons 1 and 2 ticked, Lessons opens on lesson 3 (the first unread) and "
        "its anatomy figure: glutes asleep, lower back and hamstrings stepping in.",
        press=("l",), prepare=read_two,
    ),
    Scenario(
        "lessons-anatomy-firing",
        shows="Lesson 3 after g: the figure's glutes firing and the back and hamstrings calm, "
        "with the footer now offering g Glutes off.",
        press=("l", "3", "g"), prepare=seen_welcome,
    ),
    Scenario(
        "lessons-safety",
        shows="Lesson 8, Safety first, opened with its digit: the takeaway names the emergency "
        "signs, then section 1, Emergency care now, lists saddle numbness and new bladder or "
        "bowel trouble first, all without scrolling at 80x24.",
        press=("l", "8"), prepare=seen_welcome,
    ),
)

__all__ = ["SCENARIOS", "seen_welcome"]
