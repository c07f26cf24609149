"""'It hurts', pressed during the routine: an easier way to do the move, skip it, or read
the safety lesson while the routine waits.

Dismisses with ("easier", n) for the n-th easier version, "skipped", "safety" (skip it
and read the safety lesson) or "carried on" (Esc: go on as before).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui.core.content.exercises import Exercise
from gluteui.widgets.text import markup

PainAnswer = tuple[str, int] | str
MAX_EASIER = 3
"""Easier versions offered, on keys 1-3 (content may list more; the first ones are offered)."""


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
        with Vertical(id="pain-box"):
            yield Static(markup("It hurts: $name is paused.", name=self.exercise.name), id="pain-title")
            lines = [markup(f"[b]{n}[/b]  Go on, easier: $way", way=way) for n, way in enumerate(self.easier, 1)]
            lines.append(markup("[b]s[/b]  Skip the rest of $name today", name=self.exercise.name))
            lines.append(markup("[b]l[/b]  Skip it and read the safety lesson (the routine waits)"))
            lines.append(markup("[b]Esc[/b]  Carry on as before"))
            yield Static(Content("\n").join(lines), id="pain-choices")
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
