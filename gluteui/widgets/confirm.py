"""A question with two answers over the current screen: Enter for the first, Esc for the other.

The routine's stop question must not answer to the player's own keys (n is Next set
there), so it adds only keys that mean the same on both screens: s stops, space goes on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.widgets.text import markup, plain


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True for the first answer, False for the second (or Esc)."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("enter", "answer(True)", "Yes", id="yes"),
        Binding("escape", "answer(False)", "No", id="no"),
    ]
    KEYS = ("Enter", "Esc")
    """How the keys of the two answers read in the dialog."""

    def __init__(self, question: str, yes: str = "yes", no: str = "no") -> None:
        super().__init__()
        self.question = question
        self.answers = (yes, no)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(plain(self.question), id="confirm-question")
            yield Static(markup(
                "[b]$yes_keys[/b] $yes    [b]$no_keys[/b] $no",
                yes_keys=self.KEYS[0], yes=self.answers[0], no_keys=self.KEYS[1], no=self.answers[1],
            ), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class StopDialog(ConfirmDialog):
    """"Stop the routine here?" s or Enter stops; Space or Esc goes on, as Space resumes."""

    BINDINGS = [
        Binding("enter,s", "answer(True)", "Stop here", id="yes"),
        Binding("escape,space", "answer(False)", "Keep going", id="no"),
    ]
    KEYS = ("s / Enter", "Space / Esc")
