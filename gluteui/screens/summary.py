"""After the routine: reps per exercise and side, time taken, and a feel check per exercise."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from gluteui.core.player import clock
from gluteui.core.records import Session

if TYPE_CHECKING:
    from gluteui.app import GluteApp

ANSWERS = {"yes": "yes", "no": "no", "unsure": "not sure"}


class SummaryScreen(Screen[None]):
    app: GluteApp
    TITLE = "Well done"
    BINDINGS = [
        Binding("y", "answer('yes')", "Felt it", id="feel_yes"),
        Binding("n", "answer('no')", "Didn't", id="feel_no"),
        Binding("u", "answer('unsure')", "Not sure", id="feel_unsure"),
        Binding("enter,escape", "finish", "Done", id="finish"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.feel: dict[str, str] = {}

    @property
    def exercise_ids(self) -> list[str]:
        return [e for e in self.session.reps if e in self.app.content.exercises]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-reps")
            yield Static(id="summary-feel")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session
        lines = [f"[b]Routine done[/b] in {clock(s.duration_s)} - {s.done_reps} of {s.planned_reps} reps\n"]
        for exercise_id in self.exercise_ids:
            name = self.app.content.exercises[exercise_id].name
            sides = "   ".join(f"{side} {count}" for side, count in s.reps[exercise_id].items())
            lines.append(f"  {name:<22}{sides}")
        self.query_one("#summary-reps", Static).update("\n".join(lines))
        self.show_feel()

    @property
    def asking(self) -> str | None:
        """The exercise whose feel check is being asked, or None when all are answered."""
        return next((e for e in self.exercise_ids if e not in self.feel), None)

    def show_feel(self) -> None:
        exercises = self.app.content.exercises
        lines = ["[b]Feel check[/b] - quality beats quantity: did each move land where it should?"]
        for exercise_id in self.exercise_ids:
            exercise = exercises[exercise_id]
            answer = self.feel.get(exercise_id)
            marker = "[reverse]>[/reverse]" if exercise_id == self.asking else " "
            shown = f"[b]{ANSWERS[answer]}[/b]" if answer else "[dim]y / n / u[/dim]"
            lines.append(f"{marker} {exercise.feel_check}  {shown}")
            if answer == "no":
                for mistake in exercise.mistakes[:2]:
                    lines.append(f"    [dim]If {mistake.mistake.lower().rstrip('.')}:[/dim] {mistake.fix}")
        if self.asking is None:
            lines.append("\nSaved. Press [b]Enter[/b] to go back home.")
        self.query_one("#summary-feel", Static).update("\n".join(lines))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return self.asking is not None
        return True

    def action_answer(self, answer: str) -> None:
        asking = self.asking
        if asking is None:
            return
        self.feel[asking] = answer
        self.session = replace(self.session, feel=dict(self.feel))
        self.app.save_session(self.session)
        self.show_feel()

    def action_finish(self) -> None:
        self.app.pop_screen()
