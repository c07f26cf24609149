"""'It hurts', pressed during the routine: where, then what to do about it, with numbers.

First where it hurts (1-5). Pain down the leg, tingling or numbness stops the routine for
today. Otherwise the rule is shown (above 3 of 10, sharp or building: skip the move) with an
easier version, skipping, the safety lesson, and carrying on. The reflex keys never carry
on: Enter skips the move (or stops the routine), Esc leaves it paused. Carrying on takes c.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui.core.content.exercises import Exercise
from gluteui.core.pain import (
    ASKED,
    MAX_EASIER,
    PLACES,
    RULE,
    STOP_TODAY,
    STOPS_THE_ROUTINE,
    WHY_STOP,
    PainChoice,
    PainReport,
)
from gluteui.widgets.text import markup


class PainDialog(ModalScreen[PainReport]):
    DEFAULT_CSS = """
    PainDialog { align: center middle; background: $background 60%; }
    #pain-box {
        width: 76; max-width: 95%; height: auto; max-height: 95%;
        border: thick $error; background: $surface; padding: 0 2;
    }
    #pain-title { text-style: bold; color: $error; margin: 1 0 0 0; }
    #pain-rule { margin: 1 0 0 0; }
    /* Docked: the keys stay in view while a long rule (the emergency signs) scrolls above. */
    #pain-choices { dock: bottom; padding: 1 0; background: $surface; }
    """
    BINDINGS = [
        *(Binding(str(n), f"digit({n})", "Choose", show=False) for n in range(1, len(ASKED) + 1)),
        Binding("enter", "reflex", "Skip this move", id="pain_skip", key_display="Enter"),
        Binding("s", "choose('skipped')", "Skip this move", show=False),
        Binding("l", "choose('safety')", "Safety lesson", id="pain_safety"),
        Binding("c", "choose('carried on')", "Carry on", id="pain_carry_on"),
        Binding("escape", "choose('paused')", "Stay paused", id="pain_paused"),
    ]

    where: reactive[str | None] = reactive(None)
    """Where it hurts, once said: the second step."""

    def __init__(self, exercise: Exercise, emergency: str = "") -> None:
        super().__init__()
        self.exercise = exercise
        self.emergency = emergency
        """The emergency signs in a line, shown with pain down the leg."""
        self.easier = exercise.easier[:MAX_EASIER]

    @property
    def stopping(self) -> bool:
        """Pain down the leg, tingling or numbness: the routine stops; no easier version."""
        return self.where == STOPS_THE_ROUTINE

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pain-box"):
            yield Static(markup("It hurts: $name is paused.", name=self.exercise.name), id="pain-title")
            yield Static(id="pain-rule")
            yield Static(id="pain-choices")

    def on_mount(self) -> None:
        self.show_step()

    def watch_where(self) -> None:
        if self.is_mounted:
            self.show_step()
            self.refresh_bindings()

    def show_step(self) -> None:
        choices = Table.grid(padding=(0, 2))
        choices.add_column(justify="right", style="bold", no_wrap=True)
        choices.add_column()
        rule = self.query_one("#pain-rule", Static)
        name = self.exercise.name
        if self.where is None:
            rule.update("Where does it hurt?")
            for n, place in enumerate(ASKED, 1):
                choices.add_row(str(n), Text(PLACES[place]))
            choices.add_row("Enter", Text(f"Skip the rest of {name} without saying"))
        elif self.stopping:
            rule.update(markup("[b]$stop[/b] $why [b $error]$emergency[/]",
                               stop=STOP_TODAY, why=WHY_STOP, emergency=self.emergency))
            choices.add_row("Enter", Text("Stop the routine here (what you did is kept)"))
            choices.add_row("l", Text("Stop and read the safety lesson"))
        else:
            rule.update(markup("[b]$where.[/b] $rule", where=PLACES[self.where], rule=RULE))
            choices.add_row("Enter", Text(f"Skip the rest of {name} today"))
            if self.easier:
                choices.add_row("", Text("Mild, up to 3 of 10? Go on, but easier:", style="bold"))
            for n, way in enumerate(self.easier, 1):
                choices.add_row(str(n), Text(way))
            choices.add_row("l", Text("Skip it and read the safety lesson (the routine waits)"))
            choices.add_row("c", Text("Carry on as before (mild pain only)"))
        choices.add_row("Esc", Text("Stay paused"))
        self.query_one("#pain-choices", Static).update(choices)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "digit":
            number = parameters[0]
            limit = len(ASKED) if self.where is None else 0 if self.stopping else len(self.easier)
            return isinstance(number, int) and number <= limit
        if action == "choose" and parameters[0] in ("carried on", "safety", "skipped"):
            # Nothing is decided before saying where, and pain down the leg is not carried on.
            return self.where is not None and not (self.stopping and parameters[0] != "safety")
        return True

    def action_digit(self, number: int) -> None:
        if self.where is None:
            self.where = ASKED[number - 1]
        else:
            self.dismiss(PainReport(self.where, "easier", number - 1))

    def action_reflex(self) -> None:
        """Enter is never "carry on": it skips the move, or stops the routine."""
        self.action_choose("stopped" if self.stopping else "skipped")

    def action_choose(self, choice: PainChoice) -> None:
        self.dismiss(PainReport(self.where or "unsaid", choice))
