"""Every place the app can take you, in one table: Home's menu, the command palette and
the help screen all read it, and the App opens them from it.

Each destination names the function that makes its screen; the function imports the
screen's module only when it is first opened, so the first screen stays fast, and an
editor or a type checker can follow every name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from gluteui.services import Services


def _lessons(services: Services) -> Screen[None]:
    from gluteui.screens.lessons import LessonsScreen

    return LessonsScreen(services)


def _quiz(services: Services) -> Screen[None]:
    from gluteui.screens.quiz import QuizScreen

    return QuizScreen(services)


def _routines(services: Services) -> Screen[None]:
    from gluteui.screens.routines import RoutinesScreen

    return RoutinesScreen(services)


def _progress(services: Services) -> Screen[None]:
    from gluteui.screens.progress import ProgressScreen

    return ProgressScreen(services)


@dataclass(frozen=True)
class Destination:
    """One place to go: its name (the message's and the binding's), title, help and key."""

    name: str
    title: str
    help: str
    key: str
    """The key that opens it from Home."""
    key_display: str
    make: Callable[[Services], Screen[None]] | None
    """Makes its screen. None for Start activation: the App starts the recommended routine
    its one way (health questions, today's plan, then the player)."""


DESTINATIONS: tuple[Destination, ...] = (
    Destination("player", "Start activation", "Begin the recommended routine now", "enter", "Enter", None),
    Destination("lessons", "Lessons", "Short lessons on sitting, the glutes and the evidence", "l", "l", _lessons),
    Destination("quiz", "Squeeze test", "Check, side by side, how well your glutes fire", "s", "s", _quiz),
    Destination("routines", "Routines", "Choose a routine: standard, quick or focus", "r", "r", _routines),
    Destination("progress", "Progress", "Streaks, calendar, squeeze-test trend, run check-ins", "p", "p", _progress),
)
BY_NAME = {destination.name: destination for destination in DESTINATIONS}
