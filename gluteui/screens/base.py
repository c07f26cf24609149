"""What every full screen of GluteUI shares: the services it was given, and how it saves."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from gluteui.core.history.store import StoreError
from gluteui.screens.messages import SaveFailed
from gluteui.services import Services


class GluteScreen(Screen[None]):
    """A screen made with the app's services; requests go to the App as messages."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def save(self, write: Callable[[], object]) -> bool:
        """Run a store write; when the disk says no, tell the App (it says "Not saved" once).

        The store keeps a failed change in memory, shows it and retries it with the next save.
        """
        try:
            write()
        except StoreError as error:
            self.post_message(SaveFailed(str(error)))
            return False
        return True
