"""What a screen asks of the App. Screens post these; the App handles them with @on.

Screens never call the App or push each other: each request names what is wanted and
the App decides how (which screen, whether one is already open, what to say on failure).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    # Only the routine's end carries one; Home's first frame need not load the records.
    from gluteui.core.history.records import Session


@dataclass
class Open(Message):
    """Go to a destination (see screens.destinations): a place you pass through takes the
    place of the one on top; one already open is come back to rather than opened again."""

    destination: str


@dataclass
class Back(Message):
    """Leave this screen for the one under it (Home, or the routine a place was opened over)."""


@dataclass
class ShowSafety(Message):
    """Open the safety lesson: after pain, a red flag or a run that went badly."""


@dataclass
class StartRoutine(Message):
    """Run a routine now, in place of the screen that asks (the picker, the squeeze test)."""

    routine_id: str


@dataclass
class RoutineEnded(Message):
    """The routine player is done: finished, or stopped part-way. Show what was done."""

    session: Session
    finished: bool
    """False when the user stopped it part-way."""


@dataclass
class SaveFailed(Message):
    """A change could not be written; the store keeps it in memory and the writer retries."""

    problem: str


@dataclass
class Saved(Message):
    """Changes that waited after a failed save are on disk now."""


@dataclass
class SaveStateChanged(Message):
    """Sent to the screen on top when saving starts failing or works again, so a screen that
    says "Saved." can say otherwise (Services.unsaved holds why)."""


@dataclass
class ContentFailed(Message):
    """content/ cannot be used: the App stops with this one line."""

    problem: str


@dataclass
class HistoryRead(Message):
    """The history was just read in full: the store may have found damaged entries to report."""


@dataclass
class RemoteCommand(Message):
    """A button pressed on the phone remote (gluteui.remote.commands), sent by the App to the
    routine player: the player acts on it as on its own key."""

    name: str
    arg: int | None = None


@dataclass
class RemoteChanged(Message):
    """Sent to the routine player when the phone remote starts or stops, or a phone comes or
    goes: it says so in its title and publishes what it shows."""
