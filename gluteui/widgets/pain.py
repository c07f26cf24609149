"""'It hurts', pressed during the routine: an easier way to do the move, skip it, or read
the safety lesson while the routine waits.

Dismisses with ("easier", n) for the n-th easier version, "skipped", "safety" (skip it
and read the safety lesson) or "carried on" (Esc: go on as before).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui.core.content.exercises import Exercise
from gluteui.widgets.text import markup

PainAnswer = tuple[str, int] | str
MAX_EASIER = 3
"""Easier versions offered, on keys 1 to 3 (content may list more; the first ones are offered)."""


class PainDialog(ModalScreen[PainAnswer]):
    DEFAULT_CSS = """
    PainDialog { align: center middle; background: $background 60%; }
    #pain-box {
        width: 76; max-width: 95%; height: auto; max-height: 95%;
        border: thick $error; background: $surface; padding: 0 2;
    }
    #pain-title { text-style: bold; color: $error; margin: 1 0 0 0; }
    #pain-choices { margin: 1 0; }
    #pain-stop { color: $text-muted; margin: 0 0 1 0; }
    """
    BINDINGS = [
        *(Binding(str(n), f"easier({n - 1})", "Easier", show=False) for n in range(1, MAX_EASIER + 1)),
        Binding("s", "answer('skipped')", "Skip this move", id="pain_skip"),
        Binding("l", "answer('safety')", "Safety lesson", id="pain_safety"),
        Binding("escape", "answer('carried on')", "Carry on", id="pain_carry_on"),
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise
        self.easier = exercise.easier[:MAX_EASIER]

    def compose(self) -> ComposeResult:
        name = self.exercise.name
        with Vertical(id="pain-box"):
            yield Static(markup("It hurts: $name is paused.", name=name), id="pain-title")
            choices = Table.grid(padding=(0, 2))
            choices.add_column(justify="right", style="bold", no_wrap=True)
            choices.add_column()
            if self.easier:
                choices.add_row("", Text("Go on, but easier:", style="bold"))
            for n, way in enumerate(self.easier, 1):
                choices.add_row(str(n), Text(way))
            choices.add_row("s", Text(f"Skip the rest of {name} today"))
            choices.add_row("l", Text("Skip it and read the safety lesson (the routine waits)"))
            choices.add_row("Esc", Text("Carry on as before"))
            yield Static(choices, id="pain-choices")
            yield Static(
                "Sharp pain, pain that builds during a set, or pain down the leg: skip it and read "
                "the safety lesson. Mild discomfort that settles soon after is commonly fine.",
                id="pain-stop",
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "easier":
            return isinstance(parameters[0], int) and parameters[0] < len(self.easier)
        return True

    def action_easier(self, index: int) -> None:
        self.dismiss(("easier", index))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
