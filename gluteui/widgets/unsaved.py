"""Asked when quitting with changes the disk refused: export them, quit anyway, or stay."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.widgets.text import plain

EXPORT, QUIT = "export", "quit"


class UnsavedDialog(ModalScreen[str | None]):
    """Dismisses with EXPORT, QUIT, or None to stay in the app."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("e,enter", f"answer('{EXPORT}')", "Export, then quit", id="export"),
        Binding("q", f"answer('{QUIT}')", "Quit anyway", id="quit-anyway"),
        Binding("escape", "answer(None)", "Stay", id="stay"),
    ]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static("[b]Not everything is saved[/b]", id="unsaved-title")
            yield Static(plain(
                f"{self.problem}. Quitting now loses what was not saved: export it to your "
                "home folder first, and `gluteui import` brings it back."
            ), id="confirm-question")
            yield Static(
                "[b]e / Enter[/b] export, then quit    [b]q[/b] quit anyway    [b]Esc[/b] stay",
                id="confirm-keys",
            )

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
