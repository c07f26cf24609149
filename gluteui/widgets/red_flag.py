"""Before a routine after a squeeze test that flagged pain: checked, the safety lesson, or not now."""

from __future__ import annotations

from datetime import date
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.widgets.text import markup

RedFlagAnswer = Literal["checked", "safety", "later"]


class RedFlagDialog(ModalScreen[RedFlagAnswer]):
    """Dismisses with "checked" (y: start), "safety" (l or Enter: the safety lesson) or "later" (Esc).

    Starting takes a deliberate y: two Enters in a row must not start a routine after pain."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("y", "answer('checked')", "I've been checked, start", id="checked"),
        Binding("l,enter", "answer('safety')", "Safety lesson", id="safety_lesson", key_display="l"),
        Binding("escape", "answer('later')", "Not now", id="not_now"),
    ]

    def __init__(self, flagged_on: date) -> None:
        super().__init__()
        self.flagged_on = flagged_on

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(markup(
                "Your last squeeze test ($day) flagged pain. Have you had it checked?",
                day=f"{self.flagged_on:%a %d %b}",
            ), id="confirm-question")
            yield Static(
                "[b]y[/b] I have, start  [b]l[/b] safety lesson  [b]Esc[/b] not now",
                id="confirm-keys",
            )

    def action_answer(self, answer: RedFlagAnswer) -> None:
        self.dismiss(answer)
