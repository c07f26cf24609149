"""Snapshot and screenshot scenarios of the lessons screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gluteui.core.content.lessons import Lesson
from tests.scenario_base import Scenario, seen_welcome

if TYPE_CHECKING:
    from gluteui.app import GluteApp


def read_two(store) -> None:
    """The first two lessons already read: the list shows its marks, the reader opens lesson 3."""
    seen_welcome(store)
    store.set_lesson_read("runners-paradox", True)
    store.set_lesson_read("gluteal-amnesia", True)


def lesson_core(pick: Callable[[GluteApp], Lesson]) -> Callable[[GluteApp], list[str]]:
    """The lesson `pick` finds in the content and the store: its title and its takeaway."""
    def core(app: GluteApp) -> list[str]:
        lesson = pick(app)
        return [lesson.title, lesson.takeaway]
    return core


def first_unread(app: GluteApp) -> Lesson:
    read = app.services.store.lessons_read()
    return next(lesson for lesson in app.services.content.lessons if lesson.id not in read)


def number(n: int) -> Callable[[GluteApp], Lesson]:
    return lambda app: app.services.content.lessons[n - 1]


def safety(app: GluteApp) -> Lesson:
    return next(lesson for lesson in app.services.content.lessons if lesson.safety)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "lessons",
        shows="Lessons with nothing read: the eight lessons listed with their whole titles, "
        "lesson 1 open with its summary, and (from 24 rows) the pointer to the safety lesson.",
        press=("l",), prepare=seen_welcome, core=lesson_core(first_unread),
    ),
    Scenario(
        "lessons-who-steps-in",
        shows="With lessons 1 and 2 ticked, Lessons opens on lesson 3 (the first unread) and "
        "its anatomy figure: glutes asleep, lower back and hamstrings stepping in.",
        press=("l",), prepare=read_two, core=lesson_core(first_unread),
    ),
    Scenario(
        "lessons-anatomy-firing",
        shows="Lesson 3 after g: the figure's glutes firing and the back and hamstrings calm, "
        "with the footer now offering g Glutes off.",
        press=("l", "3", "g"), prepare=seen_welcome, core=lesson_core(number(3)),
    ),
    Scenario(
        "lessons-safety",
        shows="Lesson 8, Safety first, opened with its digit: the takeaway names the emergency "
        "signs, then section 1, Emergency care now, lists saddle numbness and new bladder or "
        "bowel trouble first, all without scrolling at 80x24.",
        press=("l", "8"), prepare=seen_welcome, core=lesson_core(safety),
    ),
    Scenario(
        "lessons-sources",
        shows="The end of lesson 2: its sources, each wrapping under its own first word (a "
        "long DOI folds rather than being cut), and the next lesson's title after the arrow.",
        press=("l", "2", "end"), prepare=seen_welcome, fresh_at_each_size=True,
        core=lambda app: [app.services.content.lessons[1].sources[-2],
                          f"Next lesson — {app.services.content.lessons[2].title}"],
    ),
)

__all__ = ["SCENARIOS", "seen_welcome"]
