"""Every place the app can take you, in one table: Home's menu, the command palette and
the help screen all read it, and the App opens them from it.

A destination's screen module is imported only when it is first opened, so the first
screen stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from gluteui.services import Services


@dataclass(frozen=True)
class Destination:
    """One place to go: its name (the message's and the binding's), title, help and key."""

    name: str
    title: str
    help: str
    key: str
    """The key that opens it from Home."""
    key_display: str
    screen: str
    """"module:Class" (or "module:Class.factory") under gluteui.screens, called with the services.
    Empty for the player, which the App opens with today's plan of the recommended routine."""

    def make(self, services: Services) -> Screen:
        """A new screen for this destination."""
        module, path = self.screen.split(":")
        factory: Callable[[Services], Screen] = reduce(
            getattr, path.split("."), import_module(f"gluteui.screens.{module}")
        )
        return factory(services)


DESTINATIONS: tuple[Destination, ...] = (
    Destination("player", "Start activation", "Begin the recommended routine now",
                "enter", "Enter", ""),
    Destination("lessons", "Lessons", "Short lessons on sitting, the glutes and the evidence",
                "l", "l", "lessons:LessonsScreen"),
    Destination("quiz", "Squeeze test", "Check, side by side, how well your glutes fire",
                "s", "s", "quiz:QuizScreen"),
    Destination("routines", "Routines", "Choose a routine: standard, quick or focus",
                "r", "r", "routines:RoutinesScreen"),
    Destination("progress", "Progress", "Streaks, calendar, squeeze-test trend, run check-ins",
                "p", "p", "progress:ProgressScreen"),
)
BY_NAME = {destination.name: destination for destination in DESTINATIONS}
