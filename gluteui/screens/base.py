"""What every full screen of GluteUI shares: the services it was given, how it saves, and
what kind of place it is.

How a screen reaches the rest of the app, the same on every screen:
- it reads and writes the user's history through its services (`self.services.store`), and
  every write goes through `save`, which reports a failure the one way (`Services.save`);
- it asks its own questions with modal dialogs (`self.app.push_screen(dialog, callback)`,
  Textual's way of asking);
- anything else (going somewhere, starting a routine, leaving) is a message to the App
  (screens/messages.py): a screen never pushes, pops or switches another screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.screen import Screen

from gluteui.services import Services


class GluteScreen(Screen[None]):
    """A screen made with the app's services; requests go to the App as messages."""

    place: ClassVar[str | None] = None
    """The destination (screens/destinations.py) this screen is, if it is one."""
    passing: ClassVar[bool] = False
    """A place you look in and leave (lessons, progress, the routine picker): going to another
    place takes its place, so jumping around never piles screens up."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def save(self, write: Callable[[], object]) -> bool:
        """Run a store write; when the disk says no, the App says "Not saved yet" once.

        The store keeps a failed change in memory, shows it and saves it when it can.
        """
        return self.services.save(write)
